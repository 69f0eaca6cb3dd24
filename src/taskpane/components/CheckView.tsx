import * as React from "react";
import { Badge, Body1, Button, Caption1, Checkbox, Select, Subtitle2, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, Severity } from "../../core/rules/types";
import { describeTable } from "../../core/layout/describe";
import { roleLabel } from "../../messages/layout";
import { paneText } from "../../messages/pane";
import { ruleTitles, severityLabel } from "../../messages/rules";
import { findingKey, type PaneController, type PaneState } from "../controller";
import { RatesChart } from "./RatesChart";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "center" },
  tables: { display: "flex", flexDirection: "column", gap: "2px" },
  group: { display: "flex", flexDirection: "column", gap: "4px", margin: 0, padding: 0, listStyle: "none" },
  groupTitle: { marginTop: "6px" },
  item: {
    display: "flex", flexDirection: "column", gap: "2px", padding: "6px 8px", borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground2, cursor: "pointer", textAlign: "left",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  seen: { opacity: 0.55 },
  message: { overflowWrap: "anywhere" },
});

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const BADGE: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

function shown(v: Finding["expected"]): string {
  if (v === null || v === undefined || v === "") return "—";
  return typeof v === "number" ? v.toLocaleString("fr-FR") : String(v);
}

function FindingItem({ f, seen, controller }: { f: Finding; seen: boolean; controller: PaneController }): React.JSX.Element {
  const styles = useStyles();
  const open = () => void controller.select(f);
  return (
    <li>
      <div
        role="button"
        tabIndex={0}
        className={`${styles.item} ${seen ? styles.seen : ""}`}
        data-testid="finding"
        data-rule={f.rule}
        data-cell={`${f.sheet}!${f.cell}`}
        aria-label={`${severityLabel[f.severity]} ${ruleTitles[f.rule]} ${f.sheet}!${f.cell}`}
        onClick={open}
        onKeyDown={(e) => {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            open();
          }
        }}
      >
        <div className={styles.row}>
          <Badge appearance="filled" color={BADGE[f.severity]} size="small">{severityLabel[f.severity]}</Badge>
          <Caption1><strong>{ruleTitles[f.rule]}</strong> · {f.sheet}!{f.cell}</Caption1>
          {seen && <Badge appearance="outline" size="small">{paneText.check.seen}</Badge>}
        </div>
        <Body1 className={styles.message}>{f.message}</Body1>
        <Caption1>{paneText.check.expected} : {shown(f.expected)} — {paneText.check.actual} : {shown(f.actual)}</Caption1>
        <div className={styles.row} onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
          <Button size="small" appearance="subtle" onClick={open}>{paneText.check.goTo}</Button>
          {f.rule === "display-overflow" && <Button size="small" appearance="primary" onClick={() => void controller.widen(f)}>{paneText.check.widen}</Button>}
          <Button size="small" appearance="subtle" onClick={() => void controller.toggleSeen(f)}>{seen ? paneText.check.unmarkSeen : paneText.check.markSeen}</Button>
        </div>
      </div>
    </li>
  );
}

export function CheckView({ controller, state }: { controller: PaneController; state: PaneState }): React.JSX.Element {
  const styles = useStyles();
  const [severities, setSeverities] = React.useState<Set<Severity>>(new Set(SEVERITIES));
  const [rule, setRule] = React.useState<string>("");
  const [byRule, setByRule] = React.useState(false);
  const [hideSeen, setHideSeen] = React.useState(false);
  const report = state.report;
  const findings = (report?.findings ?? []).filter((f) => severities.has(f.severity) && (!rule || f.rule === rule) && (!hideSeen || !state.seen.includes(findingKey(f))));
  const groups = new Map<string, Finding[]>();
  // Worst severity first, then by fiche number ("hors fiche" first: totals) or by rule.
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...findings].sort((a, b) => rank[a.severity] - rank[b.severity] || (byRule ? 0 : (parseInt(a.fiche ?? "0", 10) || 0) - (parseInt(b.fiche ?? "0", 10) || 0)));
  for (const f of sorted) {
    const k = byRule ? ruleTitles[f.rule] ?? f.rule : f.fiche ? paneText.check.fiche(f.fiche) : paneText.check.noFiche;
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  const toggle = (s: Severity) => setSeverities((cur) => {
    const next = new Set(cur);
    if (next.has(s)) next.delete(s);
    else next.add(s);
    return next;
  });
  return (
    <section className={styles.col} aria-label={paneText.tabs.check}>
      {!report && <Body1>{paneText.check.intro}</Body1>}
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void controller.check()} disabled={!!state.busy} data-testid="run-check">{report ? paneText.check.rerun : paneText.check.run}</Button>
        {report && <Button onClick={() => void controller.flag()} disabled={!!state.busy}>{paneText.check.flag}</Button>}
        {report && <Button appearance="subtle" onClick={() => void controller.clearFlags()} disabled={!!state.busy}>{paneText.check.clearFlags}</Button>}
      </div>
      {report && (
        <>
          <div className={styles.tables} data-testid="recognised">
            {(["detail", "summary"] as const).map((kind) => {
              const t = kind === "detail" ? report.layout.detail : report.layout.summary;
              const name = kind === "detail" ? paneText.check.detail : paneText.check.summary;
              if (!t) return <Caption1 key={kind}>{paneText.check.missingTable(name)}</Caption1>;
              const d = describeTable(t);
              return (
                <Caption1 key={kind}>
                  <strong>{name}</strong> « {d.sheet} » {d.range} — {paneText.check.fiches(d.fiches)}, {paneText.check.years(d.years)}, {paneText.check.confidence(d.confidence)}
                  {d.missing.length > 0 && <> — {paneText.check.missing(d.missing.map(roleLabel).join(", "))}</>}
                </Caption1>
              );
            })}
          </div>
          <div className={styles.row} role="group" aria-label={paneText.check.severityFilter}>
            {SEVERITIES.map((s) => (
              <ToggleButton key={s} size="small" checked={severities.has(s)} onClick={() => toggle(s)} data-testid={`count-${s}`}>
                {paneText.check.counts[s]}&nbsp;<Badge appearance="filled" color={BADGE[s]} size="small">{report.counts[s]}</Badge>
              </ToggleButton>
            ))}
          </div>
          <div className={styles.row}>
            <Select size="small" style={{ maxWidth: "100%", minWidth: 0 }} aria-label={paneText.check.ruleFilter} value={rule} onChange={(_, d) => setRule(d.value)}>
              <option value="">{paneText.check.allRules}</option>
              {[...new Set(report.findings.map((f) => f.rule))].map((r) => <option key={r} value={r}>{ruleTitles[r] ?? r}</option>)}
            </Select>
            <ToggleButton size="small" checked={byRule} onClick={() => setByRule(!byRule)}>{byRule ? paneText.check.byRule : paneText.check.byFiche}</ToggleButton>
            <Checkbox label={paneText.check.hideSeen} checked={hideSeen} onChange={(_, d) => setHideSeen(!!d.checked)} />
          </div>
          {!report.findings.length && <Body1>{paneText.check.clean}</Body1>}
          {report.findings.length > 0 && !findings.length && <Body1>{paneText.check.none}</Body1>}
          {[...groups.entries()].map(([title, list]) => (
            <div key={title}>
              <Subtitle2 as="h3" className={styles.groupTitle}>{title} ({list.length})</Subtitle2>
              <ul className={styles.group}>
                {list.map((f) => <FindingItem key={findingKey(f)} f={f} seen={state.seen.includes(findingKey(f))} controller={controller} />)}
              </ul>
            </div>
          ))}
          {state.charts && <RatesChart engagements={state.charts.engagements} funders={state.charts.funders} />}
        </>
      )}
    </section>
  );
}
