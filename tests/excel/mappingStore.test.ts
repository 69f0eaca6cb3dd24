// The mapping saved in the workbook: any sheet name or header text comes back as it was; a damaged part is ignored.
import fc from "fast-check";
import type { ColumnMapping } from "../../src/core/layout/mapping";
import { createExcelPort } from "../../src/excel/port";
import { MAPPING_NS, mappingFromXml, mappingToXml } from "../../src/excel/mappingStore";
import { emptySheet } from "../../src/core/model/snapshot";
import { fakeRunner, stateFromSnapshot } from "../support/fakeExcel";

const entry = fc.record({
  table: fc.constantFrom("detail" as const, "summary" as const),
  sheet: fc.string({ minLength: 1, maxLength: 31 }),
  key: fc.constantFrom("fiche", "budget", "firTotal", "fir2021", "realisedLastYear", "gap", "departement"),
  header: fc.option(
    fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim() !== ""),
    { nil: null },
  ),
  column: fc.option(fc.constantFrom("A", "L", "AC", "XFD"), { nil: null }),
});

test("any mapping survives the XML part, whatever its sheet names and headers hold (< > & « » quotes, line breaks)", () => {
  fc.assert(
    fc.property(fc.uniqueArray(entry, { selector: (e) => `${e.table}|${e.sheet}|${e.key}` }), (entries) => {
      const m: ColumnMapping = { version: 1, entries };
      const xml = mappingToXml(m);
      expect(xml.startsWith(`<mapping xmlns="${MAPPING_NS}">`)).toBe(true);
      expect(xml.slice(xml.indexOf(">") + 1, xml.lastIndexOf("<"))).not.toMatch(/[<>]/);
      expect(mappingFromXml(xml)).toEqual(m);
    }),
  );
});

test("a damaged or foreign part gives no mapping rather than an error", () => {
  expect(mappingFromXml(`<mapping xmlns="${MAPPING_NS}">{pas du json</mapping>`)).toBeNull();
  expect(mappingFromXml(`<mapping xmlns="${MAPPING_NS}">{"version":7,"entries":[]}</mapping>`)).toBeNull();
  expect(mappingFromXml("<autre/>")).toBeNull();
});

test("the port saves one part, replaces it on the next save, removes it on reset; loading costs one round trip when nothing is saved", async () => {
  const state = stateFromSnapshot({ sheets: [emptySheet("Feuil1")] });
  const port = createExcelPort(fakeRunner(state), () => true);
  const before = state.syncs;
  expect(await port.loadMapping!()).toBeNull();
  expect(state.syncs - before).toBe(1);
  const m1: ColumnMapping = { version: 1, entries: [{ table: "detail", sheet: "Feuil1", key: "budget", header: "Coût <total> & « prévu »", column: "F" }] };
  await port.saveMapping!(m1);
  const m2: ColumnMapping = { version: 1, entries: [{ table: "detail", sheet: "Feuil1", key: "gap", header: null, column: null }] };
  await port.saveMapping!(m2);
  expect([...state.parts.values()].filter((x) => x.includes(MAPPING_NS))).toHaveLength(1);
  const s0 = state.syncs;
  expect(await port.loadMapping!()).toEqual(m2);
  expect(state.syncs - s0).toBe(2);
  await port.saveMapping!(null);
  expect([...state.parts.values()].filter((x) => x.includes(MAPPING_NS))).toHaveLength(0);
  expect(await port.loadMapping!()).toBeNull();
});
