variable "account_id" {
  description = "Cloudflare account id."
  type        = string

  validation {
    condition     = var.account_id != null && can(regex("^[0-9a-f]{32}$", var.account_id))
    error_message = "account_id must be a 32-character Cloudflare account id (set cloudflare_account_id when edge_enabled)."
  }
}

variable "zone_id" {
  description = "Zone of custom_domain / route_pattern; null when neither is used."
  type        = string
  default     = null
}

variable "script_name" {
  description = "Name of the Worker script."
  type        = string
}

variable "script_path" {
  description = "Bundled Worker module (edge/dist/worker.js, written by npm run build in edge/)."
  type        = string
}

variable "compatibility_date" {
  description = "Workers compatibility date (keep equal to edge/wrangler.jsonc)."
  type        = string
  default     = "2025-04-01"
}

variable "upstream_url" {
  description = "Base URL of the API the Worker forwards to (API Gateway endpoint or a function URL)."
  type        = string

  validation {
    condition     = can(regex("^https?://", var.upstream_url))
    error_message = "upstream_url must be an http(s) URL."
  }
}

variable "custom_domain" {
  description = "Hostname served by the Worker as a Workers custom domain; null = none."
  type        = string
  default     = null
}

variable "route_pattern" {
  description = "Workers route pattern on a proxied hostname (e.g. example.com/api/*); null = none."
  type        = string
  default     = null
}

variable "jwks_url" {
  description = "JWKS for JWT verification; null = <upstream_url>/.well-known/jwks.json."
  type        = string
  default     = null
}

variable "jwt_issuer" {
  description = "Required JWT iss; null = not checked."
  type        = string
  default     = null
}

variable "jwt_audience" {
  description = "Required JWT aud; null = not checked."
  type        = string
  default     = null
}

variable "jwt_algorithms" {
  description = "Accepted JWT algorithms (the Worker implements ES256 and RS256)."
  type        = list(string)
  default     = ["ES256", "RS256"]

  validation {
    condition     = length(var.jwt_algorithms) > 0 && alltrue([for a in var.jwt_algorithms : contains(["ES256", "RS256"], a)])
    error_message = "jwt_algorithms may contain ES256 and RS256 only."
  }
}

variable "cors_allow_origins" {
  description = "Origins granted CORS ([\"*\"] = any); empty = none."
  type        = list(string)
  default     = []
}

variable "max_body_bytes" {
  description = "Largest request body the Worker forwards (the platform's limit is 1 MiB)."
  type        = number
  default     = 1048576
}

variable "rate_limit_requests" {
  description = "Requests per window per client key; 0 disables rate limiting."
  type        = number
  default     = 600
}

variable "rate_limit_window_seconds" {
  description = "Rate limit window in seconds."
  type        = number
  default     = 60

  validation {
    condition     = var.rate_limit_window_seconds >= 1
    error_message = "rate_limit_window_seconds must be at least 1."
  }
}

variable "origin_secret" {
  description = "Sent upstream as X-Luna-Edge-Secret (secret_text binding); null = not sent."
  type        = string
  default     = null
  sensitive   = true
}
