import * as React from "react";
import { Body1, Subtitle1 } from "@fluentui/react-components";
import { app } from "../messages/fr";

/** The pane inside Excel. */
export function ExcelApp(): React.JSX.Element {
  return (
    <div style={{ padding: 12 }}>
      <Subtitle1 as="h1">{app.name}</Subtitle1>
      <Body1 as="p">{app.tagline}</Body1>
    </div>
  );
}
