import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

// Each layer may import only what its bundle can carry (docs/architecture.md, "How the layers depend on each other").
const nodeBuiltins = [
  "fs",
  "path",
  "os",
  "child_process",
  "http",
  "https",
  "url",
  "zlib",
  "crypto",
  "stream",
  "util",
  "worker_threads",
  "buffer",
  "events",
  "readline",
];
const node = { paths: nodeBuiltins, patterns: ["node:*"] };
const fileLibraries = ["exceljs", "fflate", "@xmldom/xmldom", "commander"];
const office = { paths: ["@microsoft/office-js", "office-js", "office-addin-mock"], globals: ["Office", "Excel", "OfficeExtension"] };
const dom = {
  paths: ["react", "react-dom", "react-dom/client"],
  patterns: ["@fluentui/*", "@testing-library/*"],
  globals: ["window", "document", "navigator", "localStorage", "sessionStorage", "fetch"],
};
const nodeGlobals = ["process", "require", "Buffer", "__dirname", "__filename", "global"];
const layer = (name) => `**/${name}/**`;

/** One layer's guard: the packages and src/ folders it must not import, the globals it must not touch. */
function guard(files, { paths = [], patterns = [], globals: banned = [] }, extra = {}) {
  const hidden = extra.dynamicImports
    ? []
    : [
        // The import rules read static imports only: a package loaded by import() or require() would slip past them.
        { selector: "ImportExpression[source.value=/^[^.]/]", message: "Import packages statically, so that the layer rules see them." },
        { selector: "CallExpression[callee.name='require']", message: "Use import, so that the layer rules see it." },
      ];
  return {
    files,
    rules: {
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": ["error", { paths, patterns: [{ group: patterns }, ...(extra.typeOnly ?? [])] }],
      "no-restricted-globals": ["error", ...banned],
      "no-restricted-syntax": ["error", ...hidden],
    },
  };
}

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
    // Type-aware checks: a promise nobody awaits loses its error (and the pane hangs on it); a needless cast hides a type.
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parserOptions: {
        project: "./tsconfig.eslint.json",
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unnecessary-type-assertion": "error",
    },
  },

  // The core is pure: no Office.js, no file library, no DOM, no React, no Node; nothing of the adapters or the edges.
  guard(["src/core/**/*.ts"], {
    paths: [...office.paths, ...dom.paths, ...fileLibraries, ...node.paths],
    patterns: [...dom.patterns, ...node.patterns, ...["excel", "xlsx", "taskpane", "cli", "commands"].map(layer)],
    globals: [...office.globals, ...dom.globals, ...nodeGlobals],
  }),
  // The CLI runs in Node on files: no Office.js, no DOM or React, nothing of the Office adapter or the pane.
  guard(
    ["src/cli/**/*.ts"],
    {
      paths: [...office.paths, ...dom.paths],
      patterns: [...dom.patterns, layer("excel"), layer("taskpane")],
      globals: [...office.globals, ...dom.globals],
    },
    { dynamicImports: true },
  ),
  // The file adapter: no Office.js, no DOM or React, nothing of the Office adapter, the pane or the CLI.
  guard(
    ["src/xlsx/**/*.ts"],
    {
      paths: [...office.paths, ...dom.paths],
      patterns: [...dom.patterns, layer("excel"), layer("taskpane"), layer("cli")],
      globals: [...office.globals, ...dom.globals],
    },
    { dynamicImports: true },
  ),
  // The ribbon commands and the pane run in the browser: no Node, no file library, nothing of the file path or the CLI.
  guard(["src/commands/**/*.ts", "src/taskpane/**/*.{ts,tsx}"], {
    paths: [...node.paths, ...fileLibraries],
    patterns: [...node.patterns, layer("xlsx"), layer("cli")],
    globals: nodeGlobals,
  }),
  // The Office.js adapter knows nothing of the pane or the ribbon (they call it through the AnnexPort).
  guard(["src/excel/**/*.ts"], {
    paths: [...node.paths, ...fileLibraries, ...dom.paths],
    patterns: [...node.patterns, ...dom.patterns, layer("xlsx"), layer("cli"), layer("taskpane"), layer("commands")],
    globals: nodeGlobals,
  }),
  // The French texts: plain strings and formatting, nothing of any runtime; from the core, types only.
  guard(
    ["src/messages/**/*.ts"],
    {
      paths: [...office.paths, ...dom.paths, ...fileLibraries, ...node.paths],
      patterns: [...dom.patterns, ...node.patterns, ...["excel", "xlsx", "taskpane", "cli", "commands"].map(layer)],
      globals: [...office.globals, ...dom.globals, ...nodeGlobals],
    },
    { typeOnly: [{ group: [layer("core")], allowTypeImports: true, message: "src/messages imports only types from the core." }] },
  ),
);
