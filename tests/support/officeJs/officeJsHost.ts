// The test host through the real Office.js client: Excel.run of @microsoft/office-js with a session whose request
// executor hands each batch to RichApiProcessor (the fake workbook) instead of Excel. Everything on the client side
// (queuing, object paths, loads, PropertyNotLoaded, error objects) is the library's own; every sync's request and
// response are the real serialised JSON, measured in bytes and logged in state.log.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { HostContext, HostRunner } from "../../../src/excel/host";
import type { FakeState } from "../fakeExcel";
import { loadOfficeJs, supportExcelApi } from "./loadOfficeJs";
import { RichApiProcessor, type WireLog } from "./richApi";

export interface OfficeJsHost {
  run: HostRunner;
  processor: RichApiProcessor;
  /** The request bodies of every sync, in order (for inspection in tests). */
  requests: string[];
  /**
   * Round trips Excel.run makes on its own after the batch to release the objects it tracked (_RemoveReference only):
   * real traffic, logged here and not in state.syncs / state.log, which count the adapter's own context.sync() calls.
   */
  cleanups: WireLog[];
}

/** keepRequests: keep each request's JSON; excelApi: the highest ExcelApi version the simulated Excel supports. */
export function officeJsHost(state: FakeState, opts: { keepRequests?: boolean; excelApi?: string } = {}): OfficeJsHost {
  const { Excel } = loadOfficeJs();
  const processor = new RichApiProcessor(state);
  processor.excelApi = opts.excelApi ?? "1.17";
  const requests: string[] = [];
  const cleanups: WireLog[] = [];
  const executor = {
    executeAsync(_customData: unknown, _flags: number, message: { Body: unknown }): Promise<unknown> {
      const text = JSON.stringify(message.Body);
      if (opts.keepRequests) requests.push(text);
      const actions = (message.Body as { Actions: Array<{ Name: string }> }).Actions;
      const entry = { request: Buffer.byteLength(text), response: 0, ops: actions.length };
      if (actions.every((a) => a.Name === "_RemoveReference" || (a as { ActionType?: number }).ActionType === 1)) cleanups.push(entry);
      else {
        state.syncs++;
        state.log.push(entry);
      }
      const out = processor.execute(text);
      if (out.status === "refused") {
        entry.response = Buffer.byteLength(JSON.stringify({ code: out.code, message: out.message }));
        return Promise.resolve({
          HttpStatusCode: out.code.startsWith("Request") ? 413 : 500,
          ErrorCode: out.code,
          ErrorMessage: out.message,
          Headers: {},
          Body: null,
        });
      }
      entry.response = Buffer.byteLength(out.text);
      if (process.env.OFFICEJS_TRACE && out.body.Error) {
        const a = (message.Body as { Actions: unknown[] }).Actions[out.body.Error.ActionIndex];
        console.log(
          "office.js host refused",
          JSON.stringify(out.body.Error),
          JSON.stringify(a),
          JSON.stringify((message.Body as { ObjectPaths: unknown }).ObjectPaths).slice(0, 3000),
        );
      }
      // The client gets its own parse of the bytes, as from the wire.
      return Promise.resolve({ HttpStatusCode: 200, ErrorCode: "", ErrorMessage: "", Headers: {}, Body: JSON.parse(out.text) });
    },
  };
  const session = {
    _resolveRequestUrlAndHeaderInfo: () => Promise.resolve({ url: "https://localhost/fake-excel", headers: {} }),
    _createRequestExecutorOrNull: () => executor,
  };
  const run: HostRunner = <T>(batch: (ctx: HostContext) => Promise<T>): Promise<T> => {
    state.batches++;
    supportExcelApi(opts.excelApi ?? "1.17");
    return Excel.run(session, (ctx: any) => batch(ctx as HostContext)) as Promise<T>;
  };
  return { run, processor, requests, cleanups };
}

/** Excel.run over the fake workbook through the real client library. */
export function officeJsRunner(state: FakeState): HostRunner {
  return officeJsHost(state).run;
}
