# Inputs of the Luna root module. Environment roots under envs/ set them; nothing
# here is a secret, and no secret may be given as a default.

variable "environment" {
  description = "Deployment environment name (dev, staging, prod, ...). Part of every resource name."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,15}$", var.environment))
    error_message = "environment must be 2-16 characters of lowercase letters, digits and '-', starting with a letter."
  }
}

variable "region" {
  description = "AWS region the aws provider is configured for. Checked against the provider so an env cannot deploy to the wrong region by accident."
  type        = string
}

variable "resource_prefix" {
  description = "Prefix of every resource name. Defaults to \"luna-<environment>\". Set it (e.g. \"acme-luna-prod\") when bucket names must be globally unique."
  type        = string
  default     = null

  validation {
    condition     = var.resource_prefix == null || can(regex("^[a-z][a-z0-9-]{1,30}$", var.resource_prefix))
    error_message = "resource_prefix must be 2-31 characters of lowercase letters, digits and '-', starting with a letter."
  }
}

variable "artifacts_dir" {
  description = "Directory where scripts/package puts one zip per function module (<artifacts_dir>/<artifact>.zip). Defaults to artifacts/ at the repository root."
  type        = string
  default     = null
}

variable "lambda_architecture" {
  description = "Instruction set of every function."
  type        = string
  default     = "x86_64"

  validation {
    condition     = contains(["x86_64", "arm64"], var.lambda_architecture)
    error_message = "lambda_architecture must be x86_64 or arm64."
  }
}

variable "snap_start_enabled" {
  description = "Enable Lambda SnapStart (on published versions) for every function."
  type        = bool
  default     = true
}

variable "cds_archive_enabled" {
  description = "Point every function's JVM at the AppCDS archive in its package (JAVA_TOOL_OPTIONS -XX:SharedArchiveFile=/var/task/cds/luna.jsa). Only a JDK of the same build as the one scripts/package trained with uses it; any other ignores it (-Xshare:auto)."
  type        = bool
  default     = true
}

variable "function_environment" {
  description = "Extra environment variables given to every function (no secrets: use Secrets Manager / SSM references). The LUNA_* / Spring variables set by the module win over these."
  type        = map(string)
  default     = {}
}

variable "log_retention_days" {
  description = "Retention of the functions' and the API's CloudWatch log groups."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the values CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, ...)."
  }
}

variable "tags" {
  description = "Tags added to every taggable resource (merged over Project/Environment/ManagedBy)."
  type        = map(string)
  default     = {}
}

variable "cors_allow_origins" {
  description = "Origins allowed by the API's CORS configuration. Empty = no CORS configuration on API Gateway (the Cloudflare Worker in front handles CORS)."
  type        = list(string)
  default     = []
}

variable "api_throttling_burst_limit" {
  description = "Default route burst limit of the API stage."
  type        = number
  default     = 200
}

variable "api_throttling_rate_limit" {
  description = "Default route steady-state rate limit (requests per second) of the API stage."
  type        = number
  default     = 100
}

variable "alarm_sns_topic_arn" {
  description = "An existing SNS topic notified by the CloudWatch alarms (alarm and OK). null = a topic <prefix>-alarms is created."
  type        = string
  default     = null
}

variable "alarm_email_addresses" {
  description = "E-mail addresses subscribed to the alarm topic (each confirms the mail AWS sends first)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for a in var.alarm_email_addresses : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", a))])
    error_message = "alarm_email_addresses must be e-mail addresses."
  }
}

variable "alarm_webhook_urls" {
  description = "HTTPS endpoints subscribed to the alarm topic (they must confirm SNS's SubscriptionConfirmation). Often carry a token: set TF_VAR_alarm_webhook_urls from your secret store."
  type        = list(string)
  default     = null
  sensitive   = true

  validation {
    condition     = var.alarm_webhook_urls == null || alltrue([for u in coalesce(var.alarm_webhook_urls, []) : startswith(u, "https://")])
    error_message = "alarm_webhook_urls must be https:// URLs."
  }
}

variable "deletion_protection" {
  description = "Enable DynamoDB deletion protection on every table."
  type        = bool
  default     = true
}

variable "bucket_force_destroy" {
  description = "Allow terraform destroy to delete non-empty buckets (dev only)."
  type        = bool
  default     = false
}

# --- edge (Cloudflare Worker) ------------------------------------------------

variable "edge_enabled" {
  description = "Deploy the Cloudflare Worker (edge/) in front of the API. Needs the cloudflare provider (CLOUDFLARE_API_TOKEN) and cloudflare_account_id."
  type        = bool
  default     = false
}

variable "cloudflare_account_id" {
  description = "Cloudflare account that owns the Worker (required when edge_enabled)."
  type        = string
  default     = null
}

variable "cloudflare_zone_id" {
  description = "Cloudflare zone of edge_custom_domain / edge_route_pattern (required with either)."
  type        = string
  default     = null
}

variable "edge_custom_domain" {
  description = "Hostname the Worker serves as a Workers custom domain, e.g. api.example.com (Cloudflare creates the DNS record and certificate). null = none."
  type        = string
  default     = null
}

variable "edge_route_pattern" {
  description = "Alternatively, a Workers route pattern on an existing proxied hostname, e.g. example.com/api/*. null = none."
  type        = string
  default     = null
}

variable "edge_script_path" {
  description = "Bundled Worker (npm run build in edge/ writes edge/dist/worker.js)."
  type        = string
  default     = null
}

variable "edge_jwks_url" {
  description = "JWKS the Worker verifies JWTs with. null = <api_url>/.well-known/jwks.json."
  type        = string
  default     = null
}

variable "edge_jwt_issuer" {
  description = "Required iss of JWTs (null = not checked)."
  type        = string
  default     = null
}

variable "edge_jwt_audience" {
  description = "Required aud of JWTs (null = not checked)."
  type        = string
  default     = null
}

variable "edge_cors_allow_origins" {
  description = "Origins the Worker grants CORS to ([\"*\"] for any). Empty = no CORS."
  type        = list(string)
  default     = []
}

variable "edge_rate_limit_requests" {
  description = "Requests per window per client (API key, JWT subject or IP) at the edge; 0 disables."
  type        = number
  default     = 600
}

variable "edge_rate_limit_window_seconds" {
  description = "Rate limit window in seconds."
  type        = number
  default     = 60
}

variable "edge_origin_secret" {
  description = "Secret the Worker sends upstream as X-Luna-Edge-Secret (a secret_text binding). Feed it from a secret store (TF_VAR_edge_origin_secret), never from a .tf file."
  type        = string
  default     = null
  sensitive   = true
}

variable "edge_origin_secret_previous" {
  description = "During a rotation of edge_origin_secret: the secret Workers sent before. The functions accept both until this is set back to null."
  type        = string
  default     = null
  sensitive   = true
}

variable "require_edge_secret" {
  description = "The HTTP functions answer 403 to any request without X-Luna-Edge-Secret (LUNA_EDGE_SECRET), except the health probe. Turn on once the Worker sends the secret, so the API Gateway URL cannot bypass the edge."
  type        = bool
  default     = false
}

# --- identity ------------------------------------------------------------------

variable "bootstrap_admin_key_sha256" {
  description = "SHA-256 (hex) of the first administrator's API key secret (see bootstrap.tf); null skips the bootstrap."
  type        = string
  default     = null

  validation {
    condition     = var.bootstrap_admin_key_sha256 == null || can(regex("^[0-9a-f]{64}$", var.bootstrap_admin_key_sha256))
    error_message = "bootstrap_admin_key_sha256 must be 64 lower-case hex characters (sha256sum of the key)."
  }
}

variable "sso" {
  description = "External OIDC identity provider whose tokens the API accepts (null = off): issuer, audience, jwks_url, groups_claim, group_scopes (group => scopes), group_roles (group => {project => role}); for the console's \"Sign in with SSO\" also client_id (a public client allowing the console's /auth/callback), and authorization_url / token_url when the issuer has no discovery document, scopes to ask for."
  type = object({
    issuer            = string
    audience          = string
    jwks_url          = string
    groups_claim      = optional(string, "groups")
    group_scopes      = optional(map(list(string)), {})
    group_roles       = optional(map(map(string)), {})
    client_id         = optional(string, "")
    authorization_url = optional(string, "")
    token_url         = optional(string, "")
    scopes            = optional(string, "openid profile email")
  })
  default = null
}

variable "rate_limit_per_key_per_minute" {
  description = "Default request limit per API key and minute (a key may set its own)."
  type        = number
  default     = 600
}

variable "rate_limit_per_user_per_minute" {
  description = "Request limit per user and minute, across all of the user's credentials."
  type        = number
  default     = 1200
}

variable "secret_recovery_window_days" {
  description = "Days a deleted provider-key secret can be recovered (0 deletes at once; dev only)."
  type        = number
  default     = 7

  validation {
    condition     = var.secret_recovery_window_days == 0 || (var.secret_recovery_window_days >= 7 && var.secret_recovery_window_days <= 30)
    error_message = "secret_recovery_window_days must be 0 or between 7 and 30."
  }
}

variable "rag_store" {
  description = "Vector store of the RAG functions: \"pinecone\" (shared by every function instance; needs the Pinecone API key secret) or \"lucene\" (embedded in each Lambda container's /tmp: for trials only, as instances do not share it)."
  type        = string
  default     = "pinecone"

  validation {
    condition     = contains(["pinecone", "lucene"], var.rag_store)
    error_message = "rag_store must be pinecone or lucene."
  }
}

variable "pinecone_index_name" {
  description = "Name of the Pinecone index of the RAG functions (serverless, dimension 384, metric dotproduct; one namespace per project)."
  type        = string
  default     = "luna-rag"

  validation {
    condition     = can(regex("^[a-z0-9]([a-z0-9-]{0,43}[a-z0-9])?$", var.pinecone_index_name))
    error_message = "pinecone_index_name must be 1-45 lowercase letters, digits or '-', not starting or ending with '-'."
  }
}

variable "pinecone_host" {
  description = "Data-plane host of the Pinecone index (e.g. luna-rag-abc1234.svc.aped-4627-b74a.pinecone.io). null: each container asks Pinecone's control plane for it by index name at start-up."
  type        = string
  default     = null
}

variable "pinecone_create_index" {
  description = "Let the RAG functions create the Pinecone index on first use when it does not exist (serverless, aws, pinecone_region, dimension 384, metric dotproduct). false: create it yourself (see README)."
  type        = bool
  default     = true
}

variable "pinecone_region" {
  description = "AWS region of a Pinecone serverless index the functions create (Pinecone serves us-east-1, us-west-2 and eu-west-1 on AWS)."
  type        = string
  default     = "us-east-1"
}
