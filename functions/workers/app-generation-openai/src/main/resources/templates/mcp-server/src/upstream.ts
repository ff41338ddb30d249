import type { ToolSpec } from "./spec.js";

/** Where the upstream API lives and how to authenticate with it, from the environment. */
export interface Upstream {
  baseUrl: string;
  apiKey?: string;
  bearerToken?: string;
}

export function upstreamFromEnv(env: NodeJS.ProcessEnv = process.env): Upstream {
  const baseUrl = (env.UPSTREAM_BASE_URL ?? "").replace(/\/+$/, "");
  if (!baseUrl) throw new Error("UPSTREAM_BASE_URL is not set");
  return { baseUrl, apiKey: env.UPSTREAM_API_KEY || undefined, bearerToken: env.UPSTREAM_BEARER_TOKEN || undefined };
}

/** Calls the operation behind `tool` with the tool's arguments; returns the parsed JSON (or text) and the HTTP status. */
export async function callUpstream(upstream: Upstream, tool: ToolSpec, args: Record<string, unknown>): Promise<{ status: number; data: unknown }> {
  let path = tool.path;
  const query = new URLSearchParams();
  const headers: Record<string, string> = { accept: "application/json" };
  for (const p of tool.params) {
    const value = args[p.name];
    if (value === undefined || value === null) continue;
    const text = typeof value === "string" ? value : JSON.stringify(value);
    if (p.in === "path") path = path.replace(`{${p.name}}`, encodeURIComponent(text));
    else if (p.in === "query") query.append(p.name, text);
    else headers[p.name.toLowerCase()] = text;
  }
  if (upstream.apiKey) headers["x-api-key"] = upstream.apiKey;
  if (upstream.bearerToken) headers["authorization"] = `Bearer ${upstream.bearerToken}`;
  let body: string | undefined;
  if (tool.body && args[tool.body] !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(args[tool.body]);
  }
  const qs = query.toString();
  const response = await fetch(`${upstream.baseUrl}${path}${qs ? `?${qs}` : ""}`, { method: tool.method, headers, body });
  const raw = await response.text();
  let data: unknown = raw;
  try {
    data = raw ? JSON.parse(raw) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, data };
}
