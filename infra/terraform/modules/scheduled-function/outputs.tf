output "function_name" {
  description = "Name of the Lambda function."
  value       = module.lambda.function_name
}

output "function_arn" {
  description = "Unqualified ARN of the Lambda function."
  value       = module.lambda.function_arn
}

output "schedule_arn" {
  description = "ARN of the EventBridge Scheduler schedule."
  value       = aws_scheduler_schedule.this.arn
}

output "role_name" {
  description = "Name of the function's execution role (for grants beside the catalog's, e.g. sending alert e-mail)."
  value       = module.lambda.role_name
}
