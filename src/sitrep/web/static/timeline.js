// The timeline: merged incidents per day or per week, stacked by type, drawn as SVG.
// Clicking a bar narrows the dates to that day or week.

import { svg, clear } from "./dom.js";
import { TYPES, typeClass } from "./types.js";

const DAY = 86400000;

function dayNumber(iso) {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
}

function isoDay(number) {
  return new Date(number * DAY).toISOString().slice(0, 10);
}

// Monday-based weeks: day 0 of the epoch (1970-01-01) was a Thursday.
function bucketStart(day, bucket) {
  return bucket === "week" ? day - ((day + 3) % 7) : day;
}

export function countByBucket(points, bucket) {
  const counts = new Map();
  for (const point of points) {
    if (!point.date_start) continue;
    const start = bucketStart(dayNumber(point.date_start), bucket);
    if (!counts.has(start)) counts.set(start, new Map());
    const byType = counts.get(start);
    byType.set(point.acled_type, (byType.get(point.acled_type) || 0) + 1);
  }
  return counts;
}

export function drawTimeline(node, points, { bucket, onPick }) {
  clear(node);
  const width = Math.max(300, node.clientWidth || 600);
  const height = Math.max(120, node.clientHeight || 160);
  const margin = { left: 36, right: 8, top: 8, bottom: 22 };
  node.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const counts = countByBucket(points, bucket);
  node.dataset.buckets = String(counts.size);
  if (!counts.size) {
    node.append(svg("text", { x: width / 2, y: height / 2, class: "empty", "text-anchor": "middle" }, "no dated incidents"));
    return;
  }
  const step = bucket === "week" ? 7 : 1;
  const starts = [...counts.keys()];
  const first = Math.min(...starts);
  const last = Math.max(...starts);
  const slots = (last - first) / step + 1;
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const barWidth = plotWidth / slots;
  const totals = [...counts.values()].map((byType) => [...byType.values()].reduce((a, b) => a + b, 0));
  const peak = Math.max(...totals);
  const y = (n) => (n / peak) * plotHeight;
  const order = [...TYPES, ...new Set(points.map((p) => p.acled_type).filter((t) => !TYPES.includes(t)))];

  node.append(
    svg("line", { x1: margin.left, x2: width - margin.right, y1: height - margin.bottom, y2: height - margin.bottom, class: "axis" }),
    svg("text", { x: margin.left - 4, y: margin.top + 8, "text-anchor": "end", class: "tick" }, String(peak)),
    svg("text", { x: margin.left - 4, y: height - margin.bottom, "text-anchor": "end", class: "tick" }, "0"),
    svg("text", { x: margin.left, y: height - 6, class: "tick" }, isoDay(first)),
    svg("text", { x: width - margin.right, y: height - 6, "text-anchor": "end", class: "tick" }, isoDay(last + step - 1)),
  );
  for (const [start, byType] of [...counts.entries()].sort((a, b) => a[0] - b[0])) {
    const x = margin.left + ((start - first) / step) * barWidth;
    const total = [...byType.values()].reduce((a, b) => a + b, 0);
    const label = `${bucket === "week" ? "week of " : ""}${isoDay(start)}: ${total} merged incident${total === 1 ? "" : "s"}`;
    const group = svg("g", { class: "bar", dataset: { start: isoDay(start), count: String(total) }, tabindex: "0", role: "button", "aria-label": label });
    let base = height - margin.bottom;
    for (const type of order) {
      const n = byType.get(type);
      if (!n) continue;
      const h = y(n);
      base -= h;
      group.append(svg("rect", { x: x + 0.5, y: base, width: Math.max(1, barWidth - 1), height: h, class: typeClass(type) },
        svg("title", null, `${label}; ${type}: ${n}`)));
    }
    const pick = () => onPick(isoDay(start), isoDay(start + step - 1));
    group.addEventListener("click", pick);
    group.addEventListener("keydown", (event) => { if (event.key === "Enter") pick(); });
    node.append(group);
  }
}
