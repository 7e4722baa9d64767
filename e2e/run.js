// The browser suite: every journey of SPEC.md section 3 in headless
// Chromium (Debian's) against the real portal binary, once per language in
// LANGUAGES, with axe-core and the Nu HTML checker on every page and
// screenshots of every step at 1440 and 375 px.
//
//   node e2e/run.js                 SQLite in a temporary data directory
//   E2E_DATABASE_URL=postgres://...?options=-c%20search_path%3Dx node e2e/run.js
//                                   an empty PostgreSQL store (tests/browser.rs makes one)
//
// PORTAL_BIN (default target/debug/csp-portal), CHROMIUM (default
// /usr/bin/chromium), E2E_OUT (default target/e2e-screenshots/<store>).
"use strict";

const { describe, test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { chromium } = require("playwright-core");

const { startServer } = require("./lib/server");
const { Checks, DESKTOP } = require("./lib/checks");
const journeys = require("./journeys");

/**
 * The languages every journey runs in: the first is the default (English);
 * each further one sends its tag as Accept-Language (and as the browser's
 * locale). Until a language's catalog lands, its run shows English.
 */
const LANGUAGES = ["en-US", "pl-PL"];
// E2E_LANGUAGES=en-US runs fewer while working on the suite.
const languages = process.env.E2E_LANGUAGES ? process.env.E2E_LANGUAGES.split(",") : LANGUAGES;

const root = path.resolve(__dirname, "..");
const bin = process.env.PORTAL_BIN || path.join(root, "target", "debug", "csp-portal");
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const databaseUrl = process.env.E2E_DATABASE_URL || "";
const store = databaseUrl.startsWith("postgres") ? "postgres" : "sqlite";
const outDir = process.env.E2E_OUT || path.join(root, "target", "e2e-screenshots", store);

const suite = { server: null, browser: null, checks: null, dataDir: null, started: Date.now() };

before(async () => {
  fs.rmSync(outDir, { recursive: true, force: true });
  suite.checks = new Checks(outDir);
  suite.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "csp-e2e-"));
  suite.server = await startServer({ bin, dataDir: suite.dataDir, databaseUrl });
  suite.browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // As root in a container, and quiet on a machine whose network reaches
    // only package registries.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  if (suite.browser) await suite.browser.close();
  if (suite.server) await suite.server.stop();
  if (suite.dataDir && !process.env.E2E_KEEP) fs.rmSync(suite.dataDir, { recursive: true, force: true });
  const secs = ((Date.now() - suite.started) / 1000).toFixed(0);
  console.log(`# browser suite on ${store}: ${secs} s, ${suite.checks ? suite.checks.pagesChecked : 0} pages checked, screenshots in ${outDir}`);
});

/** A browser of one person: its own cookies, language and clipboard. */
async function person(lang, options = {}) {
  const context = await suite.browser.newContext({
    viewport: DESKTOP,
    locale: lang,
    acceptDownloads: true,
    ...options,
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: suite.server.base });
  const page = suite.checks.watch(await context.newPage());
  // Confirmations (data-confirm) are answered yes; a test that wants "no"
  // sets its own handler first.
  page.on("dialog", (d) => { if (!page.__dialogHandled) d.accept().catch(() => {}); });
  return { context, page };
}

for (const [i, lang] of languages.entries()) {
  describe(`journeys in ${lang}`, () => {
    // What one journey leaves for the next (the customer made, the order...).
    const state = { lang, run: `${lang.toLowerCase()}-${Date.now().toString(36)}`, first: i === 0 };
    const env = () => ({ ...suite, lang, state, person: (options) => person(lang, options), step: (page, name, opts) => suite.checks.step(page, `${lang}/${name}`, opts) });
    for (const [name, journey] of journeys.ordered) {
      // A journey that hangs fails instead of holding up CI.
      test(name, { timeout: 180_000 }, async () => {
        await journey(env(), assert);
      });
    }
  });
}

describe("every page visited", () => {
  test("has no axe-core violation (WCAG 2.2 A and AA)", () => {
    const list = suite.checks.axeViolations;
    assert.equal(list.length, 0, list.map((v) => `${v.step}: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.join("\n    ")}`).join("\n"));
  });
  test("is valid HTML (the Nu checker)", () => {
    const errors = suite.checks.validateHtml();
    assert.equal(errors.length, 0, errors.join("\n"));
  });
  test("fits its width: nothing scrolls sideways from 375 to 1440 px", () => {
    const list = suite.checks.layoutProblems;
    assert.equal(list.length, 0, [...new Set(list)].join("\n"));
  });
});
