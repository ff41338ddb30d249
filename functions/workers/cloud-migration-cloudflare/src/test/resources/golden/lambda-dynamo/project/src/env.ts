/** The Worker's bindings (wrangler.jsonc); secrets are set with `wrangler secret put NAME`. */
export interface Env {
  /** The old backend that routes not migrated yet are proxied to; empty = proxied routes answer 502. */
  ORIGIN_URL: string;
  /** D1 database thumbnails-service-db (migrations/). */
  DB: D1Database;
  /** R2 bucket uploads-bucket. */
  UPLOADS_BUCKET: R2Bucket;
  /** Queue jobs-queue (producer). */
  JOBS_QUEUE: Queue;
  /** From src/resize.js:9. */
  BUCKET_NAME: string;
  /** From src/putItem.js:11. */
  JOBS_QUEUE_URL: string;
  /** From src/getItem.js:7. */
  TABLE_NAME: string;
}

/** The D1 tables migrations/ creates, checked by the health route. */
export const D1_TABLES: string[] = ["items_table"];
