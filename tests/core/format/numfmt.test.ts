import { renderNumber } from "../../../src/core/format/numfmt";
import { CELL_PADDING_PX, columnWidthPx, textWidthPx } from "../../../src/core/format/textWidth";
import { formatEuro, formatPercent } from "../../../src/messages/format";

const ACC = '_-* #,##0 "€"_-;-* #,##0 "€"_-;_-* "-"?? "€"_-;_-@_-';
const sp = (s: string) => s.replace(/\u00a0/g, " ");

test.each([
  [1155000, ACC, " 1 155 000 € "],
  [-18000, ACC, "-18 000 € "],
  [0, ACC, " -   € "],
  [213904.6, '#,##0 "€"', "213 905 €"],
  [0.04, "0%", "4%"],
  [0.029, "0.00%", "2,90%"],
  [114.11, "0%", "11411%"],
  [12.5, "#,##0.00", "12,50"],
  [2020, "General", "2020"],
  [0.1, "", "0,1"],
  [44927, "dd/mm/yyyy", "01/01/2023"],
])("%p with %p shows %p", (v, fmt, text) => {
  expect(sp(renderNumber(v, fmt).text)).toBe(text);
});

test("a negative date always shows hashes", () => {
  expect(renderNumber(-3, "dd/mm/yyyy").alwaysHashes).toBe(true);
  expect(renderNumber(3, "dd/mm/yyyy").alwaysHashes).toBeUndefined();
});

test("column AJ (9.5 characters) holds 680 000 € but not 1 155 000 € in accounting format", () => {
  // The display-overflow rule's test: the text and Excel's cell padding against the column's width in pixels.
  const overflows = (text: string, widthChars: number) => textWidthPx(text) + CELL_PADDING_PX > columnWidthPx(widthChars);
  expect(columnWidthPx(9.5)).toBe(66);
  expect(overflows(renderNumber(680000, '#,##0 "€"').text, 9.5)).toBe(false);
  expect(overflows(renderNumber(1155000, ACC).text, 9.5)).toBe(true);
  expect(overflows(renderNumber(1155000, ACC).text, 13)).toBe(false);
  expect(textWidthPx("1", { size: 22 })).toBe(2 * textWidthPx("1", { size: 11 }));
});

test("French amounts and percentages for messages", () => {
  expect(formatEuro(1155000)).toBe("1\u202f155\u202f000\u00a0€");
  expect(formatEuro(-454)).toBe("-454\u00a0€");
  expect(formatEuro(12.5)).toBe("12,50\u00a0€");
  expect(formatPercent(1.0346)).toBe("103\u00a0%");
  expect(formatPercent(0.68, 1)).toBe("68,0\u00a0%");
});
