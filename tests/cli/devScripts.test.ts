// npm start / npm stop: a busy port is told in French; stop really stops what start recorded.
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { spawn, spawnSync } from "child_process";

const ROOT = path.resolve(__dirname, "..", "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cdppe-dev-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const env = (extra: Record<string, string>) => {
  const e: NodeJS.ProcessEnv = { ...process.env, OFFICE_ADDIN_USAGE_DATA: "off", ...extra };
  delete e.npm_package_config_dev_server_port;
  return e;
};
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test("npm start on a busy port: one French line saying so and how to find who holds it, exit 1, nothing left", async () => {
  const holder = net.createServer();
  await new Promise<void>((r) => holder.listen(0, "localhost", () => r()));
  const port = (holder.address() as net.AddressInfo).port;
  const pidFile = path.join(tmp, "start.pid");
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "start.js")], {
    encoding: "utf8",
    env: env({ CDPPE_PORT: String(port), CDPPE_PID_FILE: pidFile }),
    timeout: 60_000,
  });
  holder.close();
  expect(r.status).toBe(1);
  expect(r.stderr).toContain(`Le port ${port} est déjà utilisé par un autre programme\u00a0: le serveur de développement ne peut pas démarrer.`);
  expect(r.stderr).toMatch(/lsof -i :\d+|netstat/);
  expect(r.stderr + r.stdout).not.toMatch(/EADDRINUSE|Error|\n\s+at /);
  expect(fs.existsSync(pidFile)).toBe(false);
}, 60_000);

test("npm stop stops the process npm start recorded, then says there is nothing left", async () => {
  const pidFile = path.join(tmp, "stop.pid");
  const server = spawn(process.execPath, ["-e", "process.on('SIGTERM', () => process.exit(0)); setInterval(() => {}, 1000);"], { stdio: "ignore" });
  fs.writeFileSync(pidFile, String(server.pid));
  const exited = new Promise((r) => server.on("exit", r));
  // Asynchronous, so that this process reaps its child as npm would (a zombie still answers kill 0).
  const r = await new Promise<{ status: number | null; stdout: string }>((resolve) => {
    const p = spawn(process.execPath, [path.join(ROOT, "scripts", "stop.js")], { env: env({ CDPPE_PID_FILE: pidFile }) });
    let stdout = "";
    p.stdout.on("data", (d) => (stdout += d));
    p.on("close", (status) => resolve({ status, stdout }));
  });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain(`Serveur de développement arrêté (processus ${server.pid}).`);
  await exited;
  expect(alive(server.pid!)).toBe(false);
  expect(fs.existsSync(pidFile)).toBe(false);
  const again = spawnSync(process.execPath, [path.join(ROOT, "scripts", "stop.js")], { encoding: "utf8", env: env({ CDPPE_PID_FILE: pidFile }) });
  expect(again.status).toBe(0);
  expect(again.stdout).toMatch(/^Rien à arrêter\u00a0: aucun «\u00a0npm start\u00a0» en cours/);
});

test("a stale pid file is cleared, not obeyed", () => {
  const pidFile = path.join(tmp, "stale.pid");
  const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
  fs.writeFileSync(pidFile, dead);
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "stop.js")], { encoding: "utf8", env: env({ CDPPE_PID_FILE: pidFile }) });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("ne tourne plus");
  expect(fs.existsSync(pidFile)).toBe(false);
});
