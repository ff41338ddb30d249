# Budget alert e-mail through Amazon SES v2. With alert_email_from set, Terraform creates that e-mail identity (SES
# sends AWS's verification mail to it: click the link once), grants the budget monitor ses:SendEmail from it and sets
# LUNA_ALERT_EMAIL_FROM. While the account is in the SES sandbox, recipients must be verified identities too.
# Without it, e-mail alerts are recorded (with the reason), not sent; webhook and Slack alerts are unaffected.

variable "alert_email_from" {
  description = "Sender address of budget alert e-mail (an SES identity Terraform creates); empty: e-mail alerts are recorded, not sent."
  type        = string
  default     = ""

  validation {
    condition     = var.alert_email_from == "" || can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.alert_email_from))
    error_message = "alert_email_from must be an e-mail address, or empty."
  }
}

locals {
  alert_email_enabled     = var.alert_email_from != ""
  alert_email_environment = local.alert_email_enabled ? { LUNA_ALERT_EMAIL_FROM = var.alert_email_from } : {}
  # the functions that send alert e-mail: the budget monitor
  alert_email_senders = [for name, fn in local.schedule_functions : name if fn.bean == "budgetMonitor"]
}

resource "aws_sesv2_email_identity" "alerts" {
  count          = local.alert_email_enabled ? 1 : 0
  email_identity = var.alert_email_from
  tags           = local.tags
}

data "aws_iam_policy_document" "send_alert_email" {
  count = local.alert_email_enabled ? 1 : 0

  statement {
    sid       = "SendAlertEmail"
    effect    = "Allow"
    actions   = ["ses:SendEmail"]
    resources = [aws_sesv2_email_identity.alerts[0].arn]
  }
}

resource "aws_iam_role_policy" "send_alert_email" {
  for_each = local.alert_email_enabled ? toset(local.alert_email_senders) : toset([])
  name     = "send-alert-email"
  role     = module.scheduled_function[each.key].role_name
  policy   = data.aws_iam_policy_document.send_alert_email[0].json
}
