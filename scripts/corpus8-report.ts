/**
 * corpus8: a seventh independent corpus of annexes, on a new lexicon and new shapes (docs/corpus8.md), checked as a
 * controller checks them. `npm run corpus8 -- N [--from S] [--verbose] [--seed S] [--soffice K]`; CORPUS8_DIR=dir keeps
 * the workbooks.
 */
import { composeAnnex } from "../tests/support/corpus8/compose";
import { corpusReport } from "./corpusReport";

corpusReport("corpus8", composeAnnex);
