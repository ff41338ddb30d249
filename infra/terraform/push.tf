# Push notifications of the mobile companion through Expo's push API. The functions that send them (the webhook
# worker, for tasks a user follows, and the budget monitor, for budget alerts) read the devices table (granted from
# the catalog's "tables") and get LUNA_EXPO_PUSH_URL and, when set, LUNA_EXPO_ACCESS_TOKEN (Expo's "enhanced push
# security" token). With expo_push_url empty nothing is sent and each payload is logged instead (the local default).

variable "expo_push_url" {
  description = "Expo's push API (POST of a JSON array of messages); empty: pushes are logged, not sent."
  type        = string
  default     = "https://exp.host/--/api/v2/push/send"

  validation {
    condition     = var.expo_push_url == "" || can(regex("^https://", var.expo_push_url))
    error_message = "expo_push_url must be an https URL, or empty."
  }
}

variable "expo_access_token" {
  description = "Expo access token sent as Authorization: Bearer with each push request (needed when the Expo project enforces push security); null: none. Set TF_VAR_expo_access_token from your secret store."
  type        = string
  default     = null
  sensitive   = true
}

locals {
  push_environment = merge(
    var.expo_push_url == "" ? {} : { LUNA_EXPO_PUSH_URL = var.expo_push_url },
    var.expo_access_token == null ? {} : { LUNA_EXPO_ACCESS_TOKEN = var.expo_access_token },
  )
  # the functions that send pushes: those that read the devices table without serving HTTP
  push_senders = [for name, fn in local.functions : name if contains(fn.tables, "devices") && fn.trigger_type != "http"]
}
