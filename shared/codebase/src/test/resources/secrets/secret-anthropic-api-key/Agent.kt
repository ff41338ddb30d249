package demo

// ruleid: secret-anthropic-api-key
val anthropicKey = "sk-ant-api03-4VGZILltL7DawHbPOtVrNk4GgaJHYRrQUBublxOCCCxwq5v33FtGEbTna0JeYY9Ktd4WEHbVeEkZjufqZazbI-P_ca5ktJ7"
// ok: secret-anthropic-api-key
val fromEnv = System.getenv("ANTHROPIC_API_KEY")
// ok: secret-anthropic-api-key
val prefix = "sk-ant-"
