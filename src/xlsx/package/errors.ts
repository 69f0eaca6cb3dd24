/** Something the file holds that a write cannot handle without damage: the message is the user's (French). */
export class PackageError extends Error {}
