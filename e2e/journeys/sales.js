// Creating a customer, the country rule, adding products and placing an
// order (SPEC 3.1).
"use strict";

const { signIn, signOut, ADMIN, assertFormErrors } = require("./people");

// Demo catalog names (catalog data, the same in every language).
const KEYED = "Windows Server 2022 Datacenter";
const SECOND = "SQL Server 2022 Standard";
const AZURE = "Azure Reserved VM Instance";

async function customerJourney(env, assert) {
  const { page, context } = await env.person();
  await signIn(env, page, ADMIN);
  await page.goto(`${env.server.base}/customers`);
  await env.step(page, "customer/list");
  await page.goto(`${env.server.base}/customers/new`);
  await env.step(page, "customer/new");
  // Nothing filled in: every required field says so, all at once.
  await Promise.all([page.waitForNavigation(), page.locator('form[action="/customers"] button[type=submit]').click()]);
  await assertFormErrors(page, assert, ["company_name", "primary_domain", "country", "billing_name", "billing_email"]);
  // The summary's link moves focus to its field.
  await page.locator('.error-summary a[href="#company_name"]').click();
  assert.equal(await page.evaluate(() => document.activeElement.id), "company_name");
  await env.step(page, "customer/errors");
  // By keyboard: type, Tab to the next field.
  const name = `Kraków Software ${env.lang}`;
  await page.locator("#company_name").fill(name);
  await page.locator("#primary_domain").fill(`e2e-${env.state.run}.onmicrosoft.com`);
  await page.locator("#country").selectOption("PL");
  await page.locator("#billing_name").fill("Zofia Nowak");
  await page.locator("#billing_email").fill(`billing-${env.state.run}@e2e.example`);
  await page.locator("#billing_email").focus();
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  const m = new URL(page.url()).pathname.match(/^\/customers\/([0-9a-f-]{36})$/);
  assert.ok(m, `a new customer's page, not ${page.url()}`);
  assert.equal((await page.locator("h1").innerText()).trim(), name);
  await env.step(page, "customer/created");
  env.state.customer = { id: m[1], name };
  await context.close();
}

/** The offered products of a customer's Add products page, by name. */
async function offered(page) {
  return page.locator("form table tbody th[scope=row]").allInnerTexts();
}

async function countryRuleJourney(env, assert) {
  const { page, context } = await env.person();
  await signIn(env, page, ADMIN);
  // Proseware is in China: no reserved instances there (SPEC 3.1).
  await page.goto(`${env.server.base}/customers`);
  const proseware = page.locator("a", { hasText: "Proseware" }).first();
  await Promise.all([page.waitForNavigation(), proseware.click()]);
  const id = new URL(page.url()).pathname.split("/")[2];
  await page.goto(`${env.server.base}/customers/${id}/add-products`);
  await env.step(page, "country-rule/restricted");
  const there = (await offered(page)).map((s) => s.trim());
  assert.ok(there.includes(KEYED), `${KEYED} is offered in CN`);
  assert.ok(!there.some((n) => n.startsWith(AZURE)), `${AZURE} must not be offered in CN`);
  // The new customer is in Poland: offered.
  await page.goto(`${env.server.base}/customers/${env.state.customer.id}/add-products`);
  const here = (await offered(page)).map((s) => s.trim());
  assert.ok(here.some((n) => n.startsWith(AZURE)), `${AZURE} is offered in PL`);
  await context.close();
}

async function orderJourney(env, assert) {
  const { page, context } = await env.person();
  await signIn(env, page, ADMIN);
  const c = env.state.customer;
  await page.goto(`${env.server.base}/customers/${c.id}`);
  // Add products is reached from the customer's tabs.
  await Promise.all([page.waitForNavigation(), page.locator(`a[href="/customers/${c.id}/add-products"]`).first().click()]);
  await env.step(page, "order/add-products");
  // A quantity that is not a number: the row says so, nothing placed.
  await page.getByLabel(KEYED, { exact: true }).fill("-3");
  await Promise.all([page.waitForNavigation(), page.locator('form[action$="/add-products/review"] button[type=submit]').click()]);
  assert.ok(await page.locator(".error-summary").isVisible(), "a bad quantity is refused");
  await env.step(page, "order/bad-quantity");
  await page.getByLabel(KEYED, { exact: true }).fill("1");
  await page.getByLabel(SECOND, { exact: true }).fill("2");
  await Promise.all([page.waitForNavigation(), page.locator('form[action$="/add-products/review"] button[type=submit]').click()]);
  assert.match(new URL(page.url()).pathname, /\/add-products\/review$/);
  await env.step(page, "order/review");
  await Promise.all([page.waitForNavigation(), page.locator(`form[action="/customers/${c.id}/orders"] button[type=submit]`).click()]);
  const m = new URL(page.url()).pathname.match(/\/orders\/([0-9a-f-]{36})$/);
  assert.ok(m, `the order's page, not ${page.url()}`);
  await env.step(page, "order/placed");
  c.orderId = m[1];
  await page.goto(`${env.server.base}/customers/${c.id}/software`);
  await env.step(page, "order/software-list");
  const rows = page.locator("table.software-list tbody tr");
  assert.equal(await rows.count(), 2, "two purchases on the Software tab");
  await context.close();
}

module.exports = { customerJourney, countryRuleJourney, orderJourney, KEYED, SECOND, AZURE };
