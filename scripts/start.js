// `npm start`: sideload with office-addin-debugging where Office desktop exists (Windows, macOS);
// elsewhere (Linux, containers) serve the add-in and explain how to load it in Excel on the web.
const { spawn, spawnSync } = require("child_process");
const path = require("path");

const bin = (name) => path.join(__dirname, "..", "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);
const env = { ...process.env, OFFICE_ADDIN_USAGE_DATA: "off" };
// No usage data from the Office tools: nothing leaves this machine that we did not ask for.
spawnSync(bin("office-addin-usage-data"), ["off"], { stdio: "ignore", env, shell: process.platform === "win32" });

if (process.platform === "win32" || process.platform === "darwin") {
  const child = spawn(bin("office-addin-debugging"), ["start", "manifest.xml"], { stdio: "inherit", env, shell: process.platform === "win32" });
  child.on("exit", (code) => process.exit(code ?? 0));
} else {
  console.log([
    "Annexe CDPPE — serveur de développement sur https://localhost:3000",
    "",
    "Excel de bureau n'existe pas sous Linux : chargez le complément dans Excel sur le web.",
    "  1. Ouvrez un classeur dans Excel sur le web (Microsoft 365).",
    "  2. Accueil > Compléments > Plus de compléments > Mes compléments > Charger mon complément.",
    "  3. Choisissez le fichier manifest.xml de ce dossier.",
    "  4. Le groupe « Annexe CDPPE » apparaît dans l'onglet Accueil.",
    "Le navigateur doit faire confiance au certificat : ouvrez une fois https://localhost:3000/taskpane.html et acceptez-le.",
    "",
    "En ligne de commande, sans Excel : npx cdppe check  (contrôle l'annexe d'exemple 2022)",
    "Arrêt : Ctrl+C",
    "",
  ].join("\n"));
  const child = spawn(bin("webpack"), ["serve", "--mode", "development"], { stdio: "inherit", env });
  const stop = () => child.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => process.exit(code ?? 0));
}
