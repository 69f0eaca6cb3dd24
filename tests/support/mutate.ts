// Edits a generated annex in place, addressing cells by role key and fiche, as a user would break them.
import { colToLetters, lettersToCol } from "../../src/core/model/a1";
import { setCell, type Cell, type SheetSnapshot } from "../../src/core/model/snapshot";
import type { GeneratedAnnex } from "./annexGenerator";

export class AnnexEditor {
  constructor(readonly g: GeneratedAnnex) {}

  sheet(table: "detail" | "summary"): SheetSnapshot {
    const name = table === "detail" ? this.g.expected.detail.sheet : this.g.expected.summary!.sheet;
    return this.g.workbook.sheets.find((s) => s.name === name)!;
  }

  col(table: "detail" | "summary", key: string): number {
    const letters = (table === "detail" ? this.g.expected.detail.columns : this.g.expected.summary!.columns)[key];
    if (!letters) throw new Error(`no column ${key} in ${table}`);
    return lettersToCol(letters);
  }

  row(table: "detail" | "summary", fiche: number | "total"): number {
    const t = table === "detail" ? this.g.expected.detail : this.g.expected.summary!;
    if (fiche === "total") return t.totalRow;
    return t.fiches.find((f) => f.fiche === String(fiche))!.row;
  }

  address(table: "detail" | "summary", key: string, fiche: number | "total"): string {
    return `${colToLetters(this.col(table, key))}${this.row(table, fiche)}`;
  }

  get(table: "detail" | "summary", key: string, fiche: number | "total"): Cell | undefined {
    return this.sheet(table).cells[this.row(table, fiche) - 1]?.[this.col(table, key) - 1];
  }

  num(table: "detail" | "summary", key: string, fiche: number | "total"): number {
    return Number(this.get(table, key, fiche)?.value ?? 0);
  }

  set(table: "detail" | "summary", key: string, fiche: number | "total", cell: Cell | undefined): string {
    setCell(this.sheet(table), this.row(table, fiche), this.col(table, key), cell);
    return this.address(table, key, fiche);
  }

  /** Replaces the value, keeps the format; drops the formula (a typed constant). */
  setValue(table: "detail" | "summary", key: string, fiche: number | "total", value: Cell["value"]): string {
    const old = this.get(table, key, fiche);
    return this.set(table, key, fiche, { ...old, value, formula: undefined });
  }
}
