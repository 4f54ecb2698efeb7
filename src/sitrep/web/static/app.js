// The page: filters (kept in the URL) drive the map, the timeline and the lists together;
// a merged incident or a document opens in the detail panel.

import { getJSON } from "./api.js";
import { el, clear } from "./dom.js";
import { IncidentMap } from "./map.js";
import { drawTimeline } from "./timeline.js";
import { TYPES, typeClass } from "./types.js";
import { FILTERS, readState, writeState, incidentParams, statementParams, complianceParams } from "./state.js";
import { renderAgreements, renderCompliance } from "./compliance.js";
import { PAGE, renderEvents, renderStatements, renderEvent, renderDocument } from "./views.js";

const $ = (selector) => document.querySelector(selector);
const form = $("#filters");
let state = readState();
let points = [];
let map;

function setBusy(busy) {
  document.body.dataset.state = busy ? "loading" : "ready";
}

function showError(error) {
  $("#status").textContent = `error: ${error.message}`;
  $("#status").classList.add("error");
}

function fillForm() {
  for (const key of FILTERS) {
    const field = form.elements[key];
    if (field.type === "checkbox") field.checked = state[key] === "true";
    else field.value = state[key] || "";
  }
}

function formFilters() {
  const filters = {};
  for (const key of FILTERS) {
    const field = form.elements[key];
    const value = field.type === "checkbox" ? (field.checked ? "true" : "") : field.value.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

async function fillChoices() {
  const summary = await getJSON("/api/summary");
  const names = typeof Intl.DisplayNames === "function" ? new Intl.DisplayNames(["en"], { type: "region" }) : null;
  const countryName = (code) => { try { return names ? names.of(code) : code; } catch { return code; } };
  form.elements.country.append(...summary.countries.map((c) =>
    el("option", { value: c.country }, `${countryName(c.country)} (${c.events})`)));
  const byType = new Map();
  for (const t of summary.types) {
    if (!byType.has(t.acled_type)) byType.set(t.acled_type, []);
    byType.get(t.acled_type).push(t);
  }
  for (const [type, subs] of byType) {
    const total = subs.reduce((n, s) => n + s.events, 0);
    form.elements.type.append(el("optgroup", { label: type },
      el("option", { value: type }, `${type} (all, ${total})`),
      subs.map((s) => el("option", { value: s.acled_sub_type }, `${s.acled_sub_type} (${s.events})`))));
  }
  fillForm();
}

function legend() {
  clear($("#legend")).append(...TYPES.map((t) => el("li", null, el("span", { class: `swatch ${typeClass(t)}` }), t)));
}

async function loadPoints() {
  const body = await getJSON("/api/map", incidentParams(state));
  points = body.points.map((row) => Object.fromEntries(body.columns.map((name, i) => [name, row[i]])));
  const shown = await map.show(points);
  $("#bucket-name").textContent = bucket();
  drawTimeline($("#timeline"), points, { bucket: bucket(), onPick: pickDates });
  $("#status").classList.remove("error");
  $("#status").textContent = `${points.length} merged incident${points.length === 1 ? "" : "s"}, ${shown} on the map` +
    (body.truncated ? " (more match: narrow the filters)" : "");
}

function bucket() {
  if (state.bucket) return state.bucket;
  const days = points.filter((p) => p.date_start).map((p) => Date.parse(p.date_start));
  return days.length && Math.max(...days) - Math.min(...days) > 120 * 86400000 ? "week" : "day";
}

async function loadList() {
  const view = state.view || "incidents";
  for (const button of document.querySelectorAll("#tabs button")) button.classList.toggle("active", button.dataset.view === view);
  $("#view-incidents").hidden = view !== "incidents";
  $("#view-statements").hidden = view !== "statements";
  $("#view-agreements").hidden = view !== "agreements";
  if (view === "agreements") {
    const body = await getJSON("/api/agreements", { limit: 500 });
    renderAgreements($("#view-agreements"), body, { onOpen: (agreement) => openDetail({ agreement }) });
    return;
  }
  if (view === "statements") {
    const body = await getJSON("/api/statements", { ...statementParams(state), thread: "true", limit: PAGE, offset: state.soffset || 0 });
    renderStatements($("#view-statements"), body, {
      kind: state.kind,
      onKind: (kind) => navigate({ ...state, kind, soffset: undefined }, { list: true }),
      onOffset: (offset) => navigate({ ...state, soffset: offset || undefined }, { list: true }),
      onDocument: (doc) => openDetail({ doc }),
    });
    return;
  }
  const body = await getJSON("/api/events", { ...incidentParams(state), limit: PAGE, offset: state.offset || 0 });
  renderEvents($("#view-incidents"), body, {
    onOpen: openEvent,
    onOffset: (offset) => navigate({ ...state, offset: offset || undefined }, { list: true }),
  });
}

const DETAIL = ["event", "doc", "record", "agreement"];

async function loadDetail() {
  const panel = $("#detail");
  if (!state.event && !state.doc && !state.agreement) {
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  if (state.event) await renderEvent($("#detail-body"), state.event);
  else if (state.doc) await renderDocument($("#detail-body"), state.doc, state.record);
  else await renderCompliance($("#detail-body"), state.agreement, complianceParams(state),
    { onDocument: (doc, record) => openDetail({ doc, record }) });
}

// Show one thing in the detail panel: {event}, {doc, record?} or {agreement}.
function openDetail(what) {
  const cleared = Object.fromEntries(DETAIL.map((key) => [key, undefined]));
  navigate({ ...state, ...cleared, ...what }, { detail: true });
}

function openEvent(clusterId) {
  openDetail({ event: clusterId });
}

function pickDates(since, until) {
  navigate({ ...state, since, until, offset: undefined, soffset: undefined }, { all: true });
  fillForm();
}

// Change the view: record it in the URL, then reload what it touches.
async function navigate(next, { all = false, list = false, detail = false, push = true } = {}) {
  state = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined && v !== ""));
  if (push) writeState(state);
  await refresh({ all, list, detail });
}

async function refresh({ all = false, list = false, detail = false }) {
  setBusy(true);
  try {
    const work = [];
    if (all) work.push(loadPoints());
    if (all || list) work.push(loadList());
    if (all || detail) work.push(loadDetail());
    await Promise.all(work);
  } catch (error) {
    showError(error);
  } finally {
    setBusy(false);
  }
}

function start() {
  map = new IncidentMap($("#map"), { onOpen: openEvent });
  legend();
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    navigate({ ...formFilters(), view: state.view, kind: state.kind, bucket: state.bucket }, { all: true });
  });
  $("#clear").addEventListener("click", () => {
    form.reset();
    navigate({ view: state.view }, { all: true });
  });
  for (const button of document.querySelectorAll("#tabs button")) {
    button.addEventListener("click", () => navigate({ ...state, view: button.dataset.view }, { list: true }));
  }
  for (const button of document.querySelectorAll("[data-bucket]")) {
    button.addEventListener("click", () => {
      state = { ...state, bucket: button.dataset.bucket };
      writeState(state);
      $("#bucket-name").textContent = bucket();
      drawTimeline($("#timeline"), points, { bucket: bucket(), onPick: pickDates });
    });
  }
  $("#close-detail").addEventListener("click", () => openDetail({}));
  window.addEventListener("popstate", () => {
    state = readState();
    fillForm();
    refresh({ all: true });
  });
  fillForm();
  setBusy(true);
  fillChoices().catch(showError).then(() => refresh({ all: true }));
}

start();
