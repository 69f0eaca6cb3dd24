import * as React from "react";
import { Body1, Caption1, Card, CardHeader, Subtitle1 } from "@fluentui/react-components";
import { app } from "../messages/fr";

/** Shown when the page is opened in a plain browser or another Office application. */
export function OutsideOffice(props: { otherHost?: string }): React.JSX.Element {
  return (
    <Card data-testid="outside-office" style={{ margin: 12 }}>
      <CardHeader header={<Subtitle1 as="h1">{app.outsideOfficeTitle}</Subtitle1>} />
      <Body1 as="p">{props.otherHost ? app.wrongHost(props.otherHost) : app.outsideOfficeBody}</Body1>
      <Caption1 as="p">{app.outsideOfficeHint}</Caption1>
    </Card>
  );
}
