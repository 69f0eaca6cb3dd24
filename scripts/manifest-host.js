// Points every URL of the manifest at the host the add-in is deployed to (default: the dev server).
const DEV_HOST = "https://localhost:3000/";

function normaliseHost(host) {
  const h = host || DEV_HOST;
  if (!/^https:\/\//.test(h)) throw new Error(`L'hôte du complément doit être en https : ${h}`);
  return h.endsWith("/") ? h : h + "/";
}

function retargetManifest(xml, host) {
  const target = normaliseHost(host);
  // An AppDomain is an origin (scheme, host, port), never a path: Office ignores or rejects one with a path.
  const origin = new URL(target).origin;
  return xml
    .replace(/<AppDomain>\s*https:\/\/localhost:3000\/?\s*<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .split(DEV_HOST)
    .join(target)
    .split(DEV_HOST.slice(0, -1))
    .join(target.slice(0, -1));
}

module.exports = { DEV_HOST, normaliseHost, retargetManifest };
