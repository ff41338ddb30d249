# Live events in AWS (issue 21): the API Gateway WebSocket API whose $connect,
# $disconnect and $default routes are catalog functions (trigger "websocket"),
# and the fan-out functions fed by a table's DynamoDB stream (trigger "stream")
# that post events to the connected clients. Connections live in the
# ws-connections table, numbered events in realtime-events (data.json).

locals {
  websocket_stage        = "live"
  websocket_callback_url = "https://${aws_apigatewayv2_api.websocket.id}.execute-api.${data.aws_region.realtime.name}.amazonaws.com/${local.websocket_stage}"
}

data "aws_region" "realtime" {}

resource "aws_apigatewayv2_api" "websocket" {
  name                       = "${local.resource_prefix}-live"
  description                = "Luna live events: task progress, agent health, token alerts (protocol luna.v1)"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
  tags                       = local.tags
}

resource "aws_apigatewayv2_stage" "websocket" {
  api_id      = aws_apigatewayv2_api.websocket.id
  name        = local.websocket_stage
  auto_deploy = true

  default_route_settings {
    throttling_burst_limit = 500
    throttling_rate_limit  = 1000
  }

  tags = local.tags
}

module "websocket_function" {
  source   = "./modules/websocket-function"
  for_each = local.websocket_functions

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
    { LUNA_ENVIRONMENT = var.environment, LUNA_WS_CALLBACK_URL = local.websocket_callback_url },
    var.function_environment,
  )

  api_id            = aws_apigatewayv2_api.websocket.id
  api_execution_arn = aws_apigatewayv2_api.websocket.execution_arn
  route_key         = each.value.ws_route

  table_arns  = { for table in each.value.tables : table => module.data.table_arns[table] }
  bucket_arns = { for bucket in each.value.buckets : bucket => module.data.bucket_arns[bucket] }
  queue_arns  = { for queue in each.value.queues : queue => module.data.queue_arns[queue] }

  log_retention_days  = var.log_retention_days
  alarm_sns_topic_arn = local.alarm_topic_arn
  tags                = local.tags
}

module "stream_function" {
  source   = "./modules/stream-function"
  for_each = local.stream_functions

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
    { LUNA_ENVIRONMENT = var.environment, LUNA_WS_CALLBACK_URL = local.websocket_callback_url },
    var.function_environment,
  )

  stream_arn        = module.data.table_stream_arns[each.value.stream_table]
  batch_size        = each.value.batch_size
  api_execution_arn = aws_apigatewayv2_api.websocket.execution_arn

  table_arns  = { for table in each.value.tables : table => module.data.table_arns[table] }
  bucket_arns = { for bucket in each.value.buckets : bucket => module.data.bucket_arns[bucket] }
  queue_arns  = { for queue in each.value.queues : queue => module.data.queue_arns[queue] }

  log_retention_days  = var.log_retention_days
  alarm_sns_topic_arn = local.alarm_topic_arn
  tags                = local.tags
}
