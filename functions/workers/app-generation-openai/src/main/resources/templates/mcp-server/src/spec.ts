import type { z } from "zod";

/** One tool of this app: an operation of the upstream API. */
export interface ToolSpec {
  name: string;
  title: string;
  description: string;
  method: string;
  /** The upstream path with {name} parameters. */
  path: string;
  /** Non-body parameters and where they go. */
  params: { name: string; in: "path" | "query" | "header" }[];
  /** The name of the argument that holds the JSON request body, or null. */
  body: string | null;
  readOnly: boolean;
  destructive: boolean;
  /** The ui:// resource that renders the result. */
  widget: string;
  inputSchema: Record<string, z.ZodType>;
}
