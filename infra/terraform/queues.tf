# One Lambda (+ alias, role, log group, alarm, SQS event source mapping) per queue-triggered function of the catalog.
module "queue_function" {
  source   = "./modules/queue-function"
  for_each = local.queue_functions

  function_name   = each.key
  resource_prefix = local.resource_prefix
  module_name     = each.value.module
  description     = each.value.summary
  bean            = each.value.bean
  initializer     = each.value.initializer
  artifact_path   = "${local.artifacts_dir}/${each.value.artifact}.zip"
  runtime         = each.value.runtime
  architecture    = var.lambda_architecture
  memory_mb       = each.value.memory_mb
  timeout_seconds = each.value.timeout_seconds
  queue_arn       = module.data.queue_arns[each.value.queue]
  batch_size      = coalesce(each.value.batch_size, 1)

  environment_variables = merge({ LUNA_ENVIRONMENT = var.environment }, var.function_environment)

  table_arns               = { for table in each.value.tables : table => module.data.table_arns[table] }
  platform_read_table_arns = [for t in ["projects"] : module.data.table_arns[t]]
  bucket_arns              = { for bucket in each.value.buckets : bucket => module.data.bucket_arns[bucket] }

  log_retention_days  = var.log_retention_days
  alarm_sns_topic_arn = var.alarm_sns_topic_arn
  tags                = local.tags
}
