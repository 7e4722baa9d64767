// Starts the real portal binary on a random port with the demo data, on a
// fresh SQLite file or on the PostgreSQL store it is given, and stops it.
"use strict";

const { spawn } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const PASSWORD = "e2e-demo-password-1";

/**
 * `bin`: the csp-portal binary. `databaseUrl`: an empty PostgreSQL store
 * (a scratch schema or database), else SQLite in `dataDir`.
 */
async function startServer({ bin, dataDir, databaseUrl }) {
  fs.mkdirSync(dataDir, { recursive: true });
  const url = databaseUrl || `sqlite://${path.join(dataDir, "portal.db")}`;
  const logPath = path.join(dataDir, "server.log");
  const log = fs.openSync(logPath, "w");
  const child = spawn(bin, ["serve", "--bind", "127.0.0.1:0"], {
    // Only what is set here: none of the caller's PORTAL_* settings.
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: url,
      PORTAL_DATA_DIR: dataDir,
      DEMO_PASSWORD: PASSWORD,
      NO_COLOR: "1",
      RUST_LOG: process.env.RUST_LOG || "info",
    },
    stdio: ["ignore", log, log],
  });
  // The portal goes with this process, however it ends.
  const kill = () => { if (!done) child.kill("SIGKILL"); };
  process.on("exit", kill);
  for (const sig of ["SIGINT", "SIGTERM"]) process.once(sig, () => { kill(); process.exit(130); });
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  let done = false;
  exited.then(() => { done = true; });
  // The demo load hashes eight passwords and encrypts thousands of keys:
  // seconds on a quiet machine, longer on a loaded one.
  const deadline = Date.now() + 120_000;
  let base = null;
  while (!base) {
    const text = fs.readFileSync(logPath, "utf8");
    const m = text.match(/Serving the portal at (http:\/\/[^\s]+)/);
    if (m) base = m[1];
    else if (done) throw new Error(`the portal exited before serving:\n${text}`);
    else if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the portal did not start in 120 s:\n${text}`);
    }
    else await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    dataDir,
    logPath,
    password: PASSWORD,
    async stop() {
      if (!done) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

module.exports = { startServer, PASSWORD };
