output "function_name" {
  description = "Name of the Lambda function."
  value       = module.lambda.function_name
}

output "function_arn" {
  description = "Unqualified ARN of the Lambda function."
  value       = module.lambda.function_arn
}

output "alias_arn" {
  description = "ARN of the \"live\" alias the event source mapping invokes."
  value       = module.lambda.alias_arn
}

output "event_source_mapping_uuids" {
  description = "Logical queue name => id of its event source mapping."
  value       = { for name, m in aws_lambda_event_source_mapping.this : name => m.uuid }
}
