// Building the page from data without ever parsing data as markup: every string from the
// store (article text, names, titles, URLs) becomes a text node or a checked attribute.

const SVG = "http://www.w3.org/2000/svg";

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function setAttributes(node, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.setAttribute("class", value);
    else if (name === "dataset") Object.assign(node.dataset, value);
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "href") {
      const url = safeUrl(value);
      if (url) node.setAttribute("href", url);
    } else node.setAttribute(name, value === true ? "" : String(value));
  }
  return node;
}

// An element: el("td", {class: "n"}, "text", otherNode). Event handlers as on<event>.
export function el(tag, attrs, ...children) {
  return append(setAttributes(document.createElement(tag), attrs), children);
}

export function svg(tag, attrs, ...children) {
  return append(setAttributes(document.createElementNS(SVG, tag), attrs), children);
}

// Only web links and this site's own paths; javascript:, data: and the rest are dropped.
export function safeUrl(value) {
  if (typeof value !== "string" || value === "") return null;
  if (value.startsWith("/") && !value.startsWith("//")) return value;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

// Text with some spans marked: spans are {start, end, classes: [...], keys: [...]}, possibly
// overlapping; each stretch of text is covered by the union of the spans over it.
export function markedText(text, spans) {
  const edges = new Set([0, text.length]);
  for (const span of spans) {
    if (span.start >= 0 && span.end <= text.length && span.start < span.end) {
      edges.add(span.start);
      edges.add(span.end);
    }
  }
  const points = [...edges].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = text.slice(from, to);
    const covering = spans.filter((s) => s.start <= from && s.end >= to);
    if (!covering.length) {
      nodes.push(document.createTextNode(piece));
      continue;
    }
    const classes = new Set(covering.flatMap((s) => s.classes));
    nodes.push(el("mark", { class: [...classes].join(" "), dataset: { keys: covering.flatMap((s) => s.keys).join(" ") } }, piece));
  }
  return nodes;
}
