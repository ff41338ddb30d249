locals {
  qualified_name = "${var.resource_prefix}-${var.function_name}"
  tags = merge(var.tags, {
    "luna:function" = var.function_name
    "luna:module"   = var.module_name
  })
  artifact_present = fileexists(var.artifact_path)
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/aws/lambda/${local.qualified_name}"
  retention_in_days = var.log_retention_days
  tags              = local.tags
}

# --- the function's least-privilege role -----------------------------------

data "aws_iam_policy_document" "assume_lambda" {
  statement {
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
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this.arn}:*"]
  }

  dynamic "statement" {
    for_each = length(var.table_arns) > 0 ? [values(var.table_arns)] : []
    content {
      sid = "UseOwnTables"
      actions = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query",
      "dynamodb:Scan", "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable"]
      resources = concat(statement.value, [for arn in statement.value : "${arn}/index/*"])
    }
  }

  dynamic "statement" {
    for_each = length(var.secret_arns) > 0 ? [values(var.secret_arns)] : []
    content {
      sid       = "ReadOwnSecrets"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = statement.value
    }
  }
}

resource "aws_iam_role" "this" {
  name               = local.qualified_name
  assume_role_policy = data.aws_iam_policy_document.assume_lambda.json
  tags               = local.tags
}

resource "aws_iam_role_policy" "this" {
  name   = "least-privilege"
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.this.json
}

# --- function ---------------------------------------------------------------

resource "aws_lambda_function" "this" {
  function_name    = local.qualified_name
  description      = substr(var.description, 0, 256)
  role             = aws_iam_role.this.arn
  runtime          = var.runtime
  handler          = var.handler
  architectures    = [var.architecture]
  memory_size      = var.memory_mb
  timeout          = var.timeout_seconds
  filename         = var.artifact_path
  source_code_hash = local.artifact_present ? filebase64sha256(var.artifact_path) : null
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
  function_name    = aws_lambda_function.this.function_name
  function_version = aws_lambda_function.this.version
}

# --- the schedule: EventBridge Scheduler invokes the alias with a "Scheduled Event" ---

data "aws_iam_policy_document" "assume_scheduler" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "scheduler" {
  name               = "${local.qualified_name}-sched"
  assume_role_policy = data.aws_iam_policy_document.assume_scheduler.json
  tags               = local.tags
}

resource "aws_iam_role_policy" "scheduler" {
  name = "invoke-function"
  role = aws_iam_role.scheduler.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "lambda:InvokeFunction", Resource = aws_lambda_alias.live.arn }]
  })
}

resource "aws_scheduler_schedule" "this" {
  name                = local.qualified_name
  schedule_expression = var.schedule_expression

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = aws_lambda_alias.live.arn
    role_arn = aws_iam_role.scheduler.arn
    # The same JSON an EventBridge rule sends, so the function decodes one event shape everywhere.
    input = jsonencode({
      version       = "0"
      id            = "<aws.scheduler.execution-id>"
      "detail-type" = "Scheduled Event"
      source        = "aws.scheduler"
      time          = "<aws.scheduler.scheduled-time>"
      resources     = ["<aws.scheduler.schedule-arn>"]
      detail        = {}
    })

    retry_policy {
      maximum_retry_attempts       = 2
      maximum_event_age_in_seconds = 600
    }
  }
}
