# Alarms at the thresholds of the specification ("Alert Thresholds"), over the metrics the functions emit as
# CloudWatch Embedded Metric Format (functions/metrics.json declares them; scripts/check-terraform fails when an
# alarm or a dashboard names a metric or a dimension set that file does not declare), wired to one SNS topic with
# e-mail and HTTPS webhook subscriptions. The per-function error/throttle, queue-age and dead-letter alarms of the
# modules notify the same topic.

locals {
  # Every EMF metric carries the stack (LUNA_RESOURCE_PREFIX) as its first dimension, so environments sharing an
  # account and region stay apart: alarms and dashboards name it.
  metrics          = jsondecode(file("${path.module}/../../functions/metrics.json"))
  metric_namespace = local.metrics.namespace

  alarm_topic_arn = var.alarm_sns_topic_arn != null ? var.alarm_sns_topic_arn : aws_sns_topic.alarms[0].arn
  alarm_actions   = [local.alarm_topic_arn]
}

resource "aws_sns_topic" "alarms" {
  count = var.alarm_sns_topic_arn == null ? 1 : 0

  name = "${local.resource_prefix}-alarms"
  tags = local.tags
}

# CloudWatch alarms publish to the topic.
resource "aws_sns_topic_policy" "alarms" {
  count = var.alarm_sns_topic_arn == null ? 1 : 0

  arn = aws_sns_topic.alarms[0].arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "CloudWatchAlarms"
      Effect    = "Allow"
      Principal = { Service = "cloudwatch.amazonaws.com" }
      Action    = "sns:Publish"
      Resource  = aws_sns_topic.alarms[0].arn
    }]
  })
}

# Each address receives a confirmation mail from AWS first; alarms reach it once the link in it is followed.
resource "aws_sns_topic_subscription" "alarm_email" {
  for_each = toset(var.alarm_email_addresses)

  topic_arn = local.alarm_topic_arn
  protocol  = "email"
  endpoint  = each.value
}

# HTTPS endpoints must answer SNS's SubscriptionConfirmation (visit its SubscribeURL) before they receive alarms.
resource "aws_sns_topic_subscription" "alarm_webhook" {
  count = var.alarm_webhook_urls == null ? 0 : nonsensitive(length(var.alarm_webhook_urls))

  topic_arn              = local.alarm_topic_arn
  protocol               = "https"
  endpoint               = var.alarm_webhook_urls[count.index]
  endpoint_auto_confirms = false
}

# critical api_error_rate > 10 %: ApiFaults is 1 for each 5xx answer and 0 otherwise, so its Average is the rate.
resource "aws_cloudwatch_metric_alarm" "api_error_rate" {
  alarm_name          = "${local.resource_prefix}-api-error-rate"
  alarm_description   = "critical: more than 10 % of API requests answered 5xx over 5 minutes (api_error_rate > 10%)."
  namespace           = local.metric_namespace
  metric_name         = "ApiFaults"
  dimensions          = { Stack = local.resource_prefix }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0.1
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = local.tags
}

# warning api_latency_p95 > 1000 ms: the 95th percentile of ApiLatency over every function.
resource "aws_cloudwatch_metric_alarm" "api_latency_p95" {
  alarm_name          = "${local.resource_prefix}-api-latency-p95"
  alarm_description   = "warning: the 95th percentile of API latency exceeded 1000 ms in 2 of the last 3 periods of 5 minutes (api_latency_p95 > 1000ms)."
  namespace           = local.metric_namespace
  metric_name         = "ApiLatency"
  dimensions          = { Stack = local.resource_prefix }
  extended_statistic  = "p95"
  period              = 300
  evaluation_periods  = 3
  datapoints_to_alarm = 2
  threshold           = 1000
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = local.tags
}

# warning token_budget_threshold > 80 % and critical token_budget_exceeded (100 %): the budget monitor reports each
# budget's utilisation every 5 minutes; the Maximum is the fullest budget. A hard-stopped budget never spends past its
# limit, so "exceeded" fires when one reaches it.
resource "aws_cloudwatch_metric_alarm" "token_budget" {
  for_each = {
    threshold = { severity = "warning", threshold = 80, operator = "GreaterThanThreshold", text = "more than 80 %" }
    exceeded  = { severity = "critical", threshold = 100, operator = "GreaterThanOrEqualToThreshold", text = "all" }
  }

  alarm_name          = "${local.resource_prefix}-token-budget-${each.key}"
  alarm_description   = "${each.value.severity}: a token budget has spent ${each.value.text} of its monthly limit (token_budget_${each.key}); see GET /api/v1/tokens/alerts."
  namespace           = local.metric_namespace
  metric_name         = "TokenBudgetUtilization"
  dimensions          = { Stack = local.resource_prefix }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = each.value.threshold
  comparison_operator = each.value.operator
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = local.tags
}

# warning rag_cache_hit_rate < 70 %: hits / (hits + misses) of the query-embedding cache that serves rag-query, over
# 15 minutes. (Document-embedding misses are expected for every chunk indexed the first time; the dashboard shows them.)
resource "aws_cloudwatch_metric_alarm" "rag_cache_hit_rate" {
  alarm_name          = "${local.resource_prefix}-rag-cache-hit-rate"
  alarm_description   = "warning: the RAG query-embedding cache answered fewer than 70 % of lookups over 15 minutes (rag_cache_hit_rate < 70%)."
  evaluation_periods  = 1
  threshold           = 70
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = local.tags

  metric_query {
    id          = "rate"
    expression  = "100 * FILL(hits, 0) / (FILL(hits, 0) + FILL(misses, 0))"
    label       = "RAG query cache hit rate (%)"
    return_data = true
  }

  metric_query {
    id = "hits"
    metric {
      namespace   = local.metric_namespace
      metric_name = "CacheHits"
      dimensions  = { Stack = local.resource_prefix, Cache = "rag-query-embedding" }
      stat        = "Sum"
      period      = 900
    }
  }

  metric_query {
    id = "misses"
    metric {
      namespace   = local.metric_namespace
      metric_name = "CacheMisses"
      dimensions  = { Stack = local.resource_prefix, Cache = "rag-query-embedding" }
      stat        = "Sum"
      period      = 900
    }
  }
}

# critical agent_down_time > 5 min: the health-check counts unhealthy agents every minute (no heartbeat within
# LUNA_AGENT_UNHEALTHY_AFTER_SECONDS, or a reported error rate >= 50 %); 5 breaching minutes in a row raise it.
resource "aws_cloudwatch_metric_alarm" "agent_down" {
  alarm_name          = "${local.resource_prefix}-agent-down"
  alarm_description   = "critical: an agent has been unhealthy (down) for more than 5 minutes (agent_down_time > 5m); see GET /api/v1/agents/health."
  namespace           = local.metric_namespace
  metric_name         = "AgentsUnhealthy"
  dimensions          = { Stack = local.resource_prefix }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 5
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = local.tags
}

# critical rag_index_unavailable: rag-query or rag-index answered 5xx (the vector store or index could not be
# reached or read: the pipeline maps it to UNAVAILABLE/INTERNAL) in 2 consecutive minutes.
resource "aws_cloudwatch_metric_alarm" "rag_index_unavailable" {
  alarm_name          = "${local.resource_prefix}-rag-index-unavailable"
  alarm_description   = "critical: RAG queries or index requests are failing with 5xx (rag_index_unavailable)."
  evaluation_periods  = 2
  datapoints_to_alarm = 2
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = local.tags

  metric_query {
    id          = "faults"
    expression  = "FILL(query, 0) + FILL(index, 0)"
    label       = "RAG 5xx answers"
    return_data = true
  }

  metric_query {
    id = "query"
    metric {
      namespace   = local.metric_namespace
      metric_name = "ApiFaults"
      dimensions  = { Stack = local.resource_prefix, Function = "rag-query" }
      stat        = "Sum"
      period      = 60
    }
  }

  metric_query {
    id = "index"
    metric {
      namespace   = local.metric_namespace
      metric_name = "ApiFaults"
      dimensions  = { Stack = local.resource_prefix, Function = "rag-index" }
      stat        = "Sum"
      period      = 60
    }
  }
}
