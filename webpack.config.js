/* Browser bundles: the task pane and the ribbon commands. The CLI is compiled by tsc (tsconfig.cli.json). */
const path = require("path");
const fs = require("fs");
const os = require("os");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const { normaliseHost, retargetManifest } = require("./scripts/manifest-host");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

// The add-in sends nothing anywhere: scripts only from itself and Office's CDN, connections only to itself; its one
// worker (the check and the plans, off the pane's thread) only from itself.
// Styles inline: Fluent UI (Griffel) inserts its rules at run time. Development adds eval (source maps) only.
function contentSecurityPolicy(dev) {
  return [
    "default-src 'none'",
    `script-src 'self' https://appsforoffice.microsoft.com${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

// Host the production manifest points to: `npm run build -- --env host=https://annexe.example.fr/`
function targetHost(env) {
  return normaliseHost((env && env.host) || process.env.ADDIN_HOST);
}

// Office dev certificates when installed (office-addin-dev-certs, needs sudo on Linux/macOS);
// otherwise webpack-dev-server's own self-signed certificate, so the server starts without sudo.
function httpsOptions() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) {
    console.log("Certificats de développement Office trouvés dans ~/.office-addin-dev-certs : ils servent au HTTPS.");
    return { type: "https", options: Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))])) };
  }
  console.log("Certificats de développement Office absents : certificat auto-signé de webpack-dev-server (à accepter une fois dans le navigateur).");
  return { type: "https" };
}

module.exports = (env, argv) => {
  const dev = argv.mode !== "production";
  const host = targetHost(env);
  return {
    // No source maps in production: dist/ is what is deployed, the sources stay here.
    devtool: dev ? "eval-source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      // Its own bundle, loaded by the pane with new Worker("checkWorker.js") (src/taskpane/engine/engine.ts).
      checkWorker: "./src/taskpane/engine/checkWorker.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: dev } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        officeJs: OFFICE_JS,
        csp: contentSecurityPolicy(dev),
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        officeJs: OFFICE_JS,
        csp: contentSecurityPolicy(dev),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/aide.html", to: "aide.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : retargetManifest(content.toString(), host)),
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      host: "localhost",
      headers: { "Access-Control-Allow-Origin": "*" },
      server: dev && argv.env && argv.env.WEBPACK_SERVE ? httpsOptions() : undefined,
      static: { directory: path.join(__dirname, "dist") },
      client: { overlay: false },
    },
  };
};
