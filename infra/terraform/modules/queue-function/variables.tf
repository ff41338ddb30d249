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

variable "ephemeral_storage_mb" {
  description = "Size of the function's /tmp in MB (512 to 10240); task workers check sources out there."
  type        = number
  default     = 512

  validation {
    condition     = var.ephemeral_storage_mb >= 512 && var.ephemeral_storage_mb <= 10240
    error_message = "ephemeral_storage_mb must be between 512 and 10240."
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

variable "secret_arns" {
  description = "Name => ARN of each Secrets Manager secret the function may read (e.g. the Pinecone API key)."
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

variable "queues" {
  description = "The queues whose messages invoke the function, by logical name (one for a queue function, the five priority queues of a task type for a task function): arn, physical_name (the QueueName dimension of its CloudWatch metrics), visibility_timeout_seconds (must be >= 6 x timeout_seconds, AWS guidance, checked at plan), maximum_concurrency (2..1000: the queue's share of workers) and oldest_message_alarm_seconds."
  type = map(object({
    arn                          = string
    physical_name                = string
    visibility_timeout_seconds   = number
    maximum_concurrency          = number
    oldest_message_alarm_seconds = number
  }))

  validation {
    condition     = length(var.queues) > 0
    error_message = "A queue function consumes at least one queue."
  }

  validation {
    condition     = alltrue([for q in values(var.queues) : q.maximum_concurrency >= 2 && q.maximum_concurrency <= 1000])
    error_message = "maximum_concurrency must be between 2 and 1000 (the event source mapping's limits)."
  }
}

variable "batch_size" {
  description = "Messages per invocation."
  type        = number
  default     = 10

  validation {
    condition     = var.batch_size >= 1 && var.batch_size <= 10000
    error_message = "batch_size must be between 1 and 10000."
  }
}

variable "maximum_batching_window_seconds" {
  description = "How long the event source mapping may wait to fill a batch (0 = invoke as soon as messages arrive)."
  type        = number
  default     = 0
}
