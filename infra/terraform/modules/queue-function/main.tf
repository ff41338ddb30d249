# A queue-triggered Luna function: the Lambda (modules/lambda-function) plus one SQS
# event source mapping per consumed queue (one for a queue function; the five
# priority queues of its type for a task worker). Each mapping long-polls its
# queue, invokes the "live" alias with batches, deletes only the messages the
# function did not report in batchItemFailures (ReportBatchItemFailures), and caps
# concurrent invocations (scaling_config.maximum_concurrency: the queue's share of
# workers, which is what makes priorities mean something). Messages a function
# keeps failing go to the queue's DLQ after maxReceiveCount (data.json).

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
  ephemeral_storage_mb  = var.ephemeral_storage_mb
  timeout_seconds       = var.timeout_seconds
  snap_start_enabled    = var.snap_start_enabled
  environment_variables = var.environment_variables
  table_arns            = var.table_arns
  bucket_arns           = var.bucket_arns
  queue_arns            = var.queue_arns
  secret_arns           = var.secret_arns
  consumed_queue_arns   = [for q in values(var.queues) : q.arn]
  trigger_description   = "queue ${join(", ", keys(var.queues))}"
  log_retention_days    = var.log_retention_days
  alarm_sns_topic_arn   = var.alarm_sns_topic_arn
  tags                  = var.tags
}

resource "aws_lambda_event_source_mapping" "this" {
  for_each = var.queues

  event_source_arn                   = each.value.arn
  function_name                      = module.lambda.alias_arn
  batch_size                         = var.batch_size
  maximum_batching_window_in_seconds = var.maximum_batching_window_seconds
  function_response_types            = ["ReportBatchItemFailures"]
  enabled                            = true

  scaling_config {
    maximum_concurrency = each.value.maximum_concurrency
  }

  lifecycle {
    precondition {
      condition     = each.value.visibility_timeout_seconds >= 6 * var.timeout_seconds
      error_message = "Queue ${each.key}: visibility timeout ${each.value.visibility_timeout_seconds} s is below 6 x the timeout of ${var.function_name} (${var.timeout_seconds} s)."
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "oldest_message" {
  for_each = var.queues

  alarm_name          = length(var.queues) == 1 ? "${module.lambda.qualified_name}-oldest-message" : "${module.lambda.qualified_name}-oldest-message-${each.key}"
  alarm_description   = "The oldest message on ${each.value.physical_name} (consumed by ${module.lambda.qualified_name}) waited longer than ${each.value.oldest_message_alarm_seconds} s."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateAgeOfOldestMessage"
  dimensions          = { QueueName = each.value.physical_name }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  threshold           = each.value.oldest_message_alarm_seconds
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_sns_topic_arn == null ? [] : [var.alarm_sns_topic_arn]
  ok_actions          = var.alarm_sns_topic_arn == null ? [] : [var.alarm_sns_topic_arn]
  tags                = var.tags
}
