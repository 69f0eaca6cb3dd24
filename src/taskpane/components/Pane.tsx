import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import type { PaneController } from "../controller";
import { usePaneState } from "../useController";
import { paneText } from "../../messages/pane";
import { CheckView } from "./CheckView";
import { FillView } from "./FillView";
import { YearView } from "./YearView";
import { MappingView } from "./MappingView";
import { mappingViewText } from "../../messages/mapping";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", padding: "8px", minWidth: "280px", maxWidth: "100vw", overflowWrap: "anywhere", color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorNeutralBackground1, minHeight: "100vh", boxSizing: "border-box" },
  status: { display: "flex", flexDirection: "column", gap: "6px" },
});

type TabKey = "check" | "fill" | "year" | "reading";

export function Pane({ controller }: { controller: PaneController }): React.JSX.Element {
  const s = usePaneState(controller);
  const styles = useStyles();
  const [tab, setTab] = React.useState<TabKey>("check");
  return (
    <div className={styles.root}>
      <TabList style={{ flexWrap: "wrap" }} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabKey)} size="small" aria-label="Annexe CDPPE">
        <Tab value="check">{paneText.tabs.check}</Tab>
        <Tab value="fill">{paneText.tabs.fill}</Tab>
        <Tab value="year">{paneText.tabs.year}</Tab>
        <Tab value="reading">{mappingViewText.tab}</Tab>
      </TabList>
      <div className={styles.status} aria-live="polite">
        {s.busy && s.busy !== "select" && <Spinner size="tiny" label={s.busy === "check" ? paneText.check.running : paneText.busy} />}
        {s.error && (
          <MessageBar intent="error" data-testid="error">
            <MessageBarBody>
              <MessageBarTitle>{paneText.errorTitle}</MessageBarTitle>
              {s.error}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={controller.dismiss}>{paneText.dismiss}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {s.info && (
          <MessageBar intent="success" data-testid="info">
            <MessageBarBody>{s.info}</MessageBarBody>
            <MessageBarActions>
              {s.canUndo && <Button size="small" appearance="primary" onClick={() => void controller.undo()} data-testid="undo">{paneText.undo}</Button>}
            </MessageBarActions>
          </MessageBar>
        )}
      </div>
      {tab === "check" && <CheckView controller={controller} state={s} />}
      {tab === "fill" && <FillView controller={controller} state={s} />}
      {tab === "year" && <YearView controller={controller} state={s} />}
      {tab === "reading" && <MappingView controller={controller} state={s} />}
    </div>
  );
}
