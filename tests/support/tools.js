// Finds the external programs the tests use (LibreOffice, a Chromium-family browser, xmllint) on Linux, macOS and
// Windows: environment override first, then the PATH, then the usual install places. Plain JavaScript: Jest's
// globalSetup loads it without a TypeScript transform.
const fs = require("fs");
const path = require("path");

const isExec = (p) => {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
};

function onPath(names, env = process.env, platform = process.platform) {
  const dirs = (env.PATH || env.Path || "").split(platform === "win32" ? ";" : ":").filter(Boolean);
  const exts = platform === "win32" ? ["", ".exe", ".cmd", ".bat"] : [""];
  for (const d of dirs) for (const n of names) for (const e of exts) if (isExec(path.join(d, n + e))) return path.join(d, n + e);
  return null;
}

function winDirs(env) {
  return [env.ProgramFiles || env.PROGRAMFILES, env["ProgramFiles(x86)"] || env["PROGRAMFILES(X86)"], env.LOCALAPPDATA].filter(Boolean);
}

const TOOLS = {
  soffice: {
    label: "LibreOffice (soffice)",
    env: "SOFFICE_PATH",
    names: ["soffice", "libreoffice"],
    places: (platform, env) =>
      platform === "win32"
        ? winDirs(env).map((d) => path.join(d, "LibreOffice", "program", "soffice.exe"))
        : platform === "darwin"
          ? ["/Applications/LibreOffice.app/Contents/MacOS/soffice"]
          : [
              "/usr/bin/soffice",
              "/usr/lib/libreoffice/program/soffice",
              "/opt/libreoffice/program/soffice",
              "/snap/bin/libreoffice",
              "/var/lib/flatpak/exports/bin/org.libreoffice.LibreOffice",
            ],
    install: {
      linux: "sudo apt-get install libreoffice-calc (Debian, Ubuntu) ou sudo dnf install libreoffice-calc (Fedora)",
      darwin: "brew install --cask libreoffice, ou l'installeur de https://fr.libreoffice.org/download",
      win32: "winget install TheDocumentFoundation.LibreOffice, ou l'installeur de https://fr.libreoffice.org/download",
    },
  },
  chromium: {
    label: "un navigateur de la famille Chromium (Chromium, Google Chrome ou Microsoft Edge)",
    env: "CHROMIUM_PATH",
    names: ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge"],
    places: (platform, env) =>
      platform === "win32"
        ? winDirs(env).flatMap((d) => [
            path.join(d, "Google", "Chrome", "Application", "chrome.exe"),
            path.join(d, "Microsoft", "Edge", "Application", "msedge.exe"),
            path.join(d, "Chromium", "Application", "chrome.exe"),
          ])
        : platform === "darwin"
          ? [
              "/Applications/Chromium.app/Contents/MacOS/Chromium",
              "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
              "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
            ]
          : [
              "/usr/bin/chromium",
              "/usr/bin/chromium-browser",
              "/usr/bin/google-chrome",
              "/usr/bin/google-chrome-stable",
              "/snap/bin/chromium",
              "/usr/bin/microsoft-edge",
            ],
    install: {
      linux: "sudo apt-get install chromium (Debian) ou chromium-browser (Ubuntu)",
      darwin: "brew install --cask chromium, ou Google Chrome",
      win32: "Microsoft Edge est livré avec Windows ; sinon winget install Google.Chrome",
    },
  },
  xmllint: {
    label: "xmllint (libxml2)",
    env: "XMLLINT_PATH",
    names: ["xmllint"],
    places: (platform) => (platform === "darwin" ? ["/usr/bin/xmllint", "/opt/homebrew/bin/xmllint"] : platform === "win32" ? [] : ["/usr/bin/xmllint"]),
    install: {
      linux: "sudo apt-get install libxml2-utils (Debian, Ubuntu) ou sudo dnf install libxml2 (Fedora)",
      darwin: "fourni avec macOS (/usr/bin/xmllint) ; sinon brew install libxml2",
      win32: "choco install xsltproc (fournit xmllint), ou winget install GnuWin32.LibXml2, puis ajoutez-le au PATH",
    },
  },
};

/** Path of the tool, or null. `env` and `platform` are parameters so the lookup itself can be tested. */
function findTool(name, env = process.env, platform = process.platform) {
  const t = TOOLS[name];
  const override = env[t.env];
  if (override) return isExec(override) ? override : null;
  return onPath(t.names, env, platform) || t.places(platform, env).find(isExec) || null;
}

/** One French message for every missing tool, naming it and how to install it. */
function missingMessage(names, env = process.env, platform = process.platform) {
  const os = platform === "win32" || platform === "darwin" ? platform : "linux";
  const lines = names.map((n) => {
    const t = TOOLS[n];
    const set = env[t.env] ? ` (${t.env}=${env[t.env]} ne désigne pas un programme)` : "";
    return `  - ${t.label} introuvable${set}. Installation\u00a0: ${t.install[os]}. Ou indiquez son chemin dans la variable ${t.env}.`;
  });
  return ["Les tests ont besoin d'outils absents de cette machine\u00a0:", ...lines].join("\n");
}

/** Throws the French message when one of `names` is missing; returns their paths otherwise. */
function requireTools(names, env = process.env, platform = process.platform) {
  const found = Object.fromEntries(names.map((n) => [n, findTool(n, env, platform)]));
  const missing = names.filter((n) => !found[n]);
  if (missing.length) {
    const e = new Error(missingMessage(missing, env, platform));
    e.stack = e.message; // the message is the whole story; no trace
    throw e;
  }
  return found;
}

module.exports = { TOOLS, findTool, missingMessage, requireTools };
