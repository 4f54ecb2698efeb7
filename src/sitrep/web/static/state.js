// The view lives in the URL: filters, the open tab, the open incident or document, the page.
// Sharing the address shares the view.

export const FILTERS = ["country", "since", "until", "type", "actor", "contested"];
const KEYS = [...FILTERS, "view", "event", "doc", "record", "agreement", "kind", "offset", "soffset", "bucket"];

export function readState(search = window.location.search) {
  const params = new URLSearchParams(search);
  const state = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value !== null && value !== "") state[key] = value;
  }
  return state;
}

export function writeState(state, { replace = false } = {}) {
  const params = new URLSearchParams();
  for (const key of KEYS) if (state[key] !== undefined && state[key] !== "") params.set(key, state[key]);
  const query = params.toString();
  const url = query ? `?${query}` : window.location.pathname;
  if (replace) window.history.replaceState(null, "", url);
  else window.history.pushState(null, "", url);
}

// The API parameters of the incident filters in a state.
export function incidentParams(state) {
  const params = {};
  for (const key of FILTERS) if (state[key]) params[key] = state[key];
  return params;
}

// An agreement's record takes the dates, and the actor as the party.
export function complianceParams(state) {
  const params = {};
  if (state.actor) params.party = state.actor;
  for (const key of ["since", "until"]) if (state[key]) params[key] = state[key];
  return params;
}

// Statements take the actor and the dates (and their own kind); places and types are the incidents'.
export function statementParams(state) {
  const params = {};
  for (const key of ["actor", "since", "until", "kind"]) if (state[key]) params[key] = state[key];
  return params;
}
