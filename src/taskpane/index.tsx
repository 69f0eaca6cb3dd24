import * as React from "react";
import { createRoot, type Root } from "react-dom/client";
import { Body1, FluentProvider, Spinner, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { detectHost } from "./officeHost";
import { OutsideOffice } from "./OutsideOffice";
import { app } from "../messages/fr";
import { internalError } from "../excel/errors";
import { InternalErrorBoundary, InternalErrorView } from "./components/InternalErrorBoundary";

// Office exposes the user's theme; a dark body background means the dark Office theme.
function officeTheme(): Theme {
  try {
    const bg = Office.context?.officeTheme?.bodyBackgroundColor;
    if (bg && /^#?[0-9a-f]{6}$/i.test(bg)) {
      const hex = bg.replace("#", "");
      const lum = (parseInt(hex.slice(0, 2), 16) * 299 + parseInt(hex.slice(2, 4), 16) * 587 + parseInt(hex.slice(4, 6), 16) * 114) / 1000;
      if (lum < 128) return webDarkTheme;
    }
  } catch {
    // Outside Office there is no theme: the light one is right.
  }
  return webLightTheme;
}

async function boot(root: Root): Promise<void> {
  // The ribbon command opens this page as a small dialog carrying its message after #notice=.
  const notice = /^#notice=(.*)$/.exec(window.location.hash);
  if (notice) {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <Body1 as="p" role="status" style={{ padding: 12 }}>
          {decodeURIComponent(notice[1] ?? "")}
        </Body1>
      </FluentProvider>,
    );
    return;
  }
  root.render(
    <FluentProvider theme={webLightTheme}>
      <Spinner label={app.loading} />
    </FluentProvider>,
  );
  const host = await detectHost();
  if (host.kind !== "excel") {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <OutsideOffice otherHost={host.kind === "otherHost" ? host.host : undefined} />
      </FluentProvider>,
    );
    return;
  }
  const { ExcelApp } = await import(/* webpackMode: "eager" */ "./ExcelApp");
  root.render(
    <FluentProvider theme={officeTheme()}>
      <InternalErrorBoundary>
        <ExcelApp />
      </InternalErrorBoundary>
    </FluentProvider>,
  );
}

// A start that fails is our bug: logged with its stack, and said in the pane rather than left blank.
const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  boot(root).catch((e: unknown) => {
    internalError(e, "start");
    root.render(
      <FluentProvider theme={webLightTheme}>
        <InternalErrorView error={e} onReload={() => window.location.reload()} />
      </FluentProvider>,
    );
  });
}
