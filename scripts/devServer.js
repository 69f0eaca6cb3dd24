// Shared by start.js and stop.js: where `npm start` records what it started, and the dev server's port.
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const PID_FILE = process.env.CDPPE_PID_FILE || path.join(ROOT, ".npm-start.pid");
const PORT = Number(process.env.CDPPE_PORT || process.env.npm_package_config_dev_server_port || 3000);

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}

module.exports = { ROOT, PID_FILE, PORT, alive };
