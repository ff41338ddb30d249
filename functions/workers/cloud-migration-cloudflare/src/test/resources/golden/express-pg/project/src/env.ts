/** The Worker's bindings (wrangler.jsonc); secrets are set with `wrangler secret put NAME`. */
export interface Env {
  /** The old backend that routes not migrated yet are proxied to; empty = proxied routes answer 502. */
  ORIGIN_URL: string;
  /** D1 database shop-api-db (migrations/). */
  DB: D1Database;
  /** KV namespace for caches and sessions. */
  CACHE: KVNamespace;
  /** R2 bucket shop-api-files. */
  BUCKET: R2Bucket;
  /** From src/routes/users.js:22. */
  CRM_WEBHOOK_URL: string;
  /** From src/server.js:21. */
  PORT: string;
  /** Secret (wrangler secret put DATABASE_URL); from src/db.js:3. */
  DATABASE_URL?: string;
  /** Secret (wrangler secret put SESSION_SECRET); from src/server.js:9. */
  SESSION_SECRET?: string;
}

/** The D1 tables migrations/ creates, checked by the health route. */
export const D1_TABLES: string[] = ["orders", "users"];
