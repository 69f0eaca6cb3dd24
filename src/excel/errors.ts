// Office.js errors -> one French sentence that says what happened and what to do.
import { PlanError } from "../core/plan/validate";
import { excelText } from "../messages/excel";

export class AdapterError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
  }
}

export function toAdapterError(e: unknown): AdapterError {
  if (e instanceof AdapterError) return e;
  if (e instanceof PlanError) return new AdapterError(e.message, "InvalidPlan");
  const code = (e as { code?: string })?.code ?? "";
  const message = (e as { message?: string })?.message ?? String(e);
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
