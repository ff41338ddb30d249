import boto3

# ruleid: secret-aws-secret-access-key
AWS_SECRET_ACCESS_KEY = "rKOe+T/lFM37LHHBI4k16QUlO6MfljD3one13v4Y"
# ok: secret-aws-secret-access-key
aws_secret_access_key = os.environ["AWS_SECRET_ACCESS_KEY"]
# ok: secret-aws-secret-access-key
aws_secret_key = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
