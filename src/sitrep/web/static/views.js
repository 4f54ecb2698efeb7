// The lists (merged incidents, threaded statements) and the detail panel (one merged
// incident with every account and its source sentence inside its article; one document).

import { getJSON } from "./api.js";
import { el, clear, markedText, safeUrl } from "./dom.js";
import { killedText, whereText, dateText, sourcesText, typeClass } from "./types.js";

export const PAGE = 50;

function pager(body, onOffset) {
  const previous = Math.max(0, body.offset - body.limit);
  return el("div", { class: "pager" },
    el("button", { type: "button", class: "previous", disabled: body.offset === 0, onclick: () => onOffset(previous) }, "‹ previous"),
    el("span", null, body.items.length ? `${body.offset + 1}–${body.offset + body.items.length}` : "none"),
    el("button", { type: "button", class: "next", disabled: body.next_offset === null, onclick: () => onOffset(body.next_offset) }, "next ›"));
}

export function renderEvents(node, body, { onOpen, onOffset }) {
  clear(node);
  const rows = body.items.map((event) => el("tr", { class: "event", dataset: { cluster: event.cluster_id }, tabindex: "0",
      onclick: () => onOpen(event.cluster_id), onkeydown: (e) => { if (e.key === "Enter") onOpen(event.cluster_id); } },
    el("td", { class: "date" }, dateText(event.date_start, event.date_end, event.date_precision)),
    el("td", null, el("span", { class: `swatch ${typeClass(event.acled_type)}` }), event.acled_sub_type),
    el("td", null, whereText(event)),
    el("td", { class: "n" }, killedText(event.killed_low, event.killed_high, event.killed_best)),
    el("td", { class: "n" }, String(event.reports)),
    el("td", null, event.contested ? "contested" : ""),
    el("td", null, sourcesText(event.sources))));
  node.append(
    el("table", { class: "list", id: "events-table" },
      el("thead", null, el("tr", null, ["date", "type", "where", "killed", "reports", "", "sources"].map((h) => el("th", null, h)))),
      el("tbody", null, rows)),
    pager(body, onOffset));
}

const KINDS = ["", "statement", "accusation", "denial", "demand", "threat", "confirmation", "announcement"];

function statementLine(statement, cls) {
  return el("div", { class: `statement ${cls || ""}`, dataset: { key: statement.statement_key } },
    el("span", { class: `kind k-${statement.kind}` }, statement.kind),
    el("span", { class: "speaker" }, statement.speaker +
      (statement.speaker_affiliation && statement.speaker_affiliation !== statement.speaker ? ` (${statement.speaker_affiliation})` : "")),
    statement.target ? el("span", { class: "target" }, `→ ${statement.target}`) : null,
    el("span", { class: "date" }, statement.date || (statement.published ? `published ${statement.published}` : "")),
    el("q", { class: "evidence" }, statement.evidence),
    el("button", { type: "button", class: "link open-doc", dataset: { doc: statement.doc_key } }, statement.site_name || statement.doc_id));
}

export function renderStatements(node, body, { kind, onKind, onOffset, onDocument }) {
  clear(node);
  const select = el("select", { name: "kind", onchange: (e) => onKind(e.target.value) },
    KINDS.map((k) => el("option", { value: k, selected: k === (kind || "") }, k || "all kinds")));
  const items = body.items.map((statement) => el("li", { class: "thread" },
    statementLine(statement, "head"),
    statement.answers_to && statement.answers_to.length
      ? el("div", { class: "answers" }, el("span", { class: "label" }, "answers"), statement.answers_to.map((s) => statementLine(s, "linked")))
      : null,
    statement.replies && statement.replies.length
      ? el("div", { class: "replies" }, el("span", { class: "label" }, "answered by"), statement.replies.map((s) => statementLine(s, "linked reply")))
      : null));
  node.append(
    el("div", { class: "view-head" }, el("label", null, "Kind ", select),
      el("span", { class: "hint" }, "filtered by actor and dates; country and type apply to incidents")),
    el("ol", { class: "statements", id: "statements-list" }, items),
    pager(body, onOffset));
  for (const button of node.querySelectorAll(".open-doc")) button.addEventListener("click", () => onDocument(button.dataset.doc));
}

// --- detail panel ---------------------------------------------------------------------

const documents = new Map();

export function loadDocument(key) {
  if (!documents.has(key)) documents.set(key, getJSON(`/api/documents/${encodeURIComponent(key)}`));
  return documents.get(key);
}

export function forgetDocuments() {
  documents.clear();
}

// The article's text with every incident's and statement's evidence marked, those of the
// record keys in `current` (a Set) marked apart.
export function articleText(record, current = new Set()) {
  const span = (kind) => (r) => ({ start: r.evidence.start, end: r.evidence.end, keys: [r.key],
    classes: ["ev", kind, ...(current.has(r.key) ? ["current"] : [])] });
  const spans = [...record.incidents.map(span("incident")), ...record.statements.map(span("statement")),
    ...(record.deliveries || []).map(span("delivery"))];
  return el("div", { class: "article-text" }, markedText(record.document.text, spans));
}

function documentHeading(record) {
  const d = record.document;
  return el("div", { class: "doc-head" },
    el("strong", { class: "doc-title" }, d.title || d.id),
    d.site_name ? el("span", { class: "site" }, d.site_name) : null,
    d.published ? el("span", { class: "published" }, `published ${d.published}`) : null,
    // A link only to a web address; any other scheme (javascript:, data:) is shown as text.
    safeUrl(d.url)
      ? el("a", { href: d.url, rel: "noopener noreferrer nofollow", target: "_blank", class: "doc-url" }, d.url)
      : el("span", { class: "doc-url" }, d.url || d.source));
}

export async function renderEvent(node, clusterId) {
  clear(node).append(el("p", { class: "loading" }, "loading…"));
  const { event, accounts } = await getJSON(`/api/events/${encodeURIComponent(clusterId)}`);
  const header = el("div", { class: "event-head" },
    el("h2", null, el("span", { class: `swatch ${typeClass(event.acled_type)}` }), `${event.acled_sub_type}`),
    el("p", null, `${dateText(event.date_start, event.date_end, event.date_precision)} · ${whereText(event) || "no place"}`),
    el("p", null, `killed: ${killedText(event.killed_low, event.killed_high, event.killed_best) || "not reported"}`,
      event.injured_low !== null ? ` · injured: ${killedText(event.injured_low, event.injured_high, event.injured_best)}` : "",
      ` · ${event.reports} account${event.reports === 1 ? "" : "s"} in ${event.documents} article${event.documents === 1 ? "" : "s"}`,
      event.contested ? " · contested" : ""));
  const table = el("table", { class: "list accounts" },
    el("thead", null, el("tr", null, ["source", "reported by", "status", "killed", "injured", "date"].map((h) => el("th", null, h)))),
    el("tbody", null, accounts.map((a) => el("tr", { class: "account", dataset: { key: a.incident_key },
        onclick: () => node.querySelector(`mark.current[data-keys~="${a.incident_key}"]`)?.scrollIntoView({ block: "center" }) },
      el("td", null, a.site_name || a.doc_id),
      el("td", null, a.reported_by || ""),
      el("td", null, a.claim_status),
      el("td", { class: "n" }, a.killed === null ? "" : String(a.killed)),
      el("td", { class: "n" }, a.injured === null ? "" : String(a.injured)),
      el("td", null, a.date || "")))));
  const sources = el("div", { class: "sources" });
  clear(node).append(header, table, el("h3", null, "Source sentences in their articles"), sources);
  // One block per article, with the sentences of every account it gave marked.
  const byDocument = new Map();
  for (const account of accounts) {
    if (!byDocument.has(account.doc_key)) byDocument.set(account.doc_key, new Set());
    byDocument.get(account.doc_key).add(account.incident_key);
  }
  for (const [doc, keys] of byDocument) {
    const block = el("section", { class: "source", dataset: { doc, keys: [...keys].join(" ") } });
    sources.append(block);
    const record = await loadDocument(doc);
    block.append(documentHeading(record), articleText(record, keys));
  }
  node.querySelector("mark.current")?.scrollIntoView({ block: "center" });
}

// One article with everything read from it marked; `current` (a record key) marked apart.
export async function renderDocument(node, key, current) {
  clear(node).append(el("p", { class: "loading" }, "loading…"));
  const record = await loadDocument(key);
  const counts = `${record.incidents.length} incident${record.incidents.length === 1 ? "" : "s"}, ${record.statements.length} statement${record.statements.length === 1 ? "" : "s"} read from it`;
  clear(node).append(el("section", { class: "source document", dataset: { doc: key } }, documentHeading(record),
    el("p", { class: "hint" }, counts), articleText(record, new Set(current ? [current] : []))));
  node.querySelector("mark.current")?.scrollIntoView({ block: "center" });
}
