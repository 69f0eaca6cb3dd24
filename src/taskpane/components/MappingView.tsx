import * as React from "react";
import { Badge, Body1, Button, Caption1, Select, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { TableLayout } from "../../core/layout/types";
import { colToLetters } from "../../core/model/a1";
import { roleLabel } from "../../messages/layout";
import { mappingViewText } from "../../messages/mapping";
import type { PaneController, PaneState } from "../controller";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: "8px" },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1.4fr) auto",
    gap: "6px",
    alignItems: "center",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: "4px",
  },
});

const ABSENT = "absent";
const NOT_FOUND = "";
const STATUS_COLOR = { confirmed: "success", doubtful: "warning", missing: "danger", user: "brand" } as const;

function TableReading({ controller, t, busy }: { controller: PaneController; t: TableLayout; busy: boolean }): React.JSX.Element {
  const styles = useStyles();
  const columns = Object.keys(t.headers)
    .map(Number)
    .sort((a, b) => a - b);
  return (
    <section className={styles.col} aria-label={mappingViewText.table(t.kind, t.sheet)} data-testid={`reading-${t.kind}`}>
      <Subtitle2>{mappingViewText.table(t.kind, t.sheet)}</Subtitle2>
      {t.readings.map((r) => {
        const value = r.col !== null ? String(r.col) : r.status === "user" ? ABSENT : NOT_FOUND;
        const label = roleLabel(r.key);
        return (
          <div className={styles.row} key={r.key} data-testid="reading" data-key={r.key}>
            <Caption1>{label}</Caption1>
            <Select
              size="small"
              value={value}
              disabled={busy}
              aria-label={mappingViewText.selectLabel(label)}
              onChange={(_, d) => void controller.setReading(t.kind, r.key, d.value === ABSENT ? null : Number(d.value))}
            >
              {value === NOT_FOUND && (
                <option value={NOT_FOUND} disabled>
                  {mappingViewText.status.missing}
                </option>
              )}
              {columns.map((c) => (
                <option key={c} value={String(c)}>
                  {mappingViewText.columnOption(colToLetters(c), t.headers[c] ?? "")}
                </option>
              ))}
              <option value={ABSENT}>{mappingViewText.absent}</option>
            </Select>
            <Badge size="small" appearance="tint" color={STATUS_COLOR[r.status]} data-testid="reading-status">
              {mappingViewText.status[r.status]}
            </Badge>
          </div>
        );
      })}
    </section>
  );
}

/** « Lecture de l'annexe »: each role with the column it was read from; the user corrects it once and it sticks. */
export function MappingView({ controller, state }: { controller: PaneController; state: PaneState }): React.JSX.Element {
  const styles = useStyles();
  const layout = state.report?.layout;
  const busy = !!state.busy;
  return (
    <section className={styles.col} aria-label={mappingViewText.title} data-testid="mapping-view">
      <Body1>{mappingViewText.intro}</Body1>
      {!layout && (
        <>
          <Caption1>{mappingViewText.needCheck}</Caption1>
          <Button appearance="primary" onClick={() => void controller.check()} disabled={busy}>
            {mappingViewText.title}
          </Button>
        </>
      )}
      {layout?.detail && <TableReading controller={controller} t={layout.detail} busy={busy} />}
      {layout?.summary && <TableReading controller={controller} t={layout.summary} busy={busy} />}
      {layout && <Caption1 data-testid="mapping-count">{mappingViewText.userCount(state.mapping?.entries.length ?? 0)}</Caption1>}
      {layout && !!state.mapping?.entries.length && (
        <Button onClick={() => void controller.resetReading()} disabled={busy} data-testid="mapping-reset">
          {mappingViewText.reset}
        </Button>
      )}
    </section>
  );
}
