/** @jest-environment jsdom */
// Issue #10 item 4 in the pane, over the fake Excel host: « Lecture de l'annexe » lists each role with its column, the user
// picks another column or « absente », the check runs again at once, and the choice is saved in the workbook.
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { colToLetters, lettersToCol } from "../../src/core/model/a1";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { createExcelPort } from "../../src/excel/port";
import { MAPPING_NS, mappingFromXml } from "../../src/excel/mappingStore";
import { PaneController } from "../../src/taskpane/controller";
import { Pane } from "../../src/taskpane/components/Pane";
import { cloneSnapshot, fakeRunner, stateFromSnapshot, type FakeState } from "../support/fakeExcel";
import { annexWithOddBudgetHeader, insertColumn } from "../support/corpus/scenarios";

jest.setTimeout(90_000);
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

const savedParts = (state: FakeState) => [...state.parts.values()].filter((xml) => xml.includes(`xmlns="${MAPPING_NS}"`));
const controllerOn = (state: FakeState) => new PaneController(createExcelPort(fakeRunner(state), () => true));

test("controller: a corrected role is used at once, saved in the workbook, read back by a new pane, and survives an inserted column", async () => {
  const { a, budget, header } = annexWithOddBudgetHeader();
  const state = stateFromSnapshot(a.workbook);
  const c1 = controllerOn(state);
  await act(() => c1.check());
  const before = c1.getState().report!;
  expect(before.layout.detail!.columns.budget).toBeUndefined();
  expect(before.layout.detail!.readings.find((r) => r.key === "budget")?.status).toBe("missing");

  await act(() => c1.setReading("detail", "budget", lettersToCol(budget)));
  const after = c1.getState();
  expect(after.error).toBeNull();
  expect(after.report!.layout.detail!.columns.budget).toBe(lettersToCol(budget));
  expect(after.report!.layout.detail!.readings.find((r) => r.key === "budget")?.status).toBe("user");
  expect(after.report!.skipped.map((s) => s.rule)).not.toContain("budget-sum");
  expect(after.report!.findings.filter((f) => f.severity === "error")).toEqual([]);
  const parts = savedParts(state);
  expect(parts).toHaveLength(1);
  expect(mappingFromXml(parts[0]!)!.entries).toEqual([{ table: "detail", sheet: a.truth.detail.sheet, key: "budget", header, column: budget }]);

  // The pane is closed and opened again: the saved reading applies without the user doing anything.
  const c2 = controllerOn(state);
  await act(() => c2.check());
  expect(c2.getState().report!.layout.detail!.columns.budget).toBe(lettersToCol(budget));

  // A column is inserted before the budget (the saved part travels with the workbook): the header text still finds it.
  const shifted: WorkbookSnapshot = cloneSnapshot(a.workbook);
  insertColumn(shifted, a.truth.detail.sheet, lettersToCol(budget));
  const moved = stateFromSnapshot(shifted);
  moved.parts = new Map(state.parts);
  moved.nextPart = state.nextPart;
  const c3 = controllerOn(moved);
  await act(() => c3.check());
  expect(c3.getState().report!.layout.detail!.columns.budget).toBe(lettersToCol(budget) + 1);

  // « Revenir à la lecture automatique » removes the part.
  await act(() => c3.resetReading());
  expect(savedParts(moved)).toEqual([]);
  expect(c3.getState().report!.layout.detail!.columns.budget).toBeUndefined();
});

test("controller: « absente » takes a role away from a column, and is saved as such", async () => {
  const { a } = annexWithOddBudgetHeader();
  const state = stateFromSnapshot(a.workbook);
  const c = controllerOn(state);
  await act(() => c.check());
  const key = a.truth.detail.columns.objectiveType ? "objectiveType" : "theme";
  expect(c.getState().report!.layout.detail!.columns[key as "theme"]).toBeDefined();
  await act(() => c.setReading("detail", key, null));
  expect(c.getState().report!.layout.detail!.columns[key as "theme"]).toBeUndefined();
  expect(mappingFromXml(savedParts(state)[0]!)!.entries).toEqual([{ table: "detail", sheet: a.truth.detail.sheet, key, header: null, column: null }]);
});

test("pane: « Lecture » lists each role with its column letter, header and status; picking a column re-checks at once", async () => {
  const { a, budget, header } = annexWithOddBudgetHeader();
  const state = stateFromSnapshot(a.workbook);
  const controller = controllerOn(state);
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane controller={controller} />
    </FluentProvider>,
  );
  fireEvent.click(screen.getByRole("tab", { name: "Lecture" }));
  expect(screen.getByTestId("mapping-view").textContent).toContain("Lancez d'abord le contrôle");
  await act(() => controller.check());

  const detail = screen.getByTestId("reading-detail");
  expect(detail.textContent).toContain(`feuille «\u00a0${a.truth.detail.sheet}\u00a0»`);
  const fiche = within(detail)
    .getAllByTestId("reading")
    .find((r) => r.getAttribute("data-key") === "fiche")!;
  const ficheSelect = within(fiche).getByRole<HTMLSelectElement>("combobox");
  expect(ficheSelect.selectedOptions[0]!.textContent).toMatch(new RegExp(`^${a.truth.detail.columns.fiche} — numéro fiche action`));
  expect(within(fiche).getByTestId("reading-status").textContent).toBe("confirmée");

  const row = within(detail)
    .getAllByTestId("reading")
    .find((r) => r.getAttribute("data-key") === "budget")!;
  expect(within(row).getByTestId("reading-status").textContent).toBe("non trouvée");
  const select = within(row).getByRole<HTMLSelectElement>("combobox", { name: "Colonne du rôle «\u00a0Moyens financiers prévisionnels\u00a0»" });
  const option = [...select.options].find((o) => o.value === String(lettersToCol(budget)))!;
  expect(option.textContent).toBe(`${budget} — ${header}`);
  expect([...select.options].map((o) => o.textContent)).toContain("absente");

  fireEvent.change(select, { target: { value: String(lettersToCol(budget)) } });
  // The re-check reads the workbook in slices that give the thread back (issue 15): more than waitFor's default second
  // on a loaded machine.
  await waitFor(() => expect(screen.getByTestId("info").textContent).toContain("Lecture enregistrée dans le classeur"), { timeout: 20_000 });
  const row2 = within(screen.getByTestId("reading-detail"))
    .getAllByTestId("reading")
    .find((r) => r.getAttribute("data-key") === "budget")!;
  expect(within(row2).getByTestId("reading-status").textContent).toBe("votre choix");
  expect(within(row2).getByRole<HTMLSelectElement>("combobox").value).toBe(String(lettersToCol(budget)));
  expect(screen.getByTestId("mapping-count").textContent).toBe("1 choix enregistré dans le classeur.");
  expect(savedParts(state)).toHaveLength(1);
  expect(colToLetters(controller.getState().report!.layout.detail!.columns.budget!)).toBe(budget);
});
