/** @jest-environment jsdom */
// A bug while drawing the pane is the add-in's, not Excel's: logged with its stack, said as an internal error, with
// the detail to report and a way to start again; what was drawn before is not left blank without a word.
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { InternalErrorBoundary } from "../../src/taskpane/components/InternalErrorBoundary";
import { paneText } from "../../src/messages/pane";

(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

function Broken(): React.JSX.Element {
  const rows: Array<{ label: string }> = [];
  // A core bug as it would reach a component: reading past the end of a list.
  return <p>{rows[0]!.label}</p>;
}

test("a component that throws: internal error shown, stack logged, detail to report, reload offered", () => {
  const logged: unknown[][] = [];
  const spy = jest.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args));
  const reload = jest.fn();
  try {
    render(
      <FluentProvider theme={webLightTheme}>
        <InternalErrorBoundary onReload={reload}>
          <Broken />
        </InternalErrorBoundary>
      </FluentProvider>,
    );
  } finally {
    spy.mockRestore();
  }
  const bar = screen.getByTestId("internal-error");
  expect(bar.textContent).toContain(paneText.internal.title);
  expect(bar.textContent).not.toContain("Excel a renvoyé une erreur");
  const detail = screen.getByTestId("internal-error-detail").textContent ?? "";
  expect(detail).toMatch(/^Erreur interne du complément \(TypeError/);
  expect(detail).toContain("at Broken");
  // Our own log line, with the stack, besides React's.
  const ours = logged.find((args) => String(args[0]).startsWith("Annexe CDPPE: internal error (pane)"));
  expect(ours).toBeDefined();
  expect(String(ours![1])).toContain("TypeError");
  expect(String(ours![1])).toContain("at Broken");
  fireEvent.click(screen.getByRole("button", { name: paneText.internal.reload }));
  expect(reload).toHaveBeenCalledTimes(1);
});

test("no error: the children are drawn as they are", () => {
  render(
    <InternalErrorBoundary>
      <p>contenu</p>
    </InternalErrorBoundary>,
  );
  expect(screen.getByText("contenu")).toBeTruthy();
  expect(screen.queryByTestId("internal-error")).toBeNull();
});
