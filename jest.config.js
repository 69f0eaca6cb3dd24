/** Two environments: Node for the core, adapters, CLI and real-browser tests; jsdom for React components. */
const transform = { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] };
module.exports = {
  // Looks for LibreOffice, Chromium and xmllint once; a missing one stops the run with one French message.
  globalSetup: "<rootDir>/tests/support/globalSetup.js",
  projects: [
    {
      displayName: "node",
      testEnvironment: "node",
      testMatch: ["<rootDir>/tests/**/*.test.ts"],
      transform,
    },
    {
      displayName: "dom",
      testEnvironment: "jsdom",
      // Node builds of packages (ExcelJS's uuid has an ESM-only browser build Jest cannot load).
      testEnvironmentOptions: { customExportConditions: ["node", "node-addons"] },
      testMatch: ["<rootDir>/tests/**/*.test.tsx"],
      transform,
    },
  ],
};
