# Model provider API keys: one Secrets Manager secret per provider, created empty.
# Their values never appear in code or state files written by this repository:
# an operator sets them with
#   aws secretsmanager put-secret-value --secret-id <prefix>/llm/openai --secret-string "$KEY"
# Functions whose catalog entry lists "llm-providers" in "secrets" get each ARN as
# LUNA_<PROVIDER>_API_KEY_SECRET_ARN and may read only those secrets; a provider
# whose secret has no value stays unconfigured (never called), and with none the
# offline local provider answers.
locals {
  llm_providers = toset(["openai", "anthropic", "deepseek", "gemini"])

  llm_secret_arns = { for p, s in aws_secretsmanager_secret.llm : p => s.arn }
  llm_secret_environment = {
    for p, s in aws_secretsmanager_secret.llm : "LUNA_${upper(p)}_API_KEY_SECRET_ARN" => s.arn
  }
}

resource "aws_secretsmanager_secret" "llm" {
  for_each = local.llm_providers

  name                    = "${local.resource_prefix}/llm/${each.key}"
  description             = "API key of the ${each.key} model provider, read by Luna's model gateway (value set by an operator)."
  recovery_window_in_days = var.secret_recovery_window_days
  tags                    = local.tags
}

# The Pinecone API key of the RAG functions (catalog "secrets": ["pinecone"]),
# created empty like the provider keys; an operator sets it with
#   aws secretsmanager put-secret-value --secret-id <prefix>/pinecone/api-key --secret-string "$KEY"
# Those functions get its ARN as PINECONE_API_KEY_SECRET_ARN, the store settings
# below, and leave to read this secret only.
resource "aws_secretsmanager_secret" "pinecone" {
  name                    = "${local.resource_prefix}/pinecone/api-key"
  description             = "API key of the Pinecone project holding Luna's RAG index (value set by an operator)."
  recovery_window_in_days = var.secret_recovery_window_days
  tags                    = local.tags
}

locals {
  pinecone_secret_arns = { pinecone = aws_secretsmanager_secret.pinecone.arn }
  # What a function whose catalog entry lists "pinecone" in "secrets" is told about the store.
  pinecone_environment = merge(
    {
      LUNA_RAG_STORE              = var.rag_store
      LUNA_PINECONE_INDEX         = var.pinecone_index_name
      LUNA_PINECONE_CREATE_INDEX  = tostring(var.pinecone_create_index)
      LUNA_PINECONE_CLOUD         = "aws"
      LUNA_PINECONE_REGION        = var.pinecone_region
      PINECONE_API_KEY_SECRET_ARN = aws_secretsmanager_secret.pinecone.arn
    },
    var.pinecone_host == null ? {} : { LUNA_PINECONE_HOST = var.pinecone_host },
  )
}

# Tokens for private git repositories indexed by rag-index-worker: an operator
# creates one secret per token under <prefix>/rag-git/, e.g.
#   aws secretsmanager create-secret --name <prefix>/rag-git/acme-ci --secret-string "$TOKEN"
# and index requests name it: {"source": {"type": "git", ..., "credentialsSecret": "acme-ci"}}.
# Functions whose catalog entry lists "rag-git-tokens" in "secrets" get the prefix as
# LUNA_RAG_GIT_SECRET_PREFIX and may read only the secrets under it.
locals {
  rag_git_secret_prefix      = "${local.resource_prefix}/rag-git/"
  rag_git_secret_environment = { LUNA_RAG_GIT_SECRET_PREFIX = local.rag_git_secret_prefix }
  rag_git_secret_arns        = { "rag-git" = "arn:aws:secretsmanager:${var.region}:*:secret:${local.rag_git_secret_prefix}*" }
}

# The edge secret the origin requires (require_edge_secret): the HTTP functions refuse requests without it, except the
# health probe. Two values during a rotation (new first). It is a Lambda environment variable, encrypted at rest with
# the function's KMS key; it only proves that a request passed the Worker, it grants no access by itself.
locals {
  edge_secret_environment = var.require_edge_secret && var.edge_origin_secret != null ? {
    LUNA_EDGE_SECRET = join(",", compact([var.edge_origin_secret, var.edge_origin_secret_previous]))
  } : {}
}
