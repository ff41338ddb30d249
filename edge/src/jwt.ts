// JWT verification at the edge against the platform's JWKS (/.well-known/jwks.json), with WebCrypto only:
// ES256 (ECDSA P-256 / SHA-256) and RS256 (RSASSA-PKCS1-v1_5 / SHA-256). Checks the signature with the key named by
// `kid`, then exp / nbf (with leeway) and, when configured, iss and aud. Anything else — alg "none", HS256, a key
// the JWKS does not have, a malformed token — is rejected with a reason.

export interface JwtConfig {
  jwksUrl: string;
  algorithms: string[];
  issuer?: string;
  audience?: string;
  leewaySeconds: number;
  jwksCacheSeconds: number;
}

export type JwtResult = { ok: true; claims: Record<string, unknown> } | { ok: false; reason: string };

interface Jwk extends JsonWebKey {
  kid?: string;
  use?: string;
  alg?: string;
}

const ALGORITHMS: Record<string, { kty: string; import: SubtleCryptoImportKeyAlgorithm; verify: SubtleCryptoSignAlgorithm }> = {
  ES256: {
    kty: "EC",
    import: { name: "ECDSA", namedCurve: "P-256" },
    verify: { name: "ECDSA", hash: "SHA-256" },
  },
  RS256: {
    kty: "RSA",
    import: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
    verify: { name: "RSASSA-PKCS1-v1_5" },
  },
};

/** Looks like a compact JWS (three base64url parts, the first decoding to a JSON header). */
export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token) && token.startsWith("eyJ");
}

/** The JWKS of one URL, cached per isolate; refreshed when stale or when a token names an unknown kid. */
class JwksCache {
  private keys: Jwk[] = [];
  private fetchedAt = 0;
  private readonly imported = new Map<string, CryptoKey>();
  private static readonly MIN_REFRESH_MS = 30_000;

  constructor(private readonly url: string) {}

  async find(kid: string | undefined, alg: string, cacheSeconds: number): Promise<Jwk | null> {
    const now = Date.now();
    if (this.fetchedAt === 0 || now - this.fetchedAt > cacheSeconds * 1000) await this.refresh();
    let key = this.pick(kid, alg);
    if (!key && now - this.fetchedAt > JwksCache.MIN_REFRESH_MS) {
      await this.refresh(); // key rotation: a new kid appears before our cache expires
      key = this.pick(kid, alg);
    }
    return key;
  }

  async cryptoKey(jwk: Jwk, alg: string): Promise<CryptoKey> {
    const id = `${alg}:${jwk.kid ?? ""}:${jwk.n ?? ""}${jwk.x ?? ""}${jwk.y ?? ""}`;
    let key = this.imported.get(id);
    if (!key) {
      const { kid: _kid, use: _use, alg: _alg, key_ops: _ops, ...material } = jwk;
      key = await crypto.subtle.importKey("jwk", material, ALGORITHMS[alg].import, false, ["verify"]);
      this.imported.set(id, key);
    }
    return key;
  }

  private pick(kid: string | undefined, alg: string): Jwk | null {
    const candidates = this.keys.filter(
      (k) => k.kty === ALGORITHMS[alg].kty && (k.use === undefined || k.use === "sig") && (k.alg === undefined || k.alg === alg),
    );
    if (kid !== undefined) return candidates.find((k) => k.kid === kid) ?? null;
    return candidates.length === 1 ? candidates[0] : null; // no kid: only unambiguous
  }

  private async refresh(): Promise<void> {
    const response = await fetch(this.url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new JwksUnavailable(`JWKS ${this.url} answered ${response.status}`);
    const body = (await response.json()) as { keys?: Jwk[] };
    if (!Array.isArray(body.keys)) throw new JwksUnavailable(`JWKS ${this.url} has no "keys" array`);
    this.keys = body.keys;
    this.fetchedAt = Date.now();
    this.imported.clear();
  }
}

export class JwksUnavailable extends Error {}

const caches = new Map<string, JwksCache>();

export async function verifyJwt(token: string, config: JwtConfig, now: number = Date.now()): Promise<JwtResult> {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "not a compact JWS" };
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  let signature: Uint8Array;
  try {
    header = JSON.parse(decodeText(parts[0]));
    claims = JSON.parse(decodeText(parts[1]));
    signature = base64url(parts[2]);
  } catch {
    return { ok: false, reason: "malformed token" };
  }
  if (typeof header !== "object" || header === null || typeof claims !== "object" || claims === null) {
    return { ok: false, reason: "malformed token" };
  }
  const alg = header.alg;
  if (typeof alg !== "string" || !config.algorithms.includes(alg) || !(alg in ALGORITHMS)) {
    return { ok: false, reason: `algorithm ${String(alg)} is not accepted` };
  }
  if (header.crit !== undefined) return { ok: false, reason: "unsupported critical header" };
  const kid = typeof header.kid === "string" ? header.kid : undefined;

  let cache = caches.get(config.jwksUrl);
  if (!cache) caches.set(config.jwksUrl, (cache = new JwksCache(config.jwksUrl)));
  const jwk = await cache.find(kid, alg, config.jwksCacheSeconds);
  if (!jwk) return { ok: false, reason: kid ? `unknown key id ${kid}` : "token names no key id" };

  const key = await cache.cryptoKey(jwk, alg);
  const data = new TextEncoder().encode(`${parts[0]}.${parts[1]}`);
  const valid = await crypto.subtle.verify(ALGORITHMS[alg].verify, key, signature, data);
  if (!valid) return { ok: false, reason: "bad signature" };

  const seconds = now / 1000;
  const leeway = config.leewaySeconds;
  if (typeof claims.exp !== "number") return { ok: false, reason: "token has no exp" };
  if (seconds > claims.exp + leeway) return { ok: false, reason: "token expired" };
  if (claims.nbf !== undefined && (typeof claims.nbf !== "number" || seconds + leeway < claims.nbf)) {
    return { ok: false, reason: "token not yet valid" };
  }
  if (config.issuer && claims.iss !== config.issuer) return { ok: false, reason: "wrong issuer" };
  if (config.audience) {
    const aud = claims.aud;
    const audiences = Array.isArray(aud) ? aud : [aud];
    if (!audiences.includes(config.audience)) return { ok: false, reason: "wrong audience" };
  }
  return { ok: true, claims };
}

function base64url(s: string): Uint8Array {
  const b64 = s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function decodeText(s: string): string {
  return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(base64url(s));
}
