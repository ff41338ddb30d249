/**
 * The companion client's tests against a running Luna (scripts/test-mobile starts a fresh local runtime and sets
 * LUNA_URL and LUNA_KEY): Node environment, the app's Babel config, only custom/live/*.live.ts.
 */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/custom/live/**/*.live.ts'],
  transform: { '^.+\\.[jt]sx?$': 'babel-jest' },
  testTimeout: 60000,
};
