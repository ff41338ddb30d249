output "resource_prefix" {
  description = "Prefix of every resource name (functions read it from LUNA_RESOURCE_PREFIX)."
  value       = local.resource_prefix
}

output "api_id" {
  description = "Id of the API Gateway HTTP API."
  value       = aws_apigatewayv2_api.this.id
}

output "api_url" {
  description = "Base URL of the API ($default stage); routes start with /api/v1."
  value       = aws_apigatewayv2_api.this.api_endpoint
}

output "edge_url" {
  description = "URL of the Cloudflare Worker in front of the API (custom domain or route), or null when the edge is disabled or has neither."
  value       = try(module.edge[0].edge_url, null)
}

output "edge_script_name" {
  description = "Name of the Worker script, or null when the edge is disabled."
  value       = try(module.edge[0].script_name, null)
}

output "function_names" {
  description = "Catalog function name => Lambda function name (every trigger type)."
  value = merge(
    { for name, fn in module.http_function : name => fn.function_name },
    { for name, fn in module.queue_function : name => fn.function_name },
    { for name, fn in module.scheduled_function : name => fn.function_name },
  )
}

output "function_arns" {
  description = "Catalog function name => Lambda function ARN (unqualified, every trigger type)."
  value = merge(
    { for name, fn in module.http_function : name => fn.function_arn },
    { for name, fn in module.queue_function : name => fn.function_arn },
    { for name, fn in module.scheduled_function : name => fn.function_arn },
  )
}

output "schedules" {
  description = "Scheduled function name => EventBridge Scheduler schedule ARN."
  value       = { for name, fn in module.scheduled_function : name => fn.schedule_arn }
}

output "function_alias_arns" {
  description = "Catalog function name => ARN of its \"live\" alias (what API Gateway invokes)."
  value       = { for name, fn in module.http_function : name => fn.alias_arn }
}

output "routes" {
  description = "Catalog function name => API route key."
  value       = { for name, fn in module.http_function : name => fn.route_key }
}

output "table_names" {
  description = "Logical table name => DynamoDB table name."
  value       = module.data.table_names
}

output "table_arns" {
  description = "Logical table name => DynamoDB table ARN."
  value       = module.data.table_arns
}

output "bucket_names" {
  description = "Logical bucket name => S3 bucket name."
  value       = module.data.bucket_names
}

output "bucket_name" {
  description = "Name of the artifacts bucket."
  value       = try(module.data.bucket_names["artifacts"], null)
}

output "queue_urls" {
  description = "Logical queue name => SQS queue URL."
  value       = module.data.queue_urls
}

output "scheduled_function_names" {
  description = "Catalog name of each scheduled function => Lambda function name."
  value       = { for name, fn in module.scheduled_function : name => fn.function_name }
}

output "llm_provider_secret_arns" {
  description = "Model provider => ARN of the Secrets Manager secret holding its API key (set the values out of band)."
  value       = local.llm_secret_arns
}

output "pinecone_api_key_secret_arn" {
  description = "ARN of the Secrets Manager secret the RAG functions read the Pinecone API key from (set its value out of band)."
  value       = aws_secretsmanager_secret.pinecone.arn
}

output "websocket_url" {
  description = "URL of the live-events WebSocket API (wss://...; protocol luna.v1, see the README's Live events)."
  value       = aws_apigatewayv2_stage.websocket.invoke_url
}
