import * as React from "react";
import { Body1, Button, Caption1, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import { paneText } from "../../messages/pane";
import type { PaneController, PaneState } from "../controller";
import type { FormulaColumn } from "../viewModel";
import { useShared } from "./shared";

const useStyles = makeStyles({
  line: { display: "block", overflowWrap: "anywhere" },
  result: { color: tokens.colorNeutralForeground2 },
  summary: {
    cursor: "pointer",
    padding: "2px 0",
    borderRadius: tokens.borderRadiusSmall,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

function Formula({ cell, formula, result }: FormulaColumn["lines"][number]): React.JSX.Element {
  const styles = useStyles();
  const shared = useShared();
  return (
    <Caption1 className={styles.line}>
      <code className={shared.code}>{paneText.fill.formula(cell, formula)}</code>{" "}
      <span className={styles.result}>
        {paneText.fill.gives}&nbsp;{result}
      </span>
    </Caption1>
  );
}

export function FillView({ controller, state }: { controller: PaneController; state: PaneState }): React.JSX.Element {
  const styles = useStyles();
  const shared = useShared();
  const plan = state.fillPlan;
  // The plan is computed when this tab shows (and again after each check), not by the check itself.
  React.useEffect(() => void controller.preparePlan("fill"), [controller, state.report, plan]);
  const preview = plan && state.report ? plan.preview : null;
  return (
    <div className={shared.col}>
      <Body1 as="p">{paneText.fill.intro}</Body1>
      {!state.report && (
        <Button appearance="primary" onClick={() => void controller.check()} disabled={!!state.busy}>
          {paneText.check.run}
        </Button>
      )}
      {plan && preview && (
        <>
          <Body1 as="p" data-testid="fill-preview">
            <strong>{preview.formulas ? paneText.fill.preview(preview.formulas, preview.columns.length) : paneText.fill.nothing}</strong>
          </Body1>
          {preview.columns.map((c) => (
            <section key={c.key} aria-labelledby={`fill-${c.key}`} data-testid="fill-column">
              <h3 id={`fill-${c.key}`} className={shared.heading}>
                <Body1>
                  <strong>{paneText.fill.column(c.letter, c.label, c.lines.length)}</strong>
                </Body1>
              </h3>
              <Formula {...c.lines[0]!} />
              {c.count > 1 && (
                <details>
                  <summary className={styles.summary}>
                    <Caption1>{paneText.fill.showAll(c.count)}</Caption1>
                  </summary>
                  <ul className={shared.list}>
                    {c.lines.map((l) => (
                      <li key={l.cell}>
                        <Formula {...l} />
                      </li>
                    ))}
                  </ul>
                  {c.count > c.lines.length && <Caption1 as="p">{paneText.fill.more(c.count - c.lines.length)}</Caption1>}
                </details>
              )}
            </section>
          ))}
          {plan.stats.unchanged > 0 && <Caption1 as="p">{paneText.fill.upToDate(plan.stats.unchanged)}</Caption1>}
          {preview.conflicts.length > 0 && (
            <section aria-labelledby="fill-conflicts-title">
              <h3 id="fill-conflicts-title" className={shared.heading}>
                <Body1>
                  <strong>{paneText.fill.conflicts(preview.conflicts.length)}</strong>
                </Body1>
              </h3>
              <ul className={shared.list} data-testid="fill-conflicts">
                {preview.conflicts.map((c) => (
                  <li key={c.key}>
                    <Caption1 className={styles.line}>
                      <strong>{c.where}</strong> — {c.reason}
                    </Caption1>
                    <Caption1 className={styles.line}>
                      {paneText.fill.typed} <strong data-testid="conflict-typed">{c.typed}</strong> · {paneText.fill.computed}{" "}
                      <strong data-testid="conflict-computed">{c.computed}</strong>
                    </Caption1>
                  </li>
                ))}
              </ul>
              <Checkbox label={paneText.fill.force} checked={state.force} onChange={(_, d) => controller.setForce(!!d.checked)} />
            </section>
          )}
          {preview.notes.map((n) => (
            <Caption1 as="p" key={n}>
              {n}
            </Caption1>
          ))}
          <Button
            appearance="primary"
            onClick={() => void controller.applyFill()}
            disabled={!!state.busy || state.preparing.fill || !plan.edits}
            data-testid="apply-fill"
          >
            {paneText.fill.apply}
          </Button>
        </>
      )}
    </div>
  );
}
