// Small string-level XML helpers: the package is edited as text so that what is not edited keeps its bytes.

const TEXT_SPECIAL = /[&<>]/;
const ATTR_SPECIAL = /[&<>"]/;

export function escapeText(s: string): string {
  // Most texts (formulas, numbers) need no escape: tested once, no copy made.
  if (!TEXT_SPECIAL.test(s)) return s;
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttr(s: string): string {
  if (!ATTR_SPECIAL.test(s)) return s;
  return escapeText(s).replace(/"/g, "&quot;");
}

export function unescapeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e === "amp") return "&";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

// Patterns compiled once per attribute name: these run for every cell a write touches.
const getRe = new Map<string, RegExp>();
const setRe = new Map<string, RegExp>();
const quote = (name: string) => name.replace(/[.:]/g, "\\$&");

/** Value of attribute `name` in an opening tag (unescaped), or null. */
export function getAttr(tag: string, name: string): string | null {
  // An attribute absent from the tag (the common case for t, cm, vm…) is known without a regular expression.
  if (!tag.includes(name)) return null;
  let re = getRe.get(name);
  if (!re) getRe.set(name, (re = new RegExp(`\\s${quote(name)}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? unescapeXml(m[2] ?? m[3] ?? "") : null;
}

/** The tag with attribute `name` set (added before the closing bracket when absent) or removed (value null). */
export function setAttr(tag: string, name: string, value: string | null): string {
  if (value === null && !tag.includes(name)) return tag;
  let re = setRe.get(name);
  if (!re) setRe.set(name, (re = new RegExp(`\\s${quote(name)}\\s*=\\s*("[^"]*"|'[^']*')`)));
  if (re.test(tag)) return tag.replace(re, value === null ? "" : ` ${name}="${escapeAttr(value)}"`);
  if (value === null) return tag;
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} ${name}="${escapeAttr(value)}"${tag.slice(end)}`;
}

/** Local name of an element, without its namespace prefix. */
export const localName = (qname: string) => qname.slice(qname.indexOf(":") + 1);

