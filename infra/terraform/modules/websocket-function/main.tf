# A route of the Luna WebSocket API: the Lambda (modules/lambda-function), its
# AWS_PROXY integration and route on the API, the permission for API Gateway to
# invoke its "live" alias, and PostToConnection on the API (replies and replays).

module "lambda" {
  source = "../lambda-function"

  function_name         = var.function_name
  resource_prefix       = var.resource_prefix
  module_name           = var.module_name
  description           = var.description
  bean                  = var.bean
  initializer           = var.initializer
  artifact_path         = var.artifact_path
  runtime               = var.runtime
  architecture          = var.architecture
  memory_mb             = var.memory_mb
  timeout_seconds       = var.timeout_seconds
  snap_start_enabled    = var.snap_start_enabled
  environment_variables = var.environment_variables
  table_arns            = var.table_arns
  bucket_arns           = var.bucket_arns
  queue_arns            = var.queue_arns
  trigger_description   = "WebSocket route ${var.route_key}"
  log_retention_days    = var.log_retention_days
  alarm_sns_topic_arn   = var.alarm_sns_topic_arn
  tags                  = var.tags
}

resource "aws_apigatewayv2_integration" "this" {
  api_id                    = var.api_id
  integration_type          = "AWS_PROXY"
  integration_uri           = module.lambda.alias_invoke_arn
  content_handling_strategy = "CONVERT_TO_TEXT"
}

resource "aws_apigatewayv2_route" "this" {
  api_id    = var.api_id
  route_key = var.route_key
  target    = "integrations/${aws_apigatewayv2_integration.this.id}"
  # $default answers each message with the function's body (ping -> pong, errors)
  route_response_selection_expression = var.route_key == "$default" ? "$default" : null
}

resource "aws_apigatewayv2_route_response" "this" {
  count              = var.route_key == "$default" ? 1 : 0
  api_id             = var.api_id
  route_id           = aws_apigatewayv2_route.this.id
  route_response_key = "$default"
}

resource "aws_lambda_permission" "api" {
  statement_id  = "AllowWebSocketApi"
  action        = "lambda:InvokeFunction"
  function_name = module.lambda.function_name
  qualifier     = module.lambda.alias_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${var.api_execution_arn}/*/${var.route_key}"
}

data "aws_iam_policy_document" "manage_connections" {
  statement {
    sid       = "PostToConnection"
    effect    = "Allow"
    actions   = ["execute-api:ManageConnections"]
    resources = ["${var.api_execution_arn}/*/POST/@connections/*"]
  }
  statement {
    # a graphql-transport-ws protocol error closes the client's connection (DeleteConnection)
    sid       = "DeleteConnection"
    effect    = "Allow"
    actions   = ["execute-api:ManageConnections"]
    resources = ["${var.api_execution_arn}/*/DELETE/@connections/*"]
  }
}

resource "aws_iam_role_policy" "manage_connections" {
  name   = "manage-connections"
  role   = module.lambda.role_name
  policy = data.aws_iam_policy_document.manage_connections.json
}
