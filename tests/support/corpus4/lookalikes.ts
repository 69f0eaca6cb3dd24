// Workbooks that are NOT CDPPE annexes but look like one to a careless reader (years, funders, totals, « N° fiche »),
// and the extra sheets an annex workbook carries beside its tables (notes, parameters, chart data, a pivot).
import { colLetter, merge, newSheet, setCell, type Book, type Sheet } from "./book";
import type { Funder } from "./domain";
import { recalculate } from "./formula";
import { Rng } from "./rng";

export const LOOKALIKE_KINDS = ["budget-departement", "staffing", "pivot", "empty", "subsidies", "cpom", "ppi"] as const;
export type LookalikeKind = (typeof LOOKALIKE_KINDS)[number];

const FUNDER_NAME: Record<Funder, string> = { fir: "ARS (FIR)", etat: "Etat P304", ondam: "ONDAM" };

interface Ctx {
  years: number[];
  funders: Funder[];
  total: number;
  name: string;
}

/** One sheet of a given kind; helper sheets of annex workbooks too (notes, params, chart). */
export function lookalikeSheet(kind: LookalikeKind | "notes" | "params" | "chart", rng: Rng, ctx: Ctx): Sheet {
  const sh = newSheet(ctx.name);
  const years = ctx.years;
  const amt = () => rng.int(2, 400) * 1000;
  const top = rng.int(1, 4);
  const left = rng.int(1, 3);
  const widths = (n: number) => {
    for (let c = left; c < left + n; c++) sh.widths.set(c, c === left + 1 ? 36 : 16);
  };
  switch (kind) {
    case "notes": {
      const lines = [
        "Notes de lecture",
        "Les montants sont exprimés en euros TTC.",
        "La masse salariale est valorisée au coût moyen chargé des ETP affectés.",
        "FIR : crédits ARS notifiés ; ETAT : programme 304 ; ONDAM : crédits médico-sociaux.",
        `Les réalisations ${years[years.length - 1]} sont issues du compte administratif.`,
      ];
      lines.forEach((l, i) => setCell(sh, top + i, left, l, i ? "text" : "title"));
      return sh;
    }
    case "params": {
      setCell(sh, 1, 1, "Paramètre", "head");
      setCell(sh, 1, 2, "Valeur", "head");
      setCell(sh, 2, 1, "Première année");
      setCell(sh, 2, 2, years[0]!);
      setCell(sh, 3, 1, "Dernière année");
      setCell(sh, 3, 2, years[years.length - 1]!);
      setCell(sh, 5, 1, "Financeurs", "head");
      ["CD", "FIR", "ETAT", "ONDAM"].forEach((f, i) => setCell(sh, 6 + i, 1, f));
      setCell(sh, 11, 1, "Types d'objectif", "head");
      setCell(sh, 12, 1, "Fondamental");
      setCell(sh, 13, 1, "Facultatif");
      return sh;
    }
    case "chart": {
      setCell(sh, top, left, "Année", "head");
      const fs = ["CD", ...ctx.funders.map((f) => f.toUpperCase())];
      fs.forEach((f, i) => setCell(sh, top, left + 1 + i, f, "head"));
      years.forEach((y, yi) => {
        setCell(sh, top + 1 + yi, left, y);
        fs.forEach((_, i) => setCell(sh, top + 1 + yi, left + 1 + i, amt(), "int"));
      });
      widths(fs.length + 1);
      return sh;
    }
    case "pivot": {
      setCell(sh, top, left, rng.pick(["Étiquettes de lignes", "Financeur", "Financeurs"]), "head");
      setCell(sh, top, left + 1, rng.pick(["Somme de Prévu", "Prévisionnel", "Moyens financiers prévisionnels"]), "head");
      setCell(sh, top, left + 2, rng.pick(["Somme de Réalisé", "Réalisé", "Réalisations"]), "head");
      setCell(sh, top, left + 3, "Écart", "head");
      const fs = ["CD", ...ctx.funders.map((f) => FUNDER_NAME[f])];
      fs.forEach((f, i) => {
        const r = top + 1 + i;
        setCell(sh, r, left, f);
        const p = amt();
        setCell(sh, r, left + 1, p, "int");
        setCell(sh, r, left + 2, Math.round(p * 0.7), "int");
        setCell(sh, r, left + 3, null, "int", `${colLetter(left + 1)}${r}-${colLetter(left + 2)}${r}`);
      });
      const tr = top + 1 + fs.length;
      setCell(sh, tr, left, "Total général", "head");
      for (let c = 1; c <= 3; c++) setCell(sh, tr, left + c, null, "bold-int", `SUM(${colLetter(left + c)}${top + 1}:${colLetter(left + c)}${tr - 1})`);
      widths(4);
      return sh;
    }
    case "budget-departement": {
      const y = years[years.length - 1]!;
      setCell(sh, top, left, `Budget départemental ${y} - Solidarités`, "title");
      const h = top + 2;
      const heads = ["Chapitre", "Libellé", `CA ${y - 1}`, `BP ${y}`, `DM ${y}`, `Total voté ${y}`, `Réalisé ${y}`, "Taux de réalisation"];
      heads.forEach((t, i) => setCell(sh, h, left + i, t, "head"));
      let r = h + 1;
      const chapters = [
        ["011", "Charges à caractère général"],
        ["012", "Charges de personnel (masse salariale)"],
        ["65", "Autres charges de gestion courante"],
        ["6568", "Frais de séjour ASE"],
      ];
      const subs: number[] = [];
      for (const [code, label] of chapters) {
        const first = r;
        for (let k = 0; k < rng.int(2, 4); k++) {
          setCell(sh, r, left, Number(code!.slice(0, 2)) * 100 + k);
          setCell(sh, r, left + 1, `${label} - article ${k + 1}`);
          setCell(sh, r, left + 2, amt(), "int");
          setCell(sh, r, left + 3, amt(), "int");
          setCell(sh, r, left + 4, rng.int(0, 20) * 1000, "int");
          setCell(sh, r, left + 5, null, "int", `${colLetter(left + 3)}${r}+${colLetter(left + 4)}${r}`);
          setCell(sh, r, left + 6, amt(), "int");
          setCell(sh, r, left + 7, null, "pct", `${colLetter(left + 6)}${r}/${colLetter(left + 5)}${r}`);
          r++;
        }
        setCell(sh, r, left + 1, `Total chapitre ${code}`, "head");
        for (let c = 2; c <= 6; c++) setCell(sh, r, left + c, null, "bold-int", `SUM(${colLetter(left + c)}${first}:${colLetter(left + c)}${r - 1})`);
        subs.push(r);
        r++;
      }
      setCell(sh, r, left + 1, "TOTAL GÉNÉRAL", "head");
      for (let c = 2; c <= 6; c++) setCell(sh, r, left + c, null, "bold-int", subs.map((s) => `${colLetter(left + c)}${s}`).join("+"));
      widths(8);
      return sh;
    }
    case "staffing": {
      setCell(sh, top, left, "Tableau des effectifs affectés aux fiches actions", "title");
      const h = top + 2;
      const heads = [
        "N° fiche",
        "Poste",
        "Service",
        "Grade",
        ...years.map((y) => `ETP ${y}`),
        ...years.map((y) => `Masse salariale ${y}`),
        "Total masse salariale",
      ];
      heads.forEach((t, i) => setCell(sh, h, left + i, t, "head"));
      let r = h + 1;
      for (let i = 0; i < rng.int(6, 15); i++, r++) {
        setCell(sh, r, left, rng.int(1, 20));
        setCell(sh, r, left + 1, rng.pick(["Puéricultrice", "Sage-femme", "Travailleur social", "Psychologue", "Éducateur spécialisé", "Médecin PMI"]));
        setCell(sh, r, left + 2, rng.pick(["PMI", "ASE", "CRIP"]));
        setCell(sh, r, left + 3, rng.pick(["A", "B", "C"]));
        years.forEach((_, yi) => setCell(sh, r, left + 4 + yi, rng.int(1, 10) / 2));
        years.forEach((_, yi) => setCell(sh, r, left + 4 + years.length + yi, amt(), "int"));
        const c0 = colLetter(left + 4 + years.length);
        const c1 = colLetter(left + 3 + 2 * years.length);
        setCell(sh, r, left + 4 + 2 * years.length, null, "int", `SUM(${c0}${r}:${c1}${r})`);
      }
      setCell(sh, r, left, "Total", "head");
      for (let c = left + 4; c <= left + 4 + 2 * years.length; c++) setCell(sh, r, c, null, "bold-int", `SUM(${colLetter(c)}${h + 1}:${colLetter(c)}${r - 1})`);
      widths(heads.length);
      return sh;
    }
    case "subsidies": {
      setCell(sh, top, left, "Subventions versées aux associations - protection de l'enfance", "title");
      const h = top + 2;
      const heads = ["N° dossier", "Bénéficiaire", "Objet", "Financeur", ...years.map((y) => String(y)), "Total", "Observations"];
      heads.forEach((t, i) => setCell(sh, h, left + i, t, "head"));
      let r = h + 1;
      for (let i = 0; i < rng.int(8, 20); i++, r++) {
        setCell(sh, r, left, `SUB-${years[0]}-${String(i + 1).padStart(3, "0")}`);
        setCell(sh, r, left + 1, rng.pick(["Sauvegarde", "Apprentis d'Auteuil", "ADSEA", "Croix-Rouge", "UDAF", "Maison des familles"]));
        setCell(sh, r, left + 2, rng.pick(["Parrainage", "Soutien parental", "Accueil de jour", "Médiation"]));
        setCell(sh, r, left + 3, rng.pick(["CD", "ARS", "Etat", "CAF", "FIR", "ONDAM"]));
        years.forEach((_, yi) => setCell(sh, r, left + 4 + yi, rng.chance(0.8) ? amt() : 0, "int"));
        setCell(sh, r, left + 4 + years.length, null, "int", `SUM(${colLetter(left + 4)}${r}:${colLetter(left + 3 + years.length)}${r})`);
      }
      setCell(sh, r, left + 1, "TOTAL", "head");
      for (let c = left + 4; c <= left + 4 + years.length; c++) setCell(sh, r, c, null, "bold-int", `SUM(${colLetter(c)}${h + 1}:${colLetter(c)}${r - 1})`);
      widths(heads.length);
      return sh;
    }
    case "cpom": {
      setCell(sh, top, left, "CPOM - plan de financement pluriannuel par établissement", "title");
      const h = top + 2;
      setCell(sh, h, left, "Établissement", "head");
      setCell(sh, h, left + 1, "Financeur", "head");
      setCell(sh, h, left + 2, "Financement", "head");
      merge(sh, h, left + 2, h, left + 2 + years.length);
      years.forEach((y, yi) => setCell(sh, h + 1, left + 2 + yi, y, "head"));
      setCell(sh, h + 1, left + 2 + years.length, "Total", "head");
      let r = h + 2;
      for (const e of ["MECS Les Tilleuls", "Foyer de l'enfance", "IME La Roseraie", "Pouponnière"]) {
        for (const f of ["Département", "ARS (ONDAM)", "ARS (FIR)", "Etat"]) {
          if (!rng.chance(0.7)) continue;
          setCell(sh, r, left, e);
          setCell(sh, r, left + 1, f);
          years.forEach((_, yi) => setCell(sh, r, left + 2 + yi, amt(), "int"));
          setCell(sh, r, left + 2 + years.length, null, "int", `SUM(${colLetter(left + 2)}${r}:${colLetter(left + 1 + years.length)}${r})`);
          r++;
        }
      }
      setCell(sh, r, left, "Total", "head");
      for (let c = left + 2; c <= left + 2 + years.length; c++) setCell(sh, r, c, null, "bold-int", `SUM(${colLetter(c)}${h + 2}:${colLetter(c)}${r - 1})`);
      widths(3 + years.length);
      return sh;
    }
    case "ppi": {
      setCell(sh, top, left, "Plan pluriannuel d'investissement (PPI) - solidarités", "title");
      const h = top + 2;
      const heads = ["N° opération", "Libellé", "AP votée", ...years.map((y) => `CP ${y}`), "Total CP", "Réalisé", "Reste à réaliser"];
      heads.forEach((t, i) => setCell(sh, h, left + i, t, "head"));
      let r = h + 1;
      for (let i = 0; i < rng.int(5, 12); i++, r++) {
        setCell(sh, r, left, `OP${rng.int(100, 999)}`);
        setCell(sh, r, left + 1, rng.pick(["Réhabilitation foyer", "Centre PMI", "Maison départementale des solidarités", "Équipement numérique"]));
        const cps = years.map(() => amt());
        setCell(sh, r, left + 2, sum(cps) + rng.int(0, 50) * 1000, "int");
        cps.forEach((v, yi) => setCell(sh, r, left + 3 + yi, v, "int"));
        const tc = left + 3 + years.length;
        setCell(sh, r, tc, null, "int", `SUM(${colLetter(left + 3)}${r}:${colLetter(tc - 1)}${r})`);
        setCell(sh, r, tc + 1, Math.round(sum(cps) * 0.6), "int");
        setCell(sh, r, tc + 2, null, "int", `${colLetter(tc)}${r}-${colLetter(tc + 1)}${r}`);
      }
      setCell(sh, r, left + 1, "Total PPI", "head");
      for (let c = left + 2; c < left + heads.length; c++) setCell(sh, r, c, null, "bold-int", `SUM(${colLetter(c)}${h + 1}:${colLetter(c)}${r - 1})`);
      widths(heads.length);
      return sh;
    }
    case "empty":
      return sh;
  }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function generateLookalike(kind: LookalikeKind, seed: number): Book {
  const rng = new Rng(seed * 101 + LOOKALIKE_KINDS.indexOf(kind));
  const y0 = rng.int(2019, 2023);
  const years = Array.from({ length: rng.int(2, 4) }, (_, i) => y0 + i);
  const ctx = { years, funders: ["fir", "etat", "ondam"] as Funder[], total: 0 };
  const names: Record<LookalikeKind, string> = {
    "budget-departement": "BP " + years[years.length - 1],
    staffing: "Effectifs",
    pivot: "TCD financeurs",
    empty: "Feuil1",
    subsidies: "Subventions",
    cpom: "CPOM",
    ppi: "PPI",
  };
  const book: Book = { sheets: [lookalikeSheet(kind, rng, { ...ctx, name: names[kind] })] };
  if (kind !== "empty" && rng.chance(0.4)) book.sheets.push(lookalikeSheet("notes", rng, { ...ctx, name: "Notes" }));
  recalculate(book);
  return book;
}
