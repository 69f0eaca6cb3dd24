// A block total headed by its span alone (« Cumul 2021-2022 » after the masse salariale's years, its group written over
// the first column only) reads like a cumulative realisation. The numbers say otherwise: on every row it is the sum of
// that block's years. It must not be taken for the realisations, and no rule may run on it as such.
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { lettersToCol } from "../../../src/core/model/a1";
import type { Finding } from "../../../src/core/rules/types";
import { fiches, miniDetail, standardCols } from "../miniAnnex";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.cell}`);

function annex() {
  const cols = standardCols().map((c) =>
    c.key === "msTotal" ? { head: "Cumul 2021-2022", key: "msTotal" } : c.key === "realisedSinceStart" ? { head: "Consommation cumulée", key: c.key } : c,
  );
  // Realisations of the last year above what the masse salariale's total holds on some fiches: read as the cumulative,
  // that total would give « cumulative below the year » errors.
  const fs = fiches(6).map((f, i) => (i % 2 ? { ...f, realisedLast: f.ms[0]! + f.ms[1]! + 1000, realisedSince: f.ms[0]! + f.ms[1]! + 9000 } : f));
  return miniDetail({ cols, fiches: fs });
}

test("the span column equal to the block's years on every row is not the cumulative realisations", () => {
  const m = annex();
  const d = recognise(m.wb).detail!;
  expect(d.columns.realisedSinceStart).not.toBe(lettersToCol(m.colOf.msTotal!));
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

test("the cumulative is read from its own column, and the span is the block's total", () => {
  const m = annex();
  const d = recognise(m.wb).detail!;
  expect(d.columns.realisedSinceStart).toBe(lettersToCol(m.colOf.realisedSinceStart!));
  expect(d.columns.msTotal).toBe(lettersToCol(m.colOf.msTotal!));
});

test("several blocks headed by their span alone: each is its block's total, the realisation its own column", () => {
  const cols = standardCols().map((c) =>
    c.key === "msTotal" || c.key === "dgasTotal"
      ? { head: "Cumul 2021-2022", key: c.key }
      : c.key === "realisedSinceStart"
        ? { head: "Consommation cumulée", key: c.key }
        : c,
  );
  const m = miniDetail({ cols, fiches: fiches(6) });
  const d = recognise(m.wb).detail!;
  expect([d.columns.msTotal, d.columns.dgasTotal, d.columns.realisedSinceStart]).toEqual(
    ["msTotal", "dgasTotal", "realisedSinceStart"].map((k) => lettersToCol(m.colOf[k]!)),
  );
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

test("a block with no money headed by its span alone: the span right after its years is its total, not the realisations", () => {
  const cols = standardCols().map((c) =>
    c.key === "ondamTotal" ? { head: "Cumul 2021-2022", key: c.key } : c.key === "realisedSinceStart" ? { head: "Consommation cumulée", key: c.key } : c,
  );
  const fs = fiches(6).map((f) => ({ ...f, ondam: [0, 0], source: f.source.replace(/\/?ONDAM/, "") }));
  const m = miniDetail({ cols, fiches: fs });
  const d = recognise(m.wb).detail!;
  expect([d.columns.ondamTotal, d.columns.realisedSinceStart]).toEqual(["ondamTotal", "realisedSinceStart"].map((k) => lettersToCol(m.colOf[k]!)));
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

test("one fiche's block total typed off its years is a fault on that fiche, not a reason to read the span as realisations", () => {
  const m = annex();
  const sheet = m.wb.sheets[0]!;
  const col = lettersToCol(m.colOf.msTotal!);
  const row = m.rowOfFiche.get("2")!;
  const cell = sheet.cells[row - 1]![col - 1]!;
  sheet.cells[row - 1]![col - 1] = { ...cell, value: (cell.value as number) + 12000, formula: undefined };
  const d = recognise(m.wb).detail!;
  expect(d.columns.msTotal).toBe(col);
  expect(d.columns.realisedSinceStart).toBe(lettersToCol(m.colOf.realisedSinceStart!));
  expect(loud(checkAnnex(m.wb).findings)).toContain(`year-sum ${m.colOf.msTotal}${row}`);
});
