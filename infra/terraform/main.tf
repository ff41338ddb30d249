# The data layer: every DynamoDB table, S3 bucket and SQS queue of data.json.
module "data" {
  source = "./modules/data"

  resource_prefix      = local.resource_prefix
  tables               = try(local.data.tables, {})
  buckets              = try(local.data.buckets, {})
  queues               = try(local.data.queues, {})
  deletion_protection  = var.deletion_protection
  bucket_force_destroy = var.bucket_force_destroy
  tags                 = local.tags
}

# One Lambda (+ alias, role, log group, alarms, API route) per HTTP function of
# the catalog.
module "http_function" {
  source   = "./modules/http-function"
  for_each = local.http_functions

  function_name      = each.key
  resource_prefix    = local.resource_prefix
  module_name        = each.value.module
  description        = each.value.summary
  bean               = each.value.bean
  initializer        = each.value.initializer
  artifact_path      = "${local.artifacts_dir}/${each.value.artifact}.zip"
  runtime            = each.value.runtime
  architecture       = var.lambda_architecture
  memory_mb          = each.value.memory_mb
  timeout_seconds    = each.value.timeout_seconds
  snap_start_enabled = var.snap_start_enabled

  environment_variables = merge(
    {
      LUNA_ENVIRONMENT         = var.environment
      LUNA_RATE_LIMIT_PER_KEY  = tostring(var.rate_limit_per_key_per_minute)
      LUNA_RATE_LIMIT_PER_USER = tostring(var.rate_limit_per_user_per_minute)
      LUNA_JWT_ISSUER          = "https://${aws_apigatewayv2_api.this.id}.execute-api.${var.region}.amazonaws.com"
    },
    var.sso == null ? {} : {
      LUNA_SSO_ISSUER       = var.sso.issuer
      LUNA_SSO_AUDIENCE     = var.sso.audience
      LUNA_SSO_JWKS_URL     = var.sso.jwks_url
      LUNA_SSO_GROUPS_CLAIM = var.sso.groups_claim
      LUNA_SSO_GROUP_SCOPES = jsonencode(var.sso.group_scopes)
      LUNA_SSO_GROUP_ROLES  = jsonencode(var.sso.group_roles)
    },
    var.function_environment,
  )

  http_method       = each.value.http_method
  http_path         = each.value.http_path
  api_id            = aws_apigatewayv2_api.this.id
  api_execution_arn = aws_apigatewayv2_api.this.execution_arn

  table_arns = { for table in each.value.tables : table => module.data.table_arns[table] }
  # Every function authenticates, rate-limits and audits through the same pipeline.
  platform_read_table_arns  = [for t in ["api-keys", "tokens", "projects"] : module.data.table_arns[t]]
  platform_write_table_arns = [for t in ["rate-limits", "idempotency"] : module.data.table_arns[t]]
  audit_table_arn           = module.data.table_arns["audit"]
  bucket_arns               = { for bucket in each.value.buckets : bucket => module.data.bucket_arns[bucket] }
  queue_arns                = { for queue in each.value.queues : queue => module.data.queue_arns[queue] }

  log_retention_days  = var.log_retention_days
  alarm_sns_topic_arn = var.alarm_sns_topic_arn
  tags                = local.tags
}

# The aws provider is configured by the environment root (envs/<env>); make sure
# it points where the environment says it does.
data "aws_region" "current" {}

check "provider_region" {
  assert {
    condition     = data.aws_region.current.name == var.region
    error_message = "The aws provider is configured for region ${data.aws_region.current.name}, but var.region is ${var.region}."
  }
}

# A warning, not an error: plan (and this repository's checks) run without the
# packages; apply needs them.
check "artifacts_present" {
  assert {
    condition     = length(local.missing_artifacts) == 0
    error_message = "Deployment packages missing (run scripts/package before terraform apply): ${join(", ", local.missing_artifacts)}"
  }
}
