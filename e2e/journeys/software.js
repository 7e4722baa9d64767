// Keys and downloads (SPEC 3.3), download links, the customer's own view
// (3.5), cancelling through Report a problem (3.4) and the operator's
// decisions, the activity log and its CSV (3.6).
"use strict";

const crypto = require("node:crypto");
const fs = require("node:fs");
const { signIn, signOut, ADMIN, OPERATOR, assertFormErrors } = require("./people");
const { KEYED, SECOND } = require("./sales");

const KEY_SHAPE = /^[A-Z0-9]{4,5}(-[A-Z0-9]{4,5}){4,7}$/;

/** Opens Get keys and downloads for `product` from a software list. */
async function openPurchase(page, listUrl, product) {
  await page.goto(listUrl);
  const row = page.locator("table.software-list tbody tr", { has: page.locator("th", { hasText: product }) }).first();
  await Promise.all([page.waitForNavigation(), row.locator("a.button").first().click()]);
}

/** Chooses version, language and platform of one existing file, then shows the files. */
async function chooseFiles(page, language = "en-US") {
  const combos = JSON.parse(await page.locator("form.selectors").getAttribute("data-combos"));
  const combo = combos.find((c) => c.l === language) || combos[0];
  await page.locator("select#version").selectOption(combo.v);
  await page.locator("select#language").selectOption(combo.l);
  await page.locator("select#platform").selectOption(combo.p);
  await Promise.all([page.waitForNavigation(), page.locator('form.selectors button[name="show"]').click()]);
  return combo;
}

/**
 * Get key with the keyboard only: Enter on the button opens the dialog
 * with focus inside, Tab stays inside, Copy puts the key on the clipboard,
 * Escape closes it and focus is back on the button.
 */
async function revealKeyByKeyboard(env, page, assert, stepName) {
  const trigger = page.locator("form.get-key button");
  await trigger.focus();
  await page.keyboard.press("Enter");
  const dialog = page.locator("#key-dialog");
  await dialog.locator("[data-key-target]").filter({ hasText: /\S/ }).waitFor();
  const key = (await dialog.locator("[data-key-target]").innerText()).trim();
  assert.match(key, KEY_SHAPE, "a grouped product key");
  const inside = () => page.evaluate(() => document.getElementById("key-dialog").contains(document.activeElement));
  assert.ok(await inside(), "focus moves into the dialog");
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press("Tab");
    assert.ok(await inside(), `focus stays in the dialog after ${i + 1} Tab`);
  }
  await page.keyboard.press("Shift+Tab");
  assert.ok(await inside(), "focus stays in the dialog after Shift+Tab");
  await env.step(page, `${stepName}/key-dialog`);
  // The copy button, by keyboard.
  await dialog.locator("button[data-copy-from]").focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), key, "the key is on the clipboard");
  await page.keyboard.press("Escape");
  assert.equal(await dialog.evaluate((d) => d.open), false, "Escape closes the dialog");
  assert.equal(await dialog.locator("[data-key-target]").innerText(), "", "the key leaves the page with the dialog");
  assert.ok(await trigger.evaluate((b) => b === document.activeElement), "focus is back on Get key");
  return key;
}

async function keysJourney(env, assert) {
  const { page, context } = await env.person();
  await signIn(env, page, ADMIN);
  const c = env.state.customer;
  // A short id's Copy button (the script makes one per id) copies the whole id.
  await page.goto(`${env.server.base}/customers/${c.id}/software`);
  const shortId = page.locator("table.software-list code[data-copy-id]").first();
  const whole = await shortId.getAttribute("data-copy-id");
  const copyId = page.locator("table.software-list button.copy-id").first();
  assert.equal(await page.locator("table.software-list button.copy-id").count(),
    await page.locator("table.software-list code[data-copy-id]").count(), "a Copy button per short id");
  assert.ok((await copyId.getAttribute("aria-label")).includes(whole), "the button names the whole id");
  assert.equal(await shortId.getAttribute("title"), whole, "the whole id on hover");
  await copyId.click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), whole, "the whole id is on the clipboard");
  await openPurchase(page, `${env.server.base}/customers/${c.id}/software`, KEYED);
  await env.step(page, "keys/purchase");
  const combo = await chooseFiles(page);
  await env.step(page, "keys/files");
  const row = page.locator("table.files tbody tr").first();
  assert.ok(await row.isVisible(), `a file for ${JSON.stringify(combo)}`);
  await revealKeyByKeyboard(env, page, assert, "keys");

  // Download: the file named in the row, with the SHA-256 the row shows.
  const [download] = await Promise.all([page.waitForEvent("download"), row.locator("a[download]").click()]);
  const fileName = (await row.locator("td").first().innerText()).trim();
  assert.equal(download.suggestedFilename(), fileName);
  const saved = await download.path();
  const sha = crypto.createHash("sha256").update(fs.readFileSync(saved)).digest("hex");
  assert.equal(sha, (await row.locator("code.hash").innerText()).trim(), "the bytes match the SHA-256 shown");
  c.purchaseUrl = page.url();
  await context.close();
}

async function linksJourney(env, assert) {
  const { page, context } = await env.person();
  await signIn(env, page, ADMIN);
  const c = env.state.customer;
  await page.goto(env.state.customer.purchaseUrl);
  const before = await page.locator("#links table.link-table").first().locator("tbody tr").count().catch(() => 0);

  // One press: the link is made, on the clipboard, said in the live region,
  // and the links table shows it, without a page load.
  const status = page.locator("#link-status");
  await page.locator("form.copy-link button").first().click();
  await status.filter({ hasText: /\S/ }).waitFor();
  const url = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(url, new RegExp(`^${env.server.base.replace(/[.]/g, "\\.")}/d/[A-Za-z0-9_-]+$`), "a link on the clipboard");
  assert.equal(await page.locator("#links table.link-table").first().locator("tbody tr").count(), before + 1, "the links table shows the new link");
  // The table shows the start of each address, enough to tell links apart.
  const shown = (await page.locator("#links table.link-table code").allInnerTexts()).map((t) => t.replace(/…$/, "").trim());
  assert.ok(shown.some((start) => start.length > 4 && new URL(url).pathname.startsWith(start)), `the table shows the start of ${url}: ${shown}`);
  await env.step(page, "links/copied");

  // Signed out, in another browser: the link downloads.
  const stranger = await env.person();
  const [download] = await Promise.all([
    stranger.page.waitForEvent("download"),
    stranger.page.goto(url).catch(() => null),
  ]);
  assert.ok(download.suggestedFilename().length > 0, "the link gives a file");
  await download.path();

  // Without JavaScript, the same form posts and the page shows the link to copy.
  const plain = await env.person({ javaScriptEnabled: false });
  await signIn(env, plain.page, ADMIN);
  await plain.page.goto(env.state.customer.purchaseUrl);
  await Promise.all([plain.page.waitForNavigation(), plain.page.locator("form.copy-link button").first().click()]);
  assert.equal(await plain.page.locator("#new-link-url").inputValue(), url, "Copy link again renews the same link");
  await env.step(plain.page, "links/without-javascript", { axe: false });
  const shownAt = plain.page.url();
  await plain.context.close();
  // The same page (the link just given, to copy) with JavaScript, for axe.
  await page.goto(shownAt);
  await env.step(page, "links/given");

  // Revoke (the confirmation is answered yes): the link stops at once.
  await page.goto(env.state.customer.purchaseUrl);
  await Promise.all([page.waitForNavigation(), page.locator('#links form[action*="/revoke"] button').first().click()]);
  await env.step(page, "links/revoked");
  const gone = await stranger.page.goto(url).catch((e) => e);
  assert.equal(gone.status ? gone.status() : null, 410, "a revoked link answers 410");
  await env.step(stranger.page, "links/revoked-link");
  await stranger.context.close();
  await context.close();
  void c;
}

async function customerAdminJourney(env, assert) {
  const ga = env.state.customerAdmin;
  assert.ok(ga, "the invitation journey made the customer's admin");
  const { page, context } = await env.person();
  await signIn(env, page, ga.email, ga.password);
  await page.goto(`${env.server.base}/my/software`);
  await env.step(page, "customer-admin/software");
  const products = (await page.locator("table.software-list tbody th").allInnerTexts()).map((s) => s.trim());
  assert.deepEqual(products.sort(), [KEYED, SECOND].sort(), "only their own tenant's purchases");
  // No partner pages for them.
  const res = await page.goto(`${env.server.base}/customers`);
  assert.equal(res.status(), 403);
  await env.step(page, "customer-admin/forbidden");
  await openPurchase(page, `${env.server.base}/my/software`, KEYED);
  await chooseFiles(page);
  await env.step(page, "customer-admin/files");
  await revealKeyByKeyboard(env, page, assert, "customer-admin");
  assert.equal(await page.locator("form.copy-link").count(), 0, "no Copy link for a customer");
  await context.close();
}

/** Cancels `product` through Report a problem; the request's id. */
async function fileCancellation(env, page, assert, product, stepName) {
  const c = env.state.customer;
  await page.goto(`${env.server.base}/customers/${c.id}/software`);
  const row = page.locator("table.software-list tbody tr", { has: page.locator("th", { hasText: product }) }).first();
  await Promise.all([page.waitForNavigation(), row.locator('a.button[href^="/support/new"]').click()]);
  await env.step(page, `${stepName}/form`);
  // The reason is the partner's to write: without it, the form says so.
  await Promise.all([page.waitForNavigation(), page.locator('form[action="/support"] button[type=submit]').click()]);
  assert.ok(await page.locator('.error-summary a[href="#refund_reason"]').count() === 1, "a refund needs its reason");
  await env.step(page, `${stepName}/errors`);
  await page.locator("#refund_reason").fill(`Ordered by mistake (${env.lang}).`);
  await page.locator("#files").setInputFiles({ name: "receipt.txt", mimeType: "text/plain", buffer: Buffer.from("Order receipt\n") });
  await Promise.all([page.waitForNavigation(), page.locator('form[action="/support"] button[type=submit]').click()]);
  const m = new URL(page.url()).pathname.match(/^\/support\/([0-9a-f-]{36})$/);
  assert.ok(m, `the request's page, not ${page.url()}`);
  assert.equal(await page.locator('a[href*="/attachments/"]').count(), 1, "the attachment is on the request");
  await env.step(page, `${stepName}/filed`);
  return m[1];
}

async function cancelJourney(env, assert) {
  const { page, context } = await env.person();
  await signIn(env, page, ADMIN);
  env.state.requests = {
    approve: await fileCancellation(env, page, assert, KEYED, "cancel"),
    reject: await fileCancellation(env, page, assert, SECOND, "cancel-second"),
  };
  await page.goto(`${env.server.base}/customers/${env.state.customer.id}/software`);
  await env.step(page, "cancel/software-list");
  await context.close();
}

async function operatorJourney(env, assert) {
  const { page, context } = await env.person();
  await signIn(env, page, OPERATOR);
  await page.goto(`${env.server.base}/operator/requests`);
  await env.step(page, "operator/queue");
  const { approve, reject } = env.state.requests;

  await page.goto(`${env.server.base}/operator/requests/${approve}`);
  await env.step(page, "operator/request");
  await Promise.all([page.waitForNavigation(), page.locator('form[action$="/take"] button').click()]);
  await Promise.all([page.waitForNavigation(), page.locator('button[name="decision"][value="approve"]').click()]);
  await page.goto(`${env.server.base}/operator/requests/${approve}`);
  assert.equal(await page.locator('a[href^="/credit-notes/"]').count(), 1, "approved: a credit note");
  await env.step(page, "operator/approved");
  await Promise.all([page.waitForNavigation(), page.locator('a[href^="/credit-notes/"]').click()]);
  await env.step(page, "operator/credit-note");

  await page.goto(`${env.server.base}/operator/requests/${reject}`);
  // Rejecting needs a reason: without one the server says so.
  await Promise.all([page.waitForNavigation(), page.locator('button[name="decision"][value="reject"]').click()]);
  await assertFormErrors(page, assert, ["reply"]);
  await env.step(page, "operator/reject-errors");
  await page.locator("#reply").fill("The licence was already in use.");
  await Promise.all([page.waitForNavigation(), page.locator('button[name="decision"][value="reject"]').click()]);
  await page.goto(`${env.server.base}/operator/requests/${reject}`);
  assert.equal(await page.locator("#the-reply").count(), 1, "rejected: the reply is on the request");
  await env.step(page, "operator/rejected");
  await context.close();

  // The partner sees both decisions.
  const partner = await env.person();
  await signIn(env, partner.page, ADMIN);
  await partner.page.goto(`${env.server.base}/support`);
  await env.step(partner.page, "operator/partner-requests");
  await partner.page.goto(`${env.server.base}/customers/${env.state.customer.id}/software`);
  await env.step(partner.page, "operator/partner-software");
  await partner.context.close();
}

async function activityJourney(env, assert) {
  const { page, context } = await env.person();
  await signIn(env, page, ADMIN);
  await page.goto(`${env.server.base}/activity`);
  await env.step(page, "activity/log");
  assert.ok(await page.locator("main table tbody tr").count() > 0, "events are listed");
  // Filtered by action: only key reveals.
  await page.locator("select#action").selectOption("key_revealed");
  await Promise.all([page.waitForNavigation(), page.locator("form.activity-filters button[type=submit]").click()]);
  await env.step(page, "activity/filtered");
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator('a[href^="/activity.csv"]').first().click()]);
  const csv = fs.readFileSync(await download.path(), "utf8");
  const lines = csv.trim().split(/\r?\n/);
  assert.ok(lines.length >= 2, "the CSV has a header and rows");
  assert.ok(lines.slice(1).every((l) => l.includes("key_revealed")), "the CSV keeps the filter");
  await context.close();
}

async function signOutJourney(env, assert) {
  const { page, context } = await env.person();
  await signIn(env, page, ADMIN);
  await page.locator('form[action="/sign-out"] button').focus();
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  await env.step(page, "sign-out/done");
  await page.goto(`${env.server.base}/customers`);
  assert.equal(new URL(page.url()).pathname, "/sign-in", "signed out: pages ask to sign in again");
  await context.close();
  void signOut;
}

module.exports = { keysJourney, linksJourney, customerAdminJourney, cancelJourney, operatorJourney, activityJourney, signOutJourney };
