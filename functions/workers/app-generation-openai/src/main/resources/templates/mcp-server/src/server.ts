import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { APP_NAME, APP_VERSION, tools } from "./tools.js";
import { callUpstream, type Upstream } from "./upstream.js";
import { WIDGETS, WIDGET_MIME_TYPE } from "./widgets.js";

/** A new MCP server with one tool per API operation and the UI resources the tools render into. */
export function createServer(upstream: Upstream): McpServer {
  const server = new McpServer({ name: APP_NAME, version: APP_VERSION });
  for (const widget of WIDGETS) {
    server.registerResource(widget.name, widget.uri, { title: widget.title, description: widget.description, mimeType: WIDGET_MIME_TYPE },
      async () => ({
        contents: [{ uri: widget.uri, mimeType: WIDGET_MIME_TYPE, text: widget.html,
          _meta: { "openai/widgetDescription": widget.description, "openai/widgetPrefersBorder": true } }],
      }));
  }
  for (const tool of tools) {
    server.registerTool(tool.name, {
      title: tool.title,
      description: tool.description,
      inputSchema: tool.inputSchema,
      annotations: { title: tool.title, readOnlyHint: tool.readOnly, destructiveHint: tool.destructive, openWorldHint: true },
      _meta: {
        "openai/outputTemplate": tool.widget,
        "openai/toolInvocation/invoking": `Calling ${tool.title}`,
        "openai/toolInvocation/invoked": `Called ${tool.title}`,
        "openai/widgetAccessible": false,
        ui: { resourceUri: tool.widget },
      },
    }, async (args: Record<string, unknown>): Promise<CallToolResult> => {
      try {
        const { status, data } = await callUpstream(upstream, tool, args);
        const failed = status >= 400;
        return {
          content: [{ type: "text", text: failed ? `The API answered ${status}: ${JSON.stringify(data)}` : JSON.stringify(data) }],
          structuredContent: { status, result: data },
          isError: failed,
        };
      } catch (error) {
        return { content: [{ type: "text", text: `The API could not be reached: ${String(error)}` }], isError: true };
      }
    });
  }
  return server;
}
