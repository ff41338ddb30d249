# Luna — prod environment.
#
#   scripts/package                        # builds <repo>/artifacts/<artifact>.zip
#   cd infra/terraform/envs/prod
#   terraform init && terraform plan -out tfplan && terraform apply tfplan
#
# Credentials come from the usual AWS provider chain (AWS_PROFILE, SSO, OIDC in
# CI, ...). Never write keys into these files.

terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
    cloudflare = {
      source  = "cloudflare/cloudflare"
      version = "~> 5.0"
    }
  }

  # Remote state (strongly recommended for prod). To use S3:
  #   1. create a versioned, encrypted, private S3 bucket for state (once, by hand
  #      or from a separate bootstrap stack), ideally in a separate account;
  #   2. uncomment the block below and fill in the bucket and region;
  #   3. run `terraform init -migrate-state`.
  # use_lockfile needs Terraform >= 1.10; on older versions replace it with
  # dynamodb_table = "<lock table with a string hash key LockID>".
  #
  # backend "s3" {
  #   bucket       = "<state-bucket>"
  #   key          = "luna/prod/terraform.tfstate"
  #   region       = "us-east-1"
  #   encrypt      = true
  #   use_lockfile = true
  # }
}

variable "region" {
  description = "AWS region of the prod environment."
  type        = string
  default     = "us-east-1"
}

variable "resource_prefix" {
  description = "Resource name prefix; set it if luna-prod-* bucket names are already taken in S3's global namespace."
  type        = string
  default     = null
}

variable "artifacts_dir" {
  description = "Where scripts/package put the function zips (default: <repo>/artifacts)."
  type        = string
  default     = null
}

variable "alarm_sns_topic_arn" {
  description = "An existing SNS topic for alarm notifications; null = the stack creates <prefix>-alarms."
  type        = string
  default     = null
}

variable "alarm_email_addresses" {
  description = "E-mail addresses that receive the alarms (each confirms AWS's subscription mail once). Set them in prod."
  type        = list(string)
  default     = []
}

variable "alarm_webhook_urls" {
  description = "HTTPS endpoints that receive the alarms as SNS notifications. Set TF_VAR_alarm_webhook_urls (a JSON list) from your secret store."
  type        = list(string)
  default     = null
  sensitive   = true
}

variable "edge_enabled" {
  description = "Deploy the Cloudflare Worker in front of the API (needs CLOUDFLARE_API_TOKEN and cloudflare_account_id)."
  type        = bool
  default     = false
}

variable "cloudflare_account_id" {
  description = "Cloudflare account of the Worker."
  type        = string
  default     = null
}

variable "cloudflare_zone_id" {
  description = "Cloudflare zone of edge_custom_domain."
  type        = string
  default     = null
}

variable "edge_custom_domain" {
  description = "Hostname the Worker serves (e.g. api.prod.example.com); null = workers.dev only."
  type        = string
  default     = null
}

variable "edge_origin_secret" {
  description = "Secret the Worker sends upstream (X-Luna-Edge-Secret). Set TF_VAR_edge_origin_secret from your secret store."
  type        = string
  default     = null
  sensitive   = true
}

variable "edge_origin_secret_previous" {
  description = "During a rotation: the edge secret Workers sent before (accepted until set back to null)."
  type        = string
  default     = null
  sensitive   = true
}

variable "alert_email_from" {
  description = "Sender of budget alert e-mail (an SES identity; empty: e-mail alerts are recorded, not sent)."
  type        = string
  default     = ""
}

variable "require_edge_secret" {
  description = "HTTP functions refuse (403) requests without the edge secret, except the health probe."
  type        = bool
  default     = false
}

provider "aws" {
  region = var.region
}

# Credentials from the environment: CLOUDFLARE_API_TOKEN (a token with Workers Scripts:Edit, and Workers Routes:Edit
# / DNS:Edit on the zone when a custom domain is used). Never write the token here.
provider "cloudflare" {}

module "luna" {
  source = "../.."

  environment     = "prod"
  region          = var.region
  resource_prefix = var.resource_prefix
  artifacts_dir   = var.artifacts_dir

  lambda_architecture = "x86_64"
  snap_start_enabled  = true
  log_retention_days  = 90

  deletion_protection  = true
  bucket_force_destroy = false

  api_throttling_burst_limit = 500
  api_throttling_rate_limit  = 250
  cors_allow_origins         = []

  edge_enabled                   = var.edge_enabled
  cloudflare_account_id          = var.cloudflare_account_id
  cloudflare_zone_id             = var.cloudflare_zone_id
  edge_custom_domain             = var.edge_custom_domain
  edge_origin_secret             = var.edge_origin_secret
  edge_origin_secret_previous    = var.edge_origin_secret_previous
  require_edge_secret            = var.require_edge_secret
  alert_email_from               = var.alert_email_from
  edge_rate_limit_requests       = 1200
  edge_rate_limit_window_seconds = 60
  edge_cors_allow_origins        = []

  alarm_sns_topic_arn   = var.alarm_sns_topic_arn
  alarm_email_addresses = var.alarm_email_addresses
  alarm_webhook_urls    = var.alarm_webhook_urls
  tags                  = { CostCenter = "luna-prod" }
}

output "api_url" {
  value = module.luna.api_url
}

output "edge_url" {
  value = module.luna.edge_url
}

output "function_names" {
  value = module.luna.function_names
}

output "table_names" {
  value = module.luna.table_names
}

output "bucket_name" {
  value = module.luna.bucket_name
}
