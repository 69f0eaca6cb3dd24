import { compareRuleIds } from "../../src/core/check";
import { RULES } from "../../src/core/rules/registry";

// Findings at one cell are ordered by rule id; the report's order was localeCompare's and must stay so.
test("rule ids compare as the default collation orders them", () => {
  const ids = [...RULES.map((r) => r.id), "layout-incomplete"];
  expect(ids.length).toBeGreaterThan(20);
  for (const a of ids) for (const b of ids) expect([a, b, compareRuleIds(a, b)]).toEqual([a, b, Math.sign(a.localeCompare(b))]);
  for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
});
