variable "resource_prefix" {
  description = "Prefix of every resource name: <resource_prefix>-<logical name>."
  type        = string
}

variable "tables" {
  description = "data.json `tables`: logical name => {hashKey, rangeKey, attributes, globalSecondaryIndexes, ttlAttribute}."
  type        = any
  default     = {}
}

variable "buckets" {
  description = "data.json `buckets`: logical name => {description}."
  type        = any
  default     = {}
}

variable "queues" {
  description = "data.json `queues`: logical name => {fifo, visibilityTimeoutSeconds, maxReceiveCount, deadLetterQueue (logical name of another queue), messageRetentionSeconds?, contentBasedDeduplication?}."
  type        = any
  default     = {}
}

variable "deletion_protection" {
  description = "Enable DynamoDB deletion protection."
  type        = bool
  default     = true
}

variable "bucket_force_destroy" {
  description = "Allow destroying non-empty buckets."
  type        = bool
  default     = false
}

variable "noncurrent_version_expiration_days" {
  description = "Days after which noncurrent object versions are deleted."
  type        = number
  default     = 30
}

variable "tags" {
  description = "Tags of every resource."
  type        = map(string)
  default     = {}
}
