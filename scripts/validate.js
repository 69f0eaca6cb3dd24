#!/usr/bin/env node
// `npm run validate [manifeste.xml…]`: checks the add-in manifest offline. The XML schema (xmllint with Microsoft's
// published XSDs in tests/manifest-schemas), then the documented rules the schema does not hold.
// Exit 0 valid, 1 invalid, 2 cannot check (xmllint missing, file unreadable).
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { DOMParser } = require("@xmldom/xmldom");
const { findTool, missingMessage } = require("../tests/support/tools");

const ROOT = path.resolve(__dirname, "..");
const SCHEMA = path.join(ROOT, "tests", "manifest-schemas", "OfficeAppManifestV1_1.xsd");
const NB = "\u00a0";

/** Rules from Microsoft's manifest documentation that the XSD cannot express; returns French problems. */
function documentedRules(xml) {
  const problems = [];
  const parseErrors = [];
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== "warning") parseErrors.push(msg);
    },
  }).parseFromString(xml, "text/xml");
  if (parseErrors.length) return [`XML mal formé${NB}: ${parseErrors[0]}`];
  const els = Array.from(doc.getElementsByTagName("*"));
  const byName = (n) => els.filter((e) => e.localName === n);
  const text = (e) => (e.textContent || "").trim();

  for (const d of byName("AppDomain")) {
    const v = text(d);
    let u = null;
    try {
      u = new URL(v);
    } catch {
      problems.push(`AppDomain «${NB}${v}${NB}»${NB}: ce n'est pas une adresse.`);
      continue;
    }
    if (u.protocol !== "https:") problems.push(`AppDomain «${NB}${v}${NB}»${NB}: doit être en https.`);
    if (v.replace(/\/$/, "") !== u.origin)
      problems.push(
        `AppDomain «${NB}${v}${NB}»${NB}: une origine seule est permise (schéma, hôte, port), sans chemin ni «${NB}/${NB}» final${NB}; écrivez ${u.origin}.`,
      );
  }
  const id = byName("Id")[0];
  if (!id || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text(id))) problems.push(`Id${NB}: un GUID est attendu.`);
  const version = byName("Version")[0];
  if (!version || !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(text(version))) problems.push(`Version${NB}: quatre nombres au plus séparés par des points (ex. 1.0.0.0).`);

  const urls = [];
  for (const e of els) {
    for (const attr of ["DefaultValue", "Value"]) {
      const v = e.getAttribute(attr);
      if (v && /^[a-z][a-z0-9+.-]*:\/\//i.test(v)) urls.push([e, v]);
    }
  }
  for (const [e, v] of urls) if (!v.startsWith("https://")) problems.push(`${e.localName} «${NB}${v}${NB}»${NB}: toute adresse doit être en https.`);
  for (const e of byName("SourceLocation")) if (!e.getAttribute("DefaultValue") && !e.getAttribute("resid")) problems.push("SourceLocation sans adresse.");

  // Resource ids: each one used exists, each one defined is used.
  const defined = new Set(els.filter((e) => ["Image", "Url", "String"].includes(e.localName) && e.getAttribute("id")).map((e) => e.getAttribute("id")));
  const used = new Set(els.map((e) => e.getAttribute("resid")).filter(Boolean));
  for (const r of used) if (!defined.has(r)) problems.push(`resid «${NB}${r}${NB}»${NB}: aucune ressource de ce nom.`);
  for (const r of defined) if (!used.has(r)) problems.push(`Ressource «${NB}${r}${NB}» définie mais jamais utilisée.`);
  for (const e of els) {
    if (e.getAttribute("id") && e.getAttribute("id").length > 32 && ["Image", "Url", "String"].includes(e.localName))
      problems.push(`Identifiant de ressource «${NB}${e.getAttribute("id")}${NB}»${NB}: 32 caractères au plus.`);
    const parent = e.parentNode && e.parentNode.localName;
    const limit = parent === "ShortStrings" || e.localName === "DisplayName" ? 125 : parent === "LongStrings" || e.localName === "Description" ? 250 : 2048;
    for (const attr of ["DefaultValue", "Value"]) {
      const v = e.getAttribute(attr);
      if (v && v.length > limit) problems.push(`${e.localName} (${attr})${NB}: ${v.length} caractères, ${limit} au plus.`);
    }
  }
  return problems;
}

function validate(file, xmllint) {
  let xml;
  try {
    xml = fs.readFileSync(file, "utf8");
  } catch {
    return { status: 2, lines: [`${file}${NB}: fichier introuvable ou illisible.`] };
  }
  const lines = [];
  const r = spawnSync(xmllint, ["--noout", "--nonet", "--schema", SCHEMA, file], { encoding: "utf8" });
  const schemaOk = r.status === 0;
  if (!schemaOk) {
    lines.push(`${file}${NB}: non conforme au schéma des manifestes Office${NB}:`);
    for (const l of (r.stderr || "").split("\n").filter((x) => x && !/fails to validate|validates$/.test(x)))
      lines.push(`  ${l.replace(file + ":", "ligne ")}`);
  }
  const problems = documentedRules(xml);
  for (const p of problems) lines.push(`${file}${NB}: ${p}`);
  if (schemaOk && !problems.length) lines.push(`${file}${NB}: manifeste valide (schéma et règles de la documentation).`);
  return { status: schemaOk && !problems.length ? 0 : 1, lines };
}

function main(argv) {
  const files = argv.length
    ? argv
    : [path.join(ROOT, "manifest.xml"), ...(fs.existsSync(path.join(ROOT, "dist", "manifest.xml")) ? [path.join(ROOT, "dist", "manifest.xml")] : [])];
  const xmllint = findTool("xmllint");
  if (!xmllint) {
    process.stderr.write(missingMessage(["xmllint"]) + "\n");
    return 2;
  }
  let status = 0;
  for (const f of files) {
    const r = validate(path.resolve(f), xmllint);
    (r.status ? process.stderr : process.stdout).write(r.lines.join("\n") + "\n");
    status = Math.max(status, r.status);
  }
  return status;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
module.exports = { documentedRules, validate };
