locals {
  # The single source of truth for functions (see functions/catalog.json) and for
  # the data layer (data.json beside this file).
  catalog = jsondecode(file("${path.module}/../../functions/catalog.json"))
  data    = jsondecode(file("${path.module}/data.json"))

  resource_prefix = coalesce(var.resource_prefix, "luna-${var.environment}")
  artifacts_dir   = coalesce(var.artifacts_dir, "${path.module}/../../artifacts")

  tags = merge(
    {
      Project     = "luna"
      Environment = var.environment
      ManagedBy   = "terraform"
    },
    var.tags,
  )

  # Every catalog function, flattened to one uniform shape with the catalog
  # defaults merged in. Keys are the catalog names (agents-create, ...), so
  # Terraform addresses read module.http_function["agents-create"].
  functions = {
    for name, fn in local.catalog.functions : name => {
      name                 = name
      module               = fn.module
      bean                 = fn.bean
      summary              = try(fn.summary, "")
      artifact             = local.catalog.modules[fn.module].artifact
      initializer          = local.catalog.modules[fn.module].initializer
      runtime              = try(fn.runtime, local.catalog.defaults.runtime, "java21")
      memory_mb            = try(fn.memoryMb, local.catalog.defaults.memoryMb)
      ephemeral_storage_mb = try(fn.ephemeralStorageMb, 512)
      timeout_seconds      = try(fn.timeoutSeconds, local.catalog.defaults.timeoutSeconds)
      public               = try(fn.public, false)
      scopes               = try(fn.scopes, [])
      tables               = try(fn.tables, [])
      buckets              = try(fn.buckets, [])
      secrets              = try(fn.secrets, [])
      # "tasks-*" stands for every task type's priority queues (submission, retry, prioritising, workers).
      queues          = distinct(flatten([for q in try(fn.queues, []) : q == "tasks-*" ? keys(local.task_queues) : [q]]))
      trigger_type    = fn.trigger.type
      http_method     = try(fn.trigger.method, null)
      http_path       = try(fn.trigger.path, null)
      queue           = try(fn.trigger.queue, null)
      batch_size      = try(fn.trigger.batchSize, 10)
      max_concurrency = try(fn.trigger.maxConcurrency, 2)
      schedule        = try(fn.trigger.schedule, null)
      task_type       = try(fn.trigger.taskType, null)
      ws_route        = try(fn.trigger.route, null)
      stream_table    = try(fn.trigger.table, null)
      # The queues the function consumes, one event source mapping each: its queue
      # (queue trigger), or its task type's five priority queues (task trigger),
      # with the mapping's maximum concurrency and the oldest-message alarm.
      consumed_queues = merge(
        {
          for q in(fn.trigger.type == "queue" ? [fn.trigger.queue] : []) : q => {
            max_concurrency = try(fn.trigger.maxConcurrency, 2)
            alarm_seconds   = 900
          }
        },
        {
          for p in(fn.trigger.type == "task" ? local.priorities : []) : "tasks-${fn.trigger.taskType}-${p}" => {
            max_concurrency = try(fn.trigger.priorityConcurrency[p], local.default_priority_concurrency[p])
            alarm_seconds   = local.oldest_message_alarm_seconds[p]
          }
        },
      )
    }
  }

  # The five priorities, highest first, and the share of workers each gets by
  # default (Catalog.Trigger.DEFAULT_PRIORITY_CONCURRENCY in Java).
  priorities                   = ["critical", "high", "normal", "low", "background"]
  default_priority_concurrency = { critical = 8, high = 6, normal = 4, low = 2, background = 2 }

  # Every task type's five priority queues, tasks-<type>-<priority>, shaped by
  # data.json's taskQueue; the data module creates them with the other queues.
  task_queue_list = flatten([
    for name, fn in local.catalog.functions : [
      for p in local.priorities : {
        name     = "tasks-${fn.trigger.taskType}-${p}"
        worker   = name
        priority = p
        queue = merge(local.data.taskQueue, {
          description = "Priority ${p} tasks of type ${fn.trigger.taskType}; worker ${name}"
        })
      }
    ] if fn.trigger.type == "task"
  ])
  task_queues = { for q in local.task_queue_list : q.name => q.queue }
  queues      = merge(try(local.data.queues, {}), local.task_queues)

  # One filter per trigger type. scripts/check-terraform mirrors these filters
  # in JavaScript and fails when a catalog function would get no resource.
  http_functions = { for name, fn in local.functions : name => fn if fn.trigger_type == "http" }

  # queue and task functions alike: a Lambda fed by event source mappings
  queue_functions    = { for name, fn in local.functions : name => fn if contains(["queue", "task"], fn.trigger_type) }
  schedule_functions = { for name, fn in local.functions : name => fn if fn.trigger_type == "schedule" }

  # the routes of the WebSocket API, and the functions fed by a table's DynamoDB stream (realtime.tf)
  websocket_functions = { for name, fn in local.functions : name => fn if fn.trigger_type == "websocket" }
  stream_functions    = { for name, fn in local.functions : name => fn if fn.trigger_type == "stream" }

  # Deployment packages scripts/package has not built yet. Plan works without
  # them; apply does not (see the check in main.tf).
  missing_artifacts = sort(distinct([
    for fn in local.functions : "${local.artifacts_dir}/${fn.artifact}.zip"
    if !fileexists("${local.artifacts_dir}/${fn.artifact}.zip")
  ]))

  # Queues some other queue dead-letters into: alarmed on depth.
  dead_letter_queues = toset([for q in local.queues : q.deadLetterQueue if try(q.deadLetterQueue, null) != null])

  # How long the oldest message of a task queue may wait before its alarm fires,
  # by priority (other consumed queues: 900 s).
  oldest_message_alarm_seconds = {
    critical   = 60
    high       = 300
    normal     = 900
    low        = 1800
    background = 3600
  }
}
