/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { readXlsx } from "../../src/xlsx/readWorkbook";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { createExcelPort } from "../../src/excel/port";
import { PaneController } from "../../src/taskpane/controller";
import { Pane } from "../../src/taskpane/components/Pane";
import { runRibbonCheck } from "../../src/commands/ribbonCheck";
import { cloneSnapshot, fakeRunner, snapshotFromState, stateFromSnapshot, type FakeState } from "../support/fakeExcel";
import { FIXTURE_2022 } from "../support/fixtures";

jest.setTimeout(30_000);
// jsdom has no ResizeObserver (Fluent's MessageBar uses it to lay out its actions).
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} };
const D = "Suivi fiches actions";
let fixture: WorkbookSnapshot;

beforeAll(async () => {
  fixture = (await readXlsx(FIXTURE_2022)).snapshot;
});

function setup(edit?: (s: WorkbookSnapshot) => void) {
  const snap = cloneSnapshot(fixture);
  edit?.(snap);
  const state: FakeState = stateFromSnapshot(snap);
  const controller = new PaneController(createExcelPort(fakeRunner(state), () => true));
  render(<FluentProvider theme={webLightTheme}><Pane controller={controller} /></FluentProvider>);
  return { state, controller };
}

async function runCheck() {
  fireEvent.click(screen.getByTestId("run-check"));
  await screen.findByTestId("recognised", undefined, { timeout: 10_000 });
}

const formulasOf = (state: FakeState) => JSON.stringify(snapshotFromState(state).sheets.map((s) => s.cells.map((r) => r?.map((c) => c?.formula ?? c?.value ?? null))));

test("the check shows what was recognised, the counts by severity and every finding", async () => {
  setup();
  await runCheck();
  const rec = screen.getByTestId("recognised").textContent!;
  expect(rec).toContain("« Suivi fiches actions » A2:AP46 — 41 fiches, 2020-2022, confiance 100 %");
  expect(rec).toContain("« Synthèse financière » A2:L61");
  expect(screen.getByTestId("count-error").textContent).toContain("1");
  expect(screen.getByTestId("count-warning").textContent).toContain("26");
  expect(screen.getByTestId("count-info").textContent).toContain("28");
  expect(screen.getAllByTestId("finding")).toHaveLength(55);
  expect(screen.getByTestId("chart")).toBeTruthy();
});

test("filters by severity and rule; grouping by fiche or by rule", async () => {
  setup();
  await runCheck();
  fireEvent.click(screen.getByTestId("count-info"));
  expect(screen.getAllByTestId("finding")).toHaveLength(27);
  fireEvent.change(screen.getByLabelText("Règle"), { target: { value: "source-funder" } });
  expect(screen.getAllByTestId("finding").map((f) => f.dataset.cell)).toEqual(["Suivi fiches actions!Y20", "Suivi fiches actions!Y21", "Suivi fiches actions!Y28", "Suivi fiches actions!Y36", "Suivi fiches actions!Y42", "Suivi fiches actions!Y43", "Suivi fiches actions!Y44", "Suivi fiches actions!Y45"]);
  expect(screen.getByText("Fiche 17 (1)")).toBeTruthy();
});

test("clicking a finding selects its cell in Excel; the keyboard does the same", async () => {
  const { state } = setup();
  await runCheck();
  const overflow = screen.getAllByTestId("finding").find((f) => f.dataset.rule === "display-overflow")!;
  fireEvent.click(overflow);
  await waitFor(() => expect(state.selection).toBe(`${D}!AJ46`));
  const modalite = screen.getAllByTestId("finding").find((f) => f.dataset.cell === "Synthèse financière!I18")!;
  fireEvent.keyDown(modalite, { key: "Enter" });
  await waitFor(() => expect(state.selection).toBe("Synthèse financière!I18"));
});

test("« Élargir la colonne » on the ##### total widens AJ, and the finding is gone", async () => {
  const { state } = setup();
  await runCheck();
  const overflow = screen.getAllByTestId("finding").find((f) => f.dataset.rule === "display-overflow")!;
  fireEvent.click(within(overflow).getByText("Élargir la colonne"));
  await waitFor(() => expect(screen.getByTestId("count-error").textContent).toContain("0"));
  expect(state.sheets.find((s) => s.name === D)!.widths.get(36)!).toBeGreaterThan(9.5 * 7 * 72 / 96);
});

test("« Marquer comme vu » is remembered in the document", async () => {
  const { state } = setup();
  await runCheck();
  const first = screen.getAllByTestId("finding")[0]!;
  fireEvent.click(within(first).getByText("Marquer comme vu"));
  await waitFor(() => expect(within(screen.getAllByTestId("finding")[0]!).getByText("vu")).toBeTruthy());
  // The error comes first (worst severity first): the ##### total.
  expect(first.dataset.rule).toBe("display-overflow");
  const key = `${first.dataset.rule}|${first.dataset.cell!.replace("!", "|")}`;
  expect(key).toBe("display-overflow|Suivi fiches actions|AJ46");
  expect([...state.parts.values()].some((x) => x.includes("seen") && x.includes(key))).toBe(true);
  fireEvent.click(screen.getByLabelText("Masquer les constatations vues"));
  expect(screen.getAllByTestId("finding")).toHaveLength(54);
});

test("Compléter: preview, apply, then Annuler restores every cell", async () => {
  const { state } = setup();
  const before = formulasOf(state);
  await runCheck();
  fireEvent.click(screen.getByRole("tab", { name: "Compléter" }));
  expect(screen.getByTestId("fill-preview").textContent).toBe("126 cellule(s) recevront une formule.");
  fireEvent.click(screen.getByTestId("apply-fill"));
  await waitFor(() => expect(screen.getByTestId("info").textContent).toContain("126 formule(s) écrite(s)."));
  expect(state.sheets.find((s) => s.name === D)!.cells.get("4:39")!.formula).toMatch(/^IF\(/);
  fireEvent.click(screen.getByTestId("undo"));
  await waitFor(() => expect(screen.getByTestId("info").textContent).toContain("Modification annulée"));
  expect(formulasOf(state)).toBe(before);
});

test("Nouvelle année: 2023 by default, the columns per block in preview, apply, then Annuler", async () => {
  const { state } = setup();
  const before = formulasOf(state);
  await runCheck();
  fireEvent.click(screen.getByRole("tab", { name: "Nouvelle année" }));
  expect((screen.getByTestId("year-field") as HTMLInputElement).value).toBe("2023");
  const preview = screen.getByTestId("year-preview").textContent!;
  expect(preview).toContain("Réalisations en 2023");
  expect(preview).toContain("Budget consommé en 2023");
  expect(screen.getByTestId("year-preview").querySelectorAll("li")).toHaveLength(12);
  expect(preview).toContain("Masse salariale 2023");
  fireEvent.click(screen.getByTestId("apply-year"));
  await waitFor(() => expect(screen.getByTestId("info").textContent).toContain("Année 2023 ajoutée : 12 colonne(s) insérée(s)."));
  // Indicators 2023 went in at L, so Masse salariale 2023 is column Q (17), headed like its neighbours (text).
  expect(state.sheets.find((s) => s.name === D)!.cells.get("3:17")!.value).toBe("2023");
  expect(state.sheets.find((s) => s.name === D)!.cells.get("3:16")!.value).toBe("2022");
  fireEvent.click(screen.getByTestId("undo"));
  await waitFor(() => expect(screen.getByTestId("info").textContent).toContain("Modification annulée"));
  expect(formulasOf(state)).toBe(before);
});

test("a protected sheet gives a French error with what to do, and nothing is written", async () => {
  const { state } = setup((s) => { s.sheets.find((x) => x.name === D)!.protected = true; });
  const before = formulasOf(state);
  await runCheck();
  fireEvent.click(screen.getByRole("tab", { name: "Compléter" }));
  fireEvent.click(screen.getByTestId("apply-fill"));
  await waitFor(() => expect(screen.getByTestId("error").textContent).toMatch(/protégée.*Ôter la protection.*Rien n'a été écrit/));
  expect(formulasOf(state)).toBe(before);
});

test("a workbook without an annex: the check says so in French", async () => {
  setup((s) => { s.sheets = [{ ...s.sheets[0]!, cells: [], rowCount: 0, colCount: 0 }]; });
  fireEvent.click(screen.getByTestId("run-check"));
  await waitFor(() => expect(screen.getByTestId("error").textContent).toContain("Aucune annexe CDPPE reconnue"));
});

test("the ribbon's check refreshes the report sheet and gives the counts", async () => {
  const state = stateFromSnapshot(cloneSnapshot(fixture));
  const message = await act(() => runRibbonCheck(createExcelPort(fakeRunner(state), () => true), new Date(2026, 10, 22)));
  expect(message).toBe("Contrôle terminé : 1 erreur, 26 avertissements, 28 informations. Détail dans la feuille « Contrôle annexe ».");
  expect(state.sheets.map((s) => s.name)).toContain("Contrôle annexe");
  // Read (2), then the report sheet: which one is ours (1), write (1), its mark (1).
  expect(state.syncs).toBe(5);
});
