import { useEffect, useId, useRef } from "react";
import { Chart } from "./chartSetup";

export type Bar = { label: string; value: number };

type Props = {
  title: string;
  subtitle?: string;
  bars: readonly Bar[];
  /** BCP 47 locale; Chart.js formats axis ticks and tooltips with it. */
  locale: string;
  datasetLabel: string;
  formatNumber: (value: number) => string;
  emptyText: string;
  testId: string;
};

const BAR_THICKNESS = 26;
const AXIS_ALLOWANCE = 36;

/** Horizontal bar chart with the same numbers as a hidden table for screen readers. */
export function BarChart({ title, subtitle, bars, locale, datasetLabel, formatNumber, emptyText, testId }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const headingId = useId();

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || bars.length === 0) return;
    const chart = new Chart(canvas, {
      type: "bar",
      data: {
        labels: bars.map((bar) => bar.label),
        datasets: [
          {
            label: datasetLabel,
            data: bars.map((bar) => bar.value),
            backgroundColor: "#3a6ea5",
            hoverBackgroundColor: "#28527f",
            borderRadius: 3,
            maxBarThickness: 20,
          },
        ],
      },
      options: {
        indexAxis: "y",
        locale,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { tooltip: { displayColors: false } },
        scales: {
          x: { beginAtZero: true, grid: { color: "#e3e8ee" }, ticks: { precision: 0 } },
          y: { grid: { display: false }, ticks: { autoSkip: false } },
        },
      },
    });
    return () => chart.destroy();
  }, [bars, locale, datasetLabel]);

  return (
    <figure className="chart-card" aria-labelledby={headingId} data-testid={testId}>
      <figcaption>
        <h2 id={headingId}>{title}</h2>
        {subtitle && <p className="muted">{subtitle}</p>}
      </figcaption>
      {bars.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <>
          <div className="chart-canvas" style={{ height: bars.length * BAR_THICKNESS + AXIS_ALLOWANCE }}>
            <canvas ref={canvasRef} aria-hidden="true" />
          </div>
          <table className="visually-hidden">
            <caption>{title}</caption>
            <tbody>
              {bars.map((bar) => (
                <tr key={bar.label}>
                  <th scope="row">{bar.label}</th>
                  <td>{formatNumber(bar.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}
