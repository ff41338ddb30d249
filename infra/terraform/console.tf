# The web console (console/, built into console/dist by scripts/build-console): its files in a private S3 bucket,
# served by CloudFront (origin access control: only the distribution can read the bucket) together with the API on
# the same origin — /api/*, /docs and /.well-known/* go to the API (through the edge Worker's hostname when
# edge_enabled with a custom domain, else straight to API Gateway), everything else to the console, where a CloudFront
# Function sends every path of the app (no file extension) to index.html (SPA fallback). Hashed files under assets/
# are cached for a year, index.html never. Optional: console_enabled.

variable "console_enabled" {
  description = "Deploy the web console (S3 + CloudFront, same origin as the API). Needs console/dist: run scripts/build-console first."
  type        = bool
  default     = false
}

variable "console_dist_path" {
  description = "The console's build to upload (default: console/dist of this repository)."
  type        = string
  default     = null
}

variable "console_price_class" {
  description = "CloudFront price class of the console's distribution."
  type        = string
  default     = "PriceClass_100"

  validation {
    condition     = contains(["PriceClass_100", "PriceClass_200", "PriceClass_All"], var.console_price_class)
    error_message = "console_price_class must be PriceClass_100, PriceClass_200 or PriceClass_All."
  }
}

locals {
  console_dist = coalesce(var.console_dist_path, "${path.module}/../../console/dist")
  # the build's files, without Vite's manifest and the build hash
  console_files = var.console_enabled ? toset([
    for f in fileset(local.console_dist, "**") : f if !startswith(f, ".vite/") && f != ".build-hash"
  ]) : toset([])
  console_types = {
    html  = "text/html; charset=utf-8", js = "text/javascript; charset=utf-8", css = "text/css; charset=utf-8",
    svg   = "image/svg+xml", png = "image/png", ico = "image/x-icon", json = "application/json", txt = "text/plain; charset=utf-8",
    woff2 = "font/woff2"
  }
  # the API's origin: the edge Worker's custom domain when there is one, else API Gateway
  console_api_origin = var.edge_enabled && var.edge_custom_domain != null ? var.edge_custom_domain : replace(aws_apigatewayv2_api.this.api_endpoint, "https://", "")
}

resource "aws_s3_bucket" "console" {
  count = var.console_enabled ? 1 : 0

  bucket        = "${local.resource_prefix}-console"
  force_destroy = true
  tags          = merge(local.tags, { "luna:bucket" = "console" })
}

resource "aws_s3_bucket_ownership_controls" "console" {
  count = var.console_enabled ? 1 : 0

  bucket = aws_s3_bucket.console[0].id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "console" {
  count = var.console_enabled ? 1 : 0

  bucket                  = aws_s3_bucket.console[0].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_object" "console" {
  for_each = local.console_files

  bucket        = aws_s3_bucket.console[0].id
  key           = each.value
  source        = "${local.console_dist}/${each.value}"
  etag          = filemd5("${local.console_dist}/${each.value}")
  content_type  = lookup(local.console_types, reverse(split(".", each.value))[0], "application/octet-stream")
  cache_control = startswith(each.value, "assets/") ? "public, max-age=31536000, immutable" : "no-cache"
}

resource "aws_cloudfront_origin_access_control" "console" {
  count = var.console_enabled ? 1 : 0

  name                              = "${local.resource_prefix}-console"
  description                       = "Luna console: CloudFront reads the console bucket"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

# SPA fallback: a path without a file extension is a route of the app, answered by index.html
resource "aws_cloudfront_function" "console_spa" {
  count = var.console_enabled ? 1 : 0

  name    = "${local.resource_prefix}-console-spa"
  runtime = "cloudfront-js-2.0"
  comment = "Luna console: app routes to index.html"
  publish = true
  code    = <<-JS
    function handler(event) {
      var request = event.request;
      var last = request.uri.split('/').pop();
      if (last.indexOf('.') === -1) request.uri = '/index.html';
      return request;
    }
  JS
}

data "aws_cloudfront_cache_policy" "optimized" {
  count = var.console_enabled ? 1 : 0
  name  = "Managed-CachingOptimized"
}

data "aws_cloudfront_cache_policy" "disabled" {
  count = var.console_enabled ? 1 : 0
  name  = "Managed-CachingDisabled"
}

data "aws_cloudfront_origin_request_policy" "all_viewer_except_host" {
  count = var.console_enabled ? 1 : 0
  name  = "Managed-AllViewerExceptHostHeader"
}

resource "aws_cloudfront_distribution" "console" {
  count = var.console_enabled ? 1 : 0

  enabled             = true
  comment             = "${local.resource_prefix} console and API"
  default_root_object = "index.html"
  price_class         = var.console_price_class
  http_version        = "http2and3"
  tags                = local.tags

  origin {
    origin_id                = "console"
    domain_name              = aws_s3_bucket.console[0].bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.console[0].id
  }

  origin {
    origin_id   = "api"
    domain_name = local.console_api_origin
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
      origin_read_timeout    = 60
    }
  }

  default_cache_behavior {
    target_origin_id       = "console"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    compress               = true
    cache_policy_id        = data.aws_cloudfront_cache_policy.optimized[0].id

    function_association {
      event_type   = "viewer-request"
      function_arn = aws_cloudfront_function.console_spa[0].arn
    }
  }

  dynamic "ordered_cache_behavior" {
    for_each = ["/api/*", "/docs", "/.well-known/*"]
    content {
      path_pattern             = ordered_cache_behavior.value
      target_origin_id         = "api"
      viewer_protocol_policy   = "redirect-to-https"
      allowed_methods          = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
      cached_methods           = ["GET", "HEAD"]
      compress                 = true
      cache_policy_id          = data.aws_cloudfront_cache_policy.disabled[0].id
      origin_request_policy_id = data.aws_cloudfront_origin_request_policy.all_viewer_except_host[0].id
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}

data "aws_iam_policy_document" "console_bucket" {
  count = var.console_enabled ? 1 : 0

  statement {
    sid       = "CloudFrontReadsTheConsole"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.console[0].arn}/*"]
    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "AWS:SourceArn"
      values   = [aws_cloudfront_distribution.console[0].arn]
    }
  }
}

resource "aws_s3_bucket_policy" "console" {
  count = var.console_enabled ? 1 : 0

  bucket     = aws_s3_bucket.console[0].id
  policy     = data.aws_iam_policy_document.console_bucket[0].json
  depends_on = [aws_s3_bucket_public_access_block.console]
}

check "console_built" {
  assert {
    condition     = !var.console_enabled || fileexists("${local.console_dist}/index.html")
    error_message = "console_enabled but ${local.console_dist}/index.html is missing: run scripts/build-console before terraform apply."
  }
}

output "console_url" {
  description = "https URL of the web console (and of the API on the same origin), or null when console_enabled is false."
  value       = var.console_enabled ? "https://${aws_cloudfront_distribution.console[0].domain_name}" : null
}
