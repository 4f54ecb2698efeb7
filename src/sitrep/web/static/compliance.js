// Agreements: the list, and one agreement's compliance record: per commitment what was
// promised against what was delivered, then a timeline of every dated allegation, denial,
// demand and delivery, each with its source sentence and a way into its article.

import { getJSON } from "./api.js";
import { el, svg, clear } from "./dom.js";

// Timeline lanes, one per kind of entry, in the order a monitor reads them.
export const ENTRIES = ["allegation", "alleged violation", "denial", "demand", "compliance claim",
  "withdrawal threat", "delivery", "statement"];

const entryClass = (entry) => `e${Math.max(0, ENTRIES.indexOf(entry))}`;

function figure(value, bound) {
  if (value === null || value === undefined) return "";
  const prefix = { lower: "over ", upper: "up to ", approximate: "about " }[bound] || "";
  return `${prefix}${value.toLocaleString("en")}`;
}

export function renderAgreements(node, body, { onOpen }) {
  clear(node);
  if (!body.items.length) {
    node.append(el("p", { class: "hint empty" }, "No agreement is referred to in the stored articles."));
    return;
  }
  const columns = ["agreement", "kind", "signed", "articles", "allegations", "denials", "demands", "deliveries"];
  node.append(el("table", { class: "list", id: "agreements-table" },
    el("thead", null, el("tr", null, columns.map((h) => el("th", null, h)))),
    el("tbody", null, body.items.map((a) => el("tr", { class: "agreement", tabindex: "0", dataset: { key: a.agreement_key },
        onclick: () => onOpen(a.agreement_key), onkeydown: (e) => { if (e.key === "Enter") onOpen(a.agreement_key); } },
      el("td", null, el("strong", null, a.name), el("div", { class: "hint" }, a.parties || "")),
      el("td", null, a.kind), el("td", null, a.signed || ""), el("td", { class: "n" }, String(a.documents)),
      el("td", { class: "n" }, String(a.allegations + a.alleged_violations)), el("td", { class: "n" }, String(a.denials)),
      el("td", { class: "n" }, String(a.demands)), el("td", { class: "n" }, String(a.deliveries)))))));
}

function delivered(row) {
  if (row.delivered === null) return "none reported";
  if (row.delivered_basis === "so far") return `${figure(row.delivered, row.delivered_so_far_bound)} so far (${row.delivered_so_far_date})`;
  return `${figure(row.delivered)} (sum of reports)`;
}

function commitmentsTable(rows) {
  return el("table", { class: "list commitments" },
    el("thead", null, el("tr", null, ["commitment", "who must deliver", "promised", "delivered", "sum of reported batches", "due", "source"]
      .map((h) => el("th", null, h)))),
    el("tbody", null, rows.map((r) => el("tr", { class: "commitment", dataset: { commitment: r.commitment } },
      el("td", null, r.description || r.commitment),
      el("td", null, r.party || ""),
      el("td", { class: "n promised" }, r.promised === null ? "not quantified" : figure(r.promised)),
      el("td", { class: "n delivered" }, delivered(r)),
      el("td", { class: "n" }, r.delivered_batches ? `${figure(r.delivered_reports_sum)} in ${r.delivered_batches}` : ""),
      el("td", null, r.due || ""),
      el("td", { class: "hint" }, r.evidence || "")))));
}

const DAY = 86400000;

function timelineChart(entries, onPick) {
  const dated = entries.filter((r) => r.date);
  const width = 720, lane = 18, top = 6, left = 120;
  const height = top + lane * ENTRIES.length + 22;
  const chart = svg("svg", { class: "compliance-chart", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Timeline of the agreement" });
  ENTRIES.forEach((entry, i) => chart.append(
    svg("text", { x: left - 6, y: top + lane * i + 12, "text-anchor": "end", class: "tick" }, entry),
    svg("line", { x1: left, x2: width - 8, y1: top + lane * i + 9, y2: top + lane * i + 9, class: "lane" })));
  if (!dated.length) return chart;
  const days = dated.map((r) => Date.parse(`${r.date}T00:00:00Z`) / DAY);
  const first = Math.min(...days), last = Math.max(...days);
  const x = (d) => left + 6 + ((d - first) / Math.max(1, last - first)) * (width - left - 20);
  chart.append(
    svg("text", { x: left, y: height - 4, class: "tick" }, dated[days.indexOf(first)].date),
    svg("text", { x: width - 8, y: height - 4, "text-anchor": "end", class: "tick" }, dated[days.indexOf(last)].date));
  dated.forEach((row, i) => {
    const dot = svg("circle", { cx: x(days[i]), cy: top + lane * Math.max(0, ENTRIES.indexOf(row.entry)) + 9, r: 5,
      class: `dot ${entryClass(row.entry)}`, tabindex: "0", dataset: { record: row.record_key || "" } },
      svg("title", null, `${row.date} ${row.entry}: ${row.party || ""}${row.against ? ` against ${row.against}` : ""}`));
    dot.addEventListener("click", () => onPick(row));
    chart.append(dot);
  });
  return chart;
}

function entryItem(row, onDocument) {
  const who = row.party ? row.party + (row.party_affiliation && row.party_affiliation !== row.party ? ` (${row.party_affiliation})` : "") : "";
  const told = figure(row.quantity, row.bound);
  return el("li", { class: `entry ${entryClass(row.entry)}`, dataset: { record: row.record_key || "", entry: row.entry } },
    el("span", { class: "date" }, row.when || row.date || "undated"),
    el("span", { class: `badge ${entryClass(row.entry)}` }, row.entry),
    el("span", { class: "speaker" }, who),
    row.against ? el("span", { class: "target" }, `against ${row.against}`) : null,
    told ? el("span", { class: "figure" }, row.cumulative ? `${told} so far` : told) : null,
    el("q", { class: "evidence" }, row.evidence || ""),
    row.doc_key ? el("button", { type: "button", class: "link open-doc", onclick: () => onDocument(row.doc_key, row.record_key) },
      row.site_name || row.doc_id) : null);
}

export async function renderCompliance(node, key, params, { onDocument }) {
  clear(node).append(el("p", { class: "loading" }, "loading…"));
  const [{ items }, list] = await Promise.all([
    getJSON(`/api/compliance/${encodeURIComponent(key)}`, params),
    getJSON("/api/agreements", { limit: 500 }),
  ]);
  const info = list.items.find((a) => a.agreement_key === key) || {};
  const mine = items.filter((r) => r.agreement_key === (info.agreement_key || items[0]?.agreement_key));
  const commitments = mine.filter((r) => r.entry === "commitment");
  const entries = mine.filter((r) => r.entry !== "commitment");
  const entryList = el("ol", { class: "entries", id: "compliance-entries" }, entries.map((r) => entryItem(r, onDocument)));
  const pick = (row) => entryList.querySelector(`li[data-record="${CSS.escape(row.record_key || "")}"]`)?.scrollIntoView({ block: "center" });
  clear(node).append(
    el("div", { class: "event-head compliance-head" },
      el("h2", null, info.name || mine[0]?.agreement || key),
      el("p", null, [info.kind, info.signed ? `signed ${info.signed}` : null, info.parties].filter(Boolean).join(" · ")),
      info.allegations_by ? el("p", { class: "hint" }, `allegations: ${info.allegations_by}`) : null),
    el("h3", null, "Commitments: promised against delivered"),
    commitments.length ? commitmentsTable(commitments) : el("p", { class: "hint" }, "no commitment on record"),
    el("h3", null, "Timeline"),
    timelineChart(entries, pick),
    entryList);
}
