output "table_names" {
  description = "Logical table name => DynamoDB table name."
  value       = { for name, t in aws_dynamodb_table.this : name => t.name }
}

output "table_arns" {
  description = "Logical table name => DynamoDB table ARN."
  value       = { for name, t in aws_dynamodb_table.this : name => t.arn }
}

output "table_stream_arns" {
  description = "Logical table name => ARN of its DynamoDB stream (tables with a streamView in data.json)."
  value       = { for name, t in aws_dynamodb_table.this : name => t.stream_arn if t.stream_enabled }
}

output "bucket_names" {
  description = "Logical bucket name => S3 bucket name."
  value       = { for name, b in aws_s3_bucket.this : name => b.bucket }
}

output "bucket_arns" {
  description = "Logical bucket name => S3 bucket ARN."
  value       = { for name, b in aws_s3_bucket.this : name => b.arn }
}

output "queue_names" {
  description = "Logical queue name => SQS queue name."
  value       = { for name, q in aws_sqs_queue.this : name => q.name }
}

output "queue_urls" {
  description = "Logical queue name => SQS queue URL."
  value       = { for name, q in aws_sqs_queue.this : name => q.url }
}

output "queue_arns" {
  description = "Logical queue name => SQS queue ARN."
  value       = { for name, q in aws_sqs_queue.this : name => q.arn }
}
