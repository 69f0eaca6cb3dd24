import * as React from "react";
import { Body1, Button, Caption1, Field, SpinButton, makeStyles } from "@fluentui/react-components";
import { colToLetters } from "../../core/model/a1";
import type { EditPlan } from "../../core/plan/types";
import { paneText } from "../../messages/pane";
import type { PaneController, PaneState } from "../controller";

const useStyles = makeStyles({ col: { display: "flex", flexDirection: "column", gap: "8px" }, list: { margin: 0, paddingLeft: "16px" } });

/** The columns a plan creates, with their headers, sheet by sheet and left to right. */
export function insertions(plan: EditPlan): Array<{ sheet: string; at: string; headers: string }> {
  return [...(plan.newColumns ?? [])]
    .sort((a, b) => a.sheet.localeCompare(b.sheet) || a.col - b.col)
    .map((c) => ({ sheet: c.sheet, at: colToLetters(c.col), headers: c.label }));
}

export function YearView({ controller, state }: { controller: PaneController; state: PaneState }): React.JSX.Element {
  const styles = useStyles();
  const plan = state.yearPlan;
  return (
    <section className={styles.col} aria-label={paneText.tabs.year}>
      <Body1>{paneText.year.intro}</Body1>
      {state.year === null && <Button appearance="primary" onClick={() => void controller.check()} disabled={!!state.busy}>{paneText.check.run}</Button>}
      {state.year !== null && (
        <>
          <Field label={paneText.year.field}>
            <SpinButton value={state.year} min={2000} max={2100} onChange={(_, d) => {
              const y = d.value ?? Number(d.displayValue);
              if (Number.isInteger(y)) controller.setYear(y as number);
            }} data-testid="year-field" />
          </Field>
          {plan?.blocked && plan.notes.map((n) => <Caption1 key={n} role="alert">{n}</Caption1>)}
          {plan && !plan.blocked && (
            <>
              <Caption1>{paneText.year.preview}</Caption1>
              <ul className={styles.list} data-testid="year-preview">
                {insertions(plan).map((i) => <li key={`${i.sheet}${i.at}`}><Caption1>{paneText.year.insert(i.sheet, i.at, i.headers)}</Caption1></li>)}
              </ul>
              {plan.notes.map((n) => <Caption1 key={n}>{n}</Caption1>)}
            </>
          )}
          <Button appearance="primary" onClick={() => void controller.applyYear()} disabled={!!state.busy || !plan || !!plan.blocked} data-testid="apply-year">{paneText.year.apply(state.year)}</Button>
        </>
      )}
    </section>
  );
}
