# The first administrator of a new deployment: its API key (stored, like every key, only as the SHA-256 of the
# secret, so the secret never enters Terraform state) and the "default" project it owns. Generate the secret
# yourself and pass only its hash:
#   KEY="luna_$(openssl rand -base64 32 | tr '+/' '-_' | tr -d '=')"; echo "$KEY"   # keep it safe
#   printf %s "$KEY" | sha256sum | cut -d' ' -f1                                  # -> bootstrap_admin_key_sha256
# Leave the variable null to skip the bootstrap.

locals {
  bootstrap_now = "2026-01-01T00:00:00Z"
}

resource "aws_dynamodb_table_item" "bootstrap_admin_key" {
  count      = var.bootstrap_admin_key_sha256 == null ? 0 : 1
  table_name = module.data.table_names["api-keys"]
  hash_key   = "pk"
  range_key  = "sk"
  item = jsonencode({
    pk     = { S = "KEY#${var.bootstrap_admin_key_sha256}" }
    sk     = { S = "KEY" }
    gsi1pk = { S = "OWNER#usr_admin" }
    gsi1sk = { S = "${local.bootstrap_now}#key_bootstrap_admin" }
    gsi2pk = { S = "KEYID#key_bootstrap_admin" }
    doc = { S = jsonencode({
      id    = "key_bootstrap_admin", name = "bootstrap admin", prefix = "luna_", hash = var.bootstrap_admin_key_sha256,
      owner = "usr_admin", scopes = ["admin:full_access"], status = "active", createdAt = local.bootstrap_now
    }) }
  })

  lifecycle {
    ignore_changes = [item]
  }
}

resource "aws_dynamodb_table_item" "default_project" {
  count      = var.bootstrap_admin_key_sha256 == null ? 0 : 1
  table_name = module.data.table_names["projects"]
  hash_key   = "pk"
  range_key  = "sk"
  item = jsonencode({
    pk       = { S = "PROJECT#default" }
    sk       = { S = "META" }
    status   = { S = "active" }
    revision = { N = "1" }
    owners   = { N = "1" }
    doc = { S = jsonencode({
      id        = "default", name = "Default project", settings = {}, status = "active", revision = 1,
      createdAt = local.bootstrap_now, updatedAt = local.bootstrap_now, createdBy = "usr_admin"
    }) }
  })

  lifecycle {
    ignore_changes = [item]
  }
}

resource "aws_dynamodb_table_item" "default_project_owner" {
  count      = var.bootstrap_admin_key_sha256 == null ? 0 : 1
  table_name = module.data.table_names["projects"]
  hash_key   = "pk"
  range_key  = "sk"
  item = jsonencode({
    pk     = { S = "PROJECT#default" }
    sk     = { S = "MEMBER#usr_admin" }
    gsi1pk = { S = "USER#usr_admin" }
    gsi1sk = { S = "PROJECT#default" }
    role   = { S = "owner" }
    doc = { S = jsonencode({
      projectId = "default", userId = "usr_admin", role = "owner", addedAt = local.bootstrap_now, addedBy = "usr_admin"
    }) }
  })

  lifecycle {
    ignore_changes = [item]
  }
}
