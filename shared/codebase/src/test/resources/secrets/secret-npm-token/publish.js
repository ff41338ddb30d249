// ruleid: secret-npm-token
const token = "npm_EwUjj7l9Z90RNpYGVtWExdUyhUTWng5yhSvA";
// ok: secret-npm-token
const name = "npm_config_registry";
