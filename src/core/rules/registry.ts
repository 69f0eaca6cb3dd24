// Every rule of annex-spec §4, in catalogue order. Ids are stable: reports, tests and users' filters rely on them.
import { budgetSum } from "./budgetSum";
import { cdSplit } from "./cdSplit";
import { cellError } from "./cellError";
import { cofinancingCd } from "./cofinancingCd";
import { consumedSum } from "./consumedSum";
import { crossTable } from "./crossTable";
import { displayOverflow } from "./displayOverflow";
import { cumulativeBelowYear, overExecution, realisedWithoutBudget } from "./execution";
import { ficheNumbering } from "./ficheNumbering";
import { fundamentalCoverage } from "./fundamentalCoverage";
import { funderTheme } from "./funderTheme";
import { modalite } from "./modalite";
import { negativeAmount } from "./negativeAmount";
import { numberAsText } from "./numberAsText";
import { objectiveMissing } from "./objectiveMissing";
import { objectiveTypeRule } from "./objectiveType";
import { rateMismatch } from "./rateMismatch";
import { sourceFunder } from "./sourceFunder";
import { sourceVsModalite } from "./sourceVsModalite";
import { totalFormula } from "./totalFormula";
import { totalRow } from "./totalRow";
import type { Rule } from "./types";
import { yearSum } from "./yearSum";

export const RULES: Rule[] = [
  yearSum,
  cdSplit,
  budgetSum,
  totalRow,
  totalFormula,
  cellError,
  displayOverflow,
  numberAsText,
  negativeAmount,
  sourceFunder,
  modalite,
  objectiveTypeRule,
  objectiveMissing,
  ficheNumbering,
  crossTable,
  sourceVsModalite,
  consumedSum,
  realisedWithoutBudget,
  overExecution,
  cumulativeBelowYear,
  rateMismatch,
  fundamentalCoverage,
  funderTheme,
  cofinancingCd,
];
