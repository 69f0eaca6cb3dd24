/**
 * corpus10's composer: a département's house style (styles.ts) and a money model (model.ts) become a workbook grid,
 * its truth (where each role sits, which rows hold each fiche) and the positions faults are injected at.
 * Every formula is built first and recalculated; a style that writes values keeps the computed values only, so the
 * clean annex holds its own arithmetic by construction (and ownArithmetic checks it again from the cells).
 */
import type { TruthTable } from "../verdicts/evaluate";
import { key, letters, newSheet, recalc, round, type Book, type Cell, type Expr, type Sheet, type Value } from "./grid";
import { blockTotal, cdOf, ficheSums, lineBudget, makeModel, planned, type Fiche, type Funder, type Line, type Model } from "./model";
import { Rng } from "./rng";
import { DEPARTEMENTS, ENGAGEMENTS, W, type Extra, type Knobs } from "./styles";
import { OBJECTIVE_TEXT } from "./model";

type Calc = { op: "plus"; roles: string[] } | { op: "minus"; a: string; b: string } | { op: "div"; a: string; b: string[] };
interface TCol {
  role?: string;
  gid?: string;
  top?: string;
  head: string;
  kind: "id" | "text" | "amount" | "rate" | "extra";
  width: number;
  fmt?: string;
  hidden?: boolean;
  /** a fiche line's value (detail) or a fiche's (summary) */
  val: (f: Fiche, l: Line | null, li: number) => Value;
  calc?: Calc;
  /** kept as a formula when the style writes only totals as formulas */
  totalish?: boolean;
  merge?: boolean; // merged down a fiche's lines
  repeat?: boolean; // written again on each of a fiche's lines
}
type RowItem =
  | { kind: "title"; text: string; col?: number }
  | { kind: "blank" }
  | { kind: "fiche"; f: Fiche; li: number; l: Line | null }
  | { kind: "sub"; text: string; lines: number[] }
  | { kind: "total"; text: string };

export interface Placed {
  sheet: string;
  kind: "detail" | "summary";
  colOf: Map<string, number>;
  cols: TCol[];
  headerRows: number[];
  /** per fiche index, its rows */
  rowsOf: number[][];
  totalRow: number;
  subRows: number[];
  firstCol: number;
  lastCol: number;
  lastRow: number;
}
export interface Annex10 {
  seed: number;
  knobs: Knobs;
  features: string[];
  model: Model;
  book: Book;
  detail: Placed;
  summary: Placed | null;
  ids: string[];
  truth: { model: { years: number[] }; tables: (TruthTable & { headerRows: number[]; totalRow: number | null })[] };
}

const EUR = ["#,##0 €", '#,##0\\ "€"', '_-* #,##0 €_-;-* #,##0 €_-;_-* "-" €_-;_-@_-', "#,##0"];
const EUR_CENTS = "#,##0.00 €";

function fill(t: string, years: number[]): string {
  const y0 = years[0]!;
  const yn = years[years.length - 1]!;
  if (y0 === yn) t = t.replace(/\{Y0\}-\{YN\}/g, "{YN}");
  return t
    .replace(/\{Y0\}/g, String(y0))
    .replace(/\{YN\}/g, String(yn))
    .replace(/\{YN-1\}/g, String(yn - 1));
}

function ficheIds(k: Knobs, m: Model, rng: Rng): string[] {
  const perEng = new Map<number, number>();
  let n = 0;
  let bisOf: number | null = null;
  return m.fiches.map((f) => {
    const k2 = (perEng.get(f.engagement) ?? 0) + 1;
    perEng.set(f.engagement, k2);
    if (k.idStyle === "bis" && n > 0 && bisOf === null && rng.chance(0.3)) {
      bisOf = n;
      return `${n} bis`;
    }
    n++;
    bisOf = null;
    switch (k.idStyle) {
      case "num":
      case "bis":
        return String(n);
      case "pad":
        return String(n).padStart(2, "0");
      case "FA n":
        return `FA ${n}`;
      case "FA-n":
        return `FA-${n}`;
      case "Fiche n":
        return `Fiche ${n}`;
      case "e.k":
        return `${f.engagement}.${k2}`;
      case "letter":
        return `${"ABCDE"[f.engagement - 1]}${k2}`;
    }
  });
}

const bare = (id: string) => id.replace(/^(FA[ -]|Fiche )/, "");

export function composeAnnex(seed: number): Annex10 {
  const rng = new Rng(seed);
  const dep = DEPARTEMENTS[(seed - 1) % DEPARTEMENTS.length]!;
  const k = dep.knobs(rng);
  if (k.headerRows === 1 && k.exec === "groups") k.exec = "flat";
  if (k.years.length === 1) k.blockTotals = "none"; // one year: the year is the total
  // Wider variety on a dice of its own, so the house styles' draws stay as they were.
  const w = new Rng(seed * 104729 + 11);
  const wide = {
    labelFirst: w.chance(0.15),
    unitsRow: w.chance(0.15),
    checkRow: w.chance(0.15),
    notes: w.chance(0.25),
    objectiveRows: w.chance(0.2),
    nbsp: w.chance(0.2),
  };
  const years = k.years;
  const ny = years.length;
  const model = makeModel(rng, { years, fiches: k.fiches, cents: k.cents, emptyYears: rng.chance(0.3), maxEngagement: rng.int(3, 5) });
  const features: string[] = [
    `département ${k.dept}`,
    `years ${years[0]}-${years[ny - 1]} (${ny})`,
    `ids ${k.idStyle}`,
    `detail header on ${k.headerRows} row(s)`,
  ];
  const ids = ficheIds(k, model, rng);
  const used = (f: Funder) => model.fiches.some((x) => x.funders.includes(f));
  const funders = (["fir", "etat", "ondam"] as Funder[]).filter((f) => k.allFunders || used(f));
  const up = (s: string) => (k.upper ? s.toUpperCase() : s);
  const brk = (s: string) => (k.breaks && s.length > 14 && rng.chance(0.5) ? s.replace(/ (?=\S+$)/, "\n") : s);
  const h = (s: string) => {
    const t = brk(up(s));
    return wide.nbsp ? t.replace(/N° /g, "N°\u00a0").replace(/ (\d{4})$/, "\u00a0$1") + (t.length % 3 === 0 ? " " : "") : t;
  };
  const fmt = k.cents ? EUR_CENTS : rng.pick(EUR);
  const rateFmt = k.rates === "rounded" ? "0%" : rng.pick(["0%", "0.0%", "0.00%"]);
  const wd = (fam: string[]) => fam[k.words % fam.length]!;
  const Y0 = years[0]!;
  const YN = years[ny - 1]!;
  const SPAN = ny > 1 ? `${Y0}-${YN}` : `${Y0}`;

  // ---------- detail columns ----------
  const cols: TCol[] = [];
  const yi = (y: number) => years.indexOf(y);
  const blockWord: Record<string, string> = {
    ms: wd(W.ms),
    dgas: wd(W.dgas),
    cd: k.split ? wd(W.cd) : wd(W.cd).replace(/^Total CD$/, "Département"),
    fir: wd(W.fir),
    etat: wd(W.etat),
    ondam: wd(W.ondam),
  };
  const yearVal = (b: string, y: number) => (f: Fiche, l: Line | null) => {
    if (!l) return null;
    if (b === "cd") return l.ms[y] === null && l.dgas[y] === null ? null : cdOf(l, y);
    return (l as unknown as Record<string, (number | null)[]>)[b]![y] ?? null;
  };
  const totalVal = (b: string) => (f: Fiche, l: Line | null) => {
    if (!l) return null;
    if (b === "cd") return round(blockTotal(l.ms) + blockTotal(l.dgas));
    return blockTotal((l as unknown as Record<string, (number | null)[]>)[b]!);
  };
  const cdBlocks = k.split ? ["ms", "dgas", "cd"] : ["cd"];
  const coBlocks: string[] = funders;
  const amount = (c: Omit<TCol, "kind" | "width" | "fmt">): TCol => ({ ...c, kind: "amount", width: k.cents ? 17 : 15, fmt });
  const totalHead = (w: string) => (/^(Total|Montant)/i.test(w) ? w : rng.pick([`Total ${w}`, `Total ${w}`, `${w} ${SPAN}`]));
  const yearCalc = (b: string, y: number): Calc | undefined => (b === "cd" && k.split ? { op: "plus", roles: [`ms${y}`, `dgas${y}`] } : undefined);
  const blockCols = (b: string): TCol[] => {
    const w = blockWord[b]!;
    const ys = years.map((y) =>
      amount({ role: `${b}${y}`, gid: b, top: w, head: k.headerRows === 2 ? k.yearWord(y) : `${w} ${y}`, val: yearVal(b, yi(y)), calc: yearCalc(b, y) }),
    );
    if (k.blockTotals === "none") return ys;
    const tot = amount({
      role: `${b}Total`,
      gid: b,
      top: w,
      head: k.headerRows === 2 ? rng.pick(["Total", `Total ${SPAN}`, totalHead(w)]) : totalHead(w),
      val: totalVal(b),
      calc: { op: "plus", roles: years.map((y) => `${b}${y}`) },
      totalish: true,
    });
    return k.blockTotals === "before" ? [tot, ...ys] : [...ys, tot];
  };
  const yearMajor = (blocks: string[]): TCol[] => {
    const out: TCol[] = [];
    const subs = (b: string) => (b === "cd" && k.split ? wd(W.cd) : blockWord[b]!);
    for (const y of years)
      for (const b of blocks)
        out.push(
          amount({
            role: `${b}${y}`,
            gid: `y${y}`,
            top: k.yearWord(y),
            head: k.headerRows === 2 ? subs(b) : `${subs(b)} ${y}`,
            val: yearVal(b, yi(y)),
            calc: yearCalc(b, y),
          }),
        );
    if (k.blockTotals === "none") return out;
    const tw = rng.pick([`Total ${SPAN}`, `Cumul ${SPAN}`, "Total"]);
    const tots = blocks.map((b) =>
      amount({
        role: `${b}Total`,
        gid: "tot",
        top: tw,
        head: k.headerRows === 2 ? subs(b) : `${tw} ${subs(b)}`,
        val: totalVal(b),
        calc: { op: "plus", roles: years.map((y) => `${b}${y}`) },
        totalish: true,
      }),
    );
    return k.blockTotals === "before" ? [...tots, ...out] : [...out, ...tots];
  };
  const ownRoles = [...cdBlocks.filter((b) => b === "cd"), ...coBlocks];
  const budgetCol = amount({
    role: "budget",
    head: rng.chance(0.3) ? `${wd(W.budget)} ${SPAN}` : wd(W.budget),
    val: (f, l) => (l ? lineBudget(l) : null),
    calc: { op: "plus", roles: k.blockTotals === "none" ? ownRoles.flatMap((b) => years.map((y) => `${b}${y}`)) : ownRoles.map((b) => `${b}Total`) },
    totalish: true,
  });
  const extraCol = (x: Knobs["extras"][number]): TCol => {
    const ex: Record<Extra, Omit<TCol, "hidden">> = {
      comment: {
        head: "Commentaires",
        kind: "extra",
        width: 30,
        val: (f, l, li) =>
          li > 0 ? null : rng.pick(["", "RAS", `Report de ${rng.int(2, 30)} 000 € sur ${YN + 1}`, "Action engagée en cours d'année", "Voir bilan"]) || null,
      },
      service: {
        head: "Service pilote",
        kind: "extra",
        width: 14,
        val: (f, l, li) => (li > 0 ? null : rng.pick(["DEF", "PMI", "ASE", "SDPE", "Mission ODPE", "DIHCS"])),
      },
      start: {
        head: "Date de démarrage",
        kind: "extra",
        width: 12,
        fmt: "dd/mm/yyyy",
        val: (f, l, li) => (li > 0 ? null : new Date(Date.UTC(rng.pick(years), rng.int(0, 11), 1))),
      },
      beneficiaries: { head: "Nb de bénéficiaires", kind: "extra", width: 12, fmt: "0", val: () => rng.int(5, 400) },
      code: { head: "Code analytique", kind: "extra", width: 10, fmt: "0", val: () => rng.int(6000, 6999) },
      notes: { head: "Notes", kind: "extra", width: 16, val: () => (rng.chance(0.4) ? rng.int(1, 40) * 1000 : rng.chance(0.5) ? "hors contrat" : null) },
      etp: { head: "ETP", kind: "extra", width: 8, fmt: "0.0", val: () => rng.int(1, 8) / 2 },
      observation: {
        head: "Observations",
        kind: "extra",
        width: 28,
        val: (f, l, li) => (li > 0 ? null : rng.pick([null, "Retard de recrutement", `dont ${rng.int(1, 9)} 000 € restant à mandater`, "Solde versé en N+1"])),
      },
    };
    return { ...ex[x.kind], hidden: x.hidden };
  };
  const extras = (at: string) => k.extras.filter((x) => x.at === at && x.kind !== "observation").map(extraCol);

  const ficheCol: TCol = {
    role: "fiche",
    head: wd(W.fiche),
    kind: "id",
    width: 9,
    val: (f) => (/^\d+$/.test(ids[f.index]!) && rng.chance(0.5) ? Number(ids[f.index]) : ids[f.index]!),
    merge: k.multiRow === "merged",
    repeat: k.multiRow === "repeat",
  };
  const labelCol: TCol = {
    role: "label",
    head: wd(W.label).replace(/^Fiche action$/, "Intitulé"),
    kind: "text",
    width: 40,
    val: (f, l, li) => (li === 0 ? f.label : `${f.label} – volet ${li + 1}`),
  };
  cols.push(...(wide.labelFirst ? [labelCol, ficheCol] : [ficheCol, labelCol]), ...extras("front"));
  if (k.theme) cols.push({ role: "theme", head: "Thème", kind: "text", width: 12, val: (f, l, li) => (li === 0 ? f.theme : null), merge: k.sourceMerged });
  if (k.objectiveCols) {
    cols.push({
      role: "objective",
      head: rng.pick(["Objectif", "Intitulé objectif", "Objectif national"]),
      kind: "text",
      width: 36,
      val: (f, l, li) => (li === 0 ? `Objectif ${f.objective} : ${OBJECTIVE_TEXT[f.objective]}` : null),
      merge: k.sourceMerged,
    });
    cols.push({
      role: "objectiveType",
      head: rng.pick(["Fondamental / facultatif", "Obj. fondamental/ facultatif", "Type d'objectif"]),
      kind: "text",
      width: 14,
      val: (f, l, li) => (li === 0 ? (f.objective <= 11 ? "Fondamental" : "Facultatif") : null),
      merge: k.sourceMerged,
    });
  }
  const SOURCE_NAMES: Record<Funder, string>[] = [
    { fir: "FIR", etat: "ETAT", ondam: "ONDAM" },
    { fir: "ARS", etat: "État", ondam: "Assurance maladie" },
    { fir: "ARS (FIR)", etat: "P304", ondam: "CNSA" },
    { fir: "FIR", etat: "PLF", ondam: "AM" },
  ];
  const sep = [" / ", " + ", ", ", "/"][k.sourceFamily]!;
  const none = ["", "-", "", "Département seul"][k.sourceFamily]!;
  const sourceCol: TCol = {
    role: "source",
    head: wd(W.source),
    kind: "text",
    width: 18,
    val: (f, l, li) => (li > 0 ? null : f.funders.length ? f.funders.map((x) => SOURCE_NAMES[k.sourceFamily]![x]).join(sep) : none || null),
    merge: k.sourceMerged,
  };
  if (k.sourceAt === "label") cols.push(sourceCol);
  if (k.budgetAt === "before") cols.push(budgetCol);
  if (k.order === "year") {
    cols.push(...yearMajor([...cdBlocks, ...coBlocks]));
    if (k.sourceAt === "before co") cols.push(sourceCol);
    cols.push(...extras("between"));
  } else {
    for (const b of cdBlocks) cols.push(...blockCols(b));
    cols.push(...extras("between"));
    if (k.sourceAt === "before co") cols.push(sourceCol);
    for (const b of coBlocks) cols.push(...blockCols(b));
  }
  if (k.budgetAt === "after") cols.push(budgetCol);
  const pLast = (l: Line) => planned(l, ny - 1);
  const rlCol = amount({ role: "realisedLastYear", head: fill(wd(W.realisedLast), years), val: (f, l) => l?.realisedLast ?? null });
  const rsCol = amount({
    role: "realisedSinceStart",
    head: fill(ny === 1 ? wd(W.realisedSince).replace(/ ?\{Y0\}-\{YN\}/, " depuis {Y0}") : wd(W.realisedSince), years),
    val: (f, l) => l?.realisedSince ?? null,
  });
  const rateCol = (role: string, head: string, a: string, b: string[], v: (l: Line) => number | null): TCol => ({
    role,
    head,
    kind: "rate",
    width: 10,
    fmt: rateFmt,
    val: (f, l) => (l ? v(l) : null),
    calc: { op: "div", a, b },
  });
  const lastRoles = [...ownRoles.map((b) => `${b}${YN}`)];
  const rlRate = rateCol("rateLastYear", fill(wd(W.rateLast), years), "realisedLastYear", lastRoles, (l) => (pLast(l) ? l.realisedLast / pLast(l) : null));
  const rsRate = rateCol("rateGlobal", fill(wd(W.rateGlobal), years), "realisedSinceStart", ["budget"], (l) =>
    lineBudget(l) ? l.realisedSince / lineBudget(l) : null,
  );
  const gapCol = amount({
    role: "gap",
    head: wd(W.gap),
    val: (f, l) => (l ? round(lineBudget(l) - l.realisedSince) : null),
    calc: { op: "minus", a: "budget", b: "realisedSinceStart" },
  });
  const obs = k.extras.find((x) => x.kind === "observation");
  if (k.exec === "groups" && k.rates !== "none") {
    const g1 = rng.pick([`Exécution ${YN}`, `Réalisé ${YN}`, `Consommation ${YN}`]);
    const g2 = rng.pick([`Exécution cumulée ${SPAN}`, `Réalisé cumulé depuis ${Y0}`, `Consommation ${SPAN}`]);
    const [m, t] = rng.pick([
      ["Montant", "Taux"],
      ["Montant", "%"],
      ["Montant (€)", "Taux d'exécution"],
    ] as const);
    cols.push({ ...rlCol, gid: "e1", top: g1, head: m }, { ...rlRate, gid: "e1", top: g1, head: t });
    if (obs) cols.push({ ...extraCol(obs) });
    cols.push({ ...rsCol, gid: "e2", top: g2, head: m }, { ...rsRate, gid: "e2", top: g2, head: t });
    if (k.gap) cols.push(gapCol);
  } else {
    cols.push(rlCol);
    if (obs) cols.push({ ...extraCol(obs) });
    if (k.rates !== "none" && !k.gapBeforeRates) cols.push(rlRate);
    cols.push(rsCol);
    if (k.gap && k.gapBeforeRates) cols.push(gapCol);
    if (k.rates !== "none") cols.push(...(k.gapBeforeRates ? [rlRate, rsRate] : [rsRate]));
    if (k.gap && !k.gapBeforeRates) cols.push(gapCol);
  }
  if (k.budgetAt === "end") cols.push(budgetCol);
  cols.push(...extras("end"));

  // ---------- detail rows ----------
  const items: RowItem[] = [];
  const engs = [...new Set(model.fiches.map((f) => f.engagement))];
  for (const e of engs) {
    if (k.engagementTitles) items.push({ kind: "title", text: up(`Engagement ${e === 5 ? "transversal" : e} : ${ENGAGEMENTS[e - 1]}`) });
    const start = items.length;
    for (const f of model.fiches.filter((x) => x.engagement === e)) f.lines.forEach((l, li) => items.push({ kind: "fiche", f, li, l }));
    if (k.subtotals)
      items.push({
        kind: "sub",
        text: rng.pick([`Sous-total Engagement ${e}`, `Sous-total engagement ${e}`, `S/T Engagement ${e}`]),
        lines: [start, items.length - 1],
      });
    if (k.blankBetween) items.push({ kind: "blank" });
  }
  if (items[items.length - 1]?.kind === "blank" && rng.chance(0.5)) items.pop();
  items.push({ kind: "total", text: up(k.totalLabel) });

  const book: Book = { sheets: [] };
  const detailName = rng.pick(["Suivi fiches actions", "Détail", "Annexe 1 - détail", "Fiches actions", "Tableau financier"]);
  const summaryName = rng.pick(["Synthèse", "Récapitulatif", "Synthèse financière", "Rapport financier"]);
  const dSheet = newSheet(detailName);
  const onOwn = k.summaryAt === "sheet after" || k.summaryAt === "sheet before" || k.summaryAt === "none";
  const sSheet = onOwn ? newSheet(summaryName) : dSheet;
  book.sheets.push(dSheet);
  if (k.summaryAt === "sheet after") book.sheets.push(sSheet);
  if (k.summaryAt === "sheet before") book.sheets.unshift(sSheet);
  if (rng.chance(0.2)) {
    const notice = newSheet("Notice");
    notice.cells.set(key(1, 1), { v: "Mode d'emploi : compléter les colonnes de réalisé avant le 30 juin." });
    book.sheets.splice(rng.int(0, book.sheets.length), 0, notice);
  }

  // ---------- summary columns ----------
  const sc = k.summaryCols;
  const sumCols: TCol[] = [];
  const sums = model.fiches.map((f) => ficheSums(f, ny));
  const sw = k.words;
  const sAmount = (role: string, head: string, v: (i: number) => number, calc?: Calc): TCol => ({
    role,
    head,
    kind: "amount",
    width: k.cents ? 17 : 15,
    fmt,
    val: (f) => v(f.index),
    calc,
    totalish: !!calc,
  });
  if (sc.mesure) sumCols.push({ role: "mesure", head: rng.pick(["Mesure", "Engagement"]), kind: "text", width: 20, val: (f) => `Engagement ${f.engagement}` });
  if (sc.objectif) sumCols.push({ role: "objectif", head: "Objectif", kind: "text", width: 30, val: (f) => `Objectif ${f.objective}` });
  sumCols.push({
    role: "fiche",
    head: ["Fiche action N°", "N° FA", "Fiche", "N° fiche"][sw % 4]!,
    kind: "id",
    width: 9,
    val: (f) => (k.summaryIdsBare ? bare(ids[f.index]!) : ids[f.index]!),
  });
  if (sc.label) sumCols.push({ role: "label", head: rng.pick(["Intitulé", "Action"]), kind: "text", width: 36, val: (f) => f.label });
  const sFunders = funders.filter((f) => f !== "ondam" || sc.ondam || used("ondam"));
  const depRole = "departement";
  sumCols.push(
    sAmount("budget", ["Budget global", "Coût total", "Montant total prévu", "Budget prévisionnel"][sw % 4]!, (i) => sums[i]!.budget, {
      op: "plus",
      roles: [depRole, ...sFunders],
    }),
  );
  const sGroupTop = rng.pick(["Financements prévus", `Plan de financement ${SPAN}`, "Répartition par financeur"]);
  sumCols.push({
    ...sAmount(depRole, ["Département", "CD", "Part Département", "Conseil départemental"][sw % 4]!, (i) => sums[i]!.cd),
    gid: "fin",
    top: sGroupTop,
  });
  const fw: Record<Funder, string[]> = { fir: ["FIR", "ARS (FIR)", "ARS"], etat: ["Etat", "État (P304)", "PLF"], ondam: ["ONDAM", "Assurance maladie", "AM"] };
  for (const fu of sFunders) sumCols.push({ ...sAmount(fu, fw[fu][sw % 3]!, (i) => sums[i]![fu]), gid: "fin", top: sGroupTop });
  const MOD: Record<Funder, string> = { fir: "FIR", etat: "PLF", ondam: "AM" };
  if (sc.modalite)
    sumCols.push({
      role: "modalite",
      head: rng.pick(["Modalités de financement Etat/AM", "Modalité de financement", "Modalités"]),
      kind: "text",
      width: 14,
      val: (f) => (f.funders.length ? f.funders.map((x) => MOD[x]).join("/") : "CD"),
    });
  const cTop = rng.pick(["Budget consommé", "Consommation", "Réalisé"]);
  const prior = sc.prior && ny > 1;
  if (prior)
    sumCols.push({
      ...sAmount("consumedPrior", rng.pick([`Consommé au 31/12/${YN - 1}`, `Réalisé ${Y0}-${YN - 1}`, `Budget consommé au 31/12/${YN - 1}`]), (i) =>
        round(sums[i]!.since - sums[i]!.last),
      ),
      gid: "c",
      top: cTop,
    });
  sumCols.push({
    ...sAmount("consumedLastYear", rng.pick([`Consommé en ${YN}`, `Réalisé ${YN}`, `Budget consommé en ${YN}`]), (i) => sums[i]!.last),
    gid: "c",
    top: cTop,
  });
  sumCols.push({
    ...sAmount(
      "consumedSinceStart",
      ny === 1
        ? rng.pick([`Consommé depuis ${Y0}`, `Consommé depuis le début`])
        : rng.pick([`Consommé ${SPAN}`, `Budget consommé ${SPAN}`, `Total réalisé ${SPAN}`]),
      (i) => sums[i]!.since,
      prior ? { op: "plus", roles: ["consumedPrior", "consumedLastYear"] } : undefined,
    ),
    gid: "c",
    top: cTop,
  });
  const sItems: RowItem[] = [];
  const sEngs = engs;
  for (const e of sEngs) {
    if (k.summaryGroups) sItems.push({ kind: "title", text: e === 5 ? "Conditions pour y parvenir" : `Engagement ${e}` });
    const start = sItems.length;
    for (const f of model.fiches.filter((x) => x.engagement === e)) {
      sItems.push({ kind: "fiche", f, li: 0, l: null });
      // a national objective the département took up without a fiche yet: its own row, no money
      // (in the objective's or the label's column: a summary with neither has no such row)
      const textCol = sumCols.findIndex((c) => c.role === "objectif" || c.role === "label");
      if (wide.objectiveRows && textCol >= 0 && w.chance(0.15))
        sItems.push({
          kind: "title",
          text: w.pick(["Objectif 12 : Renforcer les interventions de TISF", "Objectif 18 : Développer les centres parentaux"]),
          col: textCol,
        });
    }
    if (k.summaryGroups) sItems.push({ kind: "sub", text: "Sous-total", lines: [start, sItems.length - 1] });
  }
  sItems.push({ kind: "total", text: rng.pick(["Total", "TOTAL", "Total général"]) });

  // ---------- placement ----------
  const dOpts = {
    unitsRow: wide.unitsRow,
    checkRow: wide.checkRow,
    notes: wide.notes
      ? [`(1) Montants ${YN} provisoires, dont ${w.int(2, 40)} 500 € de reports.`, `Source : DGAS – données au 31/12/${YN}`].slice(0, w.int(1, 2))
      : [],
  };
  const dTitle = Array.from(
    { length: k.titleRows },
    (_, i) => [`Annexe financière – CDPPE ${k.dept}`, `Suivi des fiches actions ${SPAN}`, "(montants en euros)"][i]!,
  );
  const sTitle = [rng.pick([`Rapport financier de la contractualisation ${SPAN}`, "Synthèse par engagement", `Tableau récapitulatif ${YN}`])];
  let detail: Placed;
  let summary: Placed | null = null;
  const sHeader = k.summaryHeaderRows;
  const dOrigin = { ...k.origin };
  if (k.summaryAt === "none") {
    detail = place(dSheet, "detail", cols, items, k.headerRows, dOrigin, dTitle, k.singleAt, h, dOpts);
  } else if (k.summaryAt === "above") {
    summary = place(sSheet, "summary", sumCols, sItems, sHeader, dOrigin, sTitle, "merged", h);
    detail = place(dSheet, "detail", cols, items, k.headerRows, { r: summary.lastRow + rng.int(2, 4), c: dOrigin.c }, dTitle, k.singleAt, h, dOpts);
  } else {
    detail = place(dSheet, "detail", cols, items, k.headerRows, dOrigin, dTitle, k.singleAt, h, dOpts);
    const at =
      k.summaryAt === "below"
        ? { r: detail.lastRow + rng.int(2, 4), c: dOrigin.c }
        : k.summaryAt === "right"
          ? { r: dOrigin.r, c: detail.lastCol + rng.int(2, 3) }
          : { r: rng.int(1, 2), c: 1 };
    summary = place(sSheet, "summary", sumCols, sItems, sHeader, at, k.summaryAt === "right" ? [] : sTitle, "merged", h);
  }
  features.push(
    `summary ${k.summaryAt}`,
    `written ${k.written}`,
    `rates ${k.rates}`,
    `order ${k.order}`,
    `block totals ${k.blockTotals}`,
    `budget ${k.budgetAt}`,
    `exec ${k.exec}`,
  );
  if (k.engagementTitles) features.push("engagement titles");
  if (k.subtotals) features.push("detail sub-totals");
  if (k.blankBetween) features.push("blank rows");
  if (model.fiches.some((f) => f.lines.length > 1)) features.push(`fiche over several rows: ${k.multiRow}`);
  if (k.cents) features.push("decimals");
  if (k.upper) features.push("upper case");
  if (!k.split) features.push("no MS/DGAS split");
  for (const x of k.extras) features.push(`extra ${x.kind} ${x.at}${x.hidden ? " hidden" : ""}`);
  if (k.summaryIdsBare) features.push("summary ids bare");
  if (k.summaryLinked) features.push("summary linked");
  for (const [name, on] of Object.entries(wide)) if (on) features.push(`wide: ${name}`);

  // summary linked to the detail by formulas (single-line fiches, block totals present)
  if (summary && k.summaryLinked && k.blockTotals !== "none") {
    const link: Record<string, string> = {
      budget: "budget",
      departement: "cdTotal",
      fir: "firTotal",
      etat: "etatTotal",
      ondam: "ondamTotal",
      consumedLastYear: "realisedLastYear",
    };
    for (const [sr, dr] of Object.entries(link)) {
      const sc2 = summary.colOf.get(sr);
      const dc = detail.colOf.get(dr);
      if (sc2 === undefined || dc === undefined) continue;
      model.fiches.forEach((f, i) => {
        const rows = detail.rowsOf[i]!;
        const cell = sSheet.cells.get(key(summary.rowsOf[i]![0]!, sc2))!;
        cell.f = { op: "sum", ranges: [{ r1: rows[0]!, c1: dc, r2: rows[rows.length - 1]!, c2: dc, sheet: dSheet === sSheet ? undefined : dSheet.name }] };
      });
    }
  }
  recalc(book);
  finishWritten(book, [detail, ...(summary ? [summary] : [])], k);
  const truth = { model: { years }, tables: [truthOf(detail, dSheet, cols, ids), ...(summary ? [truthOf(summary, sSheet, sumCols, ids)] : [])] };
  return { seed, knobs: k, features, model, book, detail, summary, ids, truth };
}

/** Lays one table out: title lines, header rows (groups merged), its rows with formulas; returns where things are. */
function place(
  s: Sheet,
  kind: "detail" | "summary",
  cols: TCol[],
  items: RowItem[],
  headerRows: 1 | 2,
  at: { r: number; c: number },
  titles: string[],
  singleAt: "merged" | "bottom" | "top",
  h: (x: string) => string,
  opts: { unitsRow?: boolean; checkRow?: boolean; notes?: string[] } = {},
): Placed {
  let r = at.r;
  for (const t of titles) s.cells.set(key(r++, at.c), { v: t, bold: true });
  if (titles.length) r++;
  const h1 = r;
  const colOf = new Map<string, number>();
  cols.forEach((c, i) => {
    const cc = at.c + i;
    if (c.role) colOf.set(c.role, cc);
    s.widths.set(cc, Math.max(s.widths.get(cc) ?? 0, c.width)); // two tables sharing a column: the wider
    if (c.hidden) s.hidden.add(cc);
  });
  // headers
  if (headerRows === 1)
    cols.forEach((c, i) =>
      s.cells.set(key(h1, at.c + i), {
        v: h(c.top && !c.head.includes(c.top) && /^(Montant|Taux|%)/.test(c.head) ? `${c.head} ${c.top}` : c.head),
        bold: true,
        wrap: true,
      }),
    );
  else {
    let i = 0;
    while (i < cols.length) {
      const c = cols[i]!;
      if (c.gid) {
        let j = i;
        while (j + 1 < cols.length && cols[j + 1]!.gid === c.gid) j++;
        s.cells.set(key(h1, at.c + i), { v: h(c.top!), bold: true, wrap: true });
        if (j > i) s.merges.push({ r1: h1, c1: at.c + i, r2: h1, c2: at.c + j });
        for (let x = i; x <= j; x++) s.cells.set(key(h1 + 1, at.c + x), { v: h(cols[x]!.head), bold: true, wrap: true });
        i = j + 1;
      } else {
        const row = singleAt === "top" ? h1 : h1 + 1;
        s.cells.set(key(row, at.c + i), { v: h(c.head), bold: true, wrap: true });
        if (singleAt === "merged") {
          s.cells.set(key(h1, at.c + i), { v: h(c.head), bold: true, wrap: true });
          s.cells.delete(key(h1 + 1, at.c + i));
          s.merges.push({ r1: h1, c1: at.c + i, r2: h1 + 1, c2: at.c + i });
        }
        i++;
      }
    }
  }
  r = h1 + headerRows;
  if (opts.unitsRow) {
    cols.forEach((c, i) => c.kind === "amount" && s.cells.set(key(r, at.c + i), { v: "(en €)" }));
    r++;
  }
  const headerList = headerRows === 1 ? [h1] : [h1, h1 + 1];
  const rowsOf: number[][] = [];
  const itemRow: number[] = [];
  const subRows: number[] = [];
  let totalRow = 0;
  const cellAt = (row: number, role: string) => ({ r: row, c: colOf.get(role)! });
  const has = (role: string) => colOf.has(role);
  const exprOf = (row: number, calc: Calc): Expr | undefined => {
    if (calc.op === "plus") {
      const cs = calc.roles.filter(has).map((x) => colOf.get(x)!);
      if (!cs.length) return undefined;
      const contiguous = cs.every((c, i) => i === 0 || c === cs[i - 1]! + 1);
      return contiguous && cs.length > 2
        ? { op: "sum", ranges: [{ r1: row, c1: cs[0]!, r2: row, c2: cs[cs.length - 1]! }] }
        : { op: "plus", cells: cs.map((c) => ({ r: row, c })) };
    }
    if (calc.op === "minus") return has(calc.a) && has(calc.b) ? { op: "minus", a: cellAt(row, calc.a), b: cellAt(row, calc.b) } : undefined;
    const b = calc.b.filter(has);
    return has(calc.a) && b.length ? { op: "div", a: cellAt(row, calc.a), b: b.map((x) => cellAt(row, x)) } : undefined;
  };
  const firstRow = r;
  items.forEach((it, ii) => {
    itemRow[ii] = r;
    if (it.kind === "blank") {
      r++;
      return;
    }
    if (it.kind === "title") {
      s.cells.set(key(r, at.c + (it.col ?? 0)), { v: it.text, bold: true });
      r++;
      return;
    }
    if (it.kind === "fiche") {
      (rowsOf[it.f.index] ??= []).push(r);
      cols.forEach((c, ci) => {
        const cc = at.c + ci;
        let v = c.val(it.f, it.l, it.li);
        if (c.kind === "id" && it.li > 0) v = c.repeat ? v : null;
        const cell: Cell = { v, fmt: c.fmt };
        if (c.calc && v !== null) cell.f = exprOf(r, c.calc);
        if (c.kind === "rate" && v === null) delete cell.f;
        if (v !== null || cell.f) s.cells.set(key(r, cc), cell);
      });
      r++;
      return;
    }
    const isTotal = it.kind === "total";
    s.cells.set(key(r, at.c + (kind === "detail" && cols[1]?.role === "label" && !isTotal ? 1 : 0)), { v: it.text, bold: true });
    cols.forEach((c, ci) => {
      const cc = at.c + ci;
      if (c.kind === "amount") {
        let e: Expr;
        if (isTotal && subRows.length)
          e = subRows.length > 2 ? { op: "plus", cells: subRows.map((x) => ({ r: x, c: cc })) } : { op: "plus", cells: subRows.map((x) => ({ r: x, c: cc })) };
        else if (isTotal) e = { op: "sum", ranges: [{ r1: firstRow, c1: cc, r2: r - 1, c2: cc }] };
        else {
          const [a, b] = (it as { lines: number[] }).lines;
          e = { op: "sum", ranges: [{ r1: itemRow[a!]!, c1: cc, r2: itemRow[b!]!, c2: cc }] };
        }
        s.cells.set(key(r, cc), { v: 0, f: e, fmt: c.fmt, bold: true });
      } else if (c.kind === "rate" && c.calc) {
        const e = exprOf(r, c.calc);
        if (e) s.cells.set(key(r, cc), { v: 0, f: e, fmt: c.fmt, bold: true });
      }
    });
    if (isTotal) totalRow = r;
    else subRows.push(r);
    r++;
  });
  if (opts.checkRow) {
    s.cells.set(key(r, at.c), { v: "Contrôle" });
    cols.forEach((c, i) => c.kind === "amount" && s.cells.set(key(r, at.c + i), { v: 0, fmt: c.fmt }));
    r++;
  }
  if (opts.notes?.length) {
    r++;
    for (const n of opts.notes) s.cells.set(key(r++, at.c), { v: n });
  }
  // a fiche's merged cells over its lines
  cols.forEach((c, ci) => {
    if (!c.merge) return;
    for (const rows of rowsOf) if (rows && rows.length > 1) s.merges.push({ r1: rows[0]!, c1: at.c + ci, r2: rows[rows.length - 1]!, c2: at.c + ci });
  });
  return {
    sheet: s.name,
    kind,
    colOf,
    cols,
    headerRows: headerList,
    rowsOf,
    totalRow,
    subRows,
    firstCol: at.c,
    lastCol: at.c + cols.length - 1,
    lastRow: r - 1,
  };
}

/** Keeps the formulas the style writes, the values elsewhere; rounds rates a style rounds; empties zero-denominator rates. */
function finishWritten(book: Book, tables: Placed[], k: Knobs): void {
  for (const t of tables) {
    const s = book.sheets.find((x) => x.name === t.sheet)!;
    t.cols.forEach((c, ci) => {
      const cc = t.firstCol + ci;
      for (const [kk, cell] of s.cells) {
        const [r, col] = kk.split(",").map(Number) as [number, number];
        if (col !== cc || r <= t.headerRows[t.headerRows.length - 1]! || r > t.lastRow) continue;
        if (cell.v !== null && typeof cell.v === "object" && "error" in cell.v) {
          delete cell.f;
          cell.v = null;
          s.cells.delete(kk);
          continue;
        }
        const isTotalRow = r === t.totalRow || t.subRows.includes(r);
        cell.keep =
          !!cell.f &&
          (k.written === "all" || (k.written === "totals" && (isTotalRow || c.totalish)) || (cell.f.op === "sum" && cell.f.ranges.some((x) => x.sheet)));
        if (c.kind === "rate" && k.rates === "rounded") {
          cell.keep = false;
          cell.round2 = true;
          if (typeof cell.v === "number") cell.v = Math.round(cell.v * 100) / 100;
        }
      }
    });
  }
}

function truthOf(p: Placed, s: Sheet, cols: TCol[], ids: string[]): TruthTable & { headerRows: number[]; totalRow: number | null } {
  const columns: Record<string, string> = {};
  const headers: Record<string, string> = {};
  cols.forEach((c, i) => {
    const cc = p.firstCol + i;
    const txt = p.headerRows
      .map((r) => s.cells.get(key(r, cc))?.v)
      .filter((x) => typeof x === "string")
      .join(" / ");
    headers[letters(cc)] = txt;
    if (c.role) columns[c.role] = letters(cc);
  });
  const ficheRows: Record<string, number[]> = {};
  p.rowsOf.forEach((rows, i) => {
    if (rows) ficheRows[ids[i]!] = rows;
  });
  return { kind: p.kind, sheet: p.sheet, columns, headers, ficheRows, headerRows: p.headerRows, totalRow: p.totalRow };
}
