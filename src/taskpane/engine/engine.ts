// Where the pane's heavy work runs: in a dedicated worker (the UI thread only reads Excel, posts the snapshot and
// draws), or, on a host without Worker, in the pane itself between yields. A newer check supersedes an older one:
// the older one's answers are never shown.
import type { ColumnMapping } from "../../core/layout/mapping";
import type { WorkbookSnapshot } from "../../core/model/snapshot";
import type { ExpectedCell } from "../../core/plan/preconditions";
import type { EditPlan } from "../../core/plan/types";
import type { PreparedApply } from "../../excel/applyPlan";
import { paneText } from "../../messages/pane";
import { frameOf, type FromWorker, type ToWorker, type WorkerFailure } from "./protocol";
import { CoreSession, type CheckOutcome, type PlanParams, type PreparedFill, type PreparedYear } from "./session";

export interface CoreEngine {
  /** Checks the snapshot and keeps it for the plans asked later; rejects with Superseded when a newer check began. */
  check(snapshot: WorkbookSnapshot, mapping: ColumnMapping | undefined): Promise<CheckOutcome>;
  prepare(params: PlanParams & { kind: "fill" }): Promise<PreparedFill>;
  prepare(params: PlanParams & { kind: "year" }): Promise<PreparedYear>;
  /** The whole plan for the apply: the one the preview showed for these parameters. */
  plan(params: PlanParams): Promise<EditPlan>;
  /** What the apply derives from that plan before any round trip, made off the pane's thread where possible. */
  applyPrep?(params: PlanParams): Promise<PreparedApply>;
  /** "worker" or "inline": said in the bench and the tests. */
  readonly where: "worker" | "inline";
}

/** An answer that belongs to a check replaced by a newer one: dropped, never shown. */
export class Superseded extends Error {
  constructor() {
    super("superseded by a newer check");
    this.name = "Superseded";
  }
}

/** The worker's own error as the pane shows an internal error: its name, message and stack (from the worker). */
export function workerError(f: WorkerFailure): Error {
  const e = new Error(f.message);
  e.name = f.name;
  e.stack = f.stack ? `${f.name}: ${f.message}\n${paneText.worker.stackFrom}\n${f.stack}` : undefined;
  return e;
}

const yieldTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Row slices of the snapshot: sized from the measured cost of a cell (smoothed: one slow post under load must not
 * swing the next one) so that each post takes about SLICE_MS on the UI thread, within [MIN, MAX] cells.
 */
const SLICE_MS = 16;
const MIN_SLICE_CELLS = 2_000;
const MAX_SLICE_CELLS = 20_000;
const FIRST_MS_PER_CELL = 0.0025;

type Pending = { resolve: (m: FromWorker) => void; reject: (e: unknown) => void; edits: EditPlan["edits"]; expected: ExpectedCell[] };

export class WorkerEngine implements CoreEngine {
  readonly where = "worker" as const;
  private worker: Worker | null = null;
  private nextId = 1;
  private checkNo = 0;
  private readonly pending = new Map<number, Pending>();
  /** Figures of the last snapshot post, for the bench: messages, cells, UI-thread time spent posting. */
  lastPost = { messages: 0, cells: 0, postMs: 0, longestPostMs: 0 };

  constructor(
    private readonly url: string,
    private readonly measure: boolean,
  ) {}

  private spawn(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.url);
    w.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    // A worker that cannot start (file missing, refused) or dies: every waiting request fails with what is known.
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.fail(workerError({ name: "Worker", message: paneText.worker.stopped(e.message || paneText.worker.noDetail) }));
    };
    w.onmessageerror = () => this.fail(workerError({ name: "Worker", message: paneText.worker.unreadable }));
    this.worker = w;
    return w;
  }

  private fail(error: Error): void {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  private receive(m: FromWorker): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.type === "edits") {
      for (const e of m.edits) p.edits.push(e);
      return;
    }
    if (m.type === "expected") {
      for (const e of m.cells) p.expected.push(e);
      return;
    }
    this.pending.delete(m.id);
    if (m.type === "failed") p.reject(workerError(m.error));
    else if (m.type === "stale") p.reject(new Superseded());
    else if (m.type === "plan") p.resolve({ ...m, plan: { ...m.plan, edits: p.edits } });
    else p.resolve(m);
  }

  private request(message: ToWorker & { id: number }): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject, edits: [], expected: [] });
      this.spawn().postMessage(message);
    });
  }

  async check(snapshot: WorkbookSnapshot, mapping: ColumnMapping | undefined): Promise<CheckOutcome> {
    const check = ++this.checkNo;
    // A check still running in the worker cannot be interrupted there: the worker is replaced.
    if (this.pending.size) this.fail(new Superseded());
    const w = this.spawn();
    w.postMessage({ type: "begin", check, frame: frameOf(snapshot), measure: this.measure } satisfies ToWorker);
    const stats = { messages: 1, cells: 0, postMs: 0, longestPostMs: 0 };
    let msPerCell = FIRST_MS_PER_CELL;
    for (let s = 0; s < snapshot.sheets.length; s++) {
      const sheet = snapshot.sheets[s]!;
      const width = Math.max(1, sheet.colCount);
      for (let from = 0; from < sheet.cells.length;) {
        const budget = Math.min(MAX_SLICE_CELLS, Math.max(MIN_SLICE_CELLS, SLICE_MS / msPerCell));
        const rows = sheet.cells.slice(from, from + Math.max(1, Math.floor(budget / width)));
        const t0 = performance.now();
        this.worker!.postMessage({ type: "rows", check, sheet: s, from, rows } satisfies ToWorker);
        const ms = performance.now() - t0;
        const cells = rows.length * width;
        stats.messages++;
        stats.cells += cells;
        stats.postMs += ms;
        stats.longestPostMs = Math.max(stats.longestPostMs, ms);
        if (cells >= MIN_SLICE_CELLS) msPerCell = 0.7 * msPerCell + 0.3 * (ms / cells);
        from += rows.length;
        await yieldTask();
        if (check !== this.checkNo || !this.worker) throw new Superseded();
      }
    }
    this.lastPost = stats;
    const m = await this.request({ type: "check", id: this.nextId++, check, mapping });
    if (m.type !== "checked" || check !== this.checkNo) throw new Superseded();
    return m.outcome;
  }

  prepare(params: PlanParams & { kind: "fill" }): Promise<PreparedFill>;
  prepare(params: PlanParams & { kind: "year" }): Promise<PreparedYear>;
  async prepare(params: PlanParams): Promise<PreparedFill | PreparedYear> {
    const check = this.checkNo;
    const m = await this.request({ type: "prepare", id: this.nextId++, check, params });
    if (m.type !== "prepared" || check !== this.checkNo) throw new Superseded();
    return m.prepared;
  }

  async plan(params: PlanParams): Promise<EditPlan> {
    const check = this.checkNo;
    const m = await this.request({ type: "plan", id: this.nextId++, check, params });
    if (m.type !== "plan" || check !== this.checkNo) throw new Superseded();
    return m.plan;
  }

  async applyPrep(params: PlanParams): Promise<PreparedApply> {
    const check = this.checkNo;
    const id = this.nextId++;
    let expected: ExpectedCell[] = [];
    const m = await new Promise<FromWorker>((resolve, reject) => {
      const p: Pending = { resolve, reject, edits: [], expected: [] };
      expected = p.expected;
      this.pending.set(id, p);
      this.spawn().postMessage({ type: "applyPrep", id, check, params } satisfies ToWorker);
    });
    if (m.type !== "applyPrep" || check !== this.checkNo) throw new Superseded();
    return { expected };
  }
}

/**
 * Without Worker (old hosts): the same work in the pane's thread. Each step (check, plan, preview) is one task after
 * a yield, so the spinner is drawn first; a step itself cannot be cut without changing the core, and at 10 000 rows
 * the check holds the thread for seconds.
 */
export class InlineEngine implements CoreEngine {
  readonly where = "inline" as const;
  private readonly session: CoreSession;
  private checkNo = 0;

  /** yieldFirst: let the pane draw (its spinner) before each step; off, the steps run in the caller's microtasks. */
  constructor(
    measure?: (text: string) => number,
    private readonly yieldFirst = false,
  ) {
    this.session = new CoreSession(measure);
  }

  async check(snapshot: WorkbookSnapshot, mapping: ColumnMapping | undefined): Promise<CheckOutcome> {
    const check = ++this.checkNo;
    if (this.yieldFirst) await yieldTask();
    if (check !== this.checkNo) throw new Superseded();
    return this.session.check(snapshot, mapping);
  }

  prepare(params: PlanParams & { kind: "fill" }): Promise<PreparedFill>;
  prepare(params: PlanParams & { kind: "year" }): Promise<PreparedYear>;
  async prepare(params: PlanParams): Promise<PreparedFill | PreparedYear> {
    const check = this.checkNo;
    if (this.yieldFirst) await yieldTask();
    if (check !== this.checkNo) throw new Superseded();
    return this.session.prepare(params);
  }

  async plan(params: PlanParams): Promise<EditPlan> {
    return this.session.plan(params);
  }

  async applyPrep(params: PlanParams): Promise<PreparedApply> {
    return this.session.prepareApply(params);
  }
}

/** The worker when the browser has one (dist/checkWorker.js beside the pane), else the pane's own thread. */
export function createEngine(measure: ((text: string) => number) | undefined): CoreEngine {
  if (typeof Worker === "undefined") return new InlineEngine(measure, true);
  return new WorkerEngine(new URL("checkWorker.js", document.baseURI).href, measure !== undefined);
}
