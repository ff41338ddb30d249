output "script_name" {
  description = "Name of the Worker script."
  value       = cloudflare_workers_script.this.script_name
}

output "edge_url" {
  description = "https URL of the custom domain or route, or null when the Worker has neither."
  value       = local.edge_url
}

output "upstream_url" {
  description = "The API the Worker forwards to."
  value       = local.vars.UPSTREAM_URL
}
