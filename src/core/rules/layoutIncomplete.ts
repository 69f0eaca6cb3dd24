// layout-incomplete (annex-spec §4): one finding per table whose reading is incomplete or doubtful, naming what could not
// be read, where it looked and how to correct it. Not in RULES: it speaks for the engine's skips, not for a check.
import { colToLetters } from "../model/a1";
import { isDateFormat } from "../format/numfmt";
import { committedMoney } from "../layout/classify";
import { columnsRead } from "../layout/columnsRead";
import { incompleteText } from "../../messages/layout";
import { rulesText } from "../../messages/rules";
import { norm } from "../layout/normalize";
import type { TableView } from "../layout/view";
import { present } from "./needs";
import { finding } from "./helpers";
import type { Finding, RuleContext } from "./types";

/** Roles without which the table cannot be checked as an annex (optional blocks such as ONDAM may be absent). */
const CORE: Record<"detail" | "summary", string[]> = {
  detail: ["fiche", "realisedLastYear", "realisedSinceStart"],
  summary: ["fiche", "budget"],
};

type Unread = Array<{ col: string; header: string }>;

/** Days, not money (« Date de démarrage », « Dates de mise en œuvre »). */
const DATE_HEADER = /\bdates?\b/;
/** Counts and codes, not money (« Nombre de bénéficiaires », « Public touché (nb) », « ETP », « Code analytique »)… */
const COUNT_HEADER = /\b(nombre|nb|nbre|effectifs?|etp|beneficiaires?|public|usagers?|codes?|identifiants?|indicateurs?|cibles?)\b/;
/** …unless the header says money (« ETP valorisés », « Montant par bénéficiaire »). */
const MONEY_WORD = /valoris|montants?|\beuros?\b|€|\bcouts?\b|budgets?|credits?|depenses?|realis/;
const notAmount = (header: string) => {
  const h = norm(header);
  return DATE_HEADER.test(h) || (COUNT_HEADER.test(h) && !MONEY_WORD.test(h));
};

function coreMissing(v: TableView, unread: () => Unread): string[] {
  // Not every annex keeps the cumulative: missing with no amount column left unread (money committed is no unread
  // column), it is absent, not misread.
  // Over a single year the year's realisations are the cumulative itself.
  const optional = (k: string) => k === "realisedSinceStart" && present(v, "realisedLastYear") && (v.t.years.length === 1 || !unread().length);
  const out = CORE[v.t.kind].filter((k) => !present(v, k) && !v.t.userKeys.includes(k) && !optional(k));
  if (v.t.kind === "detail" && !present(v, "budget") && !["ms", "dgas", "cd", "fir", "etat", "ondam"].some((b) => present(v, b))) out.push("budget");
  return out;
}

/**
 * Columns of the table with a header, no role, and amounts on most fiche rows: where a role not found most likely sits,
 * named so the user can rename its header or map it.
 */
function unreadAmountColumns(v: TableView): Unread {
  const read = columnsRead(v.t.columns, v.t.blocks);
  const rows = v.ficheRows().map((r) => r.row);
  const out: Unread = [];
  for (const [key, header] of Object.entries(v.t.headers)) {
    const col = Number(key);
    if (read.has(col) || v.t.hiddenCols.includes(col) || !header.trim() || committedMoney(header) || notAmount(header)) continue;
    let numbers = 0;
    for (const r of rows) {
      const cell = v.cell(r, col);
      if ((typeof cell?.value === "number" || cell?.formula) && !isDateFormat(cell.numFmt)) numbers++;
    }
    if (rows.length && numbers * 2 > rows.length) out.push({ col: colToLetters(col), header: header.replace(/\s+/g, " ").trim() });
  }
  return out;
}

export function layoutIncomplete(ctx: RuleContext, skippedRules: number): Finding[] {
  const out: Finding[] = [];
  // A summary without its detail: the fiches were never checked, which the controller must be told once.
  if (ctx.summary && !ctx.detail) {
    const v = ctx.summary;
    const { r1, c1, c2 } = v.t.range;
    const where = rulesText.headerArea(v.t.headerRows, colToLetters(c1), colToLetters(c2));
    out.push(finding(v, "layout-incomplete", "warning", r1, c1, null, incompleteText.noDetail(v.sheet.name, where, Math.max(skippedRules, 1)), "detail", null));
  }
  for (const v of [ctx.detail, ctx.summary]) {
    if (!v) continue;
    // Looked for once, and only when a role is missing.
    let cached: Unread | undefined;
    const unread = () => (cached ??= unreadAmountColumns(v));
    const missing = coreMissing(v, unread);
    const doubts = v.t.doubts;
    if (!missing.length && !doubts.length) continue;
    const { r1, c1, c2 } = v.t.range;
    const where = rulesText.headerArea(v.t.headerRows, colToLetters(c1), colToLetters(c2));
    const message = incompleteText.message(
      v.t.kind,
      v.sheet.name,
      where,
      missing,
      doubts.map((d) => ({ key: d.key, col: colToLetters(d.col), why: d.why })),
      Math.max(skippedRules, 1),
      // A budget above its read parts: the money of a co-financer whose columns were not read (« CAF », « Région »),
      // named so that the user sees where it went.
      { unread: missing.length || doubts.some((d) => d.key === "budget") ? unread() : [], years: v.t.years },
    );
    out.push(finding(v, "layout-incomplete", "warning", r1, c1, null, message, [...missing, ...doubts.map((d) => d.key)].join(", "), null));
  }
  return out;
}
