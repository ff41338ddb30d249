// Hand-written dynamic config over the generated app.json: EXPO_PUBLIC_API_URL (e.g. http://192.168.1.20:8080, your
// laptop running ./scripts/local) becomes extra.apiUrl, which the generated client (src/api/index.ts) calls.
module.exports = ({ config }) => ({
  ...config,
  extra: { ...config.extra, apiUrl: process.env.EXPO_PUBLIC_API_URL || (config.extra && config.extra.apiUrl) },
});
