// A bug while drawing the pane would otherwise leave it blank with nothing said: the boundary logs the error with its
// stack (internalError), says it is the add-in's, not Excel's, and shows the detail to copy into a report.
import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { internalError, internalMessage } from "../../excel/errors";
import { paneText } from "../../messages/pane";

interface State {
  error: unknown;
}

/** The detail a report needs: the French internal-error line, then the stack when there is one. */
export function errorDetail(e: unknown): string {
  const message = internalMessage(e);
  return e instanceof Error && e.stack ? `${message}\n${e.stack}` : message;
}

export function InternalErrorView({ error, onReload }: { error: unknown; onReload: () => void }): React.JSX.Element {
  return (
    <MessageBar intent="error" layout="multiline" data-testid="internal-error">
      <MessageBarBody>
        <MessageBarTitle>{paneText.internal.title}</MessageBarTitle>
        <p>{paneText.internal.body}</p>
        <details>
          <summary>{paneText.internal.detail}</summary>
          <pre style={{ whiteSpace: "pre-wrap", userSelect: "text" }} data-testid="internal-error-detail">
            {errorDetail(error)}
          </pre>
        </details>
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onReload}>
          {paneText.internal.reload}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export class InternalErrorBoundary extends React.Component<{ children: React.ReactNode; onReload?: () => void }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown): void {
    internalError(error, "pane");
  }

  override render(): React.ReactNode {
    if (this.state.error === null) return this.props.children;
    return <InternalErrorView error={this.state.error} onReload={this.props.onReload ?? (() => window.location.reload())} />;
  }
}
