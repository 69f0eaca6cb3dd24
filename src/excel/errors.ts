// Office.js errors -> one French sentence that says what happened and what to do. Anything else is our own bug: it is
// logged with its stack and told as an internal error, never passed off as Excel's.
import { PlanError } from "../core/plan/validate";
import { excelText } from "../messages/excel";

/** An error whose message is already a French sentence for the user. */
export class UserError extends Error {}

export class AdapterError extends UserError {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** OfficeExtension.Error (and Excel's host errors) carry a string `code` and usually `debugInfo`. */
export function isOfficeError(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const o = e as { code?: unknown; debugInfo?: unknown };
  return typeof o.code === "string" || (typeof o.debugInfo === "object" && o.debugInfo !== null);
}

/** The French line that tells an internal error (what internalError returns, without logging). */
export function internalMessage(e: unknown): string {
  return e instanceof Error ? excelText.internal(e.name, e.message) : excelText.internal(typeof e, String(e));
}

/** Logs an internal error with its stack (the detail the user is asked to report) and returns its French message. */
export function internalError(e: unknown, where: string): AdapterError {
  console.error(`Annexe CDPPE: internal error (${where})`, e instanceof Error ? (e.stack ?? e) : e);
  return new AdapterError(internalMessage(e), "Internal");
}

export function toAdapterError(e: unknown): AdapterError {
  if (e instanceof AdapterError) return e;
  if (e instanceof PlanError) return new AdapterError(e.message, "InvalidPlan");
  if (e instanceof UserError) return new AdapterError(e.message, "User");
  if (!isOfficeError(e)) return internalError(e, "excel");
  const code = (e as { code?: string }).code ?? "";
  const message = (e as { message?: string }).message ?? String(e);
  switch (code) {
    case "AccessDenied":
    case "InsertDeleteConflict":
      return new AdapterError(excelText.accessDenied, code);
    case "ItemNotFound":
    case "InvalidReference":
      return new AdapterError(excelText.notFound, code);
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return new AdapterError(excelText.tooLarge, code);
    case "InvalidOperationInCellEditMode":
    case "ActivityLimitReached":
      return new AdapterError(excelText.busy, code);
    default:
      return new AdapterError(excelText.generic(message), code || "Unknown");
  }
}

/** What the pane or the ribbon shows for any error: its own sentence when it has one, else an internal error (logged). */
export function userMessage(e: unknown, where: string): string {
  if (e instanceof UserError || e instanceof PlanError) return e.message;
  if (isOfficeError(e)) return toAdapterError(e).message;
  return internalError(e, where).message;
}
