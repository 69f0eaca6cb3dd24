// Pure functions of a cell's text, remembered by text: a column's texts repeat from row to row (the same objective
// label, the same funder names), and a check of 10 000 rows would otherwise parse each of them again.

/** `fn` remembered for the last few thousand distinct texts (cleared when full: memory stays bounded). */
export function memoByText<T>(fn: (text: string) => T, size = 20_000): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    let v = memo.get(text);
    if (v === undefined && !memo.has(text)) {
      v = fn(text);
      if (memo.size >= size) memo.clear();
      memo.set(text, v);
    }
    return v as T;
  };
}
