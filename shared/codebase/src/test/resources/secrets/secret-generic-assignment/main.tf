resource "aws_db_instance" "db" {
  # ruleid: secret-generic-assignment
  password = "Bq5PjNAE5lpnOXRjCWwH"
  # ok: secret-generic-assignment
  username = "u3Duq7zdUGH6osy1Mnpj"
  # ok: secret-generic-assignment
  master_password = var.db_password
}
