output "function_name" {
  description = "Name of the Lambda function."
  value       = module.lambda.function_name
}

output "function_arn" {
  description = "Unqualified ARN of the Lambda function."
  value       = module.lambda.function_arn
}

output "version" {
  description = "Latest published version."
  value       = module.lambda.version
}

output "alias_arn" {
  description = "ARN of the \"live\" alias."
  value       = module.lambda.alias_arn
}

output "alias_invoke_arn" {
  description = "Invoke ARN of the \"live\" alias (the API integration target)."
  value       = module.lambda.alias_invoke_arn
}

output "role_arn" {
  description = "ARN of the function's execution role."
  value       = module.lambda.role_arn
}

output "role_name" {
  description = "Name of the function's execution role (attach extra policies to it from outside if needed)."
  value       = module.lambda.role_name
}

output "log_group_name" {
  description = "Name of the function's log group."
  value       = module.lambda.log_group_name
}

output "route_key" {
  description = "API route key, e.g. \"GET /api/v1/agents/{id}\"."
  value       = aws_apigatewayv2_route.this.route_key
}

output "route_id" {
  description = "Id of the API route."
  value       = aws_apigatewayv2_route.this.id
}
