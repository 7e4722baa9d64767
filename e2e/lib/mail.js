// Reads the portal's outbox (lettre's file transport: data_dir/outbox/*.eml)
// as a person reads their mail: the newest message to an address, its text.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

function decodePart(headers, body) {
  const cte = (headers.match(/^content-transfer-encoding:\s*(\S+)/im) || [])[1] || "";
  if (/base64/i.test(cte)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/quoted-printable/i.test(cte)) {
    const bytes = Buffer.from(
      body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))),
      "latin1",
    );
    return bytes.toString("utf8");
  }
  return body;
}

/** The text of every part of one message. */
function textOf(raw) {
  const split = raw.indexOf("\r\n\r\n") >= 0 ? "\r\n\r\n" : "\n\n";
  const at = raw.indexOf(split);
  const headers = raw.slice(0, at);
  const body = raw.slice(at + split.length);
  const boundary = (headers.match(/boundary="?([^";\r\n]+)"?/i) || [])[1];
  if (!boundary) return { headers, text: decodePart(headers, body) };
  const parts = body.split(`--${boundary}`).slice(1).filter((p) => !p.startsWith("--"));
  const text = parts.map((p) => textOf(p.replace(/^\r?\n/, "")).text).join("\n");
  return { headers, text };
}

/** The newest message to `to` (waits up to 20 s: mail goes after the answer). */
async function newestMailTo(dataDir, to) {
  const dir = path.join(dataDir, "outbox");
  for (let i = 0; i < 200; i++) {
    if (fs.existsSync(dir)) {
      const found = fs.readdirSync(dir)
        .filter((f) => f.endsWith(".eml"))
        .map((f) => ({ f, stat: fs.statSync(path.join(dir, f)) }))
        .sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs)
        .map(({ f }) => textOf(fs.readFileSync(path.join(dir, f), "utf8")))
        .find((m) => new RegExp(`^To:.*${to.replace(/[.+]/g, "\\$&")}`, "im").test(m.headers));
      if (found) return found;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to} in ${dir}`);
}

module.exports = { newestMailTo };
