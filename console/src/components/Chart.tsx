import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** A small time-series line/bar chart (uPlot). x: epoch seconds; one or more named series. */
export function TimeChart({ x, series, label, height = 180, bars = false }: {
  x: number[];
  series: { name: string; values: (number | null)[]; color: string }[];
  label: string;
  height?: number;
  bars?: boolean;
}) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = series.map((s) => s.name).join('|') + (bars ? 'b' : 'l');
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const styles = getComputedStyle(document.documentElement);
    const axis = { stroke: styles.getPropertyValue('--fg-muted').trim() || '#666', grid: { stroke: 'rgba(128,128,128,0.15)' } };
    const opts: uPlot.Options = {
      width: el.clientWidth || 320,
      height,
      legend: { show: series.length > 1 },
      axes: [axis, axis],
      series: [
        {},
        ...series.map((s) => ({
          label: s.name,
          stroke: s.color,
          fill: bars ? s.color : `${s.color}22`,
          width: 2,
          paths: bars ? uPlot.paths.bars!({ size: [0.6, 40] }) : undefined,
          points: { show: false },
        })),
      ],
    };
    plot.current = new uPlot(opts, [x, ...series.map((s) => s.values)] as uPlot.AlignedData, el);
    const resize = new ResizeObserver(() => plot.current?.setSize({ width: el.clientWidth || 320, height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
    // re-created only when the series' shape changes; data updates go through setData below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape, height]);
  useEffect(() => {
    plot.current?.setData([x, ...series.map((s) => s.values)] as uPlot.AlignedData);
  }, [x, series]);
  return (
    <figure className="chart" style={{ minHeight: height + 10 }}>
      <div ref={box} role="img" aria-label={label} />
      <figcaption className="sr-only">{label}</figcaption>
    </figure>
  );
}
