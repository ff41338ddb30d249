# A Luna function fed by a DynamoDB stream: the Lambda (modules/lambda-function),
# the event source mapping from the stream (new images, partial batch failures,
# bisect on error), read access to the stream, and PostToConnection on the
# WebSocket API it fans events out to.

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
  trigger_description   = "DynamoDB stream ${var.stream_arn}"
  log_retention_days    = var.log_retention_days
  alarm_sns_topic_arn   = var.alarm_sns_topic_arn
  tags                  = var.tags
}

data "aws_iam_policy_document" "stream" {
  statement {
    sid       = "ReadStream"
    effect    = "Allow"
    actions   = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"]
    resources = [var.stream_arn]
  }

  statement {
    sid       = "PostToConnection"
    effect    = "Allow"
    actions   = ["execute-api:ManageConnections"]
    resources = ["${var.api_execution_arn}/*/POST/@connections/*", "${var.api_execution_arn}/*/DELETE/@connections/*"]
  }
}

resource "aws_iam_role_policy" "stream" {
  name   = "stream-and-connections"
  role   = module.lambda.role_name
  policy = data.aws_iam_policy_document.stream.json
}

resource "aws_lambda_event_source_mapping" "this" {
  event_source_arn               = var.stream_arn
  function_name                  = module.lambda.alias_arn
  starting_position              = "LATEST"
  batch_size                     = var.batch_size
  function_response_types        = ["ReportBatchItemFailures"]
  bisect_batch_on_function_error = true
  maximum_retry_attempts         = 10
  enabled                        = true
}
