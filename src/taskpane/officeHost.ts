// The one place that decides whether the pane runs inside Excel, so pages never touch Office.js before onReady.
export type HostState = { kind: "excel" } | { kind: "outside" } | { kind: "otherHost"; host: string };

export function detectHost(timeoutMs = 4000): Promise<HostState> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function") return Promise.resolve({ kind: "outside" });
  return new Promise<HostState>((resolve) => {
    // office.js in a plain browser resolves onReady with host null; some builds never resolve it at all.
    const timer = setTimeout(() => resolve({ kind: "outside" }), timeoutMs);
    office.onReady((info) => {
      clearTimeout(timer);
      if (!info || !info.host) resolve({ kind: "outside" });
      else if (String(info.host) === "Excel") resolve({ kind: "excel" });
      else resolve({ kind: "otherHost", host: String(info.host) });
    });
  });
}
