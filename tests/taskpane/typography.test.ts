// French typography of every message the pane and the rules write: no ordinary space before « : ; ! ? % » nor
// after «. Checked on the source itself: every string or template literal of these modules either has none, or
// goes through the fr`` tag that puts the no-break spaces (values put into messages stay as the user typed them).
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { formatEuro, formatPercent, fr, typography } from "../../src/messages/format";
import { paneText } from "../../src/messages/pane";
import { rulesText } from "../../src/messages/rules";

const FILES = ["pane", "fr", "format", "plans", "rules", "report", "excel", "ribbon", "layout", "mapping"].map((f) =>
  path.resolve(__dirname, "../../src/messages", `${f}.ts`),
);
const BAD = / [:;!?%»]|« /;

test.each(FILES)("%s: every literal with French punctuation goes through fr``", (file) => {
  const src = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const offenders: string[] = [];
  const tagged = (n: ts.Node): boolean => {
    for (let p: ts.Node | undefined = n.parent; p; p = p.parent) {
      if (ts.isTaggedTemplateExpression(p)) return p.tag.getText() === "fr";
      if (ts.isTemplateExpression(p) || ts.isNoSubstitutionTemplateLiteral(p)) continue;
      if (!ts.isTemplateSpan(p)) return false;
    }
    return false;
  };
  const visit = (n: ts.Node) => {
    if (ts.isRegularExpressionLiteral(n)) return;
    const text =
      ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)
        ? n.text
        : ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)
          ? n.text
          : null;
    if (text !== null && BAD.test(text) && !tagged(n)) offenders.push(`${src.getLineAndCharacterOfPosition(n.getStart()).line + 1}: ${text}`);
    ts.forEachChild(n, visit);
  };
  visit(src);
  expect(offenders).toEqual([]);
});

test("fr`` spaces our text, not the values put into it", () => {
  expect(fr`Cellule « ${"Fondamental :"} » : vide ; ok ? 5 %`).toBe("Cellule «\u00a0Fondamental :\u00a0»\u00a0: vide\u202f; ok\u202f? 5\u00a0%");
  expect(typography("a : b")).toBe("a\u00a0: b");
});

test("amounts: integer euros when whole, two decimals with a comma otherwise; percentages", () => {
  expect(formatEuro(1155000)).toBe("1\u202f155\u202f000\u00a0€");
  expect(formatEuro(13379487.2)).toBe("13\u202f379\u202f487,20\u00a0€");
  expect(formatEuro(-454)).toBe("-454\u00a0€");
  expect(formatEuro(-0.001)).toBe("0\u00a0€");
  expect(formatPercent(1.0346)).toBe("103\u00a0%");
  expect(formatPercent(-0.0001)).toBe("0\u00a0%");
});

test("messages read as French: no internal key, no double negative", () => {
  expect(rulesText.subtotalLabel("engagement1")).toBe("Sous-total de l'engagement 1");
  expect(rulesText.subtotalLabel("conditions")).toBe("Sous-total des conditions pour y parvenir");
  expect(rulesText.overExecution(18000, 0)).toBe(
    "Réalisé depuis le début (18\u202f000\u00a0€) supérieur aux moyens prévus (0\u00a0€)\u00a0: dépassement de 18\u202f000\u00a0€.",
  );
  expect(paneText.check.verdict({ error: 0, warning: 0 })).toBe("Annexe cohérente\u00a0: aucune erreur ni avertissement.");
  expect(paneText.check.verdict({ error: 2, warning: 1 })).toBe("Annexe à corriger\u00a0: 2 erreurs, 1 avertissement à examiner.");
});
