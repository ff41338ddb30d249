// Rate limiting at the edge with a Durable Object: one object per client key (API key hash, JWT subject or client
// IP), holding a token bucket in memory. A Durable Object is single-threaded and globally unique per key, so the
// limit is exact across all Cloudflare locations, configurable to any window, and runs in workerd (Miniflare) as it
// does in production. (The Workers Rate Limiting binding is cheaper per request but counts per location, only over
// 10 or 60 s windows, and is eventually consistent — see README "Edge".)
import { DurableObject } from "cloudflare:workers";

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until a request would be allowed again (0 when allowed). */
  retryAfterSeconds: number;
}

export class RateLimiter extends DurableObject {
  private tokens = -1;
  private updatedAt = 0;

  /** Takes one token from a bucket of `limit` tokens refilled at limit/windowSeconds per second. */
  async check(limit: number, windowSeconds: number): Promise<RateDecision> {
    const now = Date.now();
    const ratePerMs = limit / (windowSeconds * 1000);
    if (this.tokens < 0) {
      this.tokens = limit;
    } else {
      this.tokens = Math.min(limit, this.tokens + (now - this.updatedAt) * ratePerMs);
    }
    this.updatedAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { allowed: true, limit, remaining: Math.floor(this.tokens), retryAfterSeconds: 0 };
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((1 - this.tokens) / ratePerMs / 1000));
    return { allowed: false, limit, remaining: 0, retryAfterSeconds };
  }
}
