import * as path from "path";
import * as fs from "fs";
import { readXlsx } from "../../src/xlsx/readWorkbook";

export const FIXTURES = path.resolve(__dirname, "..", "fixtures");
export const FIXTURE_2022 = path.join(FIXTURES, "annexe-cdppe-2022.xlsx");
export const FIXTURE_2022_PUBLISHED = path.join(FIXTURES, "annexe-cdppe-2022-publiee.xlsx");

export interface Sidecar {
  layout: {
    summary: {
      sheet: string;
      headerRows: number[];
      totalRow: number;
      range: string;
      columns: Record<string, string>;
      groups: Array<{ key: string; titleRow: number; subtotalRow: number; rows: Array<{ row: number; fiche: number | null }> }>;
    };
    detail: {
      sheet: string;
      headerRows: number[];
      firstRow: number;
      lastRow: number;
      totalRow: number;
      range: string;
      columns: Record<string, string>;
      rows: Array<{ row: number; fiche: number | null; continuationOf: number | null }>;
    };
  };
  faults: Array<{ sheet: string; cell: string; rule: string; expected: unknown; actual: unknown }>;
}

export function sidecar(name = "annexe-cdppe-2022.faults.json"): Sidecar {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), "utf8")) as Sidecar;
}

export function truth(): Record<string, unknown> & {
  detail: { rows: Array<Record<string, unknown>>; total: Record<string, unknown> };
  summary: { groups: Array<{ rows: Array<Record<string, unknown>> }> };
} {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, "annex-2022.json"), "utf8"));
}

export async function fixtureSnapshot(file = FIXTURE_2022) {
  return (await readXlsx(file)).snapshot;
}
