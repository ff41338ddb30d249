import openai

# ruleid: secret-openai-api-key
openai.api_key = "sk-proj-_PsMpwWvVHzFr537WK5TcxVzWHiCupTd6FNkqMLlvre1H2Jf7xbfX7-Tz1To"
# ruleid: secret-openai-api-key
LEGACY = "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"
# ok: secret-openai-api-key
openai.api_key = os.getenv("OPENAI_API_KEY")
# ok: secret-openai-api-key
HINT = "sk-proj-..."
