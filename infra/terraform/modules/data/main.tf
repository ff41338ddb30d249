locals {
  # data.json entries normalised to one shape each, with defaults.
  tables = {
    for name, t in var.tables : name => {
      hash_key   = t.hashKey
      range_key  = try(t.rangeKey, null)
      attributes = { for attr, type in t.attributes : attr => type }
      global_secondary_indexes = {
        for index, gsi in try(t.globalSecondaryIndexes, {}) : index => {
          hash_key  = gsi.hashKey
          range_key = try(gsi.rangeKey, null)
        }
      }
      ttl_attribute = try(t.ttlAttribute, null)
      stream_view   = try(t.streamView, null)
    }
  }

  queues = {
    for name, q in var.queues : name => {
      fifo                        = try(q.fifo, false)
      content_based_deduplication = try(q.contentBasedDeduplication, false)
      visibility_timeout_seconds  = try(q.visibilityTimeoutSeconds, 30)
      message_retention_seconds   = try(q.messageRetentionSeconds, null)
      max_receive_count           = try(q.maxReceiveCount, 5)
      dead_letter_queue           = try(q.deadLetterQueue, null)
    }
  }

  # Queues some other queue dead-letters into keep messages for the maximum 14 days.
  dead_letter_queue_names = toset([for q in local.queues : q.dead_letter_queue if q.dead_letter_queue != null])
  redriven_queues         = { for name, q in local.queues : name => q if q.dead_letter_queue != null }
}

# --- DynamoDB ---------------------------------------------------------------

resource "aws_dynamodb_table" "this" {
  for_each = local.tables

  name                        = "${var.resource_prefix}-${each.key}"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = each.value.hash_key
  range_key                   = each.value.range_key
  deletion_protection_enabled = var.deletion_protection
  # a table whose changes a function consumes (data.json streamView) has a stream
  stream_enabled   = each.value.stream_view != null
  stream_view_type = each.value.stream_view

  dynamic "attribute" {
    for_each = each.value.attributes
    content {
      name = attribute.key
      type = attribute.value
    }
  }

  dynamic "global_secondary_index" {
    for_each = each.value.global_secondary_indexes
    content {
      name            = global_secondary_index.key
      hash_key        = global_secondary_index.value.hash_key
      range_key       = global_secondary_index.value.range_key
      projection_type = "ALL"
    }
  }

  dynamic "ttl" {
    for_each = each.value.ttl_attribute == null ? [] : [each.value.ttl_attribute]
    content {
      attribute_name = ttl.value
      enabled        = true
    }
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }

  tags = merge(var.tags, { "luna:table" = each.key })
}

# --- S3 ---------------------------------------------------------------------

resource "aws_s3_bucket" "this" {
  for_each = var.buckets

  bucket        = "${var.resource_prefix}-${each.key}"
  force_destroy = var.bucket_force_destroy
  tags          = merge(var.tags, { "luna:bucket" = each.key })
}

resource "aws_s3_bucket_ownership_controls" "this" {
  for_each = aws_s3_bucket.this

  bucket = each.value.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  for_each = aws_s3_bucket.this

  bucket                  = each.value.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "this" {
  for_each = aws_s3_bucket.this

  bucket = each.value.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  for_each = aws_s3_bucket.this

  bucket = each.value.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  for_each = aws_s3_bucket.this

  bucket = each.value.id

  rule {
    id     = "expire-noncurrent-versions"
    status = "Enabled"
    filter {}

    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_version_expiration_days
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.this]
}

data "aws_iam_policy_document" "bucket" {
  for_each = aws_s3_bucket.this

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [each.value.arn, "${each.value.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "this" {
  for_each = aws_s3_bucket.this

  bucket = each.value.id
  policy = data.aws_iam_policy_document.bucket[each.key].json

  depends_on = [aws_s3_bucket_public_access_block.this]
}

# --- SQS --------------------------------------------------------------------

resource "aws_sqs_queue" "this" {
  for_each = local.queues

  name                        = "${var.resource_prefix}-${each.key}${each.value.fifo ? ".fifo" : ""}"
  fifo_queue                  = each.value.fifo ? true : null
  content_based_deduplication = each.value.fifo ? each.value.content_based_deduplication : null
  visibility_timeout_seconds  = each.value.visibility_timeout_seconds
  message_retention_seconds   = coalesce(each.value.message_retention_seconds, contains(local.dead_letter_queue_names, each.key) ? 1209600 : 345600)
  sqs_managed_sse_enabled     = true

  tags = merge(var.tags, { "luna:queue" = each.key })
}

# A separate resource, so a queue can dead-letter into another queue of the
# same for_each without a dependency cycle.
resource "aws_sqs_queue_redrive_policy" "this" {
  for_each = local.redriven_queues

  queue_url = aws_sqs_queue.this[each.key].id
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.this[each.value.dead_letter_queue].arn
    maxReceiveCount     = each.value.max_receive_count
  })
}
