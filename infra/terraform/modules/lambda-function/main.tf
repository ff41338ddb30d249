# The parts every Luna function has, whatever triggers it: log group, least-privilege
# role, the Lambda (SnapStart, published versions, "live" alias, CDS archive) and its
# error and throttle alarms. modules/http-function, modules/queue-function and
# modules/scheduled-function add their trigger on top.

locals {
  qualified_name   = "${var.resource_prefix}-${var.function_name}"
  log_group_name   = "/aws/lambda/${local.qualified_name}"
  artifact_present = fileexists(var.artifact_path)
  alarm_actions    = var.alarm_sns_topic_arn == null ? [] : [var.alarm_sns_topic_arn]
  # The AppCDS archive scripts/package trains into every zip (/var/task = the unzipped package). -Xshare:auto: a JVM
  # that cannot use it (another JDK build than the one that made it) starts without it instead of failing.
  java_tool_options = var.cds_archive_enabled ? "${var.java_tool_options} -XX:SharedArchiveFile=/var/task/cds/luna.jsa -Xshare:auto" : var.java_tool_options

  tags = merge(var.tags, {
    "luna:function" = var.function_name
    "luna:module"   = var.module_name
  })

  dynamodb_item_actions = [
    "dynamodb:GetItem",
    "dynamodb:PutItem",
    "dynamodb:UpdateItem",
    "dynamodb:DeleteItem",
    "dynamodb:Query",
    "dynamodb:Scan",
    "dynamodb:BatchGetItem",
    "dynamodb:BatchWriteItem",
    "dynamodb:ConditionCheckItem",
    "dynamodb:DescribeTable",
  ]
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

  dynamic "statement" {
    for_each = var.tracing_mode == "Active" ? [1] : []
    content {
      sid       = "WriteTraces"
      effect    = "Allow"
      actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
      resources = ["*"]
    }
  }

  dynamic "statement" {
    for_each = length(var.table_arns) > 0 ? [values(var.table_arns)] : []
    content {
      sid       = "UseOwnTables"
      effect    = "Allow"
      actions   = local.dynamodb_item_actions
      resources = statement.value
    }
  }

  dynamic "statement" {
    for_each = length(var.table_arns) > 0 ? [values(var.table_arns)] : []
    content {
      sid       = "QueryOwnTableIndexes"
      effect    = "Allow"
      actions   = ["dynamodb:Query", "dynamodb:Scan"]
      resources = [for arn in statement.value : "${arn}/index/*"]
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

  # Queues the function sends to, inspects (depth) or drains (health-check reconciles the DLQ).
  dynamic "statement" {
    for_each = length(var.queue_arns) > 0 ? [values(var.queue_arns)] : []
    content {
      sid    = "UseNamedQueues"
      effect = "Allow"
      actions = [
        "sqs:SendMessage",
        "sqs:GetQueueUrl",
        "sqs:GetQueueAttributes",
        "sqs:ReceiveMessage",
        "sqs:DeleteMessage",
        "sqs:ChangeMessageVisibility",
      ]
      resources = statement.value
    }
  }

  # The central request pipeline of HTTP functions: reads credentials, project memberships and signing keys,
  # counts rate limits, stores idempotency records, and appends (only appends) to the audit log.
  dynamic "statement" {
    for_each = length(var.platform_read_table_arns) > 0 ? [var.platform_read_table_arns] : []
    content {
      sid       = "PipelineReadsIdentity"
      effect    = "Allow"
      actions   = ["dynamodb:GetItem", "dynamodb:Query"]
      resources = concat(statement.value, [for arn in statement.value : "${arn}/index/*"])
    }
  }

  dynamic "statement" {
    for_each = length(var.platform_write_table_arns) > 0 ? [var.platform_write_table_arns] : []
    content {
      sid       = "PipelineCountsAndIdempotency"
      effect    = "Allow"
      actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"]
      resources = statement.value
    }
  }

  dynamic "statement" {
    for_each = var.audit_table_arn == null ? [] : [var.audit_table_arn]
    content {
      sid       = "PipelineAppendsAudit"
      effect    = "Allow"
      actions   = ["dynamodb:PutItem"]
      resources = [statement.value]
    }
  }

  # Secrets the function reads at start-up (model provider keys), and nothing else.
  dynamic "statement" {
    for_each = length(var.secret_arns) > 0 ? [values(var.secret_arns)] : []
    content {
      sid       = "ReadOwnSecrets"
      effect    = "Allow"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = statement.value
    }
  }

  # The queues that trigger the function (event source mappings + visibility heartbeats).
  dynamic "statement" {
    for_each = length(var.consumed_queue_arns) == 0 ? [] : [var.consumed_queue_arns]
    content {
      sid    = "ConsumeTriggerQueue"
      effect = "Allow"
      actions = [
        "sqs:ReceiveMessage",
        "sqs:DeleteMessage",
        "sqs:ChangeMessageVisibility",
        "sqs:GetQueueAttributes",
        "sqs:GetQueueUrl",
      ]
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

  # /tmp: task workers check sources out there (a repository and its history)
  ephemeral_storage {
    size = var.ephemeral_storage_mb
  }

  filename         = var.artifact_path
  source_code_hash = local.artifact_present ? filebase64sha256(var.artifact_path) : null
  publish          = true

  dynamic "snap_start" {
    for_each = var.snap_start_enabled ? [1] : []
    content {
      apply_on = "PublishedVersions"
    }
  }

  # X-Ray: Lambda records each invocation under the trace id API Gateway (or the caller's X-Amzn-Trace-Id) started;
  # Luna's own spans carry the same trace id (luna.traces log lines).
  tracing_config {
    mode = var.tracing_mode
  }

  environment {
    variables = merge(var.environment_variables, {
      MAIN_CLASS                       = var.initializer
      SPRING_CLOUD_FUNCTION_DEFINITION = var.bean
      LUNA_RESOURCE_PREFIX             = var.resource_prefix
      LUNA_FUNCTION                    = var.function_name
      JAVA_TOOL_OPTIONS                = local.java_tool_options
      # Spring Boot start-up trimmed for Lambda: no banner, no start-up info line, no classpath scan for functions
      # (functions are registered by MAIN_CLASS). scripts/invoke and the cold-start benchmark use the same.
      SPRING_MAIN_BANNER_MODE            = "off"
      SPRING_MAIN_LOG_STARTUP_INFO       = "false"
      SPRING_CLOUD_FUNCTION_SCAN_ENABLED = "false"
    })
  }

  tags = local.tags

  depends_on = [
    aws_cloudwatch_log_group.this,
    aws_iam_role_policy.this,
  ]
}

resource "aws_lambda_alias" "live" {
  name             = "live"
  description      = "Version invoked by the function's trigger"
  function_name    = aws_lambda_function.this.function_name
  function_version = aws_lambda_function.this.version
}

resource "aws_cloudwatch_metric_alarm" "errors" {
  alarm_name          = "${local.qualified_name}-errors"
  alarm_description   = "${local.qualified_name} (${var.trigger_description}) reported errors."
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = aws_lambda_function.this.function_name }
  statistic           = "Sum"
  period              = var.alarm_period_seconds
  evaluation_periods  = 1
  threshold           = var.error_alarm_threshold
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = local.tags
}

resource "aws_cloudwatch_metric_alarm" "throttles" {
  alarm_name          = "${local.qualified_name}-throttles"
  alarm_description   = "${local.qualified_name} (${var.trigger_description}) was throttled."
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  dimensions          = { FunctionName = aws_lambda_function.this.function_name }
  statistic           = "Sum"
  period              = var.alarm_period_seconds
  evaluation_periods  = 1
  threshold           = var.throttle_alarm_threshold
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = local.tags
}
