// Every sentence a user reads lives in src/messages (docs/architecture.md, rule 5). This reads every string and
// template literal of src/ outside it and fails on French text: a phrase (two words or more) with an accent or a
// French word. Single words are left alone (kinds such as "fiche" are identifiers), and so are the national
// catalogue (src/core/catalogue: the official texts, as data) and the command line's flags (commander syntax).
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const ROOT = path.join(__dirname, "..", "..");
const FRENCH =
  /[àâçéèêëîïôûùüÿœ«»]|\s[:;!?](?:\s|$)|\b(?:le|la|les|des|du|une|aucun|aucune|colonne|colonnes|ligne|lignes|feuille|classeur|fichier|année|avec|sans|pour|dans)\b/i;

/** Known French literals outside src/messages, per file: none left. */
const KNOWN: Record<string, number> = {};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

/** The French literals of one file's text (strings, templates with their holes, JSX text). */
export function frenchLiterals(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const check = (node: ts.Node, literal: string) => {
    const phrase = literal.trim();
    if (/\s/.test(phrase) && FRENCH.test(phrase) && !phrase.startsWith("urn:"))
      found.push(`${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${phrase}`);
  };
  const isPattern = (node: ts.Node) => {
    const call = node.parent;
    return !!call && ts.isNewExpression(call) && call.expression.getText() === "RegExp";
  };
  const isFlag = (node: ts.Node) => {
    const call = node.parent;
    return (
      !!call &&
      ts.isCallExpression(call) &&
      call.arguments[0] === node &&
      ts.isPropertyAccessExpression(call.expression) &&
      ["option", "argument", "command", "requiredOption"].includes(call.expression.name.text)
    );
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isRegularExpressionLiteral(node)) return;
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !isFlag(node) && !isPattern(node)) check(node, node.text);
    else if (ts.isTemplateExpression(node) && !isPattern(node)) {
      check(node, node.head.text + node.templateSpans.map((s) => `…${s.literal.text}`).join(""));
      for (const span of node.templateSpans) visit(span.expression);
      return;
    } else if (ts.isJsxText(node)) check(node, node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test("the detector finds a French sentence and leaves identifiers, flags and regular expressions alone", () => {
  const sample = [
    "const a = `Cellule ${x} : vide`;",
    'if (kind === "fiche") f(/réalisé (20\\d\\d)/, new RegExp(`(20\\d{2} à )${y}`));',
    'program.option("-o, --output <fichier>", text.output);',
    'const b = "urn:annexe-cdppe:undo:1";',
    "const c = <p>Aucune annexe</p>;",
  ].join("\n");
  expect(frenchLiterals("sample.tsx", sample)).toEqual(["1: Cellule … : vide", "5: Aucune annexe"]);
});

test("no French text outside src/messages beyond the known, shrinking list", () => {
  const over: string[] = [];
  for (const file of sourceFiles("src")) {
    if (file.startsWith("src/messages/") || file.startsWith("src/core/catalogue/")) continue;
    const found = frenchLiterals(file, fs.readFileSync(path.join(ROOT, file), "utf8"));
    if (found.length > (KNOWN[file] ?? 0)) over.push(`${file} (${found.length} > ${KNOWN[file] ?? 0}):\n  ${found.join("\n  ")}`);
  }
  expect(over).toEqual([]);
});
