import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

const nodeBuiltins = ["fs", "path", "os", "child_process", "http", "https", "url", "zlib", "crypto", "stream", "util"];

export default tseslint.config(
  { ignores: ["dist/", "build/", "node_modules/", "coverage/", "test-output/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, Office: "readonly", Excel: "readonly", OfficeExtension: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
    },
  },
  {
    files: ["**/*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The core is pure: no Office.js, no ExcelJS, no DOM, no React, no Node APIs.
    files: ["src/core/**/*.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-imports": ["error", { paths: ["exceljs", "react", "react-dom", ...nodeBuiltins], patterns: ["@fluentui/*", "node:*", "**/excel/**", "**/xlsx/**", "**/taskpane/**"] }],
      "no-restricted-globals": ["error", "Office", "Excel", "OfficeExtension", "window", "document", "process", "require"],
    },
  },
);
