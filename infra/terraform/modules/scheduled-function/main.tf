# A scheduled Luna function: the Lambda (modules/lambda-function) plus an
# EventBridge Scheduler schedule that invokes its "live" alias with a scheduled
# event (the same JSON the local runtime's scheduler sends), and the role the
# scheduler assumes to invoke it.

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
  trigger_description   = "schedule ${var.schedule_expression}"
  log_retention_days    = var.log_retention_days
  alarm_sns_topic_arn   = var.alarm_sns_topic_arn
  tags                  = var.tags
}

data "aws_iam_policy_document" "scheduler_assume" {
  statement {
    sid     = "SchedulerAssumeRole"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "scheduler" {
  statement {
    sid       = "InvokeScheduledFunction"
    effect    = "Allow"
    actions   = ["lambda:InvokeFunction"]
    resources = [module.lambda.alias_arn]
  }
}

resource "aws_iam_role" "scheduler" {
  name               = "${module.lambda.qualified_name}-scheduler"
  description        = "Assumed by EventBridge Scheduler to invoke ${module.lambda.qualified_name}"
  assume_role_policy = data.aws_iam_policy_document.scheduler_assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy" "scheduler" {
  name   = "invoke"
  role   = aws_iam_role.scheduler.id
  policy = data.aws_iam_policy_document.scheduler.json
}

resource "aws_scheduler_schedule" "this" {
  name                         = module.lambda.qualified_name
  description                  = "Fires ${var.function_name} on ${var.schedule_expression}"
  schedule_expression          = var.schedule_expression
  schedule_expression_timezone = "UTC"
  state                        = var.schedule_enabled ? "ENABLED" : "DISABLED"

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = module.lambda.alias_arn
    role_arn = aws_iam_role.scheduler.arn

    # A scheduled event, as the local runtime's scheduler sends it; the
    # <aws.scheduler.*> placeholders are filled in by the scheduler at each run.
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
      maximum_event_age_in_seconds = 3600
      maximum_retry_attempts       = 2
    }
  }
}
