// Sign-in with the platform's configured OIDC provider: the authorization-code flow with PKCE (S256) as a public
// client, all in the browser. GET /api/v1/auth/sso says whether it is offered and where the provider is; the console
// redirects there, the provider redirects back to /auth/callback with a code, and the console redeems the code at the
// provider's token endpoint with its PKCE verifier. The provider's token (the one whose audience the platform
// accepts) is then the bearer credential; GET /api/v1/auth/me says who it is and with which scopes.
import { ApiError, decodeClaims, type Session } from './client';

export interface SsoConfig {
  enabled: boolean;
  issuer?: string;
  clientId?: string;
  audience?: string;
  authorizationEndpoint?: string;
  tokenEndpoint?: string;
  scopes?: string;
  reason?: string;
}

/** What is kept between the redirect to the provider and the callback (sessionStorage, this tab only). */
interface Pending {
  state: string;
  verifier: string;
  nonce: string;
  clientId: string;
  audience: string;
  tokenEndpoint: string;
  redirectUri: string;
  startedAt: number;
}

export interface ProviderTokens {
  access_token?: string;
  id_token?: string;
  refresh_token?: string;
  expires_in?: number;
  token_type?: string;
}

const PENDING_KEY = 'luna.sso.pending';
export const CALLBACK_PATH = '/auth/callback';

function base64url(bytes: Uint8Array): string {
  let s = '';
  bytes.forEach((b) => (s += String.fromCharCode(b)));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** RFC 7636: code_challenge = BASE64URL(SHA-256(code_verifier)). */
export async function challengeOf(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

export function claimsOf(jwt: string | undefined): Record<string, unknown> | null {
  if (!jwt || jwt.split('.').length !== 3) return null;
  const claims = decodeClaims(jwt);
  return Object.keys(claims).length ? claims : null;
}

export async function ssoConfig(base = ''): Promise<SsoConfig> {
  const r = await fetch(`${base}/api/v1/auth/sso`, { headers: { Accept: 'application/json' } });
  if (!r.ok) return { enabled: false, reason: `HTTP ${r.status}` };
  return ((await r.json()) as { data: SsoConfig }).data;
}

/** Sends the browser to the provider's authorization endpoint. */
export async function startSso(config: SsoConfig): Promise<void> {
  if (!config.enabled || !config.authorizationEndpoint || !config.tokenEndpoint || !config.clientId) {
    throw new Error(config.reason ?? 'Sign-in with SSO is not configured');
  }
  if (!globalThis.crypto?.subtle) throw new Error('Sign-in with SSO needs HTTPS (or localhost): the browser offers no SHA-256 here');
  const pending: Pending = {
    state: random(),
    verifier: random(),
    nonce: random(),
    clientId: config.clientId,
    audience: config.audience ?? '',
    tokenEndpoint: config.tokenEndpoint,
    redirectUri: `${location.origin}${CALLBACK_PATH}`,
    startedAt: Date.now(),
  };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(config.authorizationEndpoint);
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: pending.clientId,
    redirect_uri: pending.redirectUri,
    scope: config.scopes ?? 'openid',
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await challengeOf(pending.verifier),
    code_challenge_method: 'S256',
  };
  Object.entries(params).forEach(([k, v]) => url.searchParams.set(k, v));
  location.assign(url.toString());
}

/** The provider's refusal of a token request (RFC 6749 §5.2): {"error", "error_description"}. */
async function tokenRequest(endpoint: string, form: Record<string, string>): Promise<ProviderTokens> {
  const r = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams(form).toString(),
  });
  const body = (await r.json().catch(() => ({}))) as ProviderTokens & { error?: string; error_description?: string };
  if (!r.ok || body.error) {
    throw new ApiError(r.status, body.error ?? `HTTP_${r.status}`,
      `The identity provider refused the sign-in${body.error_description ? `: ${body.error_description}` : ''}`);
  }
  return body;
}

/** The token the platform accepts: the provider's access or ID token whose audience is the platform's. */
export function bearerOf(tokens: ProviderTokens, audience: string): { token: string; expiresAt: number } {
  const candidates = [tokens.access_token, tokens.id_token].filter((t): t is string => !!t);
  const forUs = candidates.find((t) => {
    const aud = claimsOf(t)?.aud;
    return Array.isArray(aud) ? aud.includes(audience) : aud === audience;
  });
  const token = forUs ?? candidates.find((t) => claimsOf(t) !== null);
  if (!token) throw new Error('The identity provider answered no token the platform can verify (neither a JWT access token nor an ID token)');
  const exp = claimsOf(token)?.exp;
  const expiresAt = typeof exp === 'number' ? exp * 1000 : Date.now() + (tokens.expires_in ?? 300) * 1000;
  return { token, expiresAt };
}

/**
 * Finishes the flow on /auth/callback: checks the state, redeems the code with the PKCE verifier and answers the
 * session (its subject and scopes still to be filled from /api/v1/auth/me).
 */
export async function completeSso(query: URLSearchParams): Promise<Session> {
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  const pending = raw ? (JSON.parse(raw) as Pending) : null;
  if (query.get('error')) {
    throw new Error(`The identity provider refused the sign-in: ${query.get('error')}${query.get('error_description') ? ` (${query.get('error_description')})` : ''}`);
  }
  if (!pending || Date.now() - pending.startedAt > 10 * 60_000) throw new Error('No sign-in was started in this tab (or it took longer than 10 minutes): start again');
  if (!query.get('state') || query.get('state') !== pending.state) throw new Error('The sign-in answer does not match the sign-in this tab started (state): start again');
  const code = query.get('code');
  if (!code) throw new Error('The identity provider sent no authorization code');
  const tokens = await tokenRequest(pending.tokenEndpoint, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: pending.redirectUri,
    client_id: pending.clientId,
    code_verifier: pending.verifier,
  });
  const idNonce = claimsOf(tokens.id_token)?.nonce;
  if (idNonce !== undefined && idNonce !== pending.nonce) throw new Error('The ID token was not issued for this sign-in (nonce)');
  const bearer = bearerOf(tokens, pending.audience);
  return {
    kind: 'sso',
    accessToken: bearer.token,
    refreshToken: tokens.refresh_token ?? '',
    expiresAt: bearer.expiresAt,
    scopes: [],
    subject: '',
    tokenEndpoint: pending.tokenEndpoint,
    clientId: pending.clientId,
    audience: pending.audience,
  };
}

/** Renews an SSO session with the provider's refresh token (when it gave one). */
export async function refreshSso(s: Session): Promise<Session> {
  if (!s.refreshToken || !s.tokenEndpoint || !s.clientId) throw new ApiError(401, 'UNAUTHENTICATED', 'The SSO session has ended: sign in again');
  const tokens = await tokenRequest(s.tokenEndpoint, { grant_type: 'refresh_token', refresh_token: s.refreshToken, client_id: s.clientId });
  const bearer = bearerOf(tokens, s.audience ?? '');
  return { ...s, accessToken: bearer.token, expiresAt: bearer.expiresAt, refreshToken: tokens.refresh_token ?? s.refreshToken };
}
