output "function_name" {
  description = "Name of the Lambda function."
  value       = aws_lambda_function.this.function_name
}

output "function_arn" {
  description = "Unqualified ARN of the Lambda function."
  value       = aws_lambda_function.this.arn
}

output "alias_name" {
  description = "Name of the alias the trigger invokes."
  value       = aws_lambda_alias.live.name
}

output "alias_arn" {
  description = "ARN of the \"live\" alias."
  value       = aws_lambda_alias.live.arn
}

output "role_arn" {
  description = "ARN of the function's execution role."
  value       = aws_iam_role.this.arn
}

output "role_name" {
  description = "Name of the function's execution role."
  value       = aws_iam_role.this.name
}

output "log_group_name" {
  description = "Name of the function's log group."
  value       = aws_cloudwatch_log_group.this.name
}

output "qualified_name" {
  description = "<resource_prefix>-<function_name>."
  value       = local.qualified_name
}

output "version" {
  description = "The published version the alias points at."
  value       = aws_lambda_function.this.version
}

output "alias_invoke_arn" {
  description = "Invoke ARN of the \"live\" alias (for API Gateway integrations)."
  value       = aws_lambda_alias.live.invoke_arn
}
