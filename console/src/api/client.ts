// The console's only way to the platform: the public REST API, same origin. An API key is exchanged once for a
// 5-minute access token and a refresh token; the access token is refreshed silently a minute before it expires
// (and once more when a request answers 401), so the key itself is never kept. A session signed in with SSO (see
// sso.ts) carries the identity provider's token instead, renewed at the provider when it gave a refresh token.
import { refreshSso } from './sso';

export interface Envelope<T> {
  data: T;
  meta?: { requestId?: string; timestamp?: string };
  links?: { self?: string; next?: string | null };
}

/** A refusal in the platform's error envelope: {"error": {"code", "message", "details", "requestId"}}. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = undefined,
    readonly requestId?: string,
  ) {
    super(message);
  }

  /** The field a VALIDATION_FAILED names ("payload.message"), when it names one. */
  get field(): string | undefined {
    const d = this.details as Record<string, unknown> | undefined;
    if (d && typeof d.field === 'string') return d.field;
    const m = /field '([^']+)'/.exec(this.message);
    return m?.[1];
  }

  /** Every field message a validation failure carries, keyed by field path. */
  get fieldMessages(): Record<string, string> {
    const out: Record<string, string> = {};
    const d = this.details as Record<string, unknown> | undefined;
    const list = (d?.errors ?? d?.violations ?? d?.fields) as unknown;
    if (Array.isArray(list)) {
      for (const e of list) {
        if (e && typeof e === 'object') {
          const item = e as Record<string, unknown>;
          const field = (item.field ?? item.path ?? item.name) as string | undefined;
          const message = (item.message ?? item.reason ?? String(e)) as string;
          if (field) out[field] = message;
        }
      }
    }
    if (Object.keys(out).length === 0 && this.field) out[this.field] = this.message;
    return out;
  }
}

export interface Session {
  /** how it was signed in: an API key (the platform's tokens) or the identity provider (SSO); absent = key */
  kind?: 'key' | 'sso';
  accessToken: string;
  refreshToken: string;
  /** epoch ms */
  expiresAt: number;
  scopes: string[];
  subject: string;
  /** the project the credential is bound to, if any */
  boundProject?: string;
  /** SSO only: where and as whom to renew the provider's token, and the audience the platform accepts */
  tokenEndpoint?: string;
  clientId?: string;
  audience?: string;
}

interface Me {
  subject: string;
  kind: string;
  scopes: string[];
  projectId?: string;
}

interface TokenResponse {
  access_token: string;
  expires_in: number;
  refresh_token: string;
  scope?: string;
}

const STORAGE_KEY = 'luna.session';

/** The claims of a JWT, unverified (what the token says about itself; the platform verifies it). */
export function decodeClaims(jwt: string): Record<string, unknown> {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '=')));
  } catch {
    return {};
  }
}

async function parse<T>(response: Response): Promise<T> {
  const text = await response.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!response.ok) {
    const e = (body as { error?: Record<string, unknown> } | undefined)?.error;
    throw new ApiError(
      response.status,
      (e?.code as string) ?? `HTTP_${response.status}`,
      (e?.message as string) ?? (typeof body === 'string' && body ? body : response.statusText),
      e?.details,
      e?.requestId as string | undefined,
    );
  }
  return body as T;
}

export type Listener = (session: Session | null) => void;

export class Api {
  private session: Session | null = null;
  private refreshing: Promise<Session> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private listeners = new Set<Listener>();

  constructor(private readonly base = '', private readonly storage: Storage | null = globalThis.sessionStorage ?? null) {
    const saved = this.storage?.getItem(STORAGE_KEY);
    if (saved) {
      try {
        this.adopt(JSON.parse(saved) as Session);
      } catch {
        this.storage?.removeItem(STORAGE_KEY);
      }
    }
  }

  current(): Session | null {
    return this.session;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async signIn(apiKey: string): Promise<Session> {
    const response = await fetch(`${this.base}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: 'api_key', api_key: apiKey.trim() }),
    });
    return this.adopt(this.toSession(await parse<TokenResponse | Envelope<TokenResponse>>(response)))!;
  }

  /** Adopts a session signed in at the identity provider, once the platform has said who it is (GET /api/v1/auth/me). */
  async signInWithProviderToken(session: Session): Promise<Session> {
    const response = await fetch(`${this.base}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${session.accessToken}` } });
    const me = (await parse<Envelope<Me>>(response)).data;
    return this.adopt({ ...session, kind: 'sso', subject: me.subject, scopes: me.scopes, boundProject: me.projectId })!;
  }

  signOut(): void {
    const s = this.session;
    this.adopt(null);
    // the provider's tokens are the provider's to revoke; the platform's refresh token is revoked here
    if (s && s.kind !== 'sso') {
      void fetch(`${this.base}/api/v1/auth/revoke`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: s.refreshToken }),
      }).catch(() => undefined);
    }
  }

  /** Exchanges the refresh token for a new pair (the old one is spent). Concurrent callers share one exchange. */
  refresh(): Promise<Session> {
    const s = this.session;
    if (!s) return Promise.reject(new ApiError(401, 'UNAUTHENTICATED', 'Signed out'));
    if (this.refreshing) return this.refreshing;
    const renewed: Promise<Session> = s.kind === 'sso'
      ? refreshSso(s)
      : fetch(`${this.base}/api/v1/auth/refresh`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refresh_token: s.refreshToken }),
      }).then((r) => parse<TokenResponse | Envelope<TokenResponse>>(r)).then((t) => this.toSession(t));
    this.refreshing = renewed
      .then((next) => this.adopt(next) as Session)
      .catch((e) => {
        // a refused refresh token (invalid, expired, revoked) ends the session; a rate limit or an outage does not
        if (e instanceof ApiError && (e.status === 400 || e.status === 401)) this.adopt(null);
        throw e;
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  /** A JSON request with the current access token; answers the envelope. */
  async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Envelope<T>> {
    const response = await this.send(method, path, body === undefined ? undefined : JSON.stringify(body), {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    });
    if (response.status === 204) return { data: undefined as T };
    return parse<Envelope<T>>(response);
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path).then((e) => e.data);
  }

  /** A raw authorised request (artifacts, event streams); the caller reads the status. */
  async send(method: string, path: string, body?: BodyInit, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
    const attempt = async () => {
      const s = this.session;
      if (!s) throw new ApiError(401, 'UNAUTHENTICATED', 'Sign in first');
      if (s.expiresAt - Date.now() < 10_000) await this.refresh();
      return fetch(`${this.base}${path}`, {
        method,
        body,
        signal,
        headers: { Authorization: `Bearer ${this.session!.accessToken}`, ...headers },
      });
    };
    let response = await attempt();
    if (response.status === 401 && this.session) {
      await this.refresh();
      response = await attempt();
    }
    return response;
  }

  private toSession(t: TokenResponse | Envelope<TokenResponse>): Session {
    const token = 'data' in t ? t.data : t;
    const claims = decodeClaims(token.access_token);
    const scope = token.scope ?? (claims.scope as string | undefined) ?? '';
    return {
      accessToken: token.access_token,
      refreshToken: token.refresh_token,
      expiresAt: Date.now() + token.expires_in * 1000,
      scopes: scope.split(' ').filter(Boolean),
      subject: (claims.sub as string) ?? '',
      boundProject: (claims.pid ?? claims.projectId ?? claims.project) as string | undefined,
    };
  }

  private adopt(session: Session | null): Session | null {
    this.session = session;
    clearTimeout(this.timer);
    if (session) {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify(session));
      // silent refresh: a minute before expiry, or at 80 % of a shorter lifetime (at least 5 s from now); an SSO
      // session without a provider refresh token just ends when its token does
      const left = session.expiresAt - Date.now();
      const renewable = session.kind !== 'sso' || !!session.refreshToken;
      const due = renewable ? Math.max(5_000, Math.min(left - 60_000, left * 0.8)) : Math.max(1_000, left);
      this.timer = setTimeout(() => void this.refresh().catch(() => undefined), due);
    } else {
      this.storage?.removeItem(STORAGE_KEY);
    }
    this.listeners.forEach((l) => l(session));
    return session;
  }
}

/** A raw response's body, or its refusal as an ApiError. */
export function expectOk<T>(response: Response): Promise<T> {
  return parse<T>(response);
}
