// Sheet protection read with a round trip the action already makes, so that a write Excel would refuse on a protected
// sheet is refused before anything is written, never halfway through (Excel stops a batch at the first refusal and
// keeps what came before it).
import { excelText } from "../messages/excel";
import { AdapterError } from "./errors";
import type { HostContext, HostProtection } from "./host";

/** Queues the reads; the function returned, called after the sync, throws for the first protected sheet. */
export function probeProtection(ctx: HostContext, names: string[]): () => void {
  const probes = [...new Set(names)].map((name) => ({
    name,
    ws: ctx.workbook.worksheets.getItemOrNullObject(name).load("isNullObject"),
    p: null as HostProtection | null,
  }));
  for (const x of probes) x.p = x.ws.protection.load("protected");
  return () => {
    const locked = probes.find((x) => !x.ws.isNullObject && x.p!.protected);
    if (locked) throw new AdapterError(excelText.sheetProtected(locked.name), "AccessDenied");
  };
}
