// Many départements write the fiche's number and its title in one cell (« 1 - Bilans de santé », « FA 3 : Parrainage »,
// « Fiche action n°2 – … »): the column is the fiche column, and each row is that fiche.
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { parseFiche } from "../../../src/core/layout/rows";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { fiches, miniDetail, standardCols } from "../miniAnnex";

test("a number followed by a separator and the fiche's title is that fiche", () => {
  expect(
    ["1 - Bilans de santé", "FA 3 : Parrainage", "Fiche action n°2 – Protocole IP", "12. Relais parentaux", "1.2 - Sous-action", "4 bis – Accueil"].map(
      parseFiche,
    ),
  ).toEqual(["1", "3", "2", "12", "1.2", "4 bis"]);
});

test("a title or an objective is no fiche number, nor is a bare separator", () => {
  expect(["Engagement 1 : Agir tôt", "Objectif 3 - Visites", "Axe 2 - Prévention", "2022 - Bilan", "1 -", "1 - 2", "Total 1 : x"].map(parseFiche)).toEqual([
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ]);
});

test("the fiche column holding « n - title » is read, one fiche per row, and a clean annex gives no error", () => {
  const cols = standardCols()
    .filter((c) => c.key !== "label")
    .map((c) => (c.key === "fiche" ? { head: "Fiche action", key: "fiche" } : c));
  const m = miniDetail({ cols, fiches: fiches(6).map((f) => ({ ...f, n: `${f.n} - ${f.label}` })), total: true });
  const d = recognise(m.wb).detail!;
  expect(d.columns.fiche).toBe(lettersToCol(m.colOf.fiche!));
  expect(d.rows.filter((r) => r.kind === "fiche").map((r) => r.fiche)).toEqual(["1", "2", "3", "4", "5", "6"]);
  expect(checkAnnex(m.wb).findings.filter((f) => f.severity !== "info")).toEqual([]);
});

test("numbered engagement titles in the fiche column, with no money on their row, are titles, not fiches", () => {
  const cols = standardCols()
    .filter((c) => c.key !== "label")
    .map((c) => (c.key === "fiche" ? { head: "Fiche action", key: "fiche" } : c));
  const m = miniDetail({ cols, fiches: fiches(6).map((f) => ({ ...f, n: `${f.n} - ${f.label}` })), total: true, engagements: [3, 3] });
  const sheet = m.sheet;
  // « Engagement 1 : … » written as « 1 - … » like the fiches.
  for (const row of sheet.cells) {
    const c = row?.[0];
    if (c && typeof c.value === "string" && c.value.startsWith("Engagement")) c.value = c.value.replace(/^Engagement (\d) :/, "$1 -").toUpperCase();
  }
  const d = recognise(m.wb).detail!;
  expect(d.rows.filter((r) => r.kind === "fiche").map((r) => r.fiche)).toEqual(["1", "2", "3", "4", "5", "6"]);
  expect(checkAnnex(m.wb).findings.filter((f) => f.severity !== "info")).toEqual([]);
});

test("coded numbers: the contract's acronym is dropped, a theme's code kept", () => {
  expect(["CDPPE-03", "CDPPE 3", "PPE_12", "PMI-02", "ASE-1.2", "n°3", "Action 3"].map(parseFiche)).toEqual(["3", "3", "12", "PMI2", "ASE1.2", "3", "3"]);
});

test.each(["Code action", "Action", "N°\nfiche", "Réf.", "Numéro"])(
  "a fiche column headed « %s » holding « CDPPE-0n » or « Action n » is the fiche column",
  (head) => {
    for (const fmt of [(n: number) => `CDPPE-0${n}`, (n: number) => `Action ${n}`, (n: number) => n]) {
      const cols = standardCols().map((c) => (c.key === "fiche" ? { head, key: "fiche" } : c));
      const m = miniDetail({ cols, fiches: fiches(6).map((f) => ({ ...f, n: fmt(f.n as number) })), total: true });
      const d = recognise(m.wb).detail!;
      expect(d.columns.fiche).toBe(lettersToCol(m.colOf.fiche!));
      expect(d.columns.label).toBe(lettersToCol(m.colOf.label!));
      expect(d.rows.filter((r) => r.kind === "fiche").map((r) => r.fiche)).toEqual(["1", "2", "3", "4", "5", "6"]);
    }
  },
);

test("« Action » holding the fiches' titles stays the label", () => {
  const cols = standardCols().map((c) => (c.key === "label" ? { head: "Action", key: "label" } : c));
  const m = miniDetail({ cols, fiches: fiches(6), total: true });
  const d = recognise(m.wb).detail!;
  expect([d.columns.fiche, d.columns.label]).toEqual([lettersToCol(m.colOf.fiche!), lettersToCol(m.colOf.label!)]);
});

test("a coded or roman number before the title is that fiche (« II.3 - … », « CDPPE-03 : … », « Action 3 : … »)", () => {
  expect(
    ["II.3 - Parrainage", "CDPPE-03 : Créer un observatoire", "Action 3 : Parrainage", "n°3 - Relais", "FA-1 : Bus santé", "PMI-02 - Bilans"].map(parseFiche),
  ).toEqual(["II3", "3", "3", "3", "1", "PMI2"]);
  expect(["2022 - Bilan", "Objectif 3 - Visites", "Axe II.3 - Prévention", "Total 2 : x"].map(parseFiche)).toEqual([null, null, null, null]);
});

// No number column: the fiche's number only in its title cell, under whatever header the département gave that column.
test.each([
  ["Intitulé de l'action", (n: number, l: string) => `FA n°${n} : ${l}`],
  ["Actions", (n: number, l: string) => `${n} - ${l}`],
  ["Fiches actions du contrat", (n: number, l: string) => `${n}. ${l}`],
  ["FICHE ACTION", (n: number, l: string) => `Action ${n} : ${l}`],
  ["Description de l'action", (n: number, l: string) => `CDPPE-0${n} - ${l}`],
  ["Libellé", (n: number, l: string) => `I.${n} - ${l}`],
])("numbers only in the titles under « %s »: that column is both the fiche and the label", (head, fmt) => {
  const cols = standardCols()
    .filter((c) => c.key !== "fiche")
    .map((c) => (c.key === "label" ? { head, key: "label" } : c));
  const m = miniDetail({ cols, fiches: fiches(6).map((f) => ({ ...f, label: fmt(f.n as number, f.label) })), total: true });
  const d = recognise(m.wb).detail!;
  expect(d).toBeDefined();
  expect([d.columns.fiche, d.columns.label]).toEqual([lettersToCol(m.colOf.label!), lettersToCol(m.colOf.label!)]);
  const want = ["1", "2", "3", "4", "5", "6"].map((n) => (head === "Libellé" ? `I${n}` : n));
  expect(d.rows.filter((r) => r.kind === "fiche").map((r) => r.fiche)).toEqual(want);
  expect(checkAnnex(m.wb).findings.filter((f) => f.severity !== "info")).toEqual([]);
});

test.each(["Fiche :", "ACTION :", "Réf. action", "Réf.  action :", "Ref action", "N° FA :"])("a number column headed « %s » is the fiche column", (head) => {
  for (const fmt of [(n: number) => `CDPPE-0${n}`, (n: number) => `I.${n}`, (n: number) => n]) {
    const cols = standardCols().map((c) => (c.key === "fiche" ? { head, key: "fiche" } : c));
    const m = miniDetail({ cols, fiches: fiches(6).map((f) => ({ ...f, n: fmt(f.n as number) })), total: true });
    const d = recognise(m.wb).detail!;
    expect(d.columns.fiche).toBe(lettersToCol(m.colOf.fiche!));
    expect(d.columns.label).toBe(lettersToCol(m.colOf.label!));
    expect(d.rows.filter((r) => r.kind === "fiche")).toHaveLength(6);
  }
});

test("a label column of plain titles is never taken for the fiche numbers", () => {
  const cols = standardCols().filter((c) => c.key !== "fiche");
  const m = miniDetail({ cols, fiches: fiches(6), total: true });
  expect(recognise(m.wb).detail).toBeFalsy();
});

test("« Action » over « n°1 » with a title and a sub-total around every fiche is still the fiche column", () => {
  const cols = standardCols().map((c) => (c.key === "fiche" ? { head: "Action", key: "fiche" } : c.key === "label" ? { head: "Intitulé", key: "label" } : c));
  const m = miniDetail({ cols, fiches: fiches(6).map((f) => ({ ...f, n: `n°${f.n}` })), total: true, engagements: [1, 1, 1, 1, 1, 1] });
  const d = recognise(m.wb).detail!;
  expect([d.columns.fiche, d.columns.label]).toEqual([lettersToCol(m.colOf.fiche!), lettersToCol(m.colOf.label!)]);
  expect(d.rows.filter((r) => r.kind === "fiche").map((r) => r.fiche)).toEqual(["1", "2", "3", "4", "5", "6"]);
  expect(checkAnnex(m.wb).findings.filter((f) => f.severity !== "info")).toEqual([]);
});

test("a legend of acronyms under a grand total « Ensemble » does not count against the titles' column", () => {
  const cols = standardCols().filter((c) => c.key !== "fiche");
  const m = miniDetail({ cols, fiches: fiches(6).map((f) => ({ ...f, label: `${f.n} - ${f.label}` })), total: true });
  const lc = lettersToCol(m.colOf.label!);
  m.sheet.cells[m.totalRow! - 1]![lc - 1]!.value = "Ensemble";
  ["Sigles", "FIR : fonds d'intervention régional", "ONDAM : assurance maladie", "MS : masse salariale", "DGAS", "ETAT : programme 304", "CD"].forEach((v, i) =>
    setCell(m.sheet, m.totalRow! + 2 + i, lc, { value: v }),
  );
  const d = recognise(m.wb).detail!;
  expect([d.columns.fiche, d.columns.label]).toEqual([lc, lc]);
  expect(d.rows.filter((r) => r.kind === "fiche")).toHaveLength(6);
});
