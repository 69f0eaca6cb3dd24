// The pane's worker: receives the snapshot once per check (in row slices), keeps it, and answers the check and the
// write plans asked later, so that the pane's thread only reads Excel and draws. Bundled by webpack as its own entry
// (dist/checkWorker.js, same origin: CSP worker-src 'self').
import { offscreenMeasure } from "../textMeasure";
import { fromFrame, type FromWorker, type ToWorker, type WorkerFailure } from "./protocol";
import { CoreSession } from "./session";
import type { WorkbookSnapshot } from "../../core/model/snapshot";

interface WorkerScope {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
  [api: string]: unknown;
}
const scope = self as unknown as WorkerScope;

// A worker loaded from a file gets its Content-Security-Policy from that file's HTTP headers, not from the pane's
// <meta>: it would be free to open the network. It never needs to, so it gives the means up before anything runs.
for (const api of ["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "WebTransport", "importScripts"])
  Object.defineProperty(scope, api, { value: undefined, configurable: false, writable: false });

let session: CoreSession | null = null;
let measureWanted = false;
let current = 0;
let snapshot: WorkbookSnapshot | null = null;
const queue: ToWorker[] = [];
let draining = false;

const failure = (e: unknown): WorkerFailure =>
  e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : { name: typeof e, message: String(e) };

function handle(m: ToWorker): void {
  switch (m.type) {
    case "begin":
      current = m.check;
      snapshot = fromFrame(m.frame);
      if (!session || measureWanted !== m.measure) session = new CoreSession(m.measure ? offscreenMeasure() : undefined);
      measureWanted = m.measure;
      return;
    case "rows": {
      if (m.check !== current || !snapshot) return;
      const cells = snapshot.sheets[m.sheet]!.cells;
      for (let i = 0; i < m.rows.length; i++) cells[m.from + i] = m.rows[i];
      return;
    }
    default:
      break;
  }
  if (m.check !== current) {
    scope.postMessage({ type: "stale", id: m.id });
    return;
  }
  try {
    if (m.type === "check") {
      const wb = snapshot!;
      snapshot = null;
      scope.postMessage({ type: "checked", id: m.id, outcome: session!.check(wb, m.mapping) });
    } else if (m.type === "prepare") {
      scope.postMessage({ type: "prepared", id: m.id, prepared: session!.prepare(m.params) });
    } else if (m.type === "applyPrep") {
      const { expected } = session!.prepareApply(m.params);
      for (let i = 0; i < expected.length; i += EDITS_PER_MESSAGE)
        scope.postMessage({ type: "expected", id: m.id, cells: expected.slice(i, i + EDITS_PER_MESSAGE) });
      scope.postMessage({ type: "applyPrep", id: m.id });
    } else {
      // Big plans (add-year at 10 000 rows: 190 000 edits) go back in slices the pane's thread takes one at a time.
      const plan = session!.plan(m.params);
      for (let i = 0; i < plan.edits.length; i += EDITS_PER_MESSAGE)
        scope.postMessage({ type: "edits", id: m.id, edits: plan.edits.slice(i, i + EDITS_PER_MESSAGE) });
      scope.postMessage({ type: "plan", id: m.id, plan: { ...plan, edits: [] } });
    }
  } catch (e) {
    scope.postMessage({ type: "failed", id: m.id, error: failure(e) });
  }
}

const EDITS_PER_MESSAGE = 10_000;

/** Requests that arrived while a long one ran: a preview asked again for the same tab replaces the older ask. */
function drain(): void {
  draining = false;
  while (queue.length) {
    const m = queue.shift()!;
    const replaced = m.type === "prepare" && queue.some((n) => n.type === "prepare" && n.check === m.check && n.params.kind === m.params.kind);
    if (replaced) scope.postMessage({ type: "stale", id: m.id });
    else handle(m);
  }
}

scope.onmessage = (e) => {
  queue.push(e.data);
  if (!draining) {
    draining = true;
    setTimeout(drain, 0);
  }
};
