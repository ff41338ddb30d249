# One CloudWatch dashboard per area — API, tasks, gateway, RAG — over the EMF metrics of functions/metrics.json (all
# under the dimension Stack = the resource prefix) and AWS's own: Lambda errors, throttles and duration of the area's
# functions, SQS age of the oldest message and dead-letter depth.

locals {
  lambda_names = merge(
    { for name, fn in module.http_function : name => fn.function_name },
    { for name, fn in module.queue_function : name => fn.function_name },
    { for name, fn in module.scheduled_function : name => fn.function_name },
  )

  # The Lambda functions each dashboard shows.
  dashboard_functions = {
    api     = sort(keys(local.http_functions))
    tasks   = sort([for n, fn in local.functions : n if fn.trigger_type != "http" && (fn.module == "tasks" || fn.trigger_type == "task")])
    gateway = sort([for n, fn in local.functions : n if fn.module == "tokens"])
    rag     = sort([for n, fn in local.functions : n if fn.module == "rag"])
  }

  # The last row of every dashboard: Lambda errors, throttles and p95 duration of its functions.
  lambda_rows = {
    for area, fns in local.dashboard_functions : area => [
      for i, m in [["Errors", "Sum"], ["Throttles", "Sum"], ["Duration", "p95"]] : {
        type = "metric", x = i * 8, y = 18, width = 8, height = 6
        properties = {
          title   = "Lambda ${m[0]} (${m[1]})", region = var.region, stat = m[1], period = 300, view = "timeSeries"
          metrics = [for f in fns : ["AWS/Lambda", m[0], "FunctionName", local.lambda_names[f]]]
        }
      }
    ]
  }

  task_queue_names   = [for q in sort(keys(local.task_queues)) : module.data.queue_names[q]]
  dead_letter_names  = [for q in sort(tolist(local.dead_letter_queues)) : module.data.queue_names[q]]
  stack_search       = "Stack=\"${local.resource_prefix}\""
  dashboard_defaults = { region = var.region, period = 300, view = "timeSeries" }

  dashboards = {
    api = [
      { title = "Requests", stat = "Sum", metrics = [[local.metric_namespace, "ApiRequests", "Stack", local.resource_prefix]] },
      { title = "Server error rate (5xx share; alarm above 10 %)", stat = "Average", metrics = [
        [{ expression = "100 * faults", label = "5xx %", id = "rate" }],
        [local.metric_namespace, "ApiFaults", "Stack", local.resource_prefix, { id = "faults", visible = false }],
      ] },
      { title = "Latency p50 / p95 / p99 (ms; alarm p95 above 1000)", stat = "p95", metrics = [
        [local.metric_namespace, "ApiLatency", "Stack", local.resource_prefix, { stat = "p50" }],
        [local.metric_namespace, "ApiLatency", "Stack", local.resource_prefix, { stat = "p95" }],
        [local.metric_namespace, "ApiLatency", "Stack", local.resource_prefix, { stat = "p99" }],
      ] },
      { title = "Errors by code", stat = "Sum", metrics = [[{ expression = "SEARCH('{${local.metric_namespace},Stack,Code} MetricName=\"ApiErrors\" ${local.stack_search}', 'Sum', 300)", id = "codes" }]] },
      { title = "Requests by function", stat = "Sum", metrics = [[{ expression = "SEARCH('{${local.metric_namespace},Stack,Function} MetricName=\"ApiRequests\" ${local.stack_search}', 'Sum', 300)", id = "fns" }]] },
      { title = "Unhealthy agents (alarm: 5 minutes above 0)", stat = "Maximum", metrics = [[local.metric_namespace, "AgentsUnhealthy", "Stack", local.resource_prefix]] },
    ]
    tasks = [
      { title = "Tasks by outcome", stat = "Sum", metrics = [
        for m in ["TasksSubmitted", "TasksStarted", "TasksSucceeded", "TasksFailed", "TasksTimedOut", "TasksCancelled", "TasksDeadLettered"] :
        [local.metric_namespace, m, "Stack", local.resource_prefix]
      ] },
      { title = "Submitted by type and priority", stat = "Sum", metrics = [[{ expression = "SEARCH('{${local.metric_namespace},Stack,Type,Priority} MetricName=\"TasksSubmitted\" ${local.stack_search}', 'Sum', 300)", id = "types" }]] },
      { title = "Queue wait and duration p95 (ms)", stat = "p95", metrics = [
        [local.metric_namespace, "TaskQueueWait", "Stack", local.resource_prefix],
        [local.metric_namespace, "TaskDuration", "Stack", local.resource_prefix],
      ] },
      { title = "Result cache hit rate (%)", stat = "Sum", metrics = [
        [{ expression = "100 * FILL(h, 0) / (FILL(h, 0) + FILL(m, 0))", label = "hit %", id = "rate" }],
        [local.metric_namespace, "CacheHits", "Stack", local.resource_prefix, "Cache", "task-result", { id = "h", visible = false }],
        [local.metric_namespace, "CacheMisses", "Stack", local.resource_prefix, "Cache", "task-result", { id = "m", visible = false }],
      ] },
      { title = "Age of the oldest message, task queues (s)", stat = "Maximum", metrics = [
        for q in local.task_queue_names : ["AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName", q]
      ] },
      { title = "Dead-letter queue depth", stat = "Maximum", metrics = [
        for q in local.dead_letter_names : ["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", q]
      ] },
    ]
    gateway = [
      { title = "Model calls by provider", stat = "Sum", metrics = [[{ expression = "SEARCH('{${local.metric_namespace},Stack,Provider} MetricName=\"LlmCalls\" ${local.stack_search}', 'Sum', 300)", id = "calls" }]] },
      { title = "Tokens", stat = "Sum", metrics = [
        for m in ["LlmInputTokens", "LlmCachedInputTokens", "LlmOutputTokens"] : [local.metric_namespace, m, "Stack", local.resource_prefix]
      ] },
      { title = "Cost by provider and model (USD)", stat = "Sum", metrics = [[{ expression = "SEARCH('{${local.metric_namespace},Stack,Provider,Model} MetricName=\"LlmCostUsd\" ${local.stack_search}', 'Sum', 300)", id = "cost" }]] },
      { title = "Cost (USD)", stat = "Sum", metrics = [[local.metric_namespace, "LlmCostUsd", "Stack", local.resource_prefix]] },
      { title = "Fullest token budget (%; alarms at 80 and 100)", stat = "Maximum", metrics = [[local.metric_namespace, "TokenBudgetUtilization", "Stack", local.resource_prefix]] },
      { title = "Tokens by model", stat = "Sum", metrics = [[{ expression = "SEARCH('{${local.metric_namespace},Stack,Provider,Model} MetricName=\"LlmInputTokens\" ${local.stack_search}', 'Sum', 300)", id = "tokens" }]] },
    ]
    rag = [
      { title = "Query latency p50 / p95 (ms)", stat = "p95", metrics = [
        [local.metric_namespace, "RagQueryLatency", "Stack", local.resource_prefix, { stat = "p50" }],
        [local.metric_namespace, "RagQueryLatency", "Stack", local.resource_prefix, { stat = "p95" }],
      ] },
      { title = "Embedding cache hit rate (%; alarm on the query cache below 70)", stat = "Sum", metrics = [
        [{ expression = "100 * FILL(qh, 0) / (FILL(qh, 0) + FILL(qm, 0))", label = "query cache", id = "q" }],
        [{ expression = "100 * FILL(dh, 0) / (FILL(dh, 0) + FILL(dm, 0))", label = "document cache", id = "d" }],
        [local.metric_namespace, "CacheHits", "Stack", local.resource_prefix, "Cache", "rag-query-embedding", { id = "qh", visible = false }],
        [local.metric_namespace, "CacheMisses", "Stack", local.resource_prefix, "Cache", "rag-query-embedding", { id = "qm", visible = false }],
        [local.metric_namespace, "CacheHits", "Stack", local.resource_prefix, "Cache", "rag-document-embedding", { id = "dh", visible = false }],
        [local.metric_namespace, "CacheMisses", "Stack", local.resource_prefix, "Cache", "rag-document-embedding", { id = "dm", visible = false }],
      ] },
      { title = "Queries by mode", stat = "SampleCount", metrics = [[{ expression = "SEARCH('{${local.metric_namespace},Stack,Mode} MetricName=\"RagQueryLatency\" ${local.stack_search}', 'SampleCount', 300)", id = "modes" }]] },
      { title = "5xx answers of rag-query and rag-index (alarm: 2 minutes above 0)", stat = "Sum", metrics = [
        for f in ["rag-query", "rag-index"] : [local.metric_namespace, "ApiFaults", "Stack", local.resource_prefix, "Function", f]
      ] },
      { title = "Age of the oldest message, rag-index queue (s)", stat = "Maximum", metrics = [["AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName", module.data.queue_names["rag-index"]]] },
      { title = "Dead-letter depth, rag-index", stat = "Maximum", metrics = [["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", module.data.queue_names["rag-index-dlq"]]] },
    ]
  }
}

resource "aws_cloudwatch_dashboard" "area" {
  for_each = local.dashboards

  dashboard_name = "${local.resource_prefix}-${each.key}"
  dashboard_body = jsonencode({
    widgets = concat(
      [
        for i, w in each.value : {
          type       = "metric", x = (i % 3) * 8, y = floor(i / 3) * 6, width = 8, height = 6
          properties = merge(local.dashboard_defaults, { title = w.title, stat = w.stat, metrics = w.metrics })
        }
      ],
      local.lambda_rows[each.key],
    )
  })
}
