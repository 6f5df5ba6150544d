import type { SuiteReport } from '../runner/run-suite.ts';
import { exchangeData } from './json.ts';

/**
 * The HTML report: one self-contained page (no network: styles, script and data inline) that
 * lists failures first, each with its exchanges and reproduce line, then skips, then passes,
 * filterable by check, severity, operation and status. The data is embedded as JSON and every
 * value is rendered with textContent, so nothing a target answered can become markup.
 */
const STATUS_ORDER = { fail: 0, skip: 1, pass: 2 } as const;

export function htmlReport(report: SuiteReport): string {
  const rows = [...report.checks]
    .map((check, index) => ({ check, index }))
    .sort((a, b) => STATUS_ORDER[a.check.status] - STATUS_ORDER[b.check.status] || a.index - b.index)
    .map(({ check }) => ({
      id: check.id,
      operation: check.operation,
      severity: check.severity,
      status: check.status,
      title: check.title,
      message: check.summary ?? check.message,
      exchanges: (check.exchanges ?? []).map((exchange) => exchangeData(exchange, report.reproduce)),
    }));
  const data = { target: report.target, profile: report.profile, summary: report.summary, rows };
  // `<` escaped so that no answer can close the script element.
  const embedded = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>odatakit conformance: ${escapeHtml(report.target)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>odatakit conformance</h1>
  <p id="target"></p>
  <p id="summary"></p>
  <form id="filters">
    <label>Status <select id="filter-status"><option value="">all</option><option>fail</option><option>skip</option><option>pass</option></select></label>
    <label>Severity <select id="filter-severity"><option value="">all</option><option>MUST</option><option>SHOULD</option><option>MAY</option></select></label>
    <label>Check <select id="filter-check"><option value="">all</option></select></label>
    <label>Operation <input id="filter-operation" type="search" placeholder="part of the operation"></label>
  </form>
  <p id="shown"></p>
</header>
<main id="checks"></main>
<script type="application/json" id="report-data">${embedded}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #fafafa; }
header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ddd; padding: 8px 16px; }
h1 { font-size: 18px; margin: 0 0 4px; }
header p { margin: 2px 0; }
form { display: flex; gap: 12px; flex-wrap: wrap; margin: 6px 0; }
main { padding: 8px 16px; }
details { background: #fff; border: 1px solid #ddd; border-left: 6px solid #999; border-radius: 4px; margin: 6px 0; padding: 4px 8px; }
details.fail { border-left-color: #c62828; }
details.pass { border-left-color: #2e7d32; }
details.skip { border-left-color: #9e9e9e; }
summary { cursor: pointer; }
.badge { display: inline-block; min-width: 3.5em; font-weight: 600; }
.fail .badge { color: #c62828; } .pass .badge { color: #2e7d32; } .skip .badge { color: #616161; }
.severity { font-family: monospace; margin-right: 6px; }
.id { font-family: monospace; font-weight: 600; margin-right: 6px; }
.operation { font-family: monospace; color: #333; }
pre { background: #f4f4f4; padding: 6px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; margin: 4px 0; }
.exchange { border-top: 1px dashed #ccc; margin-top: 6px; padding-top: 4px; }
`;

const SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  document.getElementById('target').textContent = 'Target: ' + data.target + ' (profile ' + data.profile + ')';
  var s = data.summary;
  document.getElementById('summary').textContent = s.passed + ' passed, ' + s.failed + ' failed, ' + s.skipped + ' skipped';
  var checkSelect = document.getElementById('filter-check');
  var ids = Array.from(new Set(data.rows.map(function (row) { return row.id; }))).sort();
  ids.forEach(function (id) { checkSelect.appendChild(el('option', '', id)); });
  var main = document.getElementById('checks');
  var items = data.rows.map(function (row) {
    var details = el('details', row.status);
    details.dataset.status = row.status;
    details.dataset.severity = row.severity;
    details.dataset.check = row.id;
    details.dataset.operation = row.operation;
    var summary = el('summary');
    summary.appendChild(el('span', 'badge', row.status.toUpperCase()));
    summary.appendChild(el('span', 'severity', row.severity));
    summary.appendChild(el('span', 'id', row.id));
    summary.appendChild(el('span', 'operation', row.operation));
    details.appendChild(summary);
    details.appendChild(el('p', 'title', row.title));
    if (row.message) details.appendChild(el('pre', 'message', row.message));
    row.exchanges.forEach(function (exchange) {
      var box = el('div', 'exchange');
      var request = exchange.request;
      var sent = request.method + ' ' + request.url;
      Object.keys(request.headers).forEach(function (name) { sent += '\\n' + name + ': ' + request.headers[name]; });
      if (request.body !== undefined) sent += '\\n\\n' + request.body;
      box.appendChild(el('div', '', 'sent'));
      box.appendChild(el('pre', 'request', sent));
      var response = exchange.response;
      var got = response.error !== undefined ? 'no answer: ' + response.error : String(response.status);
      Object.keys(response.headers).forEach(function (name) { got += '\\n' + name + ': ' + response.headers[name]; });
      if (response.body) got += '\\n\\n' + response.body;
      box.appendChild(el('div', '', 'got'));
      box.appendChild(el('pre', 'response', got));
      box.appendChild(el('div', '', 'reproduce'));
      box.appendChild(el('pre', 'reproduce', exchange.reproduce));
      details.appendChild(box);
    });
    if (row.status === 'fail') details.open = false;
    main.appendChild(details);
    return details;
  });
  var fields = ['status', 'severity', 'check', 'operation'];
  function apply() {
    var wanted = {};
    fields.forEach(function (field) { wanted[field] = document.getElementById('filter-' + field).value.trim(); });
    var shown = 0;
    items.forEach(function (item) {
      var visible = fields.every(function (field) {
        var value = wanted[field];
        if (!value) return true;
        return field === 'operation' ? item.dataset.operation.toLowerCase().indexOf(value.toLowerCase()) !== -1 : item.dataset[field] === value;
      });
      item.hidden = !visible;
      if (visible) shown++;
    });
    document.getElementById('shown').textContent = shown + ' of ' + items.length + ' checks shown';
  }
  fields.forEach(function (field) {
    var input = document.getElementById('filter-' + field);
    input.addEventListener('input', apply);
    input.addEventListener('change', apply);
  });
  apply();
})();
`;
