// `npm stop`: stops what `npm start` started. Linux: the process recorded in the pid file (the dev server with it);
// Windows and macOS: also office-addin-debugging stop, which unloads the add-in from Office.
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { PID_FILE, alive } = require("./devServer");

const NB = "\u00a0";

function waitGone(pid, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!alive(pid)) return true;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
  return !alive(pid);
}

function stopRecorded() {
  if (!fs.existsSync(PID_FILE)) {
    console.log(`Rien à arrêter${NB}: aucun «${NB}npm start${NB}» en cours n'a été enregistré (${path.basename(PID_FILE)} absent).`);
    return 0;
  }
  const pid = Number(fs.readFileSync(PID_FILE, "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) {
    fs.rmSync(PID_FILE, { force: true });
    console.log(`Rien à arrêter${NB}: le serveur enregistré (processus ${pid}) ne tourne plus.`);
    return 0;
  }
  process.kill(pid, "SIGTERM");
  if (!waitGone(pid, 8000)) {
    process.kill(pid, "SIGKILL");
    waitGone(pid, 2000);
  }
  if (alive(pid)) {
    console.error(`Le serveur de développement (processus ${pid}) ne s'arrête pas${NB}; arrêtez-le à la main.`);
    return 1;
  }
  fs.rmSync(PID_FILE, { force: true });
  console.log(`Serveur de développement arrêté (processus ${pid}).`);
  return 0;
}

let code = 0;
if (process.platform === "win32" || process.platform === "darwin") {
  const bin = path.join(__dirname, "..", "node_modules", ".bin", process.platform === "win32" ? "office-addin-debugging.cmd" : "office-addin-debugging");
  const r = spawnSync(bin, ["stop", "manifest.xml"], {
    stdio: "inherit",
    shell: process.platform === "win32",
    env: { ...process.env, OFFICE_ADDIN_USAGE_DATA: "off" },
  });
  code = r.status ?? 1;
}
code = Math.max(code, stopRecorded());
process.exitCode = code;
