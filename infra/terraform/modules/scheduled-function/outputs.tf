output "function_name" {
  description = "Name of the Lambda function."
  value       = aws_lambda_function.this.function_name
}

output "alias_arn" {
  description = "ARN of the \"live\" alias the schedule invokes."
  value       = aws_lambda_alias.live.arn
}

output "schedule_arn" {
  description = "ARN of the EventBridge Scheduler schedule."
  value       = aws_scheduler_schedule.this.arn
}
