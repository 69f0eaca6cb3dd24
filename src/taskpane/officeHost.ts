// The one place that decides whether the pane runs inside Excel, so pages never touch Office.js before onReady.
export type HostState = { kind: "excel" } | { kind: "outside" } | { kind: "otherHost"; host: string };

/**
 * Waits for Office.onReady however long Excel takes (a slow Excel on the web can take well over 4 s): giving up early
 * showed the "outside Office" screen for good inside Excel. Outside Office, office.js resolves onReady with no host.
 */
export function detectHost(): Promise<HostState> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function") return Promise.resolve({ kind: "outside" });
  return new Promise<HostState>((resolve) => {
    // onReady's own promise is not needed: the callback resolves ours.
    void office.onReady((info) => {
      if (!info || !info.host) resolve({ kind: "outside" });
      else if (String(info.host) === "Excel") resolve({ kind: "excel" });
      else resolve({ kind: "otherHost", host: String(info.host) });
    });
  });
}
