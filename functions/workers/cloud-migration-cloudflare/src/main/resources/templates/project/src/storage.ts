/** Small helpers over the KV and R2 bindings, for the handlers you port. */

/** Reads a JSON value from KV, or null. */
export async function kvGetJson<T>(kv: KVNamespace, key: string): Promise<T | null> {
  return kv.get<T>(key, "json");
}

/** Writes a JSON value to KV, optionally expiring after ttlSeconds (at least 60). */
export async function kvPutJson(kv: KVNamespace, key: string, value: unknown, ttlSeconds?: number): Promise<void> {
  await kv.put(key, JSON.stringify(value), ttlSeconds ? { expirationTtl: Math.max(60, ttlSeconds) } : undefined);
}

/** Streams an uploaded file (multipart form field) into R2 under key; returns the stored object's size. */
export async function r2PutUpload(bucket: R2Bucket, key: string, file: File): Promise<number> {
  const stored = await bucket.put(key, file.stream(), { httpMetadata: { contentType: file.type || "application/octet-stream" } });
  return stored?.size ?? 0;
}

/** Answers an R2 object as an HTTP response (404 when it does not exist). */
export async function r2Response(bucket: R2Bucket, key: string): Promise<Response> {
  const object = await bucket.get(key);
  if (object === null) return Response.json({ error: "not found", key }, { status: 404 });
  const headers = new Headers();
  object.writeHttpMetadata(headers);
  headers.set("etag", object.httpEtag);
  return new Response(object.body, { headers });
}
