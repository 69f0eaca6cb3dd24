import { makeStyles, tokens } from "@fluentui/react-components";

// Styles several views share: hidden headings for screen readers, lists, and a visible keyboard focus.
export const useShared = makeStyles({
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
  col: { display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "center" },
  list: { margin: 0, paddingLeft: "16px", display: "flex", flexDirection: "column", gap: "2px" },
  heading: { margin: "6px 0 0 0" },
  focus: { ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" } },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
});
