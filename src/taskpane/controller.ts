// The pane's state and actions: calls the port (Excel) and the engine (the core's check and plans, in a worker when
// the browser has one). Components only render it.
import type { RateBar } from "../core/compute/consumption";
import { planWiden } from "../core/compute/widen";
import type { TableKind } from "../core/layout/types";
import { colToLetters } from "../core/model/a1";
import type { ColumnMapping, MappingEntry } from "../core/layout/mapping";
import { mappingViewText } from "../messages/mapping";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import type { EditPlan } from "../core/plan/types";
import type { Finding } from "../core/rules/types";
import { isOfficeError, UserError, userMessage } from "../excel/errors";
import type { AnnexPort } from "../excel/port";
import type { PreparedApply } from "../excel/applyPlan";
import type { UndoKind } from "../excel/undo";
import { noAnnexMessage } from "../messages/layout";
import { excelText } from "../messages/excel";
import { paneText } from "../messages/pane";
import { REPORT_SHEET } from "../excel/reportSheet";
import { PlanError } from "../core/plan/validate";
import { InlineEngine, Superseded, type CoreEngine } from "./engine/engine";
import type { PaneReport, PlanKind, PlanParams, PreparedFill, PreparedYear } from "./engine/session";
import { findingKey } from "./viewModel";

export type Busy = null | "check" | "fill" | "year" | "undo" | "select" | "widen" | "flag";

export interface PaneState {
  busy: Busy;
  error: string | null;
  /** For an internal error (our bug, in the pane or its worker): the detail to report, stack included. */
  errorDetail: string | null;
  info: string | null;
  snapshot: WorkbookSnapshot | null;
  report: PaneReport | null;
  charts: { engagements: RateBar[]; funders: RateBar[] } | null;
  seen: string[];
  /** Compléter's plan as shown (summary and preview); its edits stay in the engine until applied. */
  fillPlan: PreparedFill | null;
  force: boolean;
  year: number | null;
  yearPlan: PreparedYear | null;
  /** A plan being made for new parameters (another year, « remplacer aussi »): its apply waits for it. */
  preparing: { fill: boolean; year: boolean };
  canUndo: boolean;
  /** Actions with an undo record in the workbook (read at each check: a reopened pane offers them too). */
  undoable: UndoKind[];
  /** The action the main "Annuler" button undoes (the last one done here). */
  lastKind: UndoKind | "flags" | null;
  /** Cells changed since the write: the user says whether the undo keeps them. */
  undoPending: { kind: UndoKind; changed: string[] } | null;
  /** Colours put by "Signaler" are in the workbook and can be taken off. */
  flagged: boolean;
  /** The user's corrections of the reading (« Lecture de l'annexe »), as saved in the workbook; null = automatic reading. */
  mapping: ColumnMapping | null;
}

export { findingKey };

export class PaneController {
  private state: PaneState = {
    busy: null,
    error: null,
    errorDetail: null,
    info: null,
    snapshot: null,
    report: null,
    charts: null,
    seen: [],
    fillPlan: null,
    force: false,
    year: null,
    yearPlan: null,
    preparing: { fill: false, year: false },
    canUndo: false,
    undoable: [],
    lastKind: null,
    undoPending: null,
    flagged: false,
    mapping: null,
  };
  private mappingLoaded = false;
  private readonly listeners = new Set<() => void>();
  /** Bumped by each check: answers of an older one are dropped. */
  private generation = 0;
  private readonly preparingNow: Partial<Record<PlanKind, Promise<void>>> = {};
  private readonly engine: CoreEngine;

  constructor(
    private readonly port: AnnexPort,
    private readonly measure?: (text: string) => number,
    engine?: CoreEngine,
  ) {
    this.engine = engine ?? new InlineEngine(measure);
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getState = (): PaneState => this.state;

  private set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private async run(busy: Busy, job: () => Promise<void>): Promise<void> {
    this.set({ busy, error: null, errorDetail: null, info: null });
    try {
      await job();
    } catch (e) {
      // A check replaced by a newer one: the newer one speaks.
      if (e instanceof Superseded) return;
      this.set({ error: userMessage(e, "pane"), errorDetail: internalDetail(e) });
    } finally {
      this.set({ busy: null });
    }
  }

  /** Reads the workbook (2 round trips), checks it, refreshes previews; the report sheet is the ribbon's job. */
  check = (): Promise<void> =>
    this.run("check", async () => {
      let snapshot: WorkbookSnapshot;
      if (!this.mappingLoaded && this.port.readWithMapping) {
        // The saved reading rides the snapshot's round trips, as in the ribbon.
        const read = await this.port.readWithMapping();
        snapshot = read.snapshot;
        this.set({ mapping: read.mapping });
        this.mappingLoaded = true;
      } else {
        snapshot = await this.port.read();
        if (!this.mappingLoaded && this.port.loadMapping) {
          this.set({ mapping: await this.port.loadMapping() });
          this.mappingLoaded = true;
        }
      }
      const mapping = this.state.mapping ?? undefined;
      const generation = ++this.generation;
      // From here the engine holds the new snapshot: if this check fails, the last report no longer matches it.
      const forget = () =>
        generation === this.generation &&
        this.set({ snapshot: null, report: null, charts: null, fillPlan: null, yearPlan: null, preparing: { fill: false, year: false } });
      const outcome = await this.engine.check(snapshot, mapping).catch((e: unknown) => {
        if (!(e instanceof Superseded)) forget();
        throw e;
      });
      if (generation !== this.generation) return;
      const { report, charts } = outcome;
      if (!report.tables.length) {
        forget();
        throw new UserError(noAnnexMessage(report.layout.closest));
      }
      const seen = await this.port.loadSeen();
      const records = await this.port.undoable();
      const corrupt = records.corrupt.map((k) => excelText.undoCorrupt(excelText.kindLabel[k] ?? k));
      const last = report.layout.detail?.years.at(-1) ?? null;
      this.set({
        snapshot,
        report,
        seen,
        undoable: records.available,
        canUndo: records.available.length > 0 || this.state.flagged,
        lastKind:
          this.state.lastKind === "flags" || (this.state.lastKind && records.available.includes(this.state.lastKind))
            ? this.state.lastKind
            : (records.available.at(-1) ?? null),
        ...(corrupt.length ? { info: corrupt.join(" ") } : {}),
        charts,
        // Write plans wait until their tab asks (preparePlan): at 10 000 rows each costs as much as the check.
        fillPlan: null,
        year: last === null ? null : last + 1,
        yearPlan: null,
        preparing: { fill: false, year: false },
      });
    });

  private params(tab: PlanKind): PlanParams | null {
    const s = this.state;
    if (tab === "fill") return { kind: "fill", force: s.force };
    return s.year === null ? null : { kind: "year", year: s.year };
  }

  /**
   * Makes the tab's write plan on the last check (in the engine) and shows its preview: the fill and year views ask
   * when they show, and again when the user changes its parameters. An answer for older parameters or an older check
   * is dropped.
   */
  preparePlan = (tab: PlanKind, again = false): Promise<void> => {
    const s = this.state;
    const params = this.params(tab);
    if (!s.snapshot || !s.report || !params) return Promise.resolve();
    if (!again && (tab === "fill" ? s.fillPlan : s.yearPlan) && !s.preparing[tab]) return Promise.resolve();
    if (!again && s.preparing[tab]) return this.preparingNow[tab] ?? Promise.resolve();
    const generation = this.generation;
    this.set({ preparing: { ...this.state.preparing, [tab]: true } });
    const current = () => generation === this.generation && JSON.stringify(this.params(tab)) === JSON.stringify(params);
    const job = (params.kind === "fill" ? this.engine.prepare(params) : this.engine.prepare(params)).then(
      (prepared) => {
        if (!current()) return;
        this.set({ [tab === "fill" ? "fillPlan" : "yearPlan"]: prepared, preparing: { ...this.state.preparing, [tab]: false } });
      },
      (e: unknown) => {
        if (!current()) return;
        const shown = e instanceof Superseded ? {} : { error: userMessage(e, "pane"), errorDetail: internalDetail(e) };
        this.set({ preparing: { ...this.state.preparing, [tab]: false }, ...shown });
      },
    );
    this.preparingNow[tab] = job;
    return job;
  };

  select = (f: Finding): Promise<void> => this.run("select", () => this.port.select(f.sheet, f.cell));

  widen = (f: Finding): Promise<void> =>
    this.run("widen", async () => {
      if (!this.state.snapshot) throw new UserError(paneText.needCheck);
      const plan = planWiden(this.state.snapshot, f.sheet, f.cell, this.measure);
      if (!plan.edits.length) return;
      await this.port.apply(plan, this.state.snapshot);
      this.set({ lastKind: "widen" });
      await this.check();
      this.set({ info: excelText.widened });
    });

  toggleSeen = (f: Finding): Promise<void> =>
    this.run(null, async () => {
      const k = findingKey(f);
      const seen = this.state.seen.includes(k) ? this.state.seen.filter((x) => x !== k) : [...this.state.seen, k];
      await this.port.saveSeen(seen);
      this.set({ seen });
    });

  flag = (): Promise<void> =>
    this.run("flag", async () => {
      if (!this.state.report || !this.state.snapshot) throw new UserError(paneText.needCheck);
      const n = await this.port.flag(this.state.report.findings, this.state.snapshot);
      const sheet = await this.port.writeReport(this.state.report, this.state.snapshot);
      this.set({
        flagged: n > 0,
        lastKind: n > 0 ? "flags" : this.state.lastKind,
        canUndo: n > 0 || this.state.undoable.length > 0,
        info: `${paneText.check.flagged(n)} ${paneText.check.report}${sheet !== REPORT_SHEET ? ` ${excelText.reportNameTaken(REPORT_SHEET, sheet)}` : ""}`,
      });
    });

  clearFlags = (): Promise<void> =>
    this.run("flag", async () => {
      const n = await this.port.clearFlags();
      this.set({
        flagged: false,
        lastKind: this.state.lastKind === "flags" ? null : this.state.lastKind,
        canUndo: this.state.undoable.length > 0,
        info: paneText.check.cleared(n),
      });
    });

  setForce = (force: boolean): void => {
    this.set({ force });
    if (this.state.fillPlan || this.state.preparing.fill) void this.preparePlan("fill", true);
  };

  /** The whole plan the preview showed, from the engine, for the apply. */
  private async planToApply(tab: PlanKind): Promise<{ plan: EditPlan; snapshot: WorkbookSnapshot; prepared?: PreparedApply }> {
    await this.preparePlan(tab);
    const { snapshot } = this.state;
    const params = this.params(tab);
    if (!snapshot || !params || !(tab === "fill" ? this.state.fillPlan : this.state.yearPlan)) throw new UserError(paneText.needCheck);
    const plan = await this.engine.plan(params);
    // The cells the apply re-checks, derived in the worker too (at 10 000 rows: 100 000 of them).
    const prepared = this.engine.applyPrep ? await this.engine.applyPrep(params) : undefined;
    return { plan, snapshot, prepared };
  }

  applyFill = (): Promise<void> =>
    this.run("fill", async () => {
      const { plan: fillPlan, snapshot, prepared } = await this.planToApply("fill");
      await this.port.apply(fillPlan, snapshot, prepared);
      const n = fillPlan.stats.formulas;
      this.set({ lastKind: "fill" });
      await this.check();
      this.set({ info: paneText.fill.done(n) });
    });

  setYear = (year: number): void => {
    this.set({ year });
    void this.preparePlan("year", true);
  };

  applyYear = (): Promise<void> =>
    this.run("year", async () => {
      const year = this.state.year;
      const { plan: yearPlan, snapshot, prepared } = await this.planToApply("year");
      if (year === null) throw new UserError(paneText.needCheck);
      if (yearPlan.blocked) throw new UserError(yearPlan.notes.join(" "));
      await this.port.apply(yearPlan, snapshot, prepared);
      const n = yearPlan.stats.insertedColumns;
      this.set({ lastKind: "add-year" });
      await this.check();
      this.set({ info: paneText.year.done(year, n) });
    });

  /**
   * Undoes one action (by default the last one done). If cells changed since the write, nothing is written yet:
   * the user chooses with confirmUndo whether they are kept (the default) or overwritten.
   */
  undo = (kind?: UndoKind | "flags"): Promise<void> => {
    if ((kind ?? this.state.lastKind) === "flags") return this.clearFlags();
    return this.run("undo", async () => {
      const k = (kind ?? this.state.lastKind ?? this.state.undoable.at(-1) ?? null) as UndoKind | null;
      if (!k) {
        this.set({ canUndo: false, info: excelText.nothingToUndo });
        return;
      }
      await this.finishUndo(k, undefined);
    });
  };

  confirmUndo = (keepChanged: boolean): Promise<void> =>
    this.run("undo", async () => {
      const pending = this.state.undoPending;
      if (!pending) return;
      await this.finishUndo(pending.kind, keepChanged);
    });

  private async finishUndo(kind: UndoKind, keepChanged: boolean | undefined): Promise<void> {
    const label = excelText.kindLabel[kind] ?? kind;
    // Disarmed before anything else: a failure below never leaves a button that would replay it.
    this.set({
      undoPending: null,
      undoable: this.state.undoable.filter((x) => x !== kind),
      lastKind: this.state.lastKind === kind ? null : this.state.lastKind,
    });
    const outcome = await this.port.undo(kind, keepChanged);
    if (!outcome) {
      this.set({ info: excelText.undoNothing(label) });
      return;
    }
    if (outcome.needsConfirmation) {
      this.set({
        undoable: [...this.state.undoable, kind],
        undoPending: { kind, changed: outcome.changed },
        info: excelText.undoChanged(outcome.changed.slice(0, 8), Math.max(0, outcome.changed.length - 8)),
      });
      return;
    }
    await this.check();
    const kept = keepChanged === false ? 0 : outcome.changed.length;
    // "Back as it was" only when it is true: nothing kept.
    this.set({
      info:
        kept || outcome.keptColumns.length
          ? excelText.undoDone(label, outcome.restored, kept, outcome.keptColumns)
          : `${paneText.undone} ${excelText.undoDone(label, outcome.restored, 0, [])}`,
    });
  }

  /** "Signaler" undone: the fills put back where our colour still stands. */
  undoFlags = (): Promise<void> => this.clearFlags();

  clearAddinData = (): Promise<void> =>
    this.run("flag", async () => {
      const n = await this.port.clearAddinData();
      this.set({ undoable: [], lastKind: null, undoPending: null, canUndo: false, flagged: false, seen: [], info: excelText.cleared(n) });
    });

  /** The user names the column of one role (or null: « absente »); saved in the workbook, then checked again at once. */
  setReading = (table: TableKind, key: string, col: number | null): Promise<void> =>
    this.run("check", async () => {
      const t = table === "detail" ? this.state.report?.layout.detail : this.state.report?.layout.summary;
      if (!t) throw new UserError(mappingViewText.needCheck);
      const header = col === null ? null : (t.headers[col] ?? "").trim() || null;
      const entry: MappingEntry = { table, sheet: t.sheet, key, header, column: col === null ? null : colToLetters(col) };
      const kept = (this.state.mapping?.entries ?? []).filter((e) => !(e.table === table && e.sheet === t.sheet && e.key === key));
      const mapping: ColumnMapping = { version: 1, entries: [...kept, entry] };
      await this.saveMapping(mapping);
      await this.check();
      if (!this.state.error) this.set({ info: mappingViewText.saved });
    });

  /** Forgets the user's corrections: the automatic reading applies again. */
  resetReading = (): Promise<void> =>
    this.run("check", async () => {
      await this.saveMapping(null);
      await this.check();
      if (!this.state.error) this.set({ info: mappingViewText.resetDone });
    });

  private async saveMapping(mapping: ColumnMapping | null): Promise<void> {
    if (this.port.saveMapping) await this.port.saveMapping(mapping);
    this.mappingLoaded = true;
    this.set({ mapping });
  }

  dismiss = (): void => this.set({ error: null, errorDetail: null, info: null });
}

/** The detail of an internal error (name, message, stack), or null for the user's and Excel's own errors. */
function internalDetail(e: unknown): string | null {
  if (e instanceof UserError || e instanceof PlanError || isOfficeError(e)) return null;
  return e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
}
