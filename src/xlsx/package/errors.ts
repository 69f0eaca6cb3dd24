/** Something the file holds that a write cannot handle without damage: the message is the user's (French). */
export class PackageError extends Error {}

/** More cells hold a value or a formula than the reader may keep: `count`, how many the package holds (all counted). */
export class CellLimitError extends Error {
  constructor(readonly count: number) {
    super(`more than the cells allowed: ${count}`);
  }
}
