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

variable "handler" {
  description = "Lambda handler."
  type        = string
  default     = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest"
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
  description = "Timeout of the function in seconds (API Gateway gives up after 30 s)."
  type        = number

  validation {
    condition     = var.timeout_seconds >= 1 && var.timeout_seconds <= 30
    error_message = "timeout_seconds of an HTTP function must be between 1 and 30 (the API Gateway integration limit)."
  }
}

variable "snap_start_enabled" {
  description = "Enable SnapStart on published versions."
  type        = bool
  default     = true
}

variable "java_tool_options" {
  description = "JAVA_TOOL_OPTIONS of the function: C1-only JIT for faster cold starts, JSON log lines (Logback configured in code by Luna, not re-initialised by Spring Boot), no background pre-initialisation of Spring Boot web converters the functions never use. The CDS archive option is appended when cds_archive_enabled."
  type        = string
  default     = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Dluna.logging=json -Dorg.springframework.boot.logging.LoggingSystem=none -Dspring.backgroundpreinitializer.ignore=true"
}

variable "cds_archive_enabled" {
  description = "Point the JVM at the AppCDS archive scripts/package puts in the zip (cds/luna.jsa). It is used only by the JDK build that made it (see README, Cold start); otherwise ignored."
  type        = bool
  default     = true
}

variable "environment_variables" {
  description = "Extra environment variables. The variables this module sets itself (MAIN_CLASS, SPRING_CLOUD_FUNCTION_DEFINITION, LUNA_*, JAVA_TOOL_OPTIONS) win."
  type        = map(string)
  default     = {}
}

variable "http_method" {
  description = "HTTP method of the API route."
  type        = string

  validation {
    condition     = contains(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"], var.http_method)
    error_message = "http_method must be one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, ANY."
  }
}

variable "http_path" {
  description = "Path of the API route, e.g. /api/v1/agents/{id}."
  type        = string

  validation {
    condition     = startswith(var.http_path, "/")
    error_message = "http_path must start with '/'."
  }
}

variable "api_id" {
  description = "Id of the API Gateway HTTP API the route is added to."
  type        = string
}

variable "api_execution_arn" {
  description = "Execution ARN of that API (scopes the invoke permission)."
  type        = string
}

variable "websocket_api_execution_arn" {
  description = "Execution ARN of the WebSocket API whose clients the function posts to (PostToConnection, DeleteConnection); null for none"
  type        = string
  default     = null
}

variable "platform_read_table_arns" {
  description = "Tables every function's request pipeline reads (API keys, tokens, projects)."
  type        = list(string)
  default     = []
}

variable "platform_write_table_arns" {
  description = "Tables every function's request pipeline writes (rate-limit counters, idempotency records)."
  type        = list(string)
  default     = []
}

variable "audit_table_arn" {
  description = "The audit log table; functions may only append to it (PutItem)."
  type        = string
  default     = null
}

variable "bucket_arns" {
  description = "Logical bucket name => ARN of each S3 bucket whose objects the function may use."
  type        = map(string)
  default     = {}
}

variable "queue_arns" {
  description = "Logical queue name => ARN of each SQS queue the function may send to or inspect."
  type        = map(string)
  default     = {}
}

variable "table_arns" {
  description = "Logical table name => ARN of each DynamoDB table the function may use. Nothing else is granted."
  type        = map(string)
  default     = {}
}

variable "secret_arns" {
  description = "Name => ARN of each Secrets Manager secret the function may read (e.g. model provider keys)."
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

variable "alarm_period_seconds" {
  description = "Period of the error and throttle alarms."
  type        = number
  default     = 300
}

variable "error_alarm_threshold" {
  description = "Errors per period that raise the error alarm."
  type        = number
  default     = 1
}

variable "throttle_alarm_threshold" {
  description = "Throttles per period that raise the throttle alarm."
  type        = number
  default     = 1
}

variable "tags" {
  description = "Tags of every resource of the function."
  type        = map(string)
  default     = {}
}
