import * as React from "react";
import { Button } from "@fluentui/react-components";
import type { PaneController, PaneState } from "../controller";
import { excelText } from "../../messages/excel";

/**
 * One undo per action recorded in the workbook (offered again after the pane was closed and reopened), the choice
 * when cells changed since the write, and the removal of everything the add-in keeps in the workbook.
 */
export function UndoBar({ controller, state }: { controller: PaneController; state: PaneState }): React.JSX.Element | null {
  const busy = state.busy !== null;
  if (state.undoPending) {
    return (
      <div style={{ display: "flex", flexWrap: "wrap", gap: 6 }} data-testid="undo-confirm">
        <Button size="small" appearance="primary" disabled={busy} onClick={() => void controller.confirmUndo(true)} data-testid="undo-keep">
          {excelText.undoKeep}
        </Button>
        <Button size="small" disabled={busy} onClick={() => void controller.confirmUndo(false)} data-testid="undo-overwrite">
          {excelText.undoOverwrite}
        </Button>
      </div>
    );
  }
  if (!state.snapshot) return null;
  return (
    <div style={{ display: "flex", flexWrap: "wrap", gap: 6 }} data-testid="undo-bar">
      {state.undoable.map((k) => (
        <Button key={k} size="small" disabled={busy} onClick={() => void controller.undo(k)} data-testid={`undo-${k}`}>
          {excelText.undoAction(excelText.kindLabel[k] ?? k)}
        </Button>
      ))}
      {state.flagged && (
        <Button size="small" disabled={busy} onClick={() => void controller.undo("flags")} data-testid="undo-flags">
          {excelText.undoAction(excelText.kindLabel.flags!)}
        </Button>
      )}
      <Button size="small" appearance="subtle" disabled={busy} onClick={() => void controller.clearAddinData()} data-testid="clear-data">
        {excelText.clearData}
      </Button>
    </div>
  );
}
