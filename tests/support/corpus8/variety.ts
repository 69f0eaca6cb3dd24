/**
 * Which dimensions of an annex vary on a seed. Two seeds in three vary everything at once (the realistic, hard case);
 * every third seed is a Seine-et-Marne-like annex where only one or two dimensions vary, so that a misreading there
 * names its cause (« read right by feature » lists them as `only varied: X`).
 */
import { Prng } from "./prng";

export const DIMENSIONS = ["years", "funders", "numbering", "words", "headers", "blocks", "rows", "units", "placement", "extras", "writer"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export class Variety {
  readonly varied: Set<Dimension>;
  readonly baseline: boolean;
  constructor(seed: number) {
    const g = new Prng(seed, "variety");
    this.baseline = seed % 3 === 0;
    this.varied = new Set(this.baseline ? g.shuffled(DIMENSIONS).slice(0, g.int(1, 2)) : DIMENSIONS);
  }
  /** The drawn value where this dimension varies, else the baseline's. */
  choose<T>(dim: Dimension, base: T, draw: () => T): T {
    return this.varied.has(dim) ? draw() : base;
  }
  get features(): string[] {
    return this.baseline ? [`only varied: ${[...this.varied].sort().join(" + ")}`] : ["everything varied"];
  }
}
