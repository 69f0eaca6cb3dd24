/**
 * corpus7: a sixth independent corpus of annexes (docs/corpus7.md), checked as a controller checks them.
 * `npm run corpus7 -- N [--from S] [--verbose] [--seed S] [--soffice K]`; CORPUS7_DIR=dir keeps the workbooks.
 */
import { composeAnnex } from "../tests/support/corpus7/compose";
import { corpusReport } from "./corpusReport";

corpusReport("corpus7", composeAnnex);
