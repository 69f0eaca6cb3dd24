// `npm start`: sideload with office-addin-debugging where Office desktop exists (Windows, macOS);
// elsewhere (Linux, containers) serve the add-in and explain how to load it in Excel on the web.
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const net = require("net");
const path = require("path");
const { PID_FILE, PORT, alive } = require("./devServer");

const bin = (name) => path.join(__dirname, "..", "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);
const env = { ...process.env, OFFICE_ADDIN_USAGE_DATA: "off" };
// No usage data from the Office tools: nothing leaves this machine that we did not ask for.
spawnSync(bin("office-addin-usage-data"), ["off"], { stdio: "ignore", env, shell: process.platform === "win32" });

/** Resolves when the port is free; a busy one ends here with a French message instead of webpack's EADDRINUSE stack. */
function portFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", (e) => resolve(e.code !== "EADDRINUSE" && e.code !== "EACCES"));
    probe.once("listening", () => probe.close(() => resolve(true)));
    probe.listen(port, "localhost");
  });
}

function refuseBusyPort() {
  let mine = "";
  if (fs.existsSync(PID_FILE)) {
    const pid = Number(fs.readFileSync(PID_FILE, "utf8"));
    if (alive(pid)) mine = ` C'est probablement un «\u00a0npm start\u00a0» déjà lancé (processus ${pid})\u00a0: «\u00a0npm stop\u00a0» l'arrête.`;
  }
  process.stderr.write(
    `Le port ${PORT} est déjà utilisé par un autre programme\u00a0: le serveur de développement ne peut pas démarrer.${mine}\n` +
      (mine
        ? ""
        : process.platform === "win32"
          ? `Pour savoir lequel\u00a0: netstat -ano | findstr :${PORT}\n`
          : `Pour savoir lequel\u00a0: lsof -i :${PORT}  (ou ss -ltnp | grep ${PORT})\n`),
  );
  process.exit(1);
}

function recordPid() {
  fs.writeFileSync(PID_FILE, String(process.pid));
  const clean = () => {
    try {
      if (fs.readFileSync(PID_FILE, "utf8") === String(process.pid)) fs.unlinkSync(PID_FILE);
    } catch {
      // already gone
    }
  };
  process.on("exit", clean);
}

async function run() {
  if (!(await portFree(PORT))) refuseBusyPort();
  recordPid();
  if (process.platform === "win32" || process.platform === "darwin") {
    const child = spawn(bin("office-addin-debugging"), ["start", "manifest.xml"], { stdio: "inherit", env, shell: process.platform === "win32" });
    child.on("exit", (code) => process.exit(code ?? 0));
  } else {
    console.log(
      [
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
        "Arrêt : Ctrl+C, ou « npm stop » depuis un autre terminal",
        "",
      ].join("\n"),
    );
    const child = spawn(bin("webpack"), ["serve", "--mode", "development", "--port", String(PORT)], { stdio: "inherit", env });
    const stop = () => child.kill("SIGTERM");
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    child.on("exit", (code) => process.exit(code ?? 0));
  }
}

run();
