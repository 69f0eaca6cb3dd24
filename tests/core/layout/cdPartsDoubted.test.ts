// A budget that is not CD + FIR + ETAT + ONDAM on every row says the reading is wrong somewhere, not which side: a
// masse salariale or DGAS total that no yearly column confirms (read from the block's first year) is as doubtful as a
// funder's, so the département's share it makes is not compared with the summary.
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { fiches, miniDetail, miniSummary, standardCols } from "../miniAnnex";

test("a DGAS total read from the block's first year is doubted by the budget sum, and no cross-table error follows", () => {
  const fs = fiches(6);
  const cols = standardCols()
    .filter((c) => !/^cd/.test(c.key))
    .map((c) => {
      // The DGAS block's years and total under words the reading does not know, its first year headed as the block.
      if (c.key === "dgas2021") return { head: "Budget DGAS", key: c.key };
      if (c.key === "dgas2022") return { head: "Tranche B", key: c.key };
      if (c.key === "dgasTotal") return { head: "Tranche A+B", key: c.key };
      return c;
    });
  const m = miniDetail({ cols, fiches: fs, total: true });
  miniSummary(m.wb, fs);
  const { detail, summary } = recognise(m.wb);
  expect(detail && summary).toBeTruthy();
  expect(detail!.doubtful).toContain("dgasTotal");
  expect(checkAnnex(m.wb).findings.filter((f) => f.severity === "error")).toEqual([]);
});
