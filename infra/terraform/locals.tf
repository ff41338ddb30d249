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
      name            = name
      module          = fn.module
      bean            = fn.bean
      summary         = try(fn.summary, "")
      artifact        = local.catalog.modules[fn.module].artifact
      initializer     = local.catalog.modules[fn.module].initializer
      runtime         = try(fn.runtime, local.catalog.defaults.runtime, "java21")
      memory_mb       = try(fn.memoryMb, local.catalog.defaults.memoryMb)
      timeout_seconds = try(fn.timeoutSeconds, local.catalog.defaults.timeoutSeconds)
      public          = try(fn.public, false)
      scopes          = try(fn.scopes, [])
      tables          = try(fn.tables, [])
      buckets         = try(fn.buckets, [])
      queues          = try(fn.queues, [])
      trigger_type    = fn.trigger.type
      http_method     = try(fn.trigger.method, null)
      http_path       = try(fn.trigger.path, null)
      queue           = try(fn.trigger.queue, null)
      batch_size      = try(fn.trigger.batchSize, null)
      schedule        = try(fn.trigger.schedule, null)
    }
  }

  # One filter per trigger type. scripts/check-terraform mirrors these filters
  # in JavaScript and fails when a catalog function would get no resource.
  http_functions = { for name, fn in local.functions : name => fn if fn.trigger_type == "http" }

  # Deployment packages scripts/package has not built yet. Plan works without
  # them; apply does not (see the check in main.tf).
  missing_artifacts = sort(distinct([
    for fn in local.http_functions : "${local.artifacts_dir}/${fn.artifact}.zip"
    if !fileexists("${local.artifacts_dir}/${fn.artifact}.zip")
  ]))

  # modules/queue-function for_eaches over queue_functions (queues.tf); modules/scheduled-function will over schedule_functions.
  queue_functions    = { for name, fn in local.functions : name => fn if fn.trigger_type == "queue" }
  schedule_functions = { for name, fn in local.functions : name => fn if fn.trigger_type == "schedule" }
}
