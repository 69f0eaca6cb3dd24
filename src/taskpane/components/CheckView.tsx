import * as React from "react";
import { Badge, Body1, Caption1, Checkbox, Select, Toolbar, ToolbarButton, ToolbarToggleButton, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Severity } from "../../core/rules/types";
import { describeTable } from "../../core/layout/describe";
import { roleLabel } from "../../messages/layout";
import { paneText } from "../../messages/pane";
import type { PaneController, PaneState } from "../controller";
import { SEVERITIES, findingsView } from "../viewModel";
import { FindingsList } from "./FindingsList";
import { RatesChart } from "./RatesChart";
import { useShared } from "./shared";

const useStyles = makeStyles({
  wrap: { flexWrap: "wrap", padding: 0, gap: "4px" },
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
  const view = report ? findingsView(report, state.seen, { severities: new Set(severities), rule, hideSeen }) : null;
  const actions = React.useMemo(() => ({
    open: (f: Parameters<PaneController["select"]>[0]) => void controller.select(f),
    toggleSeen: (f: Parameters<PaneController["select"]>[0]) => void controller.toggleSeen(f),
    widen: (f: Parameters<PaneController["select"]>[0]) => void controller.widen(f),
  }), [controller]);
  return (
    <div className={shared.col}>
      {view && <Body1 as="p" role="status" data-testid="verdict" className={mergeClasses(styles.verdict, styles[view.tone])}><strong>{view.verdict}</strong></Body1>}
      {!report && <Body1 as="p">{paneText.check.intro}</Body1>}
      <Toolbar aria-label={paneText.check.actions} className={styles.wrap} size="small">
        <ToolbarButton appearance="primary" onClick={() => void controller.check()} disabled={!!state.busy} data-testid="run-check">{report ? paneText.check.rerun : paneText.check.run}</ToolbarButton>
        {report && <ToolbarButton onClick={() => void controller.flag()} disabled={!!state.busy}>{paneText.check.flag}</ToolbarButton>}
        {report && <ToolbarButton onClick={() => void controller.clearFlags()} disabled={!!state.busy}>{paneText.check.clearFlags}</ToolbarButton>}
      </Toolbar>
      {report && view && (
        <>
          <div className={styles.tables} data-testid="recognised">
            {(["detail", "summary"] as const).map((kind) => {
              const t = kind === "detail" ? report.layout.detail : report.layout.summary;
              const name = kind === "detail" ? paneText.check.detail : paneText.check.summary;
              if (!t) return <Caption1 key={kind}>{paneText.check.missingTable(name)}</Caption1>;
              const d = describeTable(t);
              return (
                <Caption1 key={kind}>
                  <strong>{name}</strong> «&nbsp;{d.sheet}&nbsp;» {d.range} — {paneText.check.fiches(d.fiches)}, {paneText.check.years(d.years)}, {paneText.check.confidence(d.confidence)}
                  {d.missing.length > 0 && <> — {paneText.check.missing(d.missing.map(roleLabel).join(", "))}</>}
                </Caption1>
              );
            })}
          </div>
          <Toolbar
            aria-label={paneText.check.severityFilter} className={styles.wrap} size="small"
            checkedValues={{ severity: severities }} onCheckedValueChange={(_, d) => setSeverities(d.checkedItems as Severity[])}
          >
            {SEVERITIES.map((s) => (
              <ToolbarToggleButton key={s} name="severity" value={s} appearance="subtle" data-testid={`count-${s}`}>
                {paneText.check.counts[s]}&nbsp;<Badge appearance="filled" color={BADGE[s]} size="small">{report.counts[s]}</Badge>
              </ToolbarToggleButton>
            ))}
          </Toolbar>
          <div className={shared.row}>
            <Select size="small" className={styles.select} aria-label={paneText.check.ruleFilter} value={rule} onChange={(_, d) => setRule(d.value)}>
              <option value="">{paneText.check.allRules}</option>
              {view.rules.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
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
