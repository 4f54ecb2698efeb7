// The map: country outlines from the server (no tiles, nothing from the network), one
// marker per merged incident, coloured by type and sized by deaths, clustered when dense.

import { el } from "./dom.js";
import { typeClass, killedText, dateText } from "./types.js";

const L = window.L;

export function markerSize(killed) {
  return Math.round(Math.min(34, 10 + 4 * Math.sqrt(killed || 0)));
}

export class IncidentMap {
  constructor(container, { onOpen }) {
    this.container = container;
    this.onOpen = onOpen;
    this.map = L.map(container, { worldCopyJump: true, minZoom: 1, maxZoom: 12, attributionControl: true });
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution("Outlines: Natural Earth");
    this.map.setView([20, 20], 2);
    // Chunked: tens of thousands of markers are added without freezing the page. Not
    // animated: a zoom replaces the cluster icons at once instead of fading old ones out
    // beside the new, so what the map shows (and its count) is settled when show() resolves.
    this.cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40, chunkedLoading: true, animate: false,
      chunkProgress: (done, total) => { if (done === total) this.loaded?.(); } });
    this.map.addLayer(this.cluster);
    this.outlines = fetch("/data/countries.geojson")
      .then((response) => response.json())
      .then((data) => {
        L.geoJSON(data, { interactive: false, className: "country" }).addTo(this.map);
      });
  }

  // points: objects with cluster_id, latitude, longitude, acled_type, killed_best, ...; resolves
  // with the number of markers once all are on the map and it shows them all.
  async show(points) {
    this.cluster.clearLayers();
    const located = points.filter((p) => p.latitude !== null && p.longitude !== null);
    const markers = located.map((point) => this.marker(point));
    if (markers.length) {
      const added = new Promise((resolve) => { this.loaded = resolve; });
      this.cluster.addLayers(markers);
      await added;
      const bounds = L.latLngBounds(located.map((p) => [p.latitude, p.longitude]));
      this.map.fitBounds(bounds.pad(0.2), { maxZoom: 7, animate: false });
    }
    this.container.dataset.points = String(markers.length);
    return markers.length;
  }

  marker(point) {
    const size = markerSize(point.killed_best);
    const icon = L.divIcon({ className: `pt ${typeClass(point.acled_type)}`, iconSize: [size, size] });
    const label = `${point.acled_sub_type || point.acled_type}, ${dateText(point.date_start, point.date_end, point.date_precision)}`;
    const marker = L.marker([point.latitude, point.longitude], { icon, title: label, alt: label, keyboard: true });
    marker.bindPopup(() => this.popup(point));
    return marker;
  }

  popup(point) {
    const killed = killedText(point.killed_low, point.killed_high, point.killed_best);
    return el("div", { class: "popup" },
      el("strong", null, point.acled_sub_type || point.acled_type),
      el("div", null, dateText(point.date_start, point.date_end, point.date_precision)),
      el("div", null, [point.place, point.admin1, point.country].filter(Boolean).join(", ")),
      killed ? el("div", null, `killed: ${killed}`) : null,
      el("div", null, `${point.reports} report${point.reports === 1 ? "" : "s"}${point.contested ? ", contested" : ""}`),
      el("button", { type: "button", class: "open-event", onclick: () => this.onOpen(point.cluster_id) }, "Accounts and sources"));
  }
}
