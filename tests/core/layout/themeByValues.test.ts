// corpus7 « Direction pilote » / « Direction porteuse »: a column headed by a service word may hold the action's domain
// (« ASE », « PMI », « Prévention »: its theme) or the service that leads it (« DEF », « Direction Enfance Famille »: an
// extra column). The header cannot tell; the cells do.
import { recognise } from "../../../src/core/layout/recognise";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { fiches, miniDetail, standardCols, type MiniCol } from "../miniAnnex";

function annex(extras: Array<[string, string[]]>) {
  const cols: MiniCol[] = standardCols().flatMap((c) => (c.key === "label" ? [c, ...extras.map(([head], i) => ({ head, key: `x${i}` }))] : [c]));
  const m = miniDetail({ cols, fiches: fiches(5) });
  extras.forEach(([, values], i) => {
    let k = 0;
    for (const row of m.rowOfFiche.values()) setCell(m.sheet, row, lettersToCol(m.colOf[`x${i}`]!), { value: values[k++ % values.length]! });
  });
  return { m, col: (i: number) => lettersToCol(m.colOf[`x${i}`]!) };
}

const DOMAINS = ["ASE", "PMI", "Prévention", "PMI / ASE", "Handicap"];
const SERVICES = ["DEF", "Direction Enfance Famille", "SDPE", "Mission ODPE", "DPMI"];

test.each(["Direction pilote", "DIRECTION  PILOTE", "Pôle", "Direction porteuse"])("« %s » holding domains is the theme", (head) => {
  const { m, col } = annex([[head, DOMAINS]]);
  expect(recognise(m.wb).detail!.columns.theme).toBe(col(0));
});

test.each(["Direction porteuse", "Direction pilote", "Service responsable"])("« %s » holding services is no theme", (head) => {
  const { m } = annex([[head, SERVICES]]);
  expect(recognise(m.wb).detail!.columns.theme).toBeUndefined();
});

test("the domains' column is the theme, the services' column beside it is not", () => {
  const { m, col } = annex([
    ["Direction porteuse", SERVICES],
    ["Direction pilote", DOMAINS],
  ]);
  expect(recognise(m.wb).detail!.columns.theme).toBe(col(1));
});

test.each(["Thématique", "Direction", "Pôle"])("« %s » stays the theme whatever it holds (« DEF », « SDPE »…)", (head) => {
  const { m, col } = annex([[head, SERVICES]]);
  expect(recognise(m.wb).detail!.columns.theme).toBe(col(0));
});
