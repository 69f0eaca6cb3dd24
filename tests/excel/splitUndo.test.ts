// Annuler nouvelle année on large annexes: the cells go back in round trips under Excel on the web's 5 MB (at 20 000
// fiche rows they are about 7 MB in one), and the undo stays all or nothing: each round trip re-reads, in its own
// batch, the cells it writes; a cell changed meanwhile, or a write Excel refuses, and what was already written back is
// put back as it was, the record kept.
import { planAddYear } from "../../src/core/compute/addYear";
import { colToLetters } from "../../src/core/model/a1";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import type { HostRunner } from "../../src/excel/host";
import { createExcelPort } from "../../src/excel/port";
import { recordNamespace, type UndoRecord } from "../../src/excel/undo";
import { generateAnnex } from "../support/annexGenerator";
import { fakeRunner, stateFromSnapshot, type FakeState } from "../support/fakeExcel";
import { officeJsHost } from "../support/officeJs/officeJsHost";
import { WIRE_LIMIT } from "../support/officeJs/richApi";

jest.setTimeout(900_000);

const annex = (fiches: number): WorkbookSnapshot =>
  generateAnnex({ fiches, years: [2020, 2021, 2022, 2023, 2024], seed: 9, continuationEvery: 0, withSummary: true }).workbook;

/** Every non-empty cell: content and number format, by sheet and address (what an undo must give back). */
const cells = (state: FakeState) =>
  state.sheets.map((s) => [
    s.name,
    [...s.cells.entries()]
      .filter(([, c]) => c.value !== null || c.formula)
      .map(([k, c]) => `${k}=${c.formula !== undefined ? `=${c.formula}` : JSON.stringify(c.value)}|${c.numFmt}`)
      .sort(),
  ]);
const dump = (state: FakeState) => JSON.stringify(cells(state));
const mb = (n: number) => `${(n / 2 ** 20).toFixed(2)} Mo`;

/** The test host (fast), with a hook before each sync of the adapter's own context. */
function hooked(state: FakeState, before: (n: number) => void): HostRunner {
  const run = fakeRunner(state);
  let n = 0;
  return (batch) =>
    run((ctx) => {
      const sync = ctx.sync.bind(ctx);
      ctx.sync = () => {
        before(++n);
        return sync();
      };
      return batch(ctx);
    });
}

/** A workbook after add-year applied from its own check, and what it held before. */
async function applied(fiches: number): Promise<{ state: FakeState; original: string; record: UndoRecord }> {
  const state = stateFromSnapshot(annex(fiches));
  const original = dump(state);
  const port = createExcelPort(fakeRunner(state), () => true, { merges: true });
  const snap = await port.read();
  const record = await port.apply(planAddYear(snap), snap);
  return { state, original, record };
}

test("20 000 fiche rows through the real Office.js client: every round trip of Annuler nouvelle année under 5 MB, the workbook back as it was", async () => {
  const { state, original, record } = await applied(20_000);
  const restored = record.cells.filter((c) => c.p !== undefined);
  expect(restored.length).toBeGreaterThan(100_000);
  state.log = [];
  const port = createExcelPort(officeJsHost(state).run, () => true, { merges: true });
  const out = await port.undo("add-year");
  const log = state.log;
  console.log(
    `20 000 fiches, annuler nouvelle année par le vrai client Office.js : ${log.length} allers-retours, ${restored.length} cellules remises ; ` +
      log.map((l, i) => `#${i + 1} ${mb(l.request)} / ${mb(l.response)}`).join(", "),
  );
  expect(out).toMatchObject({ needsConfirmation: false, changed: [], keptColumns: [] });
  for (const l of log) expect([l.request < WIRE_LIMIT, l.response < WIRE_LIMIT]).toEqual([true, true]);
  // The cells went back in several round trips: together they carry more than one round trip may.
  const writes = log.filter((l) => l.request > 100_000);
  expect(writes.length).toBeGreaterThan(1);
  expect(writes.reduce((a, l) => a + l.request, 0)).toBeGreaterThan(WIRE_LIMIT);
  expect(dump(state) === original).toBe(true);
  expect([...state.parts.values()].some((x) => x.includes(recordNamespace("add-year")))).toBe(false);
});

describe("all or nothing across the round trips (5 000 fiche rows: the cells go back in several)", () => {
  let base: { state: FakeState; original: string; record: UndoRecord };
  let afterApply: string;
  let partsAfterApply: string;
  beforeEach(async () => {
    base = await applied(5_000);
    afterApply = dump(base.state);
    partsAfterApply = JSON.stringify([...base.state.parts.values()]);
  });
  const fresh = (): FakeState => base.state;
  /** The restored cell in the rightmost column, bottom row: written back in the last round trip of cells. */
  const lastRestored = () =>
    base.record.cells.filter((c) => c.p !== undefined).reduce((a, c) => (c.c > a.c || (c.c === a.c && c.r > a.r) ? c : a));

  test("a cell typed while the cells go back (after the first round trip of them): nothing is undone, the typed value stays, the record too", async () => {
    const state = fresh();
    const target = lastRestored();
    const where = `${colToLetters(target.c)}${target.r}`;
    let writeSyncs = 0;
    let typedAt = 0;
    state.refuse = (op) => {
      if (op.kind === "write") writeSyncs = Math.max(writeSyncs, 1);
      return null;
    };
    // The user types into the cell once the first round trip of cells is done, before the next one.
    const run = hooked(state, (n) => {
      if (writeSyncs === 1 && !typedAt) {
        typedAt = n;
        const cell = state.sheets.find((s) => s.name === target.s)!.cells.get(`${target.r}:${target.c}`)!;
        delete cell.formula;
        cell.value = 4242;
      }
    });
    const err = await createExcelPort(run, () => true, { merges: true })
      .undo("add-year")
      .then(
        () => null,
        (e: Error) => e.message,
      );
    expect(typedAt).toBeGreaterThan(0);
    expect(err).toMatch(/a changé pendant l'annulation/);
    expect(err).toContain(`${where} (${target.s})`);
    expect(err).toMatch(/Rien n'a été défait/);
    // Everything as after the apply, but the typed cell; the record whole.
    const now = cells(state);
    const was = JSON.parse(afterApply) as typeof now;
    const diff = now.flatMap(([name, list], i) => {
      const before = new Set(was[i]![1] as string[]);
      return (list as string[]).filter((x) => !before.has(x)).map((x) => `${name as string}!${x}`);
    });
    expect(diff).toEqual([`${target.s}!${target.r}:${target.c}=4242|${state.sheets.find((s) => s.name === target.s)!.cells.get(`${target.r}:${target.c}`)!.numFmt}`]);
    expect(JSON.stringify([...state.parts.values()])).toBe(partsAfterApply);
    // Annuler again: the typed cell is listed; kept on request, and everything else undone.
    state.refuse = undefined;
    const port = createExcelPort(fakeRunner(state), () => true, { merges: true });
    const ask = await port.undo("add-year");
    expect(ask).toMatchObject({ needsConfirmation: true, changed: [`${where} (${target.s})`] });
    await port.undo("add-year", true);
    const back = cells(state);
    const orig = JSON.parse(base.original) as typeof back;
    const left = back.flatMap(([name, list], i) => {
      const before = new Set(orig[i]![1] as string[]);
      return (list as string[]).filter((x) => !before.has(x)).map((x) => `${name as string}!${x}`);
    });
    // The typed cell is back at its column before the write (the new columns are gone).
    expect(left).toEqual([`${target.s}!${target.r}:${target.o}=4242|${state.sheets.find((s) => s.name === target.s)!.cells.get(`${target.r}:${target.o}`)!.numFmt}`]);
  });

  test("Excel refuses the second round trip of cells: what the first wrote back is put back, the record stays, the undo can be done again", async () => {
    const state = fresh();
    let writeSync = 0;
    let lastSync = 0;
    let syncNo = 0;
    state.refuse = (op) => {
      if (op.kind !== "write") return null;
      if (lastSync !== syncNo) {
        lastSync = syncNo;
        writeSync++;
      }
      return writeSync === 2 ? "GeneralException" : null;
    };
    const run = hooked(state, (n) => {
      syncNo = n;
    });
    const err = await createExcelPort(run, () => true, { merges: true })
      .undo("add-year")
      .then(
        () => null,
        (e: Error) => e.message,
      );
    expect(writeSync).toBeGreaterThanOrEqual(2);
    expect(err).toMatch(/\(GeneralException\)\. Ce qui avait déjà été remis a été rétabli/);
    expect(dump(state) === afterApply).toBe(true);
    expect(JSON.stringify([...state.parts.values()])).toBe(partsAfterApply);
    state.refuse = undefined;
    const port = createExcelPort(fakeRunner(state), () => true, { merges: true });
    expect(await port.undo("add-year")).toMatchObject({ needsConfirmation: false, changed: [] });
    expect(dump(state) === base.original).toBe(true);
  });
});
