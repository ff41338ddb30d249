// GENERATED from functions/catalog.json by edge/scripts/gen-routes.mjs — do not edit.
// Regenerate with `npm run routes` (in edge/); `npm test` fails when this file is stale.
import type { Route } from "./router";

export const ROUTES: readonly Route[] = [
  {"method":"GET","path":"/api/v1/health","function":"health","public":true,"scopes":[]},
  {"method":"GET","path":"/api/v1/openapi.json","function":"openapi","public":true,"scopes":[]},
  {"method":"GET","path":"/docs","function":"docs","public":true,"scopes":[]},
  {"method":"POST","path":"/api/v1/agents","function":"agents-create","public":false,"scopes":["agents:write"]},
  {"method":"GET","path":"/api/v1/agents","function":"agents-list","public":false,"scopes":["agents:read"]},
  {"method":"GET","path":"/api/v1/agents/health","function":"agents-health-summary","public":false,"scopes":["agents:read"]},
  {"method":"GET","path":"/api/v1/agents/{id}","function":"agents-get","public":false,"scopes":["agents:read"]},
  {"method":"PUT","path":"/api/v1/agents/{id}","function":"agents-update","public":false,"scopes":["agents:write"]},
  {"method":"DELETE","path":"/api/v1/agents/{id}","function":"agents-delete","public":false,"scopes":["agents:write"]},
  {"method":"POST","path":"/api/v1/agents/{id}/start","function":"agents-start","public":false,"scopes":["agents:write"]},
  {"method":"POST","path":"/api/v1/agents/{id}/stop","function":"agents-stop","public":false,"scopes":["agents:write"]},
  {"method":"POST","path":"/api/v1/agents/{id}/rollback","function":"agents-rollback","public":false,"scopes":["agents:write"]},
  {"method":"GET","path":"/api/v1/agents/{id}/versions","function":"agents-versions","public":false,"scopes":["agents:read"]},
  {"method":"GET","path":"/api/v1/agents/{id}/health","function":"agents-health","public":false,"scopes":["agents:read"]},
  {"method":"POST","path":"/api/v1/agents/{id}/heartbeat","function":"agents-heartbeat","public":false,"scopes":["agents:write"]},
];
