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
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
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
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane controller={controller} />
    </FluentProvider>,
  );
  return { state, controller };
}

async function runCheck() {
  fireEvent.click(screen.getByTestId("run-check"));
  await screen.findByTestId("recognised", undefined, { timeout: 10_000 });
}

const formulasOf = (state: FakeState) =>
  JSON.stringify(snapshotFromState(state).sheets.map((s) => s.cells.map((r) => r?.map((c) => c?.formula ?? c?.value ?? null))));

const NB = "\u00a0";
const visible = () => screen.getAllByTestId("finding");
const mainOf = (li: HTMLElement) => li.querySelector<HTMLButtonElement>("button[data-rove]")!;
/** Numeric part of a fiche number, 1e9 for findings outside any fiche (they come after the fiches). */
const ficheRank = (li: HTMLElement) => {
  const m = /^Fiche (\d+)/.exec(mainOf(li).textContent.replace(/^.*?(Fiche \d+)/, "$1"));
  return m ? Number(m[1]) : 1e9;
};

test("the check: a one-line verdict first, what was recognised, the counts, errors then warnings then infos in fiche order", async () => {
  setup();
  await runCheck();
  expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Annexe CDPPE");
  expect(screen.getByTestId("verdict").textContent).toBe(`Annexe à corriger${NB}: 1 erreur, 26 avertissements à examiner.`);
  const rec = screen.getByTestId("recognised").textContent;
  expect(rec).toContain(`«${NB}Suivi fiches actions${NB}» A2:AP46 — 41 fiches, 2020-2022, confiance 100${NB}%`);
  expect(rec).toContain(`«${NB}Synthèse financière${NB}» A2:L61`);
  expect(screen.getByTestId("count-error").textContent).toContain("1");
  expect(screen.getByTestId("count-warning").textContent).toContain("26");
  expect(screen.getByTestId("count-info").textContent).toContain("28");
  // 55 findings: 49 listed, the 6 print-rounding notes folded at the end.
  expect(visible()).toHaveLength(49);
  const rules = visible().map((li) => li.dataset.rule);
  expect(rules[0]).toBe("display-overflow");
  const severities = visible().map((li) =>
    li
      .closest("section")!
      .getAttribute("aria-labelledby")!
      .replace(/^section-/, ""),
  );
  expect(severities).toEqual([...Array(1).fill("error"), ...Array(26).fill("warning"), ...Array(22).fill("info")]);
  for (const sev of ["warning", "info"]) {
    const ranks = visible()
      .filter((_, i) => severities[i] === sev)
      .map(ficheRank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  }
  // Natural order: fiche 3 before fiche 12 before fiche 13 (a text sort would put 12 and 13 before 3).
  const infoFiches = visible()
    .filter((_, i) => severities[i] === "info")
    .map(ficheRank);
  expect(infoFiches.slice(0, 3)).toEqual([3, 12, 13]);
  const toggle = screen.getByTestId("rounding-toggle");
  expect(toggle.textContent).toContain("Écarts d'arrondi sans conséquence (6)");
  expect(toggle.getAttribute("aria-expanded")).toBe("false");
  fireEvent.click(toggle);
  expect(toggle.getAttribute("aria-expanded")).toBe("true");
  expect(visible()).toHaveLength(55);
  expect(
    visible()
      .slice(49)
      .every((li) => li.dataset.rule === "total-row"),
  ).toBe(true);
  expect(screen.getByTestId("chart")).toBeTruthy();
});

test("findings speak the officer's language: no internal key, amounts in euros, French spacing", async () => {
  setup();
  await runCheck();
  fireEvent.click(screen.getByTestId("rounding-toggle"));
  const text = screen.getByTestId("findings").textContent;
  expect(text).not.toMatch(/engagement\d|groupe\d|\b(ms|dgas|cd|fir|etat|ondam|realised|rate)(Total|20\d\d|LastYear|Global)\b|undefined|NaN/);
  expect(text).toContain(`Sous-total de l'engagement 1, colonne K`);
  const overflow = visible().find((li) => li.dataset.rule === "display-overflow")!;
  expect(overflow.textContent).toContain(`Attendu${NB}: 1\u202f155\u202f000${NB}€ · constaté${NB}: #########`);
  const total = visible().find((li) => li.dataset.cell === `${D}!AM46`)!;
  expect(total.textContent).toContain(`constaté${NB}: 13\u202f379\u202f487,20${NB}€`);
  // No ordinary space before « : ; ! ? % » nor after « in what the pane writes (cell texts quoted as typed aside).
  // E17 holds "Fondamental :" as typed: the cell's own text, shown as it is.
  const ours = text.replace(/«[^»]*»/g, "«»").replace("constaté\u00a0: Fondamental :", "");
  expect(ours.match(/.{30}(?: [:;!?%»]|« ).{10}/g) ?? []).toEqual([]);
  expect(text).not.toMatch(/écart négatif de -/);
});

test("filters by severity and rule; a rule's findings in fiche order", async () => {
  setup();
  await runCheck();
  fireEvent.click(screen.getByTestId("count-info"));
  expect(visible()).toHaveLength(27);
  expect(screen.queryByTestId("rounding-toggle")).toBeNull();
  fireEvent.change(screen.getByLabelText("Règle"), { target: { value: "source-funder" } });
  expect(visible().map((f) => f.dataset.cell)).toEqual([
    "Suivi fiches actions!Y20",
    "Suivi fiches actions!Y21",
    "Suivi fiches actions!Y28",
    "Suivi fiches actions!Y36",
    "Suivi fiches actions!Y42",
    "Suivi fiches actions!Y43",
    "Suivi fiches actions!Y44",
    "Suivi fiches actions!Y45",
  ]);
  expect(screen.getByText("Avertissements (8)")).toBeTruthy();
});

test("the findings are one keyboard list: one Tab stop, arrows move, Enter selects the cell in Excel", async () => {
  const { state } = setup();
  await runCheck();
  const list = screen.getByTestId("findings");
  const tabbable = () => [...list.querySelectorAll<HTMLElement>("button")].filter((b) => b.tabIndex === 0);
  // One finding is the list's stop: its main button and its own actions; nothing of the 48 others.
  expect(tabbable().map((b) => b.closest("li")!.dataset.cell)).toEqual([`${D}!AJ46`, `${D}!AJ46`, `${D}!AJ46`]);
  // No button inside a button.
  expect(list.querySelectorAll("button button")).toHaveLength(0);
  const first = mainOf(visible()[0]!);
  first.focus();
  fireEvent.keyDown(first, { key: "ArrowDown" });
  expect(document.activeElement).toBe(mainOf(visible()[1]!));
  expect(tabbable()[0]!.closest("li")).toBe(visible()[1]);
  fireEvent.keyDown(document.activeElement!, { key: "End" });
  expect(document.activeElement).toBe(screen.getByTestId("rounding-toggle"));
  fireEvent.keyDown(document.activeElement!, { key: "ArrowUp" });
  expect(document.activeElement).toBe(mainOf(visible()[48]!));
  fireEvent.keyDown(document.activeElement!, { key: "Home" });
  expect(document.activeElement).toBe(first);
  // → reaches the finding's actions, ← comes back.
  fireEvent.keyDown(first, { key: "ArrowRight" });
  expect(document.activeElement!.textContent).toBe("Élargir la colonne");
  fireEvent.keyDown(document.activeElement!, { key: "ArrowLeft" });
  expect(document.activeElement).toBe(first);
  fireEvent.click(first);
  await waitFor(() => expect(state.selection).toBe(`${D}!AJ46`));
  const modalite = visible().find((f) => f.dataset.cell === "Synthèse financière!I18")!;
  fireEvent.click(within(modalite).getByText("La modalité PLF est indiquée mais le financeur correspondant n'apporte aucun montant."));
  await waitFor(() => expect(state.selection).toBe("Synthèse financière!I18"));
});

test("tabs and toolbars are one Tab stop each: arrows move inside them", async () => {
  setup();
  await runCheck();
  const stops = (el: HTMLElement) => [...el.querySelectorAll<HTMLElement>("button")].filter((b) => b.tabIndex === 0).map((b) => b.textContent);
  const tabs = screen.getByRole("tablist");
  expect(stops(tabs)).toEqual(["Contrôle"]);
  const [actions, severities] = screen.getAllByRole("toolbar");
  expect(stops(actions!)).toEqual(["Relancer le contrôle"]);
  expect(stops(severities!)).toHaveLength(1);
  const first = screen.getByText("Relancer le contrôle").closest("button")!;
  first.focus();
  fireEvent.keyDown(first, { key: "ArrowRight" });
  expect(document.activeElement!.textContent).toBe("Signaler dans la feuille");
  expect(stops(actions!)).toEqual(["Signaler dans la feuille"]);
  fireEvent.keyDown(document.activeElement!, { key: "End" });
  expect(document.activeElement!.textContent).toBe("Effacer les signalements");
  const check = screen.getByRole("tab", { name: "Contrôle" });
  check.focus();
  fireEvent.keyDown(check, { key: "ArrowRight" });
  expect(document.activeElement).toBe(screen.getByRole("tab", { name: "Compléter" }));
  expect(screen.getByRole("tab", { name: "Compléter" }).getAttribute("aria-selected")).toBe("true");
  expect(await screen.findByTestId("fill-preview")).toBeTruthy();
});

test("« Élargir la colonne » on the ##### total widens AJ, and the finding is gone", async () => {
  const { state } = setup();
  await runCheck();
  const overflow = visible().find((f) => f.dataset.rule === "display-overflow")!;
  fireEvent.click(within(overflow).getByText("Élargir la colonne"));
  await waitFor(() => expect(screen.getByTestId("count-error").textContent).toContain("0"));
  expect(state.sheets.find((s) => s.name === D)!.widths.get(36)!).toBeGreaterThan((9.5 * 7 * 72) / 96);
  expect(screen.getByTestId("verdict").textContent).toBe(`Aucune erreur${NB}: 26 avertissements à examiner.`);
});

test("« Marquer comme vu » is remembered in the document", async () => {
  const { state } = setup();
  await runCheck();
  const first = visible()[0]!;
  fireEvent.click(within(first).getByText("Marquer comme vu"));
  await waitFor(() => expect(within(visible()[0]!).getByText("vu")).toBeTruthy());
  // The error comes first (worst severity first): the ##### total.
  expect(first.dataset.rule).toBe("display-overflow");
  const key = `${first.dataset.rule}|${first.dataset.cell!.replace("!", "|")}`;
  expect(key).toBe("display-overflow|Suivi fiches actions|AJ46");
  expect([...state.parts.values()].some((x) => x.includes("seen") && x.includes(key))).toBe(true);
  fireEvent.click(screen.getByLabelText("Masquer les constatations vues"));
  expect(visible()).toHaveLength(48);
});

test("Compléter: each formula as it will be written, then apply, then Annuler restores every cell", async () => {
  const { state } = setup();
  const before = formulasOf(state);
  await runCheck();
  fireEvent.click(screen.getByRole("tab", { name: "Compléter" }));
  expect((await screen.findByTestId("fill-preview")).textContent).toBe(`126 formules à écrire, dans 3 colonnes${NB}:`);
  const columns = screen.getAllByTestId("fill-column");
  expect(columns.map((c) => c.querySelector("h3")!.textContent)).toEqual([
    "Colonne AM — Niveau d'exécution de l'année (42 formules)",
    "Colonne AO — Niveau d'exécution global (42 formules)",
    "Colonne AP — Écart moyens - réalisations (42 formules)",
  ]);
  // Every formula is listed, cell by cell, as French Excel shows it, with what it will show.
  expect(columns[0]!.querySelectorAll("li")).toHaveLength(42);
  expect(columns[0]!.textContent).toContain(`AM4${NB}= SI((W4+AB4+AF4+AJ4)=0;SI(N(AL4)=0;"";"sans budget");AL4/(W4+AB4+AF4+AJ4)) donne${NB}53${NB}%`);
  expect(columns[2]!.textContent).toContain(`AP46${NB}= L46-AN46 donne${NB}9\u202f864\u202f425,80${NB}€`);
  fireEvent.click(screen.getByTestId("apply-fill"));
  await waitFor(() => expect(screen.getByTestId("info").textContent).toContain("126 formules écrites."));
  expect(state.sheets.find((s) => s.name === D)!.cells.get("4:39")!.formula).toMatch(/^IF\(/);
  fireEvent.click(screen.getByTestId("undo"));
  await waitFor(() => expect(screen.getByTestId("info").textContent).toContain("Modification annulée"));
  expect(formulasOf(state)).toBe(before);
});

test("the check computes no write plan: each is computed when its tab is opened, and again after the next check", async () => {
  const { controller } = setup();
  await runCheck();
  expect([controller.getState().fillPlan, controller.getState().yearPlan]).toEqual([null, null]);
  fireEvent.click(screen.getByRole("tab", { name: "Compléter" }));
  expect((await screen.findByTestId("fill-preview")).textContent).toBe(`126 formules à écrire, dans 3 colonnes${NB}:`);
  expect(controller.getState().fillPlan).not.toBeNull();
  expect(controller.getState().yearPlan).toBeNull();
  await act(() => controller.check());
  // The fill tab is still open: its plan is made again on the new check, the year's still waits.
  await waitFor(() => expect(controller.getState().fillPlan).not.toBeNull());
  expect(controller.getState().yearPlan).toBeNull();
  fireEvent.click(screen.getByRole("tab", { name: "Nouvelle année" }));
  await waitFor(() => expect(controller.getState().yearPlan).not.toBeNull());
});

test("Compléter: a typed rate is shown beside the rate the formula would give, and kept unless asked", async () => {
  const { state } = setup((s) => {
    const sheet = s.sheets.find((x) => x.name === D)!;
    sheet.cells[4]![38] = { value: 0, numFmt: "0%" }; // AM5 typed as 0 %
  });
  await runCheck();
  fireEvent.click(screen.getByRole("tab", { name: "Compléter" }));
  const conflicts = await screen.findByTestId("fill-conflicts");
  expect(conflicts.querySelectorAll("li")).toHaveLength(1);
  expect(conflicts.textContent).toContain("AM5 (fiche 2) — valeur saisie différente du calcul");
  expect(within(conflicts).getByTestId("conflict-typed").textContent).toBe(`0${NB}%`);
  expect(within(conflicts).getByTestId("conflict-computed").textContent).toMatch(new RegExp(`^[1-9]\\d*${NB}%$`));
  expect(screen.getByTestId("fill-preview").textContent).toContain("125 formules");
  fireEvent.click(screen.getByTestId("apply-fill"));
  await waitFor(() => expect(screen.getByTestId("info").textContent).toContain("125 formules écrites."));
  expect(state.sheets.find((s) => s.name === D)!.cells.get("5:39")!.value).toBe(0);
});

test("Nouvelle année: the year after the last one, columns, titles changed and titles kept, apply, re-read, Annuler", async () => {
  const { state } = setup();
  const before = formulasOf(state);
  await runCheck();
  fireEvent.click(screen.getByRole("tab", { name: "Nouvelle année" }));
  expect(screen.getByTestId<HTMLInputElement>("year-field").value).toBe("2023");
  expect(document.body.textContent).toContain(`Dernière année présente dans l'annexe${NB}: 2022.`);
  const preview = (await screen.findByTestId("year-preview")).textContent;
  expect(preview).toContain("Réalisations en 2023");
  expect(preview).toContain("Budget consommé en 2023");
  expect(screen.getByTestId("year-preview").querySelectorAll("li")).toHaveLength(12);
  expect(preview).toContain("Masse salariale 2023");
  const retitled = screen.getByTestId("year-retitled").textContent;
  expect(retitled).toContain(
    `${D}!M2${NB}: «${NB}Moyen financiers prévisionnels (2020, 2021, 2022)${NB}» devient «${NB}Moyen financiers prévisionnels (2020, 2021, 2022, 2023)${NB}»`,
  );
  expect(retitled).toContain(`(au 31/12/22)${NB}» devient «${NB}Niveau d'exécution budgétaire globale (au 31/12/23)`);
  const kept = screen.getByTestId("year-kept").textContent;
  expect(kept).toContain(`${D}!A1${NB}: «${NB}Suivi des fiches actions du CDPPE 2020-2022 – exécution budgétaire au 31/12/2022${NB}»`);
  expect(kept).toContain(`Synthèse financière!D2${NB}: «${NB}Financements prévus 2020-2022${NB}»`);
  expect(retitled).toContain(`Synthèse financière!N2${NB}: «${NB}Budget consommé 2020-2022${NB}» devient «${NB}Budget consommé 2020-2023${NB}»`);
  expect(screen.getByTestId("year-kept").querySelectorAll("li")).toHaveLength(2);
  expect(kept).not.toContain("horizon");
  fireEvent.click(screen.getByTestId("apply-year"));
  await waitFor(() => expect(screen.getByTestId("info").textContent).toContain(`Année 2023 ajoutée${NB}: 12 colonnes insérées.`));
  // Indicators 2023 went in at L, so Masse salariale 2023 is column Q (17), headed like its neighbours (text).
  expect(state.sheets.find((s) => s.name === D)!.cells.get("3:17")!.value).toBe("2023");
  expect(state.sheets.find((s) => s.name === D)!.cells.get("3:16")!.value).toBe("2022");
  // The years are read again from the workbook: 2023 is now the last one.
  // 2024 is not armed where 2023's button was: the view says 2023 is now the last year until asked for another.
  await waitFor(() =>
    expect(screen.getByTestId("year-added").textContent).toBe(`2023 est maintenant la dernière année de l'annexe${NB}: saisissez-en les montants.`),
  );
  expect(screen.queryByTestId("apply-year")).toBeNull();
  fireEvent.click(screen.getByTestId("year-another"));
  // The years are read again from the workbook: 2023 is now the last one, 2024 the next.
  expect(document.body.textContent).toContain(`Dernière année présente dans l'annexe${NB}: 2023.`);
  expect(screen.getByTestId<HTMLInputElement>("year-field").value).toBe("2024");
  fireEvent.click(screen.getByTestId("undo"));
  await waitFor(() => expect(screen.getByTestId("info").textContent).toContain("Modification annulée"));
  expect(formulasOf(state)).toBe(before);
  expect(screen.getByTestId<HTMLInputElement>("year-field").value).toBe("2023");
});

test("a protected sheet gives a French error with what to do, and nothing is written", async () => {
  const { state } = setup((s) => {
    s.sheets.find((x) => x.name === D)!.protected = true;
  });
  const before = formulasOf(state);
  await runCheck();
  fireEvent.click(screen.getByRole("tab", { name: "Compléter" }));
  fireEvent.click(await screen.findByTestId("apply-fill"));
  await waitFor(() => expect(screen.getByTestId("error").textContent).toMatch(/protégée.*Ôter la protection.*Rien n'a été écrit/));
  expect(formulasOf(state)).toBe(before);
});

test("a workbook without an annex: the check says so in French", async () => {
  setup((s) => {
    s.sheets = [{ ...s.sheets[0]!, cells: [], rowCount: 0, colCount: 0 }];
  });
  fireEvent.click(screen.getByTestId("run-check"));
  await waitFor(() => expect(screen.getByTestId("error").textContent).toContain("Aucune annexe CDPPE reconnue"));
});

test("the ribbon's check refreshes the report sheet and gives the counts", async () => {
  const state = stateFromSnapshot(cloneSnapshot(fixture));
  const message = await act(() =>
    runRibbonCheck(
      createExcelPort(fakeRunner(state), () => true),
      new Date(2026, 10, 22),
    ),
  );
  expect(message).toBe(`Contrôle terminé${NB}: 1 erreur, 26 avertissements, 28 informations. Détail dans la feuille «${NB}Contrôle annexe${NB}».`);
  expect(state.sheets.map((s) => s.name)).toContain("Contrôle annexe");
  // Read (2), then the report sheet: which one is ours (1), write (1), its mark (1).
  expect(state.syncs).toBe(5);
});

test("the ribbon's check uses the reading saved in the workbook, as the pane does, in the same round trips", async () => {
  const state = stateFromSnapshot(cloneSnapshot(fixture));
  const port = createExcelPort(fakeRunner(state), () => true);
  // The user said, in « Lecture », that the realised columns are absent: their rules must not run.
  const mapping = {
    version: 1 as const,
    entries: ["realisedLastYear", "realisedSinceStart"].map((key) => ({ table: "detail" as const, sheet: D, key, header: null, column: null })),
  };
  await port.saveMapping!(mapping);
  const pane = new PaneController(port);
  await act(() => pane.check());
  const c = pane.getState().report!.counts;
  expect(pane.getState().report!.layout.detail!.columns.realisedSinceStart).toBeUndefined();
  const before = state.syncs;
  const message = await act(() => runRibbonCheck(port, new Date(2026, 10, 22)));
  expect(message).toBe(
    `Contrôle terminé${NB}: ${c.error} erreur${c.error > 1 ? "s" : ""}, ${c.warning} avertissement${c.warning > 1 ? "s" : ""}, ${c.info} information${c.info > 1 ? "s" : ""}. Détail dans la feuille «${NB}Contrôle annexe${NB}».`,
  );
  // Not the automatic reading's counts: the saved mapping changed the ribbon's check.
  expect(message).not.toContain("1 erreur, 26 avertissements, 28 informations");
  // Same round trips as without a saved mapping: read (2, the mapping riding them), the report sheet (3).
  expect(state.syncs - before).toBe(5);
});

test("the pane's first check reads the saved reading in the snapshot's round trips: no more trips with one than without", async () => {
  const trips = async (saved: boolean) => {
    const state = stateFromSnapshot(cloneSnapshot(fixture));
    const port = createExcelPort(fakeRunner(state), () => true);
    if (saved) await port.saveMapping!({ version: 1, entries: [{ table: "detail", sheet: D, key: "realisedSinceStart", header: null, column: null }] });
    const pane = new PaneController(port);
    const before = state.syncs;
    await act(() => pane.check());
    expect(pane.getState().report!.layout.detail!.columns.realisedSinceStart === undefined).toBe(saved);
    return state.syncs - before;
  };
  expect(await trips(true)).toBe(await trips(false));
});
