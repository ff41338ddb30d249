variable "function_name" {
  description = "Catalog name of the function (e.g. agents-create). The Lambda is named <resource_prefix>-<function_name>."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]*$", var.function_name))
    error_message = "function_name must be lowercase kebab-case."
  }
}

variable "resource_prefix" {
  description = "Prefix of every resource name (luna-<environment> by default)."
  type        = string
}

variable "module_name" {
  description = "Catalog module the function belongs to (used for tagging)."
  type        = string
}

variable "description" {
  description = "Short description of the function (the catalog summary)."
  type        = string
  default     = ""
}

variable "bean" {
  description = "Spring Cloud Function bean name (SPRING_CLOUD_FUNCTION_DEFINITION)."
  type        = string
}

variable "initializer" {
  description = "Fully qualified class of the module's ApplicationContextInitializer (MAIN_CLASS)."
  type        = string
}

variable "artifact_path" {
  description = "Path of the module's deployment zip. It may be absent at plan time; apply needs it."
  type        = string
}

variable "runtime" {
  description = "Lambda runtime."
  type        = string
  default     = "java21"
}

variable "architecture" {
  description = "Instruction set: x86_64 or arm64."
  type        = string
  default     = "x86_64"

  validation {
    condition     = contains(["x86_64", "arm64"], var.architecture)
    error_message = "architecture must be x86_64 or arm64."
  }
}

variable "memory_mb" {
  description = "Memory of the function in MB."
  type        = number

  validation {
    condition     = var.memory_mb >= 128 && var.memory_mb <= 10240
    error_message = "memory_mb must be between 128 and 10240."
  }
}

variable "timeout_seconds" {
  description = "Timeout of the function in seconds."
  type        = number

  validation {
    condition     = var.timeout_seconds >= 1 && var.timeout_seconds <= 900
    error_message = "timeout_seconds must be between 1 and 900."
  }
}

variable "snap_start_enabled" {
  description = "Enable SnapStart on published versions."
  type        = bool
  default     = true
}

variable "environment_variables" {
  description = "Extra environment variables. The variables this module sets itself (MAIN_CLASS, SPRING_CLOUD_FUNCTION_DEFINITION, LUNA_*, JAVA_TOOL_OPTIONS) win."
  type        = map(string)
  default     = {}
}

variable "table_arns" {
  description = "Logical table name => ARN of each DynamoDB table the function may use. Nothing else is granted."
  type        = map(string)
  default     = {}
}

variable "bucket_arns" {
  description = "Logical bucket name => ARN of each S3 bucket whose objects the function may use."
  type        = map(string)
  default     = {}
}

variable "queue_arns" {
  description = "Logical queue name => ARN of each SQS queue the function may send to, inspect or drain."
  type        = map(string)
  default     = {}
}

variable "log_retention_days" {
  description = "Retention of the function's log group."
  type        = number
  default     = 30
}

variable "alarm_sns_topic_arn" {
  description = "SNS topic notified by the function's alarms; null = no actions."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags of every resource of the function."
  type        = map(string)
  default     = {}
}


variable "stream_arn" {
  description = "ARN of the DynamoDB stream the function consumes (catalog trigger.table; data.json streamView)."
  type        = string
}

variable "batch_size" {
  description = "Stream records per invocation (catalog trigger.batchSize)."
  type        = number
  default     = 100
}

variable "api_execution_arn" {
  description = "Execution ARN of the WebSocket API the function posts to (PostToConnection)."
  type        = string
}
