output "function_name" {
  description = "Name of the Lambda function."
  value       = aws_lambda_function.this.function_name
}

output "alias_arn" {
  description = "ARN of the \"live\" alias the queue invokes."
  value       = aws_lambda_alias.live.arn
}
