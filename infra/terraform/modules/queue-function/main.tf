locals {
  qualified_name = "${var.resource_prefix}-${var.function_name}"
  log_group_name = "/aws/lambda/${local.qualified_name}"
  alarm_actions  = var.alarm_sns_topic_arn == null ? [] : [var.alarm_sns_topic_arn]

  tags = merge(var.tags, {
    "luna:function" = var.function_name
    "luna:module"   = var.module_name
  })
}

resource "aws_cloudwatch_log_group" "this" {
  name              = local.log_group_name
  retention_in_days = var.log_retention_days
  tags              = local.tags
}

data "aws_iam_policy_document" "assume" {
  statement {
    sid     = "LambdaAssumeRole"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "this" {
  statement {
    sid       = "WriteOwnLogGroup"
    effect    = "Allow"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this.arn}:*"]
  }

  statement {
    sid       = "ConsumeTriggerQueue"
    effect    = "Allow"
    actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"]
    resources = [var.queue_arn]
  }

  dynamic "statement" {
    for_each = length(var.table_arns) > 0 ? [values(var.table_arns)] : []
    content {
      sid       = "UseOwnTables"
      effect    = "Allow"
      actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:ConditionCheckItem"]
      resources = statement.value
    }
  }

  dynamic "statement" {
    for_each = length(var.platform_read_table_arns) > 0 ? [var.platform_read_table_arns] : []
    content {
      sid       = "ReadPlatformTables"
      effect    = "Allow"
      actions   = ["dynamodb:GetItem", "dynamodb:Query"]
      resources = statement.value
    }
  }

  dynamic "statement" {
    for_each = length(var.bucket_arns) > 0 ? [values(var.bucket_arns)] : []
    content {
      sid       = "UseOwnBucketObjects"
      effect    = "Allow"
      actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
      resources = [for arn in statement.value : "${arn}/*"]
    }
  }

  dynamic "statement" {
    for_each = length(var.bucket_arns) > 0 ? [values(var.bucket_arns)] : []
    content {
      sid       = "ListOwnBuckets"
      effect    = "Allow"
      actions   = ["s3:ListBucket"]
      resources = statement.value
    }
  }
}

resource "aws_iam_role" "this" {
  name               = local.qualified_name
  description        = "Execution role of ${local.qualified_name}"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  tags               = local.tags
}

resource "aws_iam_role_policy" "this" {
  name   = "least-privilege"
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.this.json
}

resource "aws_lambda_function" "this" {
  function_name = local.qualified_name
  description   = substr(var.description, 0, 256)
  role          = aws_iam_role.this.arn
  runtime       = var.runtime
  handler       = var.handler
  architectures = [var.architecture]
  memory_size   = var.memory_mb
  timeout       = var.timeout_seconds

  filename         = var.artifact_path
  source_code_hash = fileexists(var.artifact_path) ? filebase64sha256(var.artifact_path) : null
  publish          = true

  environment {
    variables = merge(var.environment_variables, {
      MAIN_CLASS                       = var.initializer
      SPRING_CLOUD_FUNCTION_DEFINITION = var.bean
      LUNA_RESOURCE_PREFIX             = var.resource_prefix
      LUNA_FUNCTION                    = var.function_name
      JAVA_TOOL_OPTIONS                = var.java_tool_options
    })
  }

  tags       = local.tags
  depends_on = [aws_cloudwatch_log_group.this, aws_iam_role_policy.this]
}

resource "aws_lambda_alias" "live" {
  name             = "live"
  description      = "Version the queue invokes"
  function_name    = aws_lambda_function.this.function_name
  function_version = aws_lambda_function.this.version
}

# Failed records come back as batch item failures; the queue's redrive policy moves a message that keeps failing to its dead-letter queue.
resource "aws_lambda_event_source_mapping" "this" {
  event_source_arn        = var.queue_arn
  function_name           = aws_lambda_alias.live.arn
  batch_size              = var.batch_size
  function_response_types = ["ReportBatchItemFailures"]
}

resource "aws_cloudwatch_metric_alarm" "errors" {
  alarm_name          = "${local.qualified_name}-errors"
  alarm_description   = "${local.qualified_name} reported errors."
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = aws_lambda_function.this.function_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = local.tags
}
