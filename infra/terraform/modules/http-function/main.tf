# One HTTP function: the Lambda with everything every function has (modules/lambda-function: log group,
# least-privilege role, SnapStart on a "live" alias, CDS archive, error/throttle alarms) plus its API Gateway
# route and integration, and the permission for API Gateway to invoke the alias.

locals {
  route_key = "${var.http_method} ${var.http_path}"
  # API Gateway source ARNs look like <execution_arn>/<stage>/<METHOD>/<path>.
  permission_method = var.http_method == "ANY" ? "*" : var.http_method
}

module "lambda" {
  source = "../lambda-function"

  function_name       = var.function_name
  resource_prefix     = var.resource_prefix
  module_name         = var.module_name
  description         = var.description
  bean                = var.bean
  initializer         = var.initializer
  artifact_path       = var.artifact_path
  runtime             = var.runtime
  handler             = var.handler
  architecture        = var.architecture
  memory_mb           = var.memory_mb
  timeout_seconds     = var.timeout_seconds
  snap_start_enabled  = var.snap_start_enabled
  java_tool_options   = var.java_tool_options
  cds_archive_enabled = var.cds_archive_enabled
  trigger_description = local.route_key

  environment_variables = var.environment_variables

  table_arns                = var.table_arns
  bucket_arns               = var.bucket_arns
  queue_arns                = var.queue_arns
  secret_arns               = var.secret_arns
  platform_read_table_arns  = var.platform_read_table_arns
  platform_write_table_arns = var.platform_write_table_arns
  audit_table_arn           = var.audit_table_arn

  log_retention_days       = var.log_retention_days
  alarm_sns_topic_arn      = var.alarm_sns_topic_arn
  alarm_period_seconds     = var.alarm_period_seconds
  error_alarm_threshold    = var.error_alarm_threshold
  throttle_alarm_threshold = var.throttle_alarm_threshold
  tags                     = var.tags
}

resource "aws_apigatewayv2_integration" "this" {
  api_id                 = var.api_id
  description            = module.lambda.qualified_name
  integration_type       = "AWS_PROXY"
  integration_method     = "POST"
  integration_uri        = module.lambda.alias_invoke_arn
  payload_format_version = "2.0"
  timeout_milliseconds   = min(30000, (var.timeout_seconds + 1) * 1000)
}

resource "aws_apigatewayv2_route" "this" {
  api_id    = var.api_id
  route_key = local.route_key
  target    = "integrations/${aws_apigatewayv2_integration.this.id}"
}

resource "aws_lambda_permission" "api" {
  statement_id  = "AllowApiGatewayInvoke"
  action        = "lambda:InvokeFunction"
  function_name = module.lambda.function_name
  qualifier     = module.lambda.alias_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${var.api_execution_arn}/*/${local.permission_method}/*"
}

# A function that pushes live events to the WebSocket API's clients (an operator's notification).
data "aws_iam_policy_document" "connections" {
  count = var.websocket_api_execution_arn == null ? 0 : 1

  statement {
    sid       = "PostToConnection"
    effect    = "Allow"
    actions   = ["execute-api:ManageConnections"]
    resources = ["${var.websocket_api_execution_arn}/*/POST/@connections/*", "${var.websocket_api_execution_arn}/*/DELETE/@connections/*"]
  }
}

resource "aws_iam_role_policy" "connections" {
  count  = var.websocket_api_execution_arn == null ? 0 : 1
  name   = "websocket-connections"
  role   = module.lambda.role_name
  policy = data.aws_iam_policy_document.connections[0].json
}
