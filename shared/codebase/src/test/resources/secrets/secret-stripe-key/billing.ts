// ruleid: secret-stripe-key
const stripe = new Stripe("sk_live_8X6r9m04mQsgymrBTDGnmTXO");
// ruleid: secret-stripe-key
const restricted = "rk_test_VOgkJwuNMFfktzMTArOMaIePAAaqj46iEn";
// ok: secret-stripe-key
const publishable = "pk_live_LGmNb7Qko6l3mr7dx4bI3nvr";
// ok: secret-stripe-key
const fake = "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx";
