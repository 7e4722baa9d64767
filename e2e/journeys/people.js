// Signing in and out (by keyboard), the second factor, invitations.
// Elements are found by their form actions, ids and names, never by their
// words, so a journey runs unchanged in every language.
"use strict";

const { newestMailTo } = require("../lib/mail");
const { nextCode } = require("../lib/totp");

const ADMIN = "admin@northwind.example";
const OPERATOR = "operator@portal.example";

/** The operator's TOTP secret, once enrolled (the first language's run). */
const secrets = new Map();

/**
 * Signs in on `page` with the keyboard only: Tab from the top reaches the
 * skip link first, the e-mail field has focus, Enter submits. Answers the
 * second factor when the account has one.
 */
async function signIn(env, page, email, password = env.server.password, stepName = null) {
  await page.goto(`${env.server.base}/sign-in`);
  if (stepName) await env.step(page, `${stepName}/sign-in`);
  await page.locator("#email").focus();
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(password);
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  if (new URL(page.url()).pathname === "/sign-in/code") {
    const secret = secrets.get(email);
    if (!secret) throw new Error(`${email} asks for a code and no secret is known`);
    if (stepName) await env.step(page, `${stepName}/second-factor`);
    await page.locator("#code").fill(await nextCode(secret));
    await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  }
  if (new URL(page.url()).pathname.startsWith("/sign-in")) {
    throw new Error(`signing in as ${email} failed: ${await page.locator("main").innerText()}`);
  }
}

async function signOut(page) {
  await Promise.all([page.waitForNavigation(), page.locator('form[action="/sign-out"] button').click()]);
}

async function signInJourney(env, assert) {
  const { page, context } = await env.person();
  await page.goto(`${env.server.base}/customers`);
  // Not signed in: sent to sign in, and back after.
  assert.equal(new URL(page.url()).pathname, "/sign-in");
  await env.step(page, "sign-in/form");
  env.state.htmlLang = await page.locator("html").getAttribute("lang");
  // Wrong password: a message, still on the form.
  await page.locator("#email").fill(ADMIN);
  await page.locator("#password").fill("not the password at all");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  assert.ok(await page.locator(".error-summary").isVisible());
  await env.step(page, "sign-in/wrong-password");
  await signIn(env, page, ADMIN);
  assert.notEqual(new URL(page.url()).pathname, "/sign-in");
  await env.step(page, "sign-in/home");
  // On a fresh page the first Tab reaches the skip link, and following it
  // puts focus on the content, past the navigation.
  await page.goto(`${env.server.base}/customers`);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip-link");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "main");
  await page.keyboard.press("Tab");
  assert.ok(await page.evaluate(() => document.getElementById("main").contains(document.activeElement)), "the next Tab stays in the content");
  await context.close();
}

/**
 * The operator must have a second factor: the first sign-in leads to the
 * enrolment page, whose secret gives the code (computed here as an
 * authenticator app would); later sign-ins ask for a code.
 */
async function twoFactorJourney(env, assert) {
  const { page, context } = await env.person();
  if (!secrets.has(OPERATOR)) {
    await signIn(env, page, OPERATOR);
    await page.goto(`${env.server.base}/account/2fa`);
    await env.step(page, "two-factor/enrol");
    const secret = (await page.locator("#totp-secret").innerText()).trim();
    // A wrong code first: refused, nothing turned on.
    await page.locator("#code").fill("000000");
    await page.locator("#password").fill(env.server.password);
    await Promise.all([page.waitForNavigation(), page.locator('form[action="/account/2fa/enable"] button').click()]);
    assert.ok(await page.locator(".error-summary").isVisible(), "a wrong code is refused");
    await env.step(page, "two-factor/wrong-code");
    await page.locator("#code").fill(await nextCode(secret));
    await page.locator("#password").fill(env.server.password);
    await Promise.all([page.waitForNavigation(), page.locator('form[action="/account/2fa/enable"] button').click()]);
    assert.equal(await page.locator(".recovery li").count(), 10, "ten recovery codes shown once");
    await env.step(page, "two-factor/on");
    secrets.set(OPERATOR, secret);
    await signOut(page);
  }
  await signIn(env, page, OPERATOR, env.server.password, "two-factor");
  assert.ok(!new URL(page.url()).pathname.startsWith("/account/2fa"));
  await env.step(page, "two-factor/signed-in");
  await context.close();
}

/**
 * An admin agent invites the new customer's global admin; the invitee takes
 * the link from the mail, sets a password (all the form's errors at once
 * first) and signs in.
 */
async function invitationJourney(env, assert) {
  const { page, context } = await env.person();
  await signIn(env, page, ADMIN);
  const customer = env.state.customer;
  assert.ok(customer, "the customer journey made a customer");
  await page.goto(`${env.server.base}/customers/${customer.id}`);
  const email = `ga-${env.state.run}@e2e.example`;
  // Empty first: the message is at the field and in the summary.
  await Promise.all([page.waitForNavigation(), page.locator("#invite button[type=submit]").click()]);
  await assertFormErrors(page, assert, ["email"]);
  await env.step(page, "invitation/empty");
  await page.locator("#invite #email").fill(email);
  await Promise.all([page.waitForNavigation(), page.locator("#invite button[type=submit]").click()]);
  await env.step(page, "invitation/sent");
  await context.close();

  const mail = await newestMailTo(env.server.dataDir, email);
  const link = (mail.text.match(/https?:\/\/\S+\/invitation\/[A-Za-z0-9_-]+/) || [])[0];
  assert.ok(link, `the invitation mail carries a link:\n${mail.text}`);
  const invitee = await env.person();
  await invitee.page.goto(link);
  await env.step(invitee.page, "invitation/accept");
  // Everything wrong at once: every problem said, each at its field.
  await invitee.page.locator("#password").fill("short");
  await invitee.page.locator("#confirm").fill("different");
  await Promise.all([invitee.page.waitForNavigation(), invitee.page.locator("main form button[type=submit]").click()]);
  await assertFormErrors(invitee.page, assert, ["name", "password", "confirm"]);
  await env.step(invitee.page, "invitation/errors");
  const password = "a long e2e passphrase 42";
  await invitee.page.locator("#name").fill(`Gia Admin ${env.lang}`);
  await invitee.page.locator("#password").fill(password);
  await invitee.page.locator("#confirm").fill(password);
  await Promise.all([invitee.page.waitForNavigation(), invitee.page.locator("main form button[type=submit]").click()]);
  assert.equal(new URL(invitee.page.url()).pathname, "/sign-in", "accepted: on to sign in");
  await env.step(invitee.page, "invitation/accepted");
  await invitee.context.close();
  env.state.customerAdmin = { email, password };
}

/**
 * A rejected form lists every problem at the top, each linking to its
 * field, and each field names its message with aria-describedby.
 */
async function assertFormErrors(page, assert, fields) {
  const summary = page.locator(".error-summary");
  assert.ok(await summary.isVisible(), "an error summary at the top");
  const said = await summary.innerHTML();
  for (const field of fields) {
    assert.equal(await summary.locator(`a[href="#${field}"]`).count(), 1, `the summary links to #${field}: ${said}`);
    const input = page.locator(`#${field}`);
    assert.equal(await input.getAttribute("aria-invalid"), "true", `#${field} is marked invalid`);
    const described = (await input.getAttribute("aria-describedby")) || "";
    const errorId = described.split(/\s+/).find((id) => id.endsWith("-error"));
    assert.ok(errorId, `#${field} is described by its error`);
    assert.ok((await page.locator(`#${errorId}`).innerText()).trim().length > 0, `#${errorId} says something`);
  }
}

module.exports = { signIn, signOut, signInJourney, twoFactorJourney, invitationJourney, assertFormErrors, ADMIN, OPERATOR };
