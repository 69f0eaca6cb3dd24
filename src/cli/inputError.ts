/** A file or an option the user gave that cannot be used; its message is French and shown as it is. */
export class InputError extends Error {}
