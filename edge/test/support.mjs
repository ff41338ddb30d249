// Test support: the real local runtime (./scripts/local --in-memory on a free port), a counting pass-through proxy
// in front of it (so tests can prove a request never reached the functions), the JWKS it serves at
// /.well-known/jwks.json, a WebSocket echo for upgrade requests, and JWT signing with node:crypto.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Miniflare } from "miniflare";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const ADMIN_KEY = "luna_edge_test_admin_key_0000000001";

/** Starts ./scripts/local --in-memory --port 0 and resolves with its base URL once it serves. */
export async function startLocalRuntime() {
  const built = fs.existsSync(path.join(ROOT, "local/target/luna-local.jar"));
  const child = spawn(path.join(ROOT, "scripts/local"), ["--in-memory", "--port", "0"], {
    cwd: ROOT,
    env: { ...process.env, LUNA_ADMIN_KEY: ADMIN_KEY, LUNA_ACCESS_LOG: "WARN", LUNA_LOG_LEVEL: "WARN", ...(built ? { LUNA_SKIP_BUILD: "1" } : {}) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`local runtime did not start in 180 s:\n${output}`)), 180_000);
    const onData = (chunk) => {
      output += chunk;
      const m = /Luna is running at (http:\/\/localhost:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace("localhost", "127.0.0.1"));
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (c) => (output += c));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`local runtime exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** A pass-through proxy to `target` that counts the requests it forwards and serves the JWKS and a WebSocket echo. */
export async function startProxy(target, jwks) {
  const state = { forwarded: 0, jwksFetches: 0, lastHeaders: null, lastPath: null };
  const server = http.createServer((req, res) => {
    if (req.url === "/.well-known/jwks.json") {
      state.jwksFetches++;
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(jwks));
      return;
    }
    state.forwarded++;
    state.lastHeaders = req.headers;
    state.lastPath = req.url.split("?")[0];
    const upstream = http.request(new URL(req.url, target), { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (up) => {
      res.writeHead(up.statusCode, up.headers);
      up.pipe(res);
    });
    upstream.on("error", (e) => {
      res.writeHead(599);
      res.end(String(e));
    });
    req.pipe(upstream);
  });
  server.on("upgrade", (req, socket) => {
    state.forwarded++;
    state.lastHeaders = req.headers;
    const accept = crypto.createHash("sha1").update(req.headers["sec-websocket-key"] + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").digest("base64");
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    socket.on("data", (buf) => {
      const opcode = buf[0] & 0x0f;
      const len = buf[1] & 0x7f; // the tests send short frames only
      const mask = buf.subarray(2, 6);
      const payload = Buffer.from(buf.subarray(6, 6 + len).map((b, i) => b ^ mask[i % 4]));
      if (opcode === 0x8) {
        socket.end(Buffer.from([0x88, 0x00]));
        return;
      }
      if (opcode === 0x1) socket.write(Buffer.concat([Buffer.from([0x81, payload.length]), payload]));
    });
    socket.on("error", () => {});
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${server.address().port}`, state, close: () => new Promise((r) => server.close(r)) };
}

/** Signing keys: an ES256 and an RS256 key in the JWKS, and a stranger whose kid collides with the ES256 one. */
export function makeKeys() {
  const ec = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
  const rsa = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const stranger = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwks = {
    keys: [
      { ...ec.publicKey.export({ format: "jwk" }), kid: "ec-1", alg: "ES256", use: "sig" },
      { ...rsa.publicKey.export({ format: "jwk" }), kid: "rsa-1", alg: "RS256", use: "sig" },
    ],
  };
  return { ec: ec.privateKey, rsa: rsa.privateKey, stranger: stranger.privateKey, jwks };
}

const b64url = (buf) => Buffer.from(buf).toString("base64url");

export function signJwt(header, claims, key) {
  const data = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  let signature = Buffer.alloc(0);
  if (header.alg === "ES256") signature = crypto.sign("sha256", Buffer.from(data), { key, dsaEncoding: "ieee-p1363" });
  else if (header.alg === "RS256") signature = crypto.sign("sha256", Buffer.from(data), key);
  else if (header.alg === "HS256") signature = crypto.createHmac("sha256", key).update(data).digest();
  return `${data}.${b64url(signature)}`;
}

export const WORKER = path.resolve(ROOT, "edge/dist/worker.js");

export function miniflare(bindings) {
  return new Miniflare({
    modules: true,
    scriptPath: WORKER,
    compatibilityDate: "2025-04-01",
    durableObjects: { RATE_LIMITER: "RateLimiter" },
    bindings,
  });
}
