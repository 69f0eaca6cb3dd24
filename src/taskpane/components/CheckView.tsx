import * as React from "react";
import { Badge, Body1, Button, Caption1, Checkbox, Select, ToggleButton, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Severity } from "../../core/rules/types";
import { quoted } from "../../messages/format";
import { roleLabel } from "../../messages/layout";
import { paneText } from "../../messages/pane";
import type { PaneController, PaneState } from "../controller";
import { SEVERITIES, findingsView } from "../viewModel";
import { FindingsList } from "./FindingsList";
import { RatesChart } from "./RatesChart";
import { useRovingGroup } from "./roving";
import { useShared } from "./shared";

const useStyles = makeStyles({
  wrap: { display: "flex", flexWrap: "wrap", padding: 0, gap: "4px" },
  tables: { display: "flex", flexDirection: "column", gap: "2px" },
  verdict: { margin: 0, padding: "6px 8px", borderLeft: "4px solid", borderRadius: tokens.borderRadiusSmall, backgroundColor: tokens.colorNeutralBackground2 },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderLeftColor: tokens.colorPaletteGreenBorder2 },
  ok: { borderLeftColor: tokens.colorPaletteGreenBorder2 },
  select: { maxWidth: "100%", minWidth: 0 },
});

const BADGE: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

export function CheckView({ controller, state }: { controller: PaneController; state: PaneState }): React.JSX.Element {
  const styles = useStyles();
  const shared = useShared();
  const [severities, setSeverities] = React.useState<Severity[]>([...SEVERITIES]);
  const [rule, setRule] = React.useState<string>("");
  const [hideSeen, setHideSeen] = React.useState(false);
  const report = state.report;
  const actionsRow = useRovingGroup<HTMLDivElement>();
  const severityRow = useRovingGroup<HTMLDivElement>();
  const view = report ? findingsView(report, state.seen, { severities: new Set(severities), rule, hideSeen }) : null;
  // Described with the check, in the worker: it walks every row of the tables.
  const described = report?.described ?? { detail: null, summary: null };
  const actions = React.useMemo(
    () => ({
      open: (f: Parameters<PaneController["select"]>[0]) => void controller.select(f),
      toggleSeen: (f: Parameters<PaneController["select"]>[0]) => void controller.toggleSeen(f),
      widen: (f: Parameters<PaneController["select"]>[0]) => void controller.widen(f),
    }),
    [controller],
  );
  return (
    <div className={shared.col}>
      {view && (
        <Body1 as="p" role="status" data-testid="verdict" className={mergeClasses(styles.verdict, styles[view.tone])}>
          <strong>{view.verdict}</strong>
        </Body1>
      )}
      {!report && <Body1 as="p">{paneText.check.intro}</Body1>}
      <div
        role="toolbar"
        aria-label={paneText.check.actions}
        className={styles.wrap}
        ref={actionsRow.ref}
        onKeyDown={actionsRow.onKeyDown}
        onFocus={actionsRow.onFocus}
      >
        <Button data-roving size="small" appearance="primary" onClick={() => void controller.check()} disabled={!!state.busy} data-testid="run-check">
          {report ? paneText.check.rerun : paneText.check.run}
        </Button>
        {report && (
          <Button data-roving size="small" onClick={() => void controller.flag()} disabled={!!state.busy}>
            {paneText.check.flag}
          </Button>
        )}
        {report && (
          <Button data-roving size="small" onClick={() => void controller.clearFlags()} disabled={!!state.busy}>
            {paneText.check.clearFlags}
          </Button>
        )}
      </div>
      {report && view && (
        <>
          <div className={styles.tables} data-testid="recognised">
            {(["detail", "summary"] as const).map((kind) => {
              const d = described[kind];
              const name = kind === "detail" ? paneText.check.detail : paneText.check.summary;
              if (!d) return <Caption1 key={kind}>{paneText.check.missingTable(name)}</Caption1>;
              return (
                <Caption1 key={kind}>
                  <strong>{name}</strong> {quoted(d.sheet)} {d.range} — {paneText.check.fiches(d.fiches)}, {paneText.check.years(d.years)},{" "}
                  {paneText.check.confidence(d.confidence)}
                  {d.missing.length > 0 && <> — {paneText.check.missing(d.missing.map(roleLabel).join(", "))}</>}
                </Caption1>
              );
            })}
          </div>
          <div
            role="toolbar"
            aria-label={paneText.check.severityFilter}
            className={styles.wrap}
            ref={severityRow.ref}
            onKeyDown={severityRow.onKeyDown}
            onFocus={severityRow.onFocus}
          >
            {SEVERITIES.map((s) => (
              <ToggleButton
                key={s}
                data-roving
                size="small"
                appearance="subtle"
                data-testid={`count-${s}`}
                checked={severities.includes(s)}
                onClick={() => setSeverities((cur) => (cur.includes(s) ? cur.filter((x) => x !== s) : [...cur, s]))}
              >
                {paneText.check.counts[s]}&nbsp;
                <Badge appearance="filled" color={BADGE[s]} size="small">
                  {report.counts[s]}
                </Badge>
              </ToggleButton>
            ))}
          </div>
          <div className={shared.row}>
            <Select size="small" className={styles.select} aria-label={paneText.check.ruleFilter} value={rule} onChange={(_, d) => setRule(d.value)}>
              <option value="">{paneText.check.allRules}</option>
              {view.rules.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </Select>
            <Checkbox label={paneText.check.hideSeen} checked={hideSeen} onChange={(_, d) => setHideSeen(!!d.checked)} />
          </div>
          {!report.findings.length && <Body1 as="p">{paneText.check.clean}</Body1>}
          {report.findings.length > 0 && !view.shown && <Body1 as="p">{paneText.check.none}</Body1>}
          {view.shown > 0 && <FindingsList view={view} actions={actions} />}
          {state.charts && <RatesChart engagements={state.charts.engagements} funders={state.charts.funders} />}
        </>
      )}
    </div>
  );
}
