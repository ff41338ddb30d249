<?php
// ruleid: secret-sendgrid-api-key
$sendgrid = new \SendGrid('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');
// ok: secret-sendgrid-api-key
$sendgrid = new \SendGrid(getenv('SENDGRID_API_KEY'));
