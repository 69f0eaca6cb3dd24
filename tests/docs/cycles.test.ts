// The import graph of src/ has no cycle, between files or between folders, and the core's floors are kept
// (docs/architecture.md, "How the layers depend on each other"). ESLint guards which outside code a layer may import;
// this guards the direction of imports inside the code base, which ESLint cannot see.
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const ROOT = path.join(__dirname, "..", "..");

interface Edge {
  to: string;
  /** `import type` / `export type`: erased at run time. */
  typeOnly: boolean;
}
type Graph = Map<string, Edge[]>;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [rel] : [];
  });
}

/** Every relative import of every file of src/: static, re-exports, `import()` and `require()`. */
function importGraph(): Graph {
  const files = sourceFiles("src");
  const known = new Set(files);
  const resolve = (from: string, spec: string) => {
    const base = path.posix.join(path.posix.dirname(from), spec);
    return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base].find((c) => known.has(c));
  };
  const graph: Graph = new Map();
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);
    const edges: Edge[] = [];
    const add = (spec: string, typeOnly: boolean) => {
      const to = spec.startsWith(".") ? resolve(file, spec) : undefined;
      if (to) edges.push({ to, typeOnly });
    };
    const visit = (node: ts.Node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const clause = node.importClause;
        const allTypes =
          !!clause &&
          (clause.isTypeOnly ||
            (!clause.name &&
              !!clause.namedBindings &&
              ts.isNamedImports(clause.namedBindings) &&
              clause.namedBindings.elements.length > 0 &&
              clause.namedBindings.elements.every((e) => e.isTypeOnly)));
        add(node.moduleSpecifier.text, allTypes);
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        add(node.moduleSpecifier.text, node.isTypeOnly);
      } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0]!)) {
        const callee = node.expression;
        if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === "require")) add(node.arguments[0].text, false);
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        add(node.argument.literal.text, true);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    graph.set(file, edges);
  }
  return graph;
}

/** Strongly connected components of more than one node (or a node importing itself): each is a cycle. */
function cycles(graph: Graph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const { to } of graph.get(v) ?? []) {
      if (!index.has(to)) {
        connect(to);
        low.set(v, Math.min(low.get(v)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(v, Math.min(low.get(v)!, index.get(to)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).some((e) => e.to === v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return found;
}

/** The graph between folders (src/<layer>, and src/core/<floor> inside the core), run-time imports only. */
function folderGraph(graph: Graph, folderOf: (file: string) => string): Graph {
  const folders: Graph = new Map();
  for (const [from, edges] of graph) {
    for (const { to, typeOnly } of edges) {
      const a = folderOf(from);
      const b = folderOf(to);
      if (typeOnly || a === b) continue;
      const list = folders.get(a) ?? [];
      if (!list.some((e) => e.to === b)) list.push({ to: b, typeOnly: false });
      folders.set(a, list);
    }
  }
  return folders;
}

const folderOf = (file: string) => {
  const parts = file.replace(/\.tsx?$/, "").split("/");
  return parts[1] === "core" ? parts.slice(0, 3).join("/") : parts.slice(0, 2).join("/");
};

/** The core's floors, lowest first: a file imports (even a type) only from its own floor or a lower one. */
const FLOORS: Record<string, number> = {
  model: 0,
  layout: 1,
  format: 1,
  formula: 1,
  plan: 1,
  catalogue: 2,
  compute: 2,
  rules: 3,
  check: 4,
};

const graph = importGraph();

test("the import graph is read: src/ has files, and core/check.ts imports the rule registry", () => {
  expect(graph.size).toBeGreaterThan(50);
  expect(graph.get("src/core/check.ts")!.map((e) => e.to)).toContain("src/core/rules/registry.ts");
});

test("the cycle finder finds a cycle where there is one", () => {
  const g: Graph = new Map([
    ["a", [{ to: "b", typeOnly: false }]],
    ["b", [{ to: "c", typeOnly: false }]],
    ["c", [{ to: "a", typeOnly: true }]],
    ["d", [{ to: "a", typeOnly: false }]],
  ]);
  expect(cycles(g)).toEqual([["a", "b", "c"]]);
  expect(cycles(folderGraph(g, (f) => f))).toEqual([]);
});

test("no file of src/ imports itself back, even through types", () => {
  expect(cycles(graph)).toEqual([]);
});

test("no two folders of src/ import each other at run time (messages/ reads only types from the core)", () => {
  expect(cycles(folderGraph(graph, folderOf))).toEqual([]);
});

test("inside the core, no floor imports a higher one (model ← layout, format, formula, plan ← catalogue, compute ← rules ← check.ts)", () => {
  const upward: string[] = [];
  for (const [from, edges] of graph) {
    if (!from.startsWith("src/core/")) continue;
    for (const { to } of edges) {
      if (!to.startsWith("src/core/")) continue;
      const floor = (f: string) => FLOORS[folderOf(f).split("/")[2]!];
      expect(floor(from)).toBeDefined();
      if (floor(to)! > floor(from)!) upward.push(`${from} -> ${to}`);
    }
  }
  expect(upward).toEqual([]);
});
