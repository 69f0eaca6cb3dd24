import * as React from "react";
import { Badge, Body1, Button, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Finding, Severity } from "../../core/rules/types";
import { paneText } from "../../messages/pane";
import type { FindingItem, FindingsView } from "../viewModel";
import { useShared } from "./shared";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: "4px", margin: 0, padding: 0, listStyle: "none" },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: "4px 8px 6px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    cursor: "pointer",
  },
  seen: { border: `1px dashed ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground1 },
  main: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: "2px",
    width: "100%",
    padding: "2px 0",
    margin: 0,
    border: "none",
    background: "none",
    color: "inherit",
    font: "inherit",
    textAlign: "left",
    cursor: "pointer",
    borderRadius: tokens.borderRadiusSmall,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  line: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "center" },
  message: { overflowWrap: "anywhere", margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: "4px" },
  fold: { justifyContent: "flex-start", width: "100%", textAlign: "left" },
});

const BADGE: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };
const ROUNDING = "rounding-group";

export interface FindingActions {
  open: (f: Finding) => void;
  toggleSeen: (f: Finding) => void;
  widen: (f: Finding) => void;
}

/**
 * The findings as ONE keyboard list (roving tabindex): a single Tab stop; ↑ ↓ Home End move between findings
 * (across severities and into the folded rounding group); ← → move between a finding and its actions.
 */
export function FindingsList({ view, actions }: { view: FindingsView; actions: FindingActions }): React.JSX.Element {
  const styles = useStyles();
  const shared = useShared();
  const [activeKey, setActiveKey] = React.useState<string | null>(null);
  const [roundingOpen, setRoundingOpen] = React.useState(false);
  const ref = React.useRef<HTMLDivElement>(null);
  const idPrefix = React.useId();
  const keys = [
    ...view.sections.flatMap((s) => s.items.map((i) => i.key)),
    ...(view.rounding.length ? [ROUNDING] : []),
    ...(roundingOpen ? view.rounding.map((i) => i.key) : []),
  ];
  const active = activeKey !== null && keys.includes(activeKey) ? activeKey : (keys[0] ?? null);

  const itemOf = (el: Element | null) => el?.closest<HTMLElement>("[data-rove-item]") ?? null;
  const focusItem = (key: string) => {
    setActiveKey(key);
    const li = [...(ref.current?.querySelectorAll<HTMLElement>("[data-rove-item]") ?? [])].find((x) => x.dataset.roveItem === key);
    li?.querySelector<HTMLElement>("[data-rove]")?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const li = itemOf(e.target as Element);
    if (!li) return;
    const at = keys.indexOf(li.dataset.roveItem!);
    let next: number | null = null;
    if (e.key === "ArrowDown") next = Math.min(keys.length - 1, at + 1);
    else if (e.key === "ArrowUp") next = Math.max(0, at - 1);
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = keys.length - 1;
    if (next !== null) {
      e.preventDefault();
      focusItem(keys[next]!);
      return;
    }
    if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
      const buttons = [...li.querySelectorAll<HTMLElement>("button")];
      const i = buttons.indexOf(e.target as HTMLElement);
      const to = buttons[i + (e.key === "ArrowRight" ? 1 : -1)];
      if (i >= 0 && to) {
        e.preventDefault();
        to.focus();
      }
    }
  };
  // Focus entering an item by mouse or Tab makes it the list's stop.
  const onFocus = (e: React.FocusEvent) => {
    const key = itemOf(e.target)?.dataset.roveItem;
    if (key && key !== active) setActiveKey(key);
  };

  const item = (it: FindingItem) => {
    const on = it.key === active;
    const tab = on ? 0 : -1;
    const f = it.finding;
    const n = [...view.sections.flatMap((s) => s.items), ...view.rounding].indexOf(it);
    const ids = { msg: `${idPrefix}msg${n}`, fig: `${idPrefix}fig${n}` };
    return (
      <li
        key={it.key}
        data-rove-item={it.key}
        data-testid="finding"
        data-rule={f.rule}
        data-cell={`${f.sheet}!${f.cell}`}
        className={mergeClasses(styles.card, it.seen && styles.seen)}
        onClick={(e) => {
          if (!(e.target as Element).closest("button")) actions.open(f);
        }}
      >
        <button
          type="button"
          data-rove
          className={styles.main}
          tabIndex={tab}
          onClick={() => actions.open(f)}
          aria-describedby={it.figures ? `${ids.msg} ${ids.fig}` : ids.msg}
        >
          <span className={styles.line}>
            <Badge appearance="filled" color={BADGE[f.severity]} size="small">
              {it.severityLabel}
            </Badge>
            <strong>{it.title}</strong>
            {it.seen && (
              <Badge appearance="outline" size="small">
                {paneText.check.seen}
              </Badge>
            )}
          </span>
          <Caption1>{it.where}</Caption1>
        </button>
        <Body1 as="p" id={ids.msg} className={styles.message}>
          {it.message}
        </Body1>
        {it.figures && (
          <Caption1 as="p" id={ids.fig} className={styles.message}>
            {it.figures}
          </Caption1>
        )}
        <div className={styles.actions}>
          {it.canWiden && (
            <Button size="small" appearance="primary" tabIndex={tab} onClick={() => actions.widen(f)}>
              {paneText.check.widen}
            </Button>
          )}
          <Button size="small" appearance="subtle" tabIndex={tab} onClick={() => actions.toggleSeen(f)}>
            {it.seen ? paneText.check.unmarkSeen : paneText.check.markSeen}
          </Button>
        </div>
      </li>
    );
  };

  return (
    <div ref={ref} className={shared.col} onKeyDown={onKeyDown} onFocus={onFocus} data-testid="findings">
      <Caption1 as="p" className={styles.message}>
        {paneText.check.listHint}
      </Caption1>
      {view.sections.map((s) => (
        <section key={s.severity} aria-labelledby={`section-${s.severity}`}>
          <h3 id={`section-${s.severity}`} className={shared.heading}>
            <Body1>
              <strong>{paneText.check.section(s.title, s.items.length)}</strong>
            </Body1>
          </h3>
          <ul className={styles.group}>{s.items.map(item)}</ul>
        </section>
      ))}
      {view.rounding.length > 0 && (
        <section aria-labelledby="section-rounding">
          <ul className={styles.group}>
            <li data-rove-item={ROUNDING}>
              <h3 id="section-rounding" className={shared.heading}>
                <Button
                  data-rove
                  appearance="subtle"
                  className={styles.fold}
                  tabIndex={active === ROUNDING ? 0 : -1}
                  data-testid="rounding-toggle"
                  aria-expanded={roundingOpen}
                  aria-controls="rounding-list"
                  onClick={() => setRoundingOpen(!roundingOpen)}
                >
                  <span aria-hidden="true">{roundingOpen ? "▾" : "▸"}&nbsp;</span>
                  {paneText.check.rounding(view.rounding.length)}
                </Button>
              </h3>
            </li>
          </ul>
          <div id="rounding-list" hidden={!roundingOpen}>
            {roundingOpen && (
              <>
                <Caption1 as="p" className={styles.message}>
                  {paneText.check.roundingHint}
                </Caption1>
                <ul className={styles.group}>{view.rounding.map(item)}</ul>
              </>
            )}
          </div>
        </section>
      )}
    </div>
  );
}
