/**
 * The UI components, as MCP resources in the Apps SDK convention: a `ui://widget/<name>.html` resource with the MIME
 * type `text/html+skybridge`, named by each tool's `openai/outputTemplate` metadata. ChatGPT renders it in an iframe and
 * hands it the tool's `structuredContent` as `window.openai.toolOutput`.
 */
export const WIDGET_MIME_TYPE = "text/html+skybridge";
export const LIST_WIDGET = "ui://widget/list.html";
export const DETAIL_WIDGET = "ui://widget/detail.html";

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;padding:12px;color:#1f2328}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d0d7de;padding:6px;text-align:left;font-size:14px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px}dt{font-weight:600}`;

const SCRIPT = `const out = (window.openai && window.openai.toolOutput) || {};
const data = out.result === undefined ? out : out.result;
const root = document.getElementById("root");
const text = (v) => (v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));
function list(items) {
  if (!items.length) { root.textContent = "Nothing found."; return; }
  const cols = Object.keys(items[0] && typeof items[0] === "object" ? items[0] : { value: 0 }).slice(0, 6);
  const table = document.createElement("table");
  const head = table.insertRow();
  cols.forEach((c) => { const th = document.createElement("th"); th.textContent = c; head.appendChild(th); });
  items.slice(0, 50).forEach((item) => { const row = table.insertRow(); cols.forEach((c) => { row.insertCell().textContent = text(typeof item === "object" ? item[c] : item); }); });
  root.appendChild(table);
}
function detail(obj) {
  const dl = document.createElement("dl");
  Object.entries(obj && typeof obj === "object" ? obj : { value: obj }).forEach(([k, v]) => {
    const dt = document.createElement("dt"); dt.textContent = k; const dd = document.createElement("dd"); dd.textContent = text(v);
    dl.append(dt, dd);
  });
  root.appendChild(dl);
}`;

function page(title: string, render: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style></head>` +
    `<body><div id="root"></div><script type="module">${SCRIPT}\n${render}</script></body></html>`;
}

export const WIDGETS = [
  { uri: LIST_WIDGET, name: "list-view", title: "List view", description: "Shows a list of results as a table.",
    html: page("List", "list(Array.isArray(data) ? data : Array.isArray(data && data.content) ? data.content : [data]);") },
  { uri: DETAIL_WIDGET, name: "detail-view", title: "Detail view", description: "Shows one result's fields.",
    html: page("Detail", "detail(data);") },
];
