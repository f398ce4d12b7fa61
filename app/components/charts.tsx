// Charts as plain SVG, drawn on the server: pure functions of their data, no chart library and no
// script in the browser. Each one is an image with a title (role="img", aria-labelledby) and
// prints every value beside its bar, so it reads without colour; the page puts a table with the
// same numbers under each chart.

export interface ChartDatum {
  key: string;
  label: string;
  value: number;
  /** The value as the reader writes it ("1.234"); the label printed beside the bar. */
  text: string;
}

const BAR = "#1d5fa8";
const TRACK = "#e6ebf1";
const INK = "#1b1f24";

/** Vertical bars, one per datum (people helped per month). */
export function ColumnChart({
  id,
  title,
  data,
}: {
  id: string;
  title: string;
  data: readonly ChartDatum[];
}) {
  const width = Math.max(320, data.length * 56);
  const height = 220;
  const top = 24;
  const bottom = 40;
  const plot = height - top - bottom;
  const max = Math.max(1, ...data.map((d) => d.value));
  const slot = width / Math.max(1, data.length);
  const barWidth = Math.min(40, slot * 0.6);
  return (
    <svg
      className="chart"
      role="img"
      aria-labelledby={`${id}-title`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <line x1={0} x2={width} y1={top + plot} y2={top + plot} stroke={INK} strokeWidth={1} />
      {data.map((d, i) => {
        const h = Math.round((d.value / max) * plot);
        const x = i * slot + (slot - barWidth) / 2;
        const centre = i * slot + slot / 2;
        return (
          <g key={d.key}>
            <rect x={x} y={top + plot - h} width={barWidth} height={h} fill={BAR} />
            <text x={centre} y={top + plot - h - 6} textAnchor="middle" fontSize={13} fill={INK}>
              {d.text}
            </text>
            <text x={centre} y={height - bottom + 18} textAnchor="middle" fontSize={12} fill={INK}>
              {d.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Horizontal bars with their labels on the left (the topic mix). */
export function BarChart({
  id,
  title,
  data,
}: {
  id: string;
  title: string;
  data: readonly ChartDatum[];
}) {
  const row = 28;
  const labelWidth = 190;
  const valueWidth = 56;
  const width = 560;
  const height = Math.max(row, data.length * row) + 8;
  const plot = width - labelWidth - valueWidth;
  const max = Math.max(1, ...data.map((d) => d.value));
  return (
    <svg
      className="chart"
      role="img"
      aria-labelledby={`${id}-title`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      {data.map((d, i) => {
        const y = i * row + 4;
        const w = Math.round((d.value / max) * plot);
        return (
          <g key={d.key}>
            <text x={labelWidth - 8} y={y + 17} textAnchor="end" fontSize={13} fill={INK}>
              {d.label}
            </text>
            <rect x={labelWidth} y={y + 4} width={w} height={row - 10} fill={BAR} />
            <text x={labelWidth + w + 6} y={y + 17} fontSize={13} fill={INK}>
              {d.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export interface ProgressDatum {
  key: string;
  label: string;
  value: number;
  target: number;
  /** "412 of 1,000 (41 %)", printed under the bar. */
  text: string;
}

/** One bar per digibank towards its target, the value printed under it. */
export function ProgressChart({
  id,
  title,
  data,
}: {
  id: string;
  title: string;
  data: readonly ProgressDatum[];
}) {
  const width = 560;
  const row = 56;
  const height = Math.max(row, data.length * row);
  return (
    <svg
      className="chart"
      role="img"
      aria-labelledby={`${id}-title`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      {data.map((d, i) => {
        const y = i * row;
        const share = d.target > 0 ? Math.min(1, d.value / d.target) : 0;
        return (
          <g key={d.key}>
            <text x={0} y={y + 16} fontSize={13} fill={INK}>
              {d.label}: {d.text}
            </text>
            <rect x={0} y={y + 24} width={width} height={16} fill={TRACK} stroke={INK} />
            <rect x={0} y={y + 24} width={Math.round(share * width)} height={16} fill={BAR} />
          </g>
        );
      })}
    </svg>
  );
}
