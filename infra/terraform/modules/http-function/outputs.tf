output "function_name" {
  description = "Name of the Lambda function."
  value       = aws_lambda_function.this.function_name
}

output "function_arn" {
  description = "Unqualified ARN of the Lambda function."
  value       = aws_lambda_function.this.arn
}

output "version" {
  description = "Latest published version."
  value       = aws_lambda_function.this.version
}

output "alias_arn" {
  description = "ARN of the \"live\" alias."
  value       = aws_lambda_alias.live.arn
}

output "alias_invoke_arn" {
  description = "Invoke ARN of the \"live\" alias (the API integration target)."
  value       = aws_lambda_alias.live.invoke_arn
}

output "role_arn" {
  description = "ARN of the function's execution role."
  value       = aws_iam_role.this.arn
}

output "role_name" {
  description = "Name of the function's execution role (attach extra policies to it from outside if needed)."
  value       = aws_iam_role.this.name
}

output "log_group_name" {
  description = "Name of the function's log group."
  value       = aws_cloudwatch_log_group.this.name
}

output "route_key" {
  description = "API route key, e.g. \"GET /api/v1/agents/{id}\"."
  value       = aws_apigatewayv2_route.this.route_key
}

output "route_id" {
  description = "Id of the API route."
  value       = aws_apigatewayv2_route.this.id
}
