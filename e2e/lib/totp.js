// RFC 6238 codes (SHA-1, 6 digits, 30 s) from the base32 secret the
// enrolment page shows, as an authenticator app computes them.
"use strict";

const crypto = require("node:crypto");

function base32Decode(text) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of text.replace(/[\s=]/g, "").toUpperCase()) {
    const v = alphabet.indexOf(c);
    if (v < 0) throw new Error(`not base32: ${c}`);
    bits += v.toString(2).padStart(5, "0");
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

function codeAt(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = crypto.createHmac("sha1", base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const n = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(n).padStart(6, "0");
}

// The portal takes each code once and allows one step of skew: a second
// sign-in within the same 30 s uses the next step's code; past that, it
// waits for the clock (the real server's clock: nothing else to move).
const lastUsed = new Map();
async function nextCode(secret) {
  for (;;) {
    const now = Math.floor(Date.now() / 1000 / 30);
    const last = lastUsed.get(secret) ?? -Infinity;
    const step = Math.max(now, last + 1);
    if (step <= now + 1) {
      lastUsed.set(secret, step);
      return codeAt(secret, step);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

module.exports = { codeAt, nextCode };
