// Range.text as Excel (French locale) shows a number: the test host's own renderer, not the core's, covering the
// formats annexes use (General, 0 # ? placeholders, grouping, decimals, %, quoted literals, _x padding, *x fill,
// sections for positive;negative;zero;text). Thousands separator U+00A0 and decimal comma, as Excel in French.

const SEP = "\u00a0";

function sections(fmt: string): string[] {
  const out: string[] = [];
  let cur = "";
  let inQuote = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]!;
    if (ch === '"') inQuote = !inQuote;
    if (ch === "\\" && i + 1 < fmt.length) {
      cur += ch + fmt[++i];
      continue;
    }
    if (ch === ";" && !inQuote) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** General: up to 11 characters, as Excel shows it in a standard column. */
function general(v: number): string {
  if (v === 0) return "0";
  const abs = Math.abs(v);
  let s: string;
  if (abs >= 1e11 || abs < 1e-5) {
    s = v.toExponential(5).replace(/\.?0+e/, "e");
    const [m, e] = s.split("e");
    const exp = Number(e);
    s = `${m}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  } else {
    const intDigits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
    const room = Math.max(0, 10 - intDigits - (v < 0 ? 1 : 0));
    s = String(Number(v.toFixed(room)));
  }
  return s.replace(".", ",");
}

function render(v: number, section: string): string {
  // Literal pieces and the numeric pattern.
  const parts: Array<{ lit: string } | { num: string }> = [];
  let num = "";
  const flush = () => {
    if (num) {
      parts.push({ num });
      num = "";
    }
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      flush();
      parts.push({ lit: section.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? section.length : end;
    } else if (ch === "\\") {
      flush();
      parts.push({ lit: section[++i] ?? "" });
    } else if (ch === "_") {
      flush();
      i++;
      parts.push({ lit: " " });
    } else if (ch === "*") {
      flush();
      i++; // fill to the column width: nothing at the text's own width
    } else if ("0#?,.".includes(ch)) num += ch;
    else if (ch === "%") {
      flush();
      parts.push({ lit: "%" });
    } else {
      flush();
      parts.push({ lit: ch });
    }
  }
  flush();
  const pattern = parts.find((p): p is { num: string } => "num" in p)?.num ?? "";
  const percent = parts.some((p) => "lit" in p && p.lit === "%");
  const x = Math.abs(percent ? v * 100 : v);
  const [intPat, decPat = ""] = pattern.split(".");
  const grouping = /[0#?],[0#?]/.test(intPat!);
  const decimals = decPat.replace(/[^0#?]/g, "").length;
  const fixed = x.toFixed(decimals);
  let [ip, dp = ""] = fixed.split(".");
  const minInt = (intPat!.match(/0/g) ?? []).length;
  const padInt = (intPat!.match(/\?/g) ?? []).length;
  if (ip === "0" && minInt === 0) ip = "";
  ip = ip!.padStart(minInt, "0");
  if (grouping) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, SEP);
  if (!ip && padInt) ip = " ".repeat(padInt);
  // Optional decimals (#) drop trailing zeros; ? ones become spaces.
  const req = (decPat.match(/0/g) ?? []).length;
  let keep = dp.length;
  while (keep > req && dp[keep - 1] === "0") keep--;
  const optSpace = (decPat.match(/\?/g) ?? []).length;
  dp = dp.slice(0, keep) + (keep < decimals && optSpace ? " ".repeat(Math.min(optSpace, decimals - keep)) : "");
  const number = pattern ? (dp ? `${ip},${dp}` : ip) : "";
  let out = "";
  for (const p of parts) out += "lit" in p ? p.lit : number;
  return out;
}

export function displayText(v: number, numFmt: string): string {
  if (!numFmt || numFmt === "General" || numFmt === "@") return general(v);
  const s = sections(numFmt);
  if (s.length === 1) return (v < 0 ? "-" : "") + render(v, s[0]!);
  if (v > 0 || (v === 0 && s.length === 2)) return render(v, s[0]!);
  if (v < 0) return render(v, s[1]!);
  return render(v, s[2]!);
}
