// The Excel adapter through the real Office.js client library (@microsoft/office-js), its batched requests answered by
// the test workbook (tests/support/officeJs). First what the wire itself enforces (client-side validation, Excel's
// refusals with Excel's codes), then every operation of the add-in run both ways: through the real client and on the
// plain test host, with the same outcome expected.
import { checkAnnex } from "../../src/core/check";
import { planAddYear } from "../../src/core/compute/addYear";
import { planWiden } from "../../src/core/compute/widen";
import type { ColumnMapping } from "../../src/core/layout/mapping";
import { emptyPlan } from "../../src/core/plan/types";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import type { HostContext } from "../../src/excel/host";
import { createExcelPort } from "../../src/excel/port";
import { fakeRunner, stateFromSnapshot, type FakeState } from "../support/fakeExcel";
import { fixtureSnapshot } from "../support/fixtures";
import { officeJsHost } from "../support/officeJs/officeJsHost";
import { operations } from "../support/officeJs/operations";
import { WIRE_LIMIT } from "../support/officeJs/richApi";

const D = "Suivi fiches actions";
jest.setTimeout(120_000);
let fixture: WorkbookSnapshot;

beforeAll(async () => {
  fixture = await fixtureSnapshot();
});

const fresh = () => stateFromSnapshot(structuredClone(fixture));
const sheet = (state: FakeState, name = D) => state.sheets.find((s) => s.name === name)!;

/** Runs one batch through the real client and returns what it resolved to, or the error it threw. */
async function attempt<T>(state: FakeState, batch: (ctx: HostContext) => Promise<T>): Promise<T | { code: string; message: string }> {
  try {
    return await officeJsHost(state).run(batch);
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
}

describe("the real client library validates on its side, as in Excel", () => {
  test("a property read before load and sync throws PropertyNotLoaded (the library's own error)", async () => {
    const out = await attempt(fresh(), async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(D).getRange("A1:B2");
      r.load("values");
      void r.formulas;
      return "read";
    });
    expect(out).toMatchObject({ code: "PropertyNotLoaded" });
  });

  test("what was loaded is there after the sync, in Excel's shapes (addresses sheet-qualified, text displayed)", async () => {
    const out = await attempt(fresh(), async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(D).getRange("AJ46");
      r.load("address,values,text,numberFormat,valueTypes");
      await ctx.sync();
      return { address: r.address, values: r.values, text: r.text, types: r.valueTypes };
    });
    expect(out).toMatchObject({ address: "'Suivi fiches actions'!AJ46", types: [["Double"]] });
    expect((out as { text: string[][] }).text[0]![0]).toMatch(/^\s*1\u00a0155\u00a0000 €\s*$/);
  });

  test("an object reached by a method (getFirst, getUsedRange…) stays usable in the next sync, as under Excel.run", async () => {
    const out = await attempt(fresh(), async (ctx) => {
      const ws = ctx.workbook.worksheets.getFirst(false);
      const used = ws.getUsedRangeOrNullObject(false).load("address");
      await ctx.sync();
      const a1 = ws.getRangeByIndexes(0, 0, 1, 1).load("values");
      const visible = used.getSpecialCellsOrNullObject("Visible").load("isNullObject,address");
      await ctx.sync();
      return [used.address, a1.values[0]![0], visible.isNullObject];
    });
    expect(out).toEqual(["'Synthèse financière'!A1:L61", expect.stringMatching(/^Rapport financier/), false]);
  });
});

describe("Excel's refusals come back with Excel's error codes, the batch stopped where Excel stopped it", () => {
  test("writing to a protected sheet: AccessDenied, and the writes queued before it in the batch are done", async () => {
    const state = fresh();
    sheet(state).protected = true;
    const out = await attempt(state, async (ctx) => {
      ctx.workbook.worksheets.getItem("Synthèse financière").getRange("A1").values = [["avant"]];
      ctx.workbook.worksheets.getItem(D).getRange("A1").values = [["x"]];
      await ctx.sync();
    });
    expect(out).toMatchObject({ code: "AccessDenied" });
    expect(sheet(state, "Synthèse financière").cells.get("1:1")!.value).toBe("avant");
    expect(sheet(state).cells.get("1:1")?.value).not.toBe("x");
  });

  test("inserting cells on some rows only, across a merged area spanning more rows: InsertDeleteConflict, nothing moved", async () => {
    const state = fresh();
    const s = sheet(state);
    s.merges.push({ r1: 4, c1: 60, r2: 6, c2: 60 });
    const before = JSON.stringify([...s.cells.entries()]);
    const out = await attempt(state, async (ctx) => {
      ctx.workbook.worksheets.getItem(D).getRange("L5:L5").insert("Right");
      await ctx.sync();
    });
    expect(out).toMatchObject({ code: "InsertDeleteConflict" });
    expect(JSON.stringify([...s.cells.entries()])).toBe(before);
  });

  test("whole columns inserted inside a merged header widen it; formulas on every sheet follow (the host's own shifter)", async () => {
    const state = fresh();
    const s = sheet(state);
    const merged = s.merges.find((m) => m.r1 === 2 && m.c2 > m.c1)!;
    const wasWidth = merged.c2 - merged.c1;
    const at = merged.c1 + 1;
    const col = (n: number) => (n > 26 ? String.fromCharCode(64 + Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));
    sheet(state, "Synthèse financière").cells.set("70:1", {
      value: null,
      formula: `'Suivi fiches actions'!${col(at)}10*2+${col(at - 1)}10`,
      numFmt: "General",
    });
    s.cells.set("70:1", { value: null, formula: `SUM(A10:${col(at)}10)+$${col(at)}$11`, numFmt: "General" });
    const out = await attempt(state, async (ctx) => {
      ctx.workbook.worksheets
        .getItem(D)
        .getRange(`${col(at)}:${col(at)}`)
        .insert("Right");
      await ctx.sync();
      return "ok";
    });
    expect(out).toBe("ok");
    const widened = s.merges.find((m) => m.r1 === 2 && m.c1 === merged.c1)!;
    expect(widened.c2 - widened.c1).toBe(wasWidth + 1);
    expect(sheet(state, "Synthèse financière").cells.get("70:1")!.formula).toBe(`'Suivi fiches actions'!${col(at + 1)}10*2+${col(at - 1)}10`);
    expect(s.cells.get("70:1")!.formula).toBe(`SUM(A10:${col(at + 1)}10)+$${col(at + 1)}$11`);
  });

  test("a value written into a merged area's other cells is refused; merging keeps only the top-left value", async () => {
    const state = fresh();
    const out = await attempt(state, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(D);
      ws.getRange("BA1:BB1").values = [["gauche", "droite"]];
      ws.getRange("BA1:BB1").merge(false);
      await ctx.sync();
      ws.getRange("BA1:BB1").values = [["encore", "non"]];
      await ctx.sync();
    });
    expect(out).toMatchObject({ code: "InvalidOperation" });
    expect(sheet(state).cells.get("1:53")!.value).toBe("gauche");
    expect(sheet(state).cells.get("1:54")!.value).toBeNull();
  });

  test("a request or a response over 5 MB is refused (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded)", async () => {
    const state = fresh();
    const big = Array.from({ length: 120_000 }, (_, i) => [`Bénéficiaire numéro ${i} de la liste`, i * 1.5]);
    const req = await attempt(state, async (ctx) => {
      ctx.workbook.worksheets.getItem(D).getRangeByIndexes(100, 80, big.length, 2).values = big;
      await ctx.sync();
    });
    expect(req).toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(state.log.at(-1)!.request).toBeGreaterThan(WIRE_LIMIT);
    // The same data put in by the user, then read back whole in one sync: the response is over the limit.
    for (let i = 0; i < big.length; i++) {
      sheet(state).cells.set(`${101 + i}:81`, { value: big[i]![0] as string, numFmt: "General" });
      sheet(state).cells.set(`${101 + i}:82`, { value: big[i]![1] as number, numFmt: "#,##0.00" });
    }
    const resp = await attempt(state, async (ctx) => {
      ctx.workbook.worksheets.getItem(D).getRangeByIndexes(100, 80, big.length, 2).load("values,formulas,text,numberFormat");
      await ctx.sync();
    });
    expect(resp).toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  test("custom XML parts: malformed XML refused (InvalidArgument); getByNamespace matches the root namespace exactly", async () => {
    const state = fresh();
    const bad = await attempt(state, async (ctx) => {
      ctx.workbook.customXmlParts.add('<undo xmlns="urn:x">1 < 2</undo>');
      await ctx.sync();
    });
    expect(bad).toMatchObject({ code: "InvalidArgument" });
    const ids = await attempt(state, async (ctx) => {
      ctx.workbook.customXmlParts.add('<a xmlns="urn:annexe-cdppe:undo:2:fill-x">1</a>');
      ctx.workbook.customXmlParts.add('<a xmlns="urn:annexe-cdppe:undo:2:fill">2</a>');
      await ctx.sync();
      const parts = ctx.workbook.customXmlParts.getByNamespace("urn:annexe-cdppe:undo:2:fill").load("items/id");
      await ctx.sync();
      const xml = parts.items.map((p) => p.getXml());
      await ctx.sync();
      return xml.map((x) => x.value);
    });
    expect(ids).toEqual(['<a xmlns="urn:annexe-cdppe:undo:2:fill">2</a>']);
  });

  test("tables and array formulas as the write guards read them (getTables, hasSpill, savedAsArray, merged areas by indexes): the test host's answers", async () => {
    const setUp = (state: FakeState) => {
      const s = sheet(state);
      s.tables.push({ name: "Notes", r1: 60, c1: 2, r2: 64, c2: 5 }, { name: "ADroite", r1: 15, c1: 46, r2: 16, c2: 48 });
      s.arrays = [
        { r1: 70, c1: 2, r2: 72, c2: 3, kind: "cse" },
        { r1: 70, c1: 6, r2: 71, c2: 6, kind: "spill" },
      ];
      return state;
    };
    const addresses = ["B60:C61", "A59:F65", "A1:A2", "D:D", "AS12:XFD20", "B70:C72", "B70:D72", "F70:F71", "F70", "H70"];
    const batch = async (ctx: HostContext) => {
      const ws = ctx.workbook.worksheets.getItem(D);
      const probes = addresses.map((a) => {
        const range = ws.getRange(a);
        range.load("hasSpill,savedAsArray");
        return { a, range, touching: range.getTables(false).load("items/name"), inside: range.getTables(true).load("items/name") };
      });
      const merged = (
        ws.getRangeByIndexes(0, 0, 4, 40) as unknown as {
          getMergedAreasOrNullObject(): { isNullObject: boolean; areas: { items: Array<{ address: string }> }; load(p: string): unknown };
        }
      ).getMergedAreasOrNullObject();
      merged.load("isNullObject,areas/items/address");
      await ctx.sync();
      return {
        probes: probes.map((p) => [p.a, p.touching.items.map((t) => t.name), p.inside.items.map((t) => t.name), p.range.hasSpill, p.range.savedAsArray]),
        merged: merged.isNullObject ? [] : merged.areas.items.map((x) => x.address.slice(x.address.lastIndexOf("!") + 1)).sort(),
      };
    };
    const real = await officeJsHost(setUp(fresh())).run(batch);
    expect(real).toEqual(await fakeRunner(setUp(fresh()))(batch));
    const by = new Map(real.probes.map((p) => [p[0], p.slice(1)]));
    expect(by.get("B60:C61")).toEqual([["Notes"], [], false, false]);
    expect(by.get("A59:F65")).toEqual([["Notes"], ["Notes"], false, false]);
    expect(by.get("AS12:XFD20")).toEqual([["ADroite"], ["ADroite"], false, false]);
    expect(by.get("D:D")).toEqual([["Notes"], [], false, false]);
    expect(by.get("B70:C72")).toEqual([[], [], false, true]);
    expect(by.get("B70:D72")).toEqual([[], [], false, null]);
    expect(by.get("F70:F71")).toEqual([[], [], true, true]);
    expect(by.get("H70")).toEqual([[], [], false, false]);
    expect(real.merged.length).toBe(sheet(fresh()).merges.filter((m) => m.r1 <= 4 && m.c1 <= 40).length);
  });

  test("a write into part of a CSE array, or an insertion through one, is refused; a value typed in a spill range blocks it (#SPILL!)", async () => {
    const state = fresh();
    sheet(state).arrays = [
      { r1: 70, c1: 2, r2: 72, c2: 3, kind: "cse" },
      { r1: 80, c1: 2, r2: 82, c2: 2, kind: "spill" },
    ];
    sheet(state).cells.set("80:2", { value: 1, formula: "SEQUENCE(3)", numFmt: "General" });
    const before = JSON.stringify([...sheet(state).cells.entries()]);
    expect(
      await attempt(state, async (ctx) => {
        ctx.workbook.worksheets.getItem(D).getRange("B71").formulas = [[1]];
        await ctx.sync();
      }),
    ).toMatchObject({ code: "InvalidOperation" });
    expect(
      await attempt(state, async (ctx) => {
        ctx.workbook.worksheets.getItem(D).getRange("C:C").insert("Right");
        await ctx.sync();
      }),
    ).toMatchObject({ code: "InvalidOperation" });
    expect(JSON.stringify([...sheet(state).cells.entries()])).toBe(before);
    await officeJsHost(state).run(async (ctx) => {
      ctx.workbook.worksheets.getItem(D).getRange("B81").values = [[5]];
      await ctx.sync();
    });
    expect(sheet(state).cells.get("80:2")!.error).toBe("#SPILL!");
  });

  test("a sheet asked for by a name that is not there: ItemNotFound", async () => {
    const out = await attempt(fresh(), async (ctx) => {
      ctx.workbook.worksheets.getItem("Feuille absente").getRange("A1").load("values");
      await ctx.sync();
    });
    expect(out).toMatchObject({ code: "ItemNotFound" });
  });
});

describe("adapter bugs the real client showed (each test failed before its fix)", () => {
  test("text that Excel would parse (« 2023 », « 42 % », « VRAI », « -5 ») is written and restored as text, and undone", async () => {
    const state = fresh();
    const s = sheet(state);
    s.cells.set("70:3", { value: "2022", numFmt: "General" });
    const port = createExcelPort(officeJsHost(state).run, () => true);
    const snap = await port.read();
    const plan = emptyPlan("fill");
    const texts = ["2023", "42 %", "VRAI", "-5", "#N/A"];
    texts.forEach((t, i) => plan.edits.push({ kind: "setValue", sheet: D, row: 70, col: 1 + i, value: t }));
    await port.apply(plan, snap);
    expect(texts.map((_, i) => s.cells.get(`70:${1 + i}`)!.value)).toEqual(texts);
    // The record knows its own writes: nothing counts as typed since, the prior text « 2022 » comes back as text.
    expect(await port.undo("fill")).toMatchObject({ needsConfirmation: false, changed: [] });
    expect(s.cells.get("70:3")!.value).toBe("2022");
    expect(s.cells.get("70:1")?.value ?? null).toBeNull();
  });
  test("Excel without merged-area reads (ExcelApi 1.9–1.12, as the manifest allows): nouvelle année never calls them", async () => {
    const state = fresh();
    const host = officeJsHost(state, { excelApi: "1.12" });
    // Such an Excel refuses the call (ApiNotFound), and with it the whole batch.
    await expect(
      host.run(async (ctx) => {
        (ctx.workbook.worksheets.getItem(D).getRange("A1:B2") as unknown as { getMergedAreasOrNullObject(): { load(p: string): unknown } })
          .getMergedAreasOrNullObject()
          .load("areas/items/address");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    const port = createExcelPort(host.run, () => true, { merges: false });
    const snap = await port.read();
    const out = await port.apply(planAddYear(snap), snap).then(
      () => "applied",
      (e: Error) => e.message,
    );
    // Blind to the merged group headers, the adapter gets Excel's refusal of a half-copied merge: undone, and said so.
    expect(out).toMatch(/^Excel a refusé l'insertion de colonnes en cours d'écriture \(InvalidOperation\)\. Ce qui avait déjà été écrit a été défait/);
    expect(differences(state, fresh())).toEqual([]);
    // The same workbook without merged headers: applied, and undone.
    const flat = fresh();
    for (const s of flat.sheets) s.merges = [];
    const port2 = createExcelPort(officeJsHost(flat, { excelApi: "1.12" }).run, () => true, { merges: false });
    const snap2 = await port2.read();
    expect((await port2.apply(planAddYear(snap2), snap2)).deleteColumns.length).toBeGreaterThan(0);
    expect(await port2.undo("add-year")).toMatchObject({ needsConfirmation: false, keptColumns: [] });
  });

  test("flags with one sheet protected: refused before any colour, the message true, and the flags still clearable", async () => {
    const state = fresh();
    const port = createExcelPort(officeJsHost(state).run, () => true);
    const snap = await port.read();
    const findings = checkAnnex(snap).findings;
    expect(new Set(findings.map((f) => f.sheet)).size).toBe(2);
    const coloured = () =>
      state.sheets.map((s) => [...s.cells.values()].filter((c) => c.fill === "#F8CBAD" || c.fill === "#FFE699" || c.fill === "#BDD7EE").length);
    sheet(state).protected = true;
    // Before the fix, the other sheet's cells were coloured, no record kept (never clearable), and the message said « Rien n'a été écrit ».
    await expect(port.flag(findings, snap)).rejects.toThrow(/«\u00a0Suivi fiches actions\u00a0» est protégée.*Rien n'a été écrit/);
    expect(coloured()).toEqual([0, 0]);
    sheet(state).protected = false;
    const n = await port.flag(findings, snap);
    expect(coloured().reduce((a, b) => a + b, 0)).toBe(n);
    // Protected after flagging: clearing is refused whole, not halfway.
    sheet(state).protected = true;
    await expect(port.clearFlags()).rejects.toThrow(/est protégée/);
    expect(coloured().reduce((a, b) => a + b, 0)).toBe(n);
    sheet(state).protected = false;
    expect(await port.clearFlags()).toBe(n);
    expect(coloured()).toEqual([0, 0]);
  });

  test("Annuler nouvelle année with one of its sheets protected: refused before anything is undone, the record kept whole", async () => {
    const state = fresh();
    const port = createExcelPort(officeJsHost(state).run, () => true);
    const snap = await port.read();
    await port.apply(planAddYear(snap), snap);
    const applied = dump(state);
    sheet(state).protected = true;
    // Before the fix: the other sheet's new columns were deleted, then Excel refused, the message said « Rien n'a été
    // écrit », and the record stayed — replayed later, it would delete that sheet's original columns.
    await expect(port.undo("add-year")).rejects.toThrow(/«\u00a0Suivi fiches actions\u00a0» est protégée.*Rien n'a été écrit/);
    expect([...dump(state)].filter(([k, v]) => applied.get(k) !== v && !k.startsWith("sheet "))).toEqual([]);
    expect(state.parts.size).toBe(1);
    sheet(state).protected = false;
    expect(await port.undo("add-year")).toMatchObject({ needsConfirmation: false, changed: [], keptColumns: [] });
    expect(differences(state, fresh())).toEqual([]);
  });

  test("more than 512 merged areas on a sheet (Excel fails the call beyond 512): check and add-year still work", async () => {
    const state = fresh();
    // An unrelated planning sheet, 600 rows each merged over two columns…
    const planning = {
      ...sheet(state, "Synthèse financière"),
      name: "Planning",
      id: "{planning}",
      cells: new Map(Array.from({ length: 600 }, (_, i) => [`${i + 1}:1`, { value: `Semaine ${i + 1}`, numFmt: "General" }])),
      merges: Array.from({ length: 600 }, (_, i) => ({ r1: i + 1, c1: 1, r2: i + 1, c2: 2 })),
      tables: [],
      widths: new Map(),
      hyperlinks: new Map(),
      hiddenCols: new Set<number>(),
      hiddenRows: new Set<number>(),
    };
    state.sheets.push(planning);
    // …and notes under the annex, merged two by two: 600 more merged areas on the annex's own sheet.
    for (let i = 0; i < 600; i++) {
      sheet(state).cells.set(`${60 + i}:70`, { value: `note ${i}`, numFmt: "General" });
      sheet(state).merges.push({ r1: 60 + i, c1: 70, r2: 60 + i, c2: 71 });
    }
    const port = createExcelPort(officeJsHost(state).run, () => true, { merges: true });
    const snap = await port.read();
    expect(snap.sheets.map((x) => [x.name, x.merges.length])).toEqual([
      ["Synthèse financière", 32],
      [D, 623],
      ["Planning", 600],
    ]);
    const record = await port.apply(planAddYear(snap), snap);
    expect(record.deleteColumns.length).toBeGreaterThan(0);
    for (const l of state.log) expect(l.request).toBeLessThan(WIRE_LIMIT);
  });
});

/** The workbook as plain data, one entry per cell (content and format), merged area, column width and sheet. */
function dump(state: FakeState): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of state.sheets) {
    out.set(`sheet ${s.name}`, String(s.protected));
    for (const [k, c] of s.cells) if (c.value !== null || c.formula) out.set(`${s.name}!${k}`, JSON.stringify([c.formula ?? c.value, c.numFmt]));
    for (const m of s.merges) out.set(`${s.name} merge ${m.r1}:${m.c1}:${m.r2}:${m.c2}`, "merged");
    for (const [c, w] of s.widths) out.set(`${s.name} width ${c}`, String(w));
  }
  return out;
}
/** What differs between two workbooks (the first few), [] when they are the same. */
function differences(a: FakeState, b: FakeState): string[] {
  const x = dump(a),
    y = dump(b);
  const keys = [...new Set([...x.keys(), ...y.keys()])].filter((k) => x.get(k) !== y.get(k)).sort();
  return keys
    .slice(0, 8)
    .map((k) => `${k}: ${x.get(k) ?? "—"} ≠ ${y.get(k) ?? "—"}`)
    .concat(keys.length > 8 ? [`… ${keys.length - 8} more`] : []);
}

describe("every operation through the real client gives what the test host gives", () => {
  test("check, compléter, annuler, nouvelle année, annuler, ruban: same results, same workbook after each", async () => {
    const plain = fresh();
    const real = fresh();
    const viaFake = createExcelPort(fakeRunner(plain), () => true, { merges: true });
    const viaOfficeJs = createExcelPort(officeJsHost(real).run, () => true, { merges: true });
    const [a, b] = [operations(), operations()];
    for (let i = 0; i < a.length; i++) {
      const [label, job] = a[i]!;
      const expected = await job(viaFake);
      const got = await b[i]![1](viaOfficeJs);
      expect([label, got]).toEqual([label, expected]);
      // Autofitted widths of the report sheet depend on fonts: each host estimates its own.
      expect([label, differences(real, plain).filter((d) => !d.startsWith("Contrôle annexe width"))]).toEqual([label, []]);
    }
    // Back where it started after both undos, apart from the report sheet.
    expect(differences({ ...real, sheets: real.sheets.filter((s) => !s.name.startsWith("Contrôle")) }, fresh())).toEqual([]);
  });

  test("a snapshot read without merged areas (merges read at apply only): Excel's paste of formats brings vertical merges along", async () => {
    const withMerges = fresh();
    const without = fresh();
    const plain = fresh();
    for (const [state, run, merges] of [
      [withMerges, officeJsHost(withMerges).run, true],
      [without, officeJsHost(without).run, undefined],
      [plain, fakeRunner(plain), undefined],
    ] as const) {
      const port = createExcelPort(run, () => true, { merges });
      const s = await port.read();
      await port.apply(planAddYear(s), s);
      void state;
    }
    // Through the real client the merged areas come out the same whether the adapter read them or not…
    expect(differences(without, withMerges).filter((d) => / merge /.test(d))).toEqual([]);
    // …while the plain test host, which copies formats without merges, misses the new columns' merged headers.
    expect(differences(plain, without).every((d) => / merge /.test(d))).toBe(true);
    expect(differences(plain, without).length).toBeGreaterThan(0);
  });

  test("the snapshot read through the real client is the test host's, hidden rows and columns included", async () => {
    const hide = (st: FakeState) => {
      sheet(st).hiddenRows = new Set([12, 13, 40]);
      sheet(st).hiddenCols = new Set([5]);
      return st;
    };
    const plain = hide(fresh());
    const real = hide(fresh());
    const a = await createExcelPort(fakeRunner(plain), () => true, { merges: true }).read();
    const b = await createExcelPort(officeJsHost(real).run, () => true, { merges: true }).read();
    // Displayed text is each host's own rendering: compared with every kind of space as one.
    const cells = (x: WorkbookSnapshot["sheets"][number]) =>
      x.cells.map((row) => row?.map((c) => (c ? { ...c, text: c.text?.replace(/[\u00a0\u202f ]/g, " ") } : c)));
    const flat = (wb: WorkbookSnapshot) =>
      wb.sheets.map((x) => ({
        ...x,
        cells: cells(x),
        hiddenRows: [...x.hiddenRows].sort(),
        hiddenCols: [...x.hiddenCols].sort(),
        merges: [...x.merges].sort((m, n) => m.r1 - n.r1 || m.c1 - n.c1),
      }));
    expect(flat(b).map((x) => [x.name, x.hiddenRows, x.hiddenCols])).toEqual([
      ["Synthèse financière", [], []],
      [D, [12, 13, 40], [5]],
    ]);
    expect(flat(b)).toEqual(flat(a));
  });

  test("the port's other methods (widen and its undo, flags, seen, mapping, select, records) give the test host's results", async () => {
    const plain = fresh();
    const real = fresh();
    const ports = [createExcelPort(fakeRunner(plain), () => true), createExcelPort(officeJsHost(real).run, () => true)] as const;
    const mapping: ColumnMapping = { version: 1, entries: [{ table: "detail", sheet: D, key: "budget", header: "Coût <total> & « prévu »", column: "F" }] };
    const steps: Array<[string, (p: (typeof ports)[number], snap: WorkbookSnapshot) => Promise<unknown>]> = [
      ["élargir", (p, snap) => p.apply(planWiden(snap, D, "AJ46"), snap).then((r) => r.widths)],
      ["signaler", (p, snap) => p.flag(checkAnnex(snap).findings, snap)],
      ["actions annulables", (p) => p.undoable()],
      ["annuler élargir", (p) => p.undo("widen")],
      ["effacer les signalements", (p) => p.clearFlags()],
      [
        "vus",
        async (p) => {
          await p.saveSeen(["R1|A1", "R2|B<2>"]);
          return p.loadSeen();
        },
      ],
      [
        "lecture des colonnes",
        async (p) => {
          await p.saveMapping!(mapping);
          return p.loadMapping!();
        },
      ],
      ["aller à la cellule", (p) => p.select(D, "AJ46")],
      ["effacer les données du complément", (p) => p.clearAddinData()],
    ];
    const snaps = [await ports[0].read(), await ports[1].read()] as const;
    for (const [label, job] of steps) {
      const expected = await job(ports[0], snaps[0]);
      const got = await job(ports[1], snaps[1]);
      expect([label, got]).toEqual([label, expected]);
      expect([label, differences(real, plain)]).toEqual([label, []]);
    }
    expect(real.active).toBe(D);
    expect(real.selection).toBe("'Suivi fiches actions'!AJ46");
    // What stays is the user's reading of the columns (mappingStore), which « Effacer les données » leaves alone.
    expect([...real.parts.values()].map((x) => /xmlns="([^"]+)"/.exec(x)![1])).toEqual(["urn:annexe-cdppe:mapping:1"]);
  });
});
