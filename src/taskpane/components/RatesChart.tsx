import * as React from "react";
import { Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { RateBar } from "../../core/compute/consumption";
import { paneText } from "../../messages/pane";
import { formatPercent } from "../../messages/format";
import { groupName } from "../../messages/rules";

const useStyles = makeStyles({ root: { display: "flex", flexDirection: "column", gap: "4px", marginTop: "8px" } });

function Bars({ title, bars }: { title: string; bars: RateBar[] }): React.JSX.Element | null {
  if (!bars.length) return null;
  const max = Math.max(1, ...bars.map((b) => b.rate ?? 0));
  const rowH = 22;
  const labelW = 92;
  const width = 280;
  const barW = width - labelW - 44;
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        <Caption1>{title}</Caption1>
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${bars.length * rowH}`}
        width="100%"
        role="img"
        aria-label={bars.map((b) => paneText.chart.bar(b.label, b.rate, b.consumed, b.planned)).join(" ; ")}
      >
        {bars.map((b, i) => {
          const w = b.rate === null ? 0 : (Math.min(b.rate, max) / max) * barW;
          const over = (b.rate ?? 0) > 1;
          const label = b.label.length > 14 ? b.label.slice(0, 13) + "…" : b.label;
          return (
            <g key={b.key} transform={`translate(0 ${i * rowH})`}>
              <title>{paneText.chart.bar(b.label, b.rate, b.consumed, b.planned)}</title>
              <text x={0} y={15} fontSize={11} fill={tokens.colorNeutralForeground1}>
                {label}
              </text>
              <rect x={labelW} y={4} width={barW} height={14} fill={tokens.colorNeutralBackground3} rx={2} />
              <rect x={labelW} y={4} width={w} height={14} fill={over ? tokens.colorPaletteRedBackground3 : tokens.colorBrandBackground} rx={2} />
              <line x1={labelW + barW / max} x2={labelW + barW / max} y1={2} y2={20} stroke={tokens.colorNeutralForeground3} strokeDasharray="2 2" />
              <text x={labelW + barW + 4} y={15} fontSize={11} fill={tokens.colorNeutralForeground1}>
                {b.rate === null ? "—" : formatPercent(b.rate)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

export function RatesChart({ engagements, funders }: { engagements: RateBar[]; funders: RateBar[] }): React.JSX.Element {
  const styles = useStyles();
  const shortEngagements = engagements.map((b) => ({ ...b, label: groupName(b.key) }));
  return (
    <section className={styles.root} data-testid="chart" aria-label={paneText.chart.title}>
      <Subtitle2 as="h3">{paneText.chart.title}</Subtitle2>
      <Bars title={paneText.chart.byEngagement} bars={shortEngagements} />
      <Bars title={paneText.chart.byFunder} bars={funders} />
    </section>
  );
}
