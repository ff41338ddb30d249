from twilio.rest import Client

# ruleid: secret-twilio-api-key
TWILIO_API_KEY = "SKff3e257773803b05e3f386d054cf667d"
# ok: secret-twilio-api-key
TWILIO_ACCOUNT_SID = "ACb1f11084ea896c1afad37cd9ed91ba64"
