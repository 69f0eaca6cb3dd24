import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { PaneController } from "../controller";
import { usePaneState } from "../useController";
import { paneText } from "../../messages/pane";
import { CheckView } from "./CheckView";
import { FillView } from "./FillView";
import { YearView } from "./YearView";
import { useRovingGroup } from "./roving";
import { useShared } from "./shared";
import { UndoBar } from "./UndoBar";
import { MappingView } from "./MappingView";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "8px",
    minWidth: "280px",
    maxWidth: "100vw",
    overflowWrap: "anywhere",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: "100vh",
    boxSizing: "border-box",
    "& p": { marginTop: 0, marginBottom: 0 },
  },
  // The tabs on one line at 320 px.
  tabs: { display: "flex", flexWrap: "nowrap", gap: "2px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  tab: {
    // Four tabs on one line at 320 px: compact padding and the small type size.
    position: "relative",
    padding: "6px 5px",
    margin: 0,
    border: "none",
    background: "none",
    cursor: "pointer",
    whiteSpace: "nowrap",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    borderRadius: tokens.borderRadiusMedium,
    ":hover": { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    "::after": {
      content: '""',
      position: "absolute",
      left: "5px",
      right: "5px",
      bottom: "-1px",
      height: "3px",
      borderRadius: "2px",
      backgroundColor: tokens.colorCompoundBrandStroke,
    },
  },
  status: { display: "flex", flexDirection: "column", gap: "6px" },
});

type TabKey = "check" | "fill" | "year" | "reading";
const TABS: TabKey[] = ["check", "fill", "year", "reading"];

export function Pane({ controller }: { controller: PaneController }): React.JSX.Element {
  const s = usePaneState(controller);
  const styles = useStyles();
  const shared = useShared();
  const [tab, setTab] = React.useState<TabKey>("check");
  const roving = useRovingGroup<HTMLDivElement>();
  return (
    <div className={styles.root}>
      <h1 className={shared.visuallyHidden}>{paneText.title}</h1>
      <div
        role="tablist"
        aria-label={paneText.title}
        className={styles.tabs}
        data-testid="tabs"
        ref={roving.ref}
        onKeyDown={roving.onKeyDown}
        onFocus={roving.onFocus}
      >
        {TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`tab-${k}`}
            aria-selected={tab === k}
            aria-controls={tab === k ? `panel-${k}` : undefined}
            data-roving
            className={mergeClasses(styles.tab, tab === k && styles.selected)}
            onClick={() => setTab(k)}
            onFocus={() => setTab(k)}
          >
            {paneText.tabs[k]}
          </button>
        ))}
      </div>
      <div className={styles.status} aria-live="polite">
        {s.busy && s.busy !== "select" && <Spinner size="tiny" label={s.busy === "check" ? paneText.check.running : paneText.busy} />}
        {s.error && (
          <MessageBar intent="error" data-testid="error">
            <MessageBarBody>
              <MessageBarTitle>{paneText.errorTitle}</MessageBarTitle>
              {s.error}
              {s.errorDetail && (
                <details>
                  <summary>{paneText.internal.detail}</summary>
                  <pre style={{ whiteSpace: "pre-wrap", userSelect: "text" }} data-testid="error-detail">
                    {s.errorDetail}
                  </pre>
                </details>
              )}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={controller.dismiss}>
                {paneText.dismiss}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {s.info && (
          <MessageBar intent="success" data-testid="info">
            <MessageBarBody>{s.info}</MessageBarBody>
            <MessageBarActions>
              {s.canUndo && (
                <Button size="small" appearance="primary" onClick={() => void controller.undo()} data-testid="undo">
                  {paneText.undo}
                </Button>
              )}
            </MessageBarActions>
          </MessageBar>
        )}
      </div>
      <UndoBar controller={controller} state={s} />
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        <h2 className={shared.visuallyHidden}>{paneText.tabs[tab]}</h2>
        {tab === "check" && <CheckView controller={controller} state={s} />}
        {tab === "fill" && <FillView controller={controller} state={s} />}
        {tab === "year" && <YearView controller={controller} state={s} />}
        {tab === "reading" && <MappingView controller={controller} state={s} />}
      </div>
    </div>
  );
}
