// The developer docs name files, link to each other and list the rules: each of those must still be true of the code.
import * as fs from "fs";
import * as path from "path";
import { RULES } from "../../src/core/rules/registry";

const ROOT = path.join(__dirname, "..", "..");
const DOCS = ["README.md", "CONTRIBUTING.md", "docs/annexe.md", "docs/architecture.md"];
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), "utf8");

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchor = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
const anchorsOf = (md: string) => new Set([...md.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchor(m[1]!)));

test.each(DOCS)("%s: every file path it names in code spans exists", (doc) => {
  const named = [...read(doc).matchAll(/`((?:src|tests|docs|bench|scripts|assets)\/[^`\s]*)`/g)].map((m) => m[1]!);
  const concrete = named.filter((p) => !/[<>…*]/.test(p)).map((p) => p.replace(/[.,;:]+$/, ""));
  expect(concrete.length).toBeGreaterThan(0);
  expect(concrete.filter((p) => !fs.existsSync(path.join(ROOT, p)))).toEqual([]);
});

test.each(DOCS)("%s: every relative link points at a file, and at a heading of it when it names one", (doc) => {
  const broken: string[] = [];
  for (const m of read(doc).matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1]!;
    if (/^[a-z]+:/.test(target)) continue;
    const [file, hash] = target.split("#");
    const resolved = file ? path.join(path.dirname(path.join(ROOT, doc)), file) : path.join(ROOT, doc);
    if (!fs.existsSync(resolved)) broken.push(target);
    else if (hash && resolved.endsWith(".md") && !anchorsOf(fs.readFileSync(resolved, "utf8")).has(hash)) broken.push(target);
  }
  expect(broken).toEqual([]);
});

test("docs/annexe.md §4 lists every rule the engine runs, with its id", () => {
  const doc = read("docs/annexe.md");
  const section = doc.slice(doc.indexOf("## 4. Rule catalogue"), doc.indexOf("## 5."));
  const documented = new Set([...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]!));
  expect(RULES.map((r) => r.id).filter((id) => !documented.has(id))).toEqual([]);
});
