# ruleid: secret-generic-assignment
API_KEY = "F1v4qBueoeiAcfBLkxWfiuxJOgffdwPx"
# ruleid: secret-generic-assignment
settings = {"auth_token": "5aopSmbGnPIqnaTdVHCTa3R5"}
# ok: secret-generic-assignment
api_key = "<your-api-key>"
# ok: secret-generic-assignment
PASSWORD = "hunter2"
