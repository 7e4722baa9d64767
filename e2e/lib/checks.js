// What every page visited goes through: axe-core (WCAG 2.0/2.1/2.2 A and
// AA), its HTML kept for the Nu checker (run once over all of them at the
// end: a JVM start per page would cost minutes), screenshots at 1440 and
// 375 px, and a look for anything scrolling sideways at widths from a phone
// to a desktop (375 px is also 1440 px at 400% zoom; 720 px is 200%).
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");
const { spawnSync } = require("node:child_process");

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const WIDTHS = [375, 720, 1024, 1280, 1440];
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 375, height: 812 };

class Checks {
  constructor(outDir) {
    this.outDir = outDir;
    this.shotsDir = path.join(outDir, "screenshots");
    this.htmlDir = path.join(outDir, "html");
    fs.mkdirSync(this.shotsDir, { recursive: true });
    fs.mkdirSync(this.htmlDir, { recursive: true });
    this.axeViolations = [];
    this.layoutProblems = [];
    this.pagesChecked = 0;
    this.htmlSeen = new Map(); // hash -> first step that showed it
  }

  /** Keeps the HTML of every document the page's main frame loads. */
  watch(page) {
    page.__html = null;
    page.on("response", (res) => {
      const req = res.request();
      if (!req.isNavigationRequest() || req.frame() !== page.mainFrame()) return;
      if (!/text\/html/.test(res.headers()["content-type"] || "")) return;
      page.__html = res.text().catch(() => null);
    });
    return page;
  }

  /**
   * One step of a journey: `name` says where ("en-US/order/review").
   * Records problems rather than stopping, so one run reports all of them;
   * the suite's last tests fail on any.
   */
  async step(page, name, { axe = true } = {}) {
    await page.waitForLoadState("load");
    this.pagesChecked += 1;
    const file = name.replace(/[^A-Za-z0-9_-]+/g, "_");

    const html = page.__html ? await page.__html : null;
    if (html) {
      const hash = crypto.createHash("sha256").update(html.replace(/name="csrf_token" value="[^"]*"/g, "")).digest("hex");
      if (!this.htmlSeen.has(hash)) {
        this.htmlSeen.set(hash, name);
        fs.writeFileSync(path.join(this.htmlDir, `${String(this.htmlSeen.size).padStart(3, "0")}-${file}.html`), html);
      }
    }

    // A page without JavaScript cannot run axe: its caller checks the same
    // address again with it (`axe: false`).
    const result = axe ? await runAxe(page) : { violations: [] };
    for (const v of result.violations) {
      this.axeViolations.push({
        step: name,
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary.replace(/\s+/g, " ")}`),
      });
    }

    const viewport = page.viewportSize();
    if (!axe) {
      await this.shoot(page, `${file}-1440`);
      await page.setViewportSize({ width: 375, height: PHONE.height });
      await this.shoot(page, `${file}-375`);
      await page.setViewportSize(viewport || DESKTOP);
      return;
    }
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width === 375 ? PHONE.height : DESKTOP.height });
      const wide = await page.evaluate(sideways);
      for (const w of wide) this.layoutProblems.push(`${name} at ${width} px: ${w}`);
      if (width === 375) await this.shoot(page, `${file}-375`);
    }
    await page.setViewportSize(DESKTOP);
    await this.shoot(page, `${file}-1440`);
    if (viewport && viewport.width !== DESKTOP.width) await page.setViewportSize(viewport);
  }

  async shoot(page, file) {
    await page.screenshot({ path: path.join(this.shotsDir, `${file}.png`), fullPage: true });
  }

  /** The Nu HTML checker over every page kept; its errors. */
  validateHtml() {
    const files = fs.readdirSync(this.htmlDir).filter((f) => f.endsWith(".html")).map((f) => path.join(this.htmlDir, f));
    if (files.length === 0) return [];
    const jar = require.resolve("vnu-jar/build/dist/vnu.jar");
    const run = spawnSync("java", ["-jar", jar, "--format", "json", "--errors-only", ...files], { encoding: "utf8", maxBuffer: 64 << 20 });
    if (run.error) throw run.error;
    // vnu prints its JSON on standard error.
    const out = run.stderr.trim() || run.stdout.trim();
    const report = JSON.parse(out || "{\"messages\":[]}");
    return report.messages
      .filter((m) => m.type === "error" || m.subType === "fatal")
      .map((m) => `${path.basename(decodeURIComponent((m.url || "").replace(/^file:/, "")))}:${m.lastLine}: ${m.message} [${(m.extract || "").trim().slice(0, 120)}]`);
  }
}

async function runAxe(page) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== "undefined");
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  return page.evaluate((tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }), AXE_TAGS);
}

/** Runs in the page: what makes the page, or a part of it, scroll sideways. */
function sideways() {
  const found = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth + 1) found.push(`the page is ${doc.scrollWidth} px wide`);
  for (const el of document.querySelectorAll("main *")) {
    const style = getComputedStyle(el);
    if (!/(auto|scroll)/.test(style.overflowX)) continue;
    if (el.scrollWidth > el.clientWidth + 1) {
      const what = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : "") + (el.className ? `.${String(el.className).split(" ").join(".")}` : "");
      found.push(`${what} scrolls sideways (${el.scrollWidth} px in ${el.clientWidth})`);
    }
  }
  return found;
}

module.exports = { Checks, DESKTOP, PHONE, AXE_TAGS };
