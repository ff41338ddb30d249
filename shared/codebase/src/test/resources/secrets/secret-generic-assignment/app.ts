// ruleid: secret-generic-assignment
export const config = { apiKey: '2su9tJ0mKVEvkihPbgYq8yYFx3Dm', region: "eu-west-1" };
// ok: secret-generic-assignment
const token = req.headers["x-token"];
