package alerts

// ruleid: secret-slack-webhook
const webhook = "https://hooks.slack.com/services/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"

// ok: secret-slack-webhook
const docs = "https://hooks.slack.com/services/TXXXXXXXX/BXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX"
