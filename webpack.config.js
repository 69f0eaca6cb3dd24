/* Browser bundles: the task pane and the ribbon commands. The CLI is compiled by tsc (tsconfig.cli.json). */
const path = require("path");
const fs = require("fs");
const os = require("os");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const { normaliseHost, retargetManifest } = require("./scripts/manifest-host");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

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
    devtool: dev ? "eval-source-map" : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: true } } },
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
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        officeJs: OFFICE_JS,
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
