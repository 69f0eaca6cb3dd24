// Issue #14 item 5: Excel's errors and our own bugs are told apart. An Office error keeps its French explanation;
// anything else is an internal error, logged with its stack and shown as such, never as « Excel a renvoyé une erreur ».
import { runRibbonCheck } from "../../src/commands/ribbonCheck";
import { AdapterError, isOfficeError, toAdapterError } from "../../src/excel/errors";
import type { HostRunner } from "../../src/excel/host";
import { createExcelPort, type AnnexPort } from "../../src/excel/port";
import { PaneController } from "../../src/taskpane/controller";

/** Shaped like OfficeExtension.Error as Excel throws it. */
function officeError(code: string, message: string) {
  return Object.assign(new Error(message), { name: "RichApi.Error", code, debugInfo: { code, message, errorLocation: "Range.values" } });
}
const failingRunner =
  (e: unknown): HostRunner =>
  async () => {
    throw e;
  };

let logged: jest.SpyInstance;
beforeEach(() => {
  logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => logged.mockRestore());

describe("toAdapterError", () => {
  test("an Office error: Excel's explanation, nothing logged as internal", () => {
    const busy = toAdapterError(officeError("InvalidOperationInCellEditMode", "cell edit"));
    expect(busy.code).toBe("InvalidOperationInCellEditMode");
    expect(busy.message).toMatch(/^Excel est occupé/);
    const other = toAdapterError(officeError("GeneralException", "Something odd"));
    expect(other.message).toMatch(/^Excel a renvoyé une erreur.*Something odd/);
    expect(logged).not.toHaveBeenCalled();
  });

  test("a bug of ours (TypeError): internal error in French, logged with its stack", () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'cells')");
    const err = toAdapterError(bug);
    expect(err).toBeInstanceOf(AdapterError);
    expect(err.code).toBe("Internal");
    expect(err.message).not.toMatch(/Excel a renvoyé/);
    expect(err.message).toMatch(
      /^Erreur interne du complément \(TypeError\u00a0: Cannot read properties of undefined \(reading 'cells'\)\)\u00a0: signalez-la .*console \(F12\)\./,
    );
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]![1])).toContain(bug.stack!.split("\n")[1]!.trim());
  });

  test("the Office shape is a string code or a debugInfo, nothing else", () => {
    expect(isOfficeError(officeError("AccessDenied", "x"))).toBe(true);
    expect(isOfficeError({ debugInfo: { code: "x" } })).toBe(true);
    expect(isOfficeError(new RangeError("x"))).toBe(false);
    expect(isOfficeError("a string")).toBe(false);
    expect(isOfficeError(null)).toBe(false);
  });
});

describe("the pane", () => {
  test("a bug inside an Excel batch is shown as internal, logged", async () => {
    const c = new PaneController(createExcelPort(failingRunner(new TypeError("x is not a function")), () => true));
    await c.check();
    expect(c.getState().error).toMatch(/^Erreur interne du complément \(TypeError\u00a0: x is not a function\)/);
    expect(logged).toHaveBeenCalledTimes(1);
  });

  test("a bug outside any batch (core, controller) is shown as internal, logged", async () => {
    const port = {
      read: async () => {
        throw new RangeError("Invalid array length");
      },
    } as unknown as AnnexPort;
    const c = new PaneController(port);
    await c.check();
    expect(c.getState().error).toMatch(/^Erreur interne du complément \(RangeError\u00a0: Invalid array length\)/);
    expect(c.getState().error).not.toMatch(/Excel a renvoyé/);
    expect(logged).toHaveBeenCalledTimes(1);
  });

  test("Excel's own error keeps its explanation, not logged as internal", async () => {
    const c = new PaneController(createExcelPort(failingRunner(officeError("AccessDenied", "denied")), () => true));
    await c.check();
    expect(c.getState().error).toMatch(/^Excel refuse l'écriture/);
    expect(logged).not.toHaveBeenCalled();
  });

  test("our own French sentences (no annex, check first) stay as they are", async () => {
    const c = new PaneController({} as AnnexPort);
    await c.applyFill();
    expect(c.getState().error).not.toMatch(/Erreur interne/);
    expect(c.getState().error).toBeTruthy();
    expect(logged).not.toHaveBeenCalled();
  });
});

describe("the ribbon", () => {
  test("a bug: internal error, logged", async () => {
    const message = await runRibbonCheck(createExcelPort(failingRunner(new TypeError("boom")), () => true));
    expect(message).toMatch(/^Erreur interne du complément \(TypeError\u00a0: boom\)/);
    expect(logged).toHaveBeenCalledTimes(1);
  });

  test("Excel busy: Excel's explanation", async () => {
    const message = await runRibbonCheck(createExcelPort(failingRunner(officeError("ActivityLimitReached", "limit")), () => true));
    expect(message).toMatch(/^Excel est occupé/);
    expect(logged).not.toHaveBeenCalled();
  });
});
