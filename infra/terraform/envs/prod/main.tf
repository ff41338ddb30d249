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
  description = "SNS topic for alarm notifications (set it in prod)."
  type        = string
  default     = null
}

provider "aws" {
  region = var.region
}

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

  alarm_sns_topic_arn = var.alarm_sns_topic_arn
  tags                = { CostCenter = "luna-prod" }
}

output "api_url" {
  value = module.luna.api_url
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
