// A small OpenID Connect provider for the console's browser test, on a real local port (node:http, node:crypto, no
// dependencies): the discovery document, /authorize (no login form: it signs the configured user in and redirects back
// with a code), /token (authorization_code with PKCE S256 checked, refresh_token; CORS for the console's origin),
// and the JWKS of its RS256 key. Its access tokens carry the platform's audience, its ID tokens the client's.
//   node oidc-provider.mjs --port 0   prints {"issuer": "http://127.0.0.1:<port>"} once it listens
import { createServer } from 'node:http';
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const PORT = Number(arg('port', '0'));
const CLIENT_ID = arg('client-id', 'luna-console');
const AUDIENCE = arg('audience', 'luna-api');
const SUBJECT = arg('subject', 'carol@example.com');
const GROUPS = arg('groups', 'luna-console-devs,team-default').split(',');
const TTL = Number(arg('ttl', '300'));

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const kid = `console-idp-${randomBytes(4).toString('hex')}`;
const jwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] };
const b64url = (buf) => Buffer.from(buf).toString('base64url');
const codes = new Map(); // code -> {clientId, redirectUri, challenge, nonce, scope, expires}
const refreshTokens = new Map(); // token -> {clientId, scope}
let issuer;

function jwt(claims) {
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const body = b64url(JSON.stringify(claims));
  return `${head}.${body}.${b64url(sign('sha256', Buffer.from(`${head}.${body}`), privateKey))}`;
}

function tokens(clientId, scope, nonce) {
  const now = Math.floor(Date.now() / 1000);
  const common = { iss: issuer, sub: SUBJECT, iat: now, exp: now + TTL, groups: GROUPS, email: SUBJECT };
  const refresh = `rt_${randomBytes(24).toString('base64url')}`;
  refreshTokens.set(refresh, { clientId, scope });
  return {
    token_type: 'Bearer',
    expires_in: TTL,
    scope,
    access_token: jwt({ ...common, aud: AUDIENCE, jti: randomBytes(8).toString('hex'), client_id: clientId, scope }),
    id_token: jwt({ ...common, aud: clientId, ...(nonce ? { nonce } : {}) }),
    refresh_token: refresh,
  };
}

function send(res, status, body, headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, issuer);
  const cors = { 'Access-Control-Allow-Origin': req.headers.origin ?? '*', Vary: 'Origin' };
  try {
    if (req.method === 'GET' && url.pathname === '/.well-known/openid-configuration') {
      return send(res, 200, {
        issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'], grant_types_supported: ['authorization_code', 'refresh_token'],
        code_challenge_methods_supported: ['S256'], id_token_signing_alg_values_supported: ['RS256'],
        subject_types_supported: ['public'], token_endpoint_auth_methods_supported: ['none'],
      }, cors);
    }
    if (req.method === 'GET' && url.pathname === '/jwks') return send(res, 200, jwks, cors);
    if (req.method === 'GET' && url.pathname === '/authorize') {
      const q = url.searchParams;
      const redirect = q.get('redirect_uri') ?? '';
      if (q.get('client_id') !== CLIENT_ID) return send(res, 400, 'unknown client_id');
      if (!/^http:\/\/(127\.0\.0\.1|localhost):\d+\/auth\/callback$/.test(redirect)) return send(res, 400, 'redirect_uri is not registered');
      const back = new URL(redirect);
      if (q.get('state')) back.searchParams.set('state', q.get('state'));
      if (q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
        back.searchParams.set('error', 'invalid_request');
        back.searchParams.set('error_description', 'response_type=code with a S256 code_challenge is required');
      } else {
        const code = randomBytes(16).toString('base64url');
        codes.set(code, { clientId: CLIENT_ID, redirectUri: redirect, challenge: q.get('code_challenge'), nonce: q.get('nonce'),
          scope: q.get('scope') ?? 'openid', expires: Date.now() + 60_000 });
        back.searchParams.set('code', code);
      }
      res.writeHead(302, { Location: back.toString(), 'Cache-Control': 'no-store' });
      return res.end();
    }
    if (req.method === 'OPTIONS' && url.pathname === '/token') {
      return send(res, 204, '', { ...cors, 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'Content-Type, Accept' });
    }
    if (req.method === 'POST' && url.pathname === '/token') {
      const form = new URLSearchParams(await readBody(req));
      const refuse = (error, description) => send(res, 400, { error, error_description: description }, cors);
      if (form.get('grant_type') === 'authorization_code') {
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? ''); // one use, whatever the outcome
        if (!grant || grant.expires < Date.now()) return refuse('invalid_grant', 'unknown, used or expired code');
        if (form.get('client_id') !== grant.clientId || form.get('redirect_uri') !== grant.redirectUri) return refuse('invalid_grant', 'client_id or redirect_uri differ from the authorization request');
        const verifier = form.get('code_verifier') ?? '';
        if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier) || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) {
          return refuse('invalid_grant', 'PKCE verification failed: the code_verifier does not match the code_challenge');
        }
        return send(res, 200, tokens(grant.clientId, grant.scope, grant.nonce), cors);
      }
      if (form.get('grant_type') === 'refresh_token') {
        const grant = refreshTokens.get(form.get('refresh_token') ?? '');
        refreshTokens.delete(form.get('refresh_token') ?? '');
        if (!grant || grant.clientId !== form.get('client_id')) return refuse('invalid_grant', 'unknown refresh token');
        return send(res, 200, tokens(grant.clientId, grant.scope, null), cors);
      }
      return refuse('unsupported_grant_type', 'authorization_code or refresh_token');
    }
    send(res, 404, 'not found');
  } catch (e) {
    send(res, 500, String(e));
  }
});

server.listen(PORT, '127.0.0.1', () => {
  issuer = `http://127.0.0.1:${server.address().port}`;
  console.log(JSON.stringify({ issuer }));
});
for (const s of ['SIGTERM', 'SIGINT']) process.on(s, () => server.close(() => process.exit(0)));
