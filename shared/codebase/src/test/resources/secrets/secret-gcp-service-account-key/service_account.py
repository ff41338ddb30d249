CREDENTIALS = {
    "type": "service_account",
    "project_id": "demo-project",
    # ruleid: secret-gcp-service-account-key
    "private_key_id": "8202cefea1550b30e1472b63b758b0cf805d63e9",
    "client_email": "svc@demo-project.iam.gserviceaccount.com",
}
# ok: secret-gcp-service-account-key
TEMPLATE = {"private_key_id": "<private-key-id>"}
