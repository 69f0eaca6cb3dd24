// Loads the real Office.js client library (npm @microsoft/office-js, Excel on the web build) in Node, in the test's
// own realm (new Function, not a vm context) so that its errors and arrays are the test's own, as in a browser.
// The library needs only a few browser globals to define Excel and OfficeExtension; they are given as parameters.
/* eslint-disable @typescript-eslint/no-explicit-any */
import * as fs from "fs";
import * as path from "path";

export interface OfficeJsLibrary {
  Excel: any;
  OfficeExtension: any;
  /** Which file was loaded (for the record). */
  file: string;
}

export const OFFICE_JS_FILE = "excel-web-16.00.debug.js";

let cached: OfficeJsLibrary | null = null;

/** Which requirement sets the simulated Excel supports (the library checks ExcelApi versions before queuing a call). */
let requirement: (name: string, version?: string) => boolean = () => true;

/** Excel supporting ExcelApi up to `max` ("1.12": Excel without merged-area reads), every other set. */
export function supportExcelApi(max: string): void {
  const num = (v: string) => v.split(".").map(Number);
  requirement = (name, version) => {
    if (name !== "ExcelApi" || !version) return true;
    const [a, b] = num(version);
    const [x, y] = num(max);
    return a! < x! || (a === x && b! <= y!);
  };
}

export function loadOfficeJs(): OfficeJsLibrary {
  if (cached) return cached;
  const dir = path.dirname(require.resolve("@microsoft/office-js/package.json"));
  const file = path.join(dir, "dist", OFFICE_JS_FILE);
  const source = fs.readFileSync(file, "utf8");
  const window: Record<string, unknown> = {
    Promise,
    setTimeout,
    clearTimeout,
    navigator: { userAgent: "Node" },
    location: { href: "https://localhost/taskpane.html", search: "", hash: "", protocol: "https:", host: "localhost" },
    document: {
      readyState: "complete",
      cookie: "",
      addEventListener() {},
      getElementsByTagName: () => [],
      createElement: () => ({ setAttribute() {}, style: {} }),
    },
  };
  // Office.context.requirements: the library asks it before queuing a call of a newer API set (ApiNotFound otherwise).
  window.Office = { context: { requirements: { isSetSupported: (name: string, version?: string) => requirement(name, version) } } };
  window.window = window;
  window.self = window;
  // In a browser the library's top-level "var"s are properties of window, and it reads some of them back from there
  // (window.OfficeExtension) and names others it put on window as globals (Microsoft): "with" over a proxy of window
  // that claims those names gives both.
  const topLevel = new Set([...source.matchAll(/^var ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]!));
  const scope = new Proxy(window, { has: (t, k) => typeof k === "string" && (k in t || topLevel.has(k)) });
  const factory = new Function(
    "window",
    "self",
    "document",
    "navigator",
    "location",
    "scope",
    `with (scope) {\n${source}\nreturn { Excel: Excel, OfficeExtension: OfficeExtension };\n}\n//# sourceURL=${OFFICE_JS_FILE}`,
  );
  const lib = factory(window, window, window.document, window.navigator, window.location, scope) as { Excel: any; OfficeExtension: any };
  cached = { ...lib, file };
  return cached;
}
