variable "function_name" {
  description = "Catalog name of the function (e.g. rag-index-worker)."
  type        = string
}

variable "resource_prefix" {
  description = "Prefix of every physical resource name."
  type        = string
}

variable "module_name" {
  description = "Catalog module of the function."
  type        = string
}

variable "description" {
  description = "Catalog summary."
  type        = string
  default     = ""
}

variable "bean" {
  description = "Spring Cloud Function bean (SPRING_CLOUD_FUNCTION_DEFINITION)."
  type        = string
}

variable "initializer" {
  description = "The module's ApplicationContextInitializer (MAIN_CLASS)."
  type        = string
}

variable "artifact_path" {
  description = "Path of the module's deployment zip."
  type        = string
}

variable "runtime" {
  description = "Lambda runtime."
  type        = string
  default     = "java21"
}

variable "handler" {
  description = "Lambda handler."
  type        = string
  default     = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest"
}

variable "architecture" {
  description = "x86_64 or arm64."
  type        = string
  default     = "arm64"
}

variable "memory_mb" {
  description = "Memory in MB."
  type        = number
}

variable "timeout_seconds" {
  description = "Timeout in seconds (the queue's visibility timeout must be at least 6 times this)."
  type        = number
}

variable "java_tool_options" {
  description = "JAVA_TOOL_OPTIONS."
  type        = string
  default     = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
}

variable "environment_variables" {
  description = "Extra environment variables. The variables this module sets itself win."
  type        = map(string)
  default     = {}
}

variable "queue_arn" {
  description = "ARN of the SQS queue that triggers the function."
  type        = string
}

variable "batch_size" {
  description = "Messages per invocation."
  type        = number
  default     = 1
}

variable "platform_read_table_arns" {
  description = "Tables every function reads (identity)."
  type        = list(string)
  default     = []
}

variable "table_arns" {
  description = "Logical table name => ARN of each DynamoDB table the function may use."
  type        = map(string)
  default     = {}
}

variable "bucket_arns" {
  description = "Logical bucket name => ARN of each S3 bucket whose objects the function may use."
  type        = map(string)
  default     = {}
}

variable "log_retention_days" {
  description = "CloudWatch log retention."
  type        = number
  default     = 30
}

variable "alarm_sns_topic_arn" {
  description = "SNS topic for alarms, or null."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags of every resource."
  type        = map(string)
  default     = {}
}
