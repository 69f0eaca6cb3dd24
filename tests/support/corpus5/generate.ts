import { type Grid, recalc } from "./grid";
import { layoutAnnex, type Layout } from "./layout";
import { type AnnexModel, buildModel } from "./model";
import { Rng } from "./rng";

export interface Annex {
  seed: number;
  model: AnnexModel;
  grid: Grid;
  layout: Layout;
}

/** One annex per seed: its content (model), its workbook (grid) and the truth of where everything sits (layout). */
export function generateAnnex(seed: number): Annex {
  const rng = new Rng(seed);
  const model = buildModel(rng.fork(1));
  const lr = rng.fork(2);
  const grid: Grid = { sheets: [], noCache: lr.chance(0.12) };
  const layout = layoutAnnex(model, grid, lr);
  if (grid.noCache) layout.features.push("formulas without cached values");
  recalc(grid);
  return { seed, model, grid, layout };
}
