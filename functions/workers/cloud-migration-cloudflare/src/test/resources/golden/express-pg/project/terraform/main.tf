# shop-api on Cloudflare, with the Cloudflare provider v5 (the same resources as wrangler.jsonc).
terraform {
  required_providers {
    cloudflare = {
      source  = "cloudflare/cloudflare"
      version = "~> 5.0"
    }
  }
}

provider "cloudflare" {}

variable "account_id" {
  type        = string
  description = "The Cloudflare account"
}

variable "zone_id" {
  type        = string
  description = "The zone the Worker's route is in"
}

variable "route_pattern" {
  type        = string
  description = "The route, e.g. api.example.com/*"
}

variable "origin_url" {
  type        = string
  default     = ""
  description = "The old backend that routes not migrated yet are proxied to"
}

resource "cloudflare_d1_database" "db" {
  account_id = var.account_id
  name       = "shop-api-db"
}

resource "cloudflare_workers_kv_namespace" "cache" {
  account_id = var.account_id
  title      = "shop-api-cache"
}

resource "cloudflare_r2_bucket" "files" {
  account_id = var.account_id
  name       = "shop-api-files"
}

resource "cloudflare_workers_script" "worker" {
  account_id         = var.account_id
  script_name        = "shop-api"
  content            = file("${path.module}/../dist/index.js")
  main_module        = "index.js"
  compatibility_date = "2025-10-01"
  bindings = [
    { name = "ORIGIN_URL", type = "plain_text", text = var.origin_url },
    { name = "DB", type = "d1", id = cloudflare_d1_database.db.id },
    { name = "CACHE", type = "kv_namespace", namespace_id = cloudflare_workers_kv_namespace.cache.id },
    { name = "BUCKET", type = "r2_bucket", bucket_name = cloudflare_r2_bucket.files.name },
  ]
}

resource "cloudflare_workers_route" "worker" {
  zone_id = var.zone_id
  pattern = var.route_pattern
  script  = cloudflare_workers_script.worker.script_name
}
