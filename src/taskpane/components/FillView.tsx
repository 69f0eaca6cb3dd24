import * as React from "react";
import { Body1, Button, Caption1, Checkbox, makeStyles } from "@fluentui/react-components";
import { paneText } from "../../messages/pane";
import { fillText } from "../../messages/plans";
import type { PaneController, PaneState } from "../controller";

const useStyles = makeStyles({ col: { display: "flex", flexDirection: "column", gap: "8px" }, list: { margin: 0, paddingLeft: "16px" } });

export function FillView({ controller, state }: { controller: PaneController; state: PaneState }): React.JSX.Element {
  const styles = useStyles();
  const plan = state.fillPlan;
  return (
    <section className={styles.col} aria-label={paneText.tabs.fill}>
      <Body1>{paneText.fill.intro}</Body1>
      {!plan && <Button appearance="primary" onClick={() => void controller.check()} disabled={!!state.busy}>{paneText.check.run}</Button>}
      {plan && (
        <>
          <Body1 data-testid="fill-preview">{plan.stats.formulas ? paneText.fill.preview(plan.stats.formulas) : paneText.fill.nothing}</Body1>
          {plan.stats.unchanged > 0 && <Caption1>{paneText.fill.upToDate(plan.stats.unchanged)}</Caption1>}
          {plan.conflicts.length > 0 && (
            <>
              <Caption1>{paneText.fill.conflicts(plan.conflicts.length)}</Caption1>
              <ul className={styles.list} data-testid="fill-conflicts">
                {plan.conflicts.map((c) => (
                  <li key={c.cell}><Caption1>{c.sheet}!{c.cell}{c.fiche ? ` (fiche ${c.fiche})` : ""} : « {String(c.current)} » — {fillText.conflictReason[c.reason]}</Caption1></li>
                ))}
              </ul>
              <Checkbox label={paneText.fill.force} checked={state.force} onChange={(_, d) => controller.setForce(!!d.checked)} />
            </>
          )}
          {plan.notes.filter((n) => !/saisie/.test(n)).map((n) => <Caption1 key={n}>{n}</Caption1>)}
          <Button appearance="primary" onClick={() => void controller.applyFill()} disabled={!!state.busy || !plan.edits.length} data-testid="apply-fill">{paneText.fill.apply}</Button>
        </>
      )}
    </section>
  );
}
