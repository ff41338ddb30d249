output "function_name" {
  description = "Name of the Lambda function."
  value       = module.lambda.function_name
}

output "function_arn" {
  description = "Unqualified ARN of the Lambda function."
  value       = module.lambda.function_arn
}

output "role_name" {
  description = "Name of the function's execution role."
  value       = module.lambda.role_name
}
