// ACLED's six event types, in a fixed order: each has a colour class (t0..t5, style.css),
// used alike by the map, the timeline and the legend.

export const TYPES = [
  "Battles",
  "Explosions/Remote violence",
  "Violence against civilians",
  "Protests",
  "Riots",
  "Strategic developments",
];

export function typeClass(type) {
  const index = TYPES.indexOf(type);
  return index === -1 ? "t6" : `t${index}`;
}

export function killedText(low, high, best) {
  if (low === null || low === undefined) return "";
  if (low === high) return String(low);
  return `${low}–${high} (best ${best})`;
}

export function whereText(row) {
  return [row.place, row.admin1, row.country].filter(Boolean).join(", ");
}

// A day, a month ("2020-04") or a range, as precise as the record is.
export function dateText(start, end, precision) {
  if (!start) return "undated";
  if (precision === "month") return start.slice(0, 7);
  return end && end !== start ? `${start} – ${end}` : start;
}

// "site; https://host/path; file.txt" -> "site, host, file.txt": where the accounts came from, short.
export function sourcesText(joined) {
  return (joined || "").split("; ").filter(Boolean).map((source) => {
    try {
      return new URL(source).hostname.replace(/^www\./, "");
    } catch {
      return source;
    }
  }).join(", ");
}
