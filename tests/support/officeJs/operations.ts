// The add-in's operations as the pane and the ribbon run them through the Excel port, in the order a user would:
// check (the preview's snapshot), compléter from it, its undo, check again, nouvelle année, its undo, the ribbon's
// check with its report sheet. Each operation makes only its own round trips.
import { runRibbonCheck } from "../../../src/commands/ribbonCheck";
import { checkAnnex } from "../../../src/core/check";
import { planAddYear } from "../../../src/core/compute/addYear";
import { planFill } from "../../../src/core/compute/fill";
import type { WorkbookSnapshot } from "../../../src/core/model/snapshot";
import type { AnnexPort } from "../../../src/excel/port";

export type Operation = [label: string, job: (port: AnnexPort) => Promise<unknown>];

/** A fresh sequence (the snapshot of the last check is shared by the operations that follow it). */
export function operations(): Operation[] {
  let seen: WorkbookSnapshot | null = null;
  const check = async (p: AnnexPort) => {
    seen = await p.read();
    return checkAnnex(seen).findings.map((f) => [f.rule, f.sheet, f.cell, f.severity, f.message]);
  };
  return [
    ["contrôler", check],
    ["compléter", async (p) => (await p.apply(planFill(seen!), seen!)).cells.length],
    ["annuler compléter", (p) => p.undo("fill")],
    ["contrôler à nouveau", check],
    ["nouvelle année", async (p) => (await p.apply(planAddYear(seen!), seen!)).deleteColumns.length],
    ["annuler nouvelle année", (p) => p.undo("add-year")],
    ["ruban (contrôle + rapport)", (p) => runRibbonCheck(p, new Date(Date.UTC(2026, 0, 5)))],
  ];
}
