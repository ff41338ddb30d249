# The Luna edge Worker (edge/src): one script with its vars as plain_text bindings, the origin secret as a
# secret_text binding, and the RateLimiter Durable Object; served on a custom domain and/or a route.

locals {
  vars = {
    UPSTREAM_URL              = trimsuffix(var.upstream_url, "/")
    JWKS_URL                  = coalesce(var.jwks_url, "${trimsuffix(var.upstream_url, "/")}/.well-known/jwks.json")
    JWT_ISSUER                = coalesce(var.jwt_issuer, "")
    JWT_AUDIENCE              = coalesce(var.jwt_audience, "")
    JWT_ALGORITHMS            = join(",", var.jwt_algorithms)
    CORS_ALLOW_ORIGINS        = join(",", var.cors_allow_origins)
    MAX_BODY_BYTES            = tostring(var.max_body_bytes)
    RATE_LIMIT_REQUESTS       = tostring(var.rate_limit_requests)
    RATE_LIMIT_WINDOW_SECONDS = tostring(var.rate_limit_window_seconds)
  }

  plain_text_bindings = [for name in sort(keys(local.vars)) : { name = name, type = "plain_text", text = local.vars[name] }]
  secret_bindings     = var.origin_secret == null ? [] : [{ name = "ORIGIN_SECRET", type = "secret_text", text = var.origin_secret }]
  durable_object_bindings = [{
    name       = "RATE_LIMITER"
    type       = "durable_object_namespace"
    class_name = "RateLimiter"
  }]

  edge_url = var.custom_domain != null ? "https://${var.custom_domain}" : (
    var.route_pattern != null ? "https://${trimsuffix(trimsuffix(var.route_pattern, "*"), "/")}" : null
  )
}

resource "cloudflare_workers_script" "this" {
  account_id         = var.account_id
  script_name        = var.script_name
  content            = fileexists(var.script_path) ? file(var.script_path) : ""
  main_module        = "worker.js"
  compatibility_date = var.compatibility_date

  bindings = concat(local.plain_text_bindings, local.secret_bindings, local.durable_object_bindings)

  migrations = {
    new_tag            = "v1"
    new_sqlite_classes = ["RateLimiter"]
  }

  observability = {
    enabled = true
  }

  lifecycle {
    precondition {
      condition     = fileexists(var.script_path)
      error_message = "The Worker bundle ${var.script_path} does not exist: run `npm ci && npm run build` in edge/ first."
    }
    precondition {
      condition     = (var.custom_domain == null && var.route_pattern == null) || var.zone_id != null
      error_message = "zone_id (cloudflare_zone_id) is required with a custom domain or a route pattern."
    }
  }
}

resource "cloudflare_workers_custom_domain" "this" {
  count = var.custom_domain == null ? 0 : 1

  account_id = var.account_id
  zone_id    = var.zone_id
  hostname   = var.custom_domain
  service    = cloudflare_workers_script.this.script_name
}

resource "cloudflare_workers_route" "this" {
  count = var.route_pattern == null ? 0 : 1

  zone_id = var.zone_id
  pattern = var.route_pattern
  script  = cloudflare_workers_script.this.script_name
}
