// The platform's error envelope, for the errors the edge answers itself (they never reach the functions):
// {"error": {"code", "message", "details", "requestId", "timestamp"}} with the status of the code, as
// dev.luna.core.ErrorCode defines them.

export const STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
} as const;

export type EdgeErrorCode = keyof typeof STATUS;

export function errorResponse(
  code: EdgeErrorCode,
  message: string,
  requestId: string,
  details: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  const body = JSON.stringify({
    error: { code, message, details, requestId, timestamp: new Date().toISOString() },
  });
  return new Response(body, {
    status: STATUS[code],
    headers: {
      "Content-Type": "application/json",
      "Cache-Control": "no-store",
      "X-Request-Id": requestId,
      ...headers,
    },
  });
}
