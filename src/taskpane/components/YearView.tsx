import * as React from "react";
import { Body1, Button, Caption1, Field, SpinButton } from "@fluentui/react-components";
import { paneText } from "../../messages/pane";
import type { PaneController, PaneState } from "../controller";
import { useShared } from "./shared";

function Listed({
  title,
  items,
  testId,
  children,
}: {
  title: string;
  items: Array<{ key: string; text: string }>;
  testId: string;
  children?: React.ReactNode;
}): React.JSX.Element | null {
  const shared = useShared();
  const id = React.useId();
  if (!items.length) return null;
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className={shared.heading}>
        <Body1>
          <strong>{title}</strong>
        </Body1>
      </h3>
      {children}
      <ul className={shared.list} data-testid={testId}>
        {items.map((i) => (
          <li key={i.key}>
            <Caption1>{i.text}</Caption1>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function YearView({ controller, state }: { controller: PaneController; state: PaneState }): React.JSX.Element {
  const shared = useShared();
  const plan = state.yearPlan;
  // The plan is computed when this tab shows (and again after each check or year change), not by the check itself.
  React.useEffect(() => void controller.preparePlan("year"), [controller, state.report, plan]);
  const last = state.report?.layout.detail?.years.at(-1) ?? null;
  const preview = plan?.preview ?? { last, insertions: [], retitled: [], kept: [] };
  // Right after a year is added, the next one is not armed in the same place (a second click would add it too):
  // the view says what was done until the officer asks for another year.
  const [added, setAdded] = React.useState<number | null>(null);
  const justAdded = added !== null && preview.last === added;
  const apply = async () => {
    const year = state.year;
    await controller.applyYear();
    if (!controller.getState().error) setAdded(year);
  };
  return (
    <div className={shared.col}>
      <Body1 as="p">{paneText.year.intro}</Body1>
      {state.year === null && (
        <Button appearance="primary" onClick={() => void controller.check()} disabled={!!state.busy}>
          {paneText.check.run}
        </Button>
      )}
      {state.year !== null && justAdded && (
        <>
          <Body1 as="p" role="status" data-testid="year-added">
            <strong>{paneText.year.added(added)}</strong>
          </Body1>
          <Button onClick={() => setAdded(null)} data-testid="year-another">
            {paneText.year.another(state.year)}
          </Button>
        </>
      )}
      {state.year !== null && !justAdded && (
        <>
          <Field label={paneText.year.field} hint={preview.last !== null ? paneText.year.last(preview.last) : undefined}>
            <SpinButton
              value={state.year}
              min={2000}
              max={2100}
              onChange={(_, d) => {
                const y = d.value ?? Number(d.displayValue);
                if (Number.isInteger(y)) controller.setYear(y);
              }}
              data-testid="year-field"
            />
          </Field>
          {plan?.blocked &&
            plan.notes.map((n) => (
              <Caption1 as="p" key={n} role="alert">
                {n}
              </Caption1>
            ))}
          {plan && !plan.blocked && (
            <>
              <Listed title={paneText.year.preview(preview.insertions.length)} items={preview.insertions} testId="year-preview" />
              <Listed title={paneText.year.retitled(preview.retitled.length)} items={preview.retitled} testId="year-retitled" />
              <Listed title={paneText.year.kept(preview.kept.length)} items={preview.kept} testId="year-kept">
                {preview.last !== null && <Caption1 as="p">{paneText.year.keptWhy(preview.last)}</Caption1>}
              </Listed>
              {plan.notes.map((n) => (
                <Caption1 as="p" key={n}>
                  {n}
                </Caption1>
              ))}
            </>
          )}
          <Button
            appearance="primary"
            onClick={() => void apply()}
            disabled={!!state.busy || state.preparing.year || !plan || !!plan.blocked}
            data-testid="apply-year"
          >
            {paneText.year.apply(state.year)}
          </Button>
        </>
      )}
    </div>
  );
}
