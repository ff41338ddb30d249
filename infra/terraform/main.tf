# The data layer: every DynamoDB table, S3 bucket and SQS queue of data.json.
module "data" {
  source = "./modules/data"

  resource_prefix      = local.resource_prefix
  tables               = try(local.data.tables, {})
  buckets              = try(local.data.buckets, {})
  queues               = local.queues
  deletion_protection  = var.deletion_protection
  bucket_force_destroy = var.bucket_force_destroy
  tags                 = local.tags
}

# One Lambda (+ alias, role, log group, alarms, API route) per HTTP function of
# the catalog.
module "http_function" {
  source   = "./modules/http-function"
  for_each = local.http_functions

  function_name       = each.key
  resource_prefix     = local.resource_prefix
  module_name         = each.value.module
  description         = each.value.summary
  bean                = each.value.bean
  initializer         = each.value.initializer
  artifact_path       = "${local.artifacts_dir}/${each.value.artifact}.zip"
  runtime             = each.value.runtime
  architecture        = var.lambda_architecture
  memory_mb           = each.value.memory_mb
  timeout_seconds     = each.value.timeout_seconds
  snap_start_enabled  = var.snap_start_enabled
  cds_archive_enabled = var.cds_archive_enabled

  environment_variables = merge(
    {
      LUNA_ENVIRONMENT         = var.environment
      LUNA_RATE_LIMIT_PER_KEY  = tostring(var.rate_limit_per_key_per_minute)
      LUNA_RATE_LIMIT_PER_USER = tostring(var.rate_limit_per_user_per_minute)
      LUNA_JWT_ISSUER          = "https://${aws_apigatewayv2_api.this.id}.execute-api.${var.region}.amazonaws.com"
    },
    var.sso == null ? {} : {
      LUNA_SSO_ISSUER            = var.sso.issuer
      LUNA_SSO_AUDIENCE          = var.sso.audience
      LUNA_SSO_JWKS_URL          = var.sso.jwks_url
      LUNA_SSO_GROUPS_CLAIM      = var.sso.groups_claim
      LUNA_SSO_GROUP_SCOPES      = jsonencode(var.sso.group_scopes)
      LUNA_SSO_GROUP_ROLES       = jsonencode(var.sso.group_roles)
      LUNA_SSO_CLIENT_ID         = var.sso.client_id
      LUNA_SSO_AUTHORIZATION_URL = var.sso.authorization_url
      LUNA_SSO_TOKEN_URL         = var.sso.token_url
      LUNA_SSO_SCOPES            = var.sso.scopes
    },
    var.function_environment,
    local.edge_secret_environment,
    contains(each.value.secrets, "llm-providers") ? local.llm_secret_environment : {},
    contains(each.value.secrets, "pinecone") ? local.pinecone_environment : {},
    each.value.module == "realtime" ? { LUNA_WS_CALLBACK_URL = local.websocket_callback_url } : {},
  )
  secret_arns = merge(
    contains(each.value.secrets, "llm-providers") ? local.llm_secret_arns : {},
    contains(each.value.secrets, "pinecone") ? local.pinecone_secret_arns : {},
  )

  http_method       = each.value.http_method
  http_path         = each.value.http_path
  api_id            = aws_apigatewayv2_api.this.id
  api_execution_arn = aws_apigatewayv2_api.this.execution_arn
  # the realtime module's HTTP functions (admin-notifications-send) post to the WebSocket API's clients
  websocket_api_execution_arn = each.value.module == "realtime" ? aws_apigatewayv2_api.websocket.execution_arn : null

  table_arns = { for table in each.value.tables : table => module.data.table_arns[table] }
  # Every function authenticates, rate-limits and audits through the same pipeline.
  platform_read_table_arns  = [for t in ["api-keys", "tokens", "projects"] : module.data.table_arns[t]]
  platform_write_table_arns = [for t in ["rate-limits", "idempotency"] : module.data.table_arns[t]]
  audit_table_arn           = module.data.table_arns["audit"]
  bucket_arns               = { for bucket in each.value.buckets : bucket => module.data.bucket_arns[bucket] }
  queue_arns                = { for queue in each.value.queues : queue => module.data.queue_arns[queue] }

  log_retention_days  = var.log_retention_days
  alarm_sns_topic_arn = local.alarm_topic_arn
  tags                = local.tags
}

# One Lambda + SQS event source mappings (ReportBatchItemFailures, maximum
# concurrency) per queue function of the catalog (submission ingest, webhook
# delivery, RAG index jobs: one queue each) and per task type's worker (its five
# priority queues, each mapping's maximum concurrency the priority's share of
# workers, so background backlogs never starve critical tasks).
module "queue_function" {
  source   = "./modules/queue-function"
  for_each = local.queue_functions

  function_name        = each.key
  resource_prefix      = local.resource_prefix
  module_name          = each.value.module
  description          = each.value.summary
  bean                 = each.value.bean
  initializer          = each.value.initializer
  artifact_path        = "${local.artifacts_dir}/${each.value.artifact}.zip"
  runtime              = each.value.runtime
  architecture         = var.lambda_architecture
  memory_mb            = each.value.memory_mb
  ephemeral_storage_mb = each.value.ephemeral_storage_mb
  timeout_seconds      = each.value.timeout_seconds
  snap_start_enabled   = var.snap_start_enabled

  environment_variables = merge(
    { LUNA_ENVIRONMENT = var.environment },
    var.function_environment,
    contains(each.value.secrets, "pinecone") ? local.pinecone_environment : {},
    contains(each.value.secrets, "rag-git-tokens") ? local.rag_git_secret_environment : {},
    contains(each.value.secrets, "llm-providers") ? local.llm_secret_environment : {},
    contains(local.push_senders, each.key) ? local.push_environment : {},
  )
  secret_arns = merge(
    contains(each.value.secrets, "pinecone") ? local.pinecone_secret_arns : {},
    contains(each.value.secrets, "rag-git-tokens") ? local.rag_git_secret_arns : {},
    contains(each.value.secrets, "llm-providers") ? local.llm_secret_arns : {},
  )

  queues = {
    for queue, mapping in each.value.consumed_queues : queue => {
      arn                          = module.data.queue_arns[queue]
      physical_name                = module.data.queue_names[queue]
      visibility_timeout_seconds   = try(local.queues[queue].visibilityTimeoutSeconds, 30)
      maximum_concurrency          = mapping.max_concurrency
      oldest_message_alarm_seconds = mapping.alarm_seconds
    }
  }
  batch_size = each.value.batch_size

  table_arns  = { for table in each.value.tables : table => module.data.table_arns[table] }
  bucket_arns = { for bucket in each.value.buckets : bucket => module.data.bucket_arns[bucket] }
  queue_arns  = { for queue in each.value.queues : queue => module.data.queue_arns[queue] }

  log_retention_days  = var.log_retention_days
  alarm_sns_topic_arn = local.alarm_topic_arn
  tags                = local.tags
}

# One Lambda + EventBridge Scheduler schedule per scheduled function of the
# catalog (health-check, cache-cleanup, ...).
module "scheduled_function" {
  source   = "./modules/scheduled-function"
  for_each = local.schedule_functions

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
    { LUNA_ENVIRONMENT = var.environment },
    var.function_environment,
    contains(local.alert_email_senders, each.key) ? local.alert_email_environment : {},
    contains(local.push_senders, each.key) ? local.push_environment : {},
  )

  schedule_expression = each.value.schedule

  table_arns  = { for table in each.value.tables : table => module.data.table_arns[table] }
  bucket_arns = { for bucket in each.value.buckets : bucket => module.data.bucket_arns[bucket] }
  queue_arns  = { for queue in each.value.queues : queue => module.data.queue_arns[queue] }

  log_retention_days  = var.log_retention_days
  alarm_sns_topic_arn = local.alarm_topic_arn
  tags                = local.tags
}

# Anything in a dead-letter queue needs a look: tasks that failed every attempt,
# invalid submissions, webhooks that could not be delivered.
resource "aws_cloudwatch_metric_alarm" "dead_letters" {
  for_each = local.dead_letter_queues

  alarm_name          = "${local.resource_prefix}-${each.key}-depth"
  alarm_description   = "Messages are waiting in the dead-letter queue ${module.data.queue_names[each.key]}."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = module.data.queue_names[each.key] }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
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

# The Cloudflare Worker in front of the API (edge/): routes from the catalog, JWT verification, rate limiting,
# CORS, caching. Optional: enabled by edge_enabled, it needs the cloudflare provider configured by the env root.
module "edge" {
  source = "./modules/edge"
  count  = var.edge_enabled ? 1 : 0

  account_id                = var.cloudflare_account_id
  zone_id                   = var.cloudflare_zone_id
  script_name               = "${local.resource_prefix}-edge"
  script_path               = coalesce(var.edge_script_path, "${path.module}/../../edge/dist/worker.js")
  upstream_url              = aws_apigatewayv2_api.this.api_endpoint
  custom_domain             = var.edge_custom_domain
  route_pattern             = var.edge_route_pattern
  jwks_url                  = var.edge_jwks_url
  jwt_issuer                = var.edge_jwt_issuer
  jwt_audience              = var.edge_jwt_audience
  cors_allow_origins        = var.edge_cors_allow_origins
  rate_limit_requests       = var.edge_rate_limit_requests
  rate_limit_window_seconds = var.edge_rate_limit_window_seconds
  origin_secret             = var.edge_origin_secret
}
