// The HTML report's style sheet, inlined in the page: no external fonts, images or scripts.
// Runs differ by line style as well as colour (old dashed or wide, new solid), decisions by
// marker shape (overage ▲, denied ✕), phases by label and hatching.

export const STYLES = `
:root { color-scheme: light; --text: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa; --card: #fff;
  --new: #0969da; --old: #bc4c00; --limit: #cf222e; --overage: #9a6700; --denied: #cf222e;
  --good: #1a7f37; --bad: #cf222e; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header, main, footer { max-width: 1000px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 28px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.3rem; margin: 0 0 12px; }
h3 { font-size: 1rem; margin: 20px 0 8px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
h4 { font-size: 1rem; margin: 0 0 4px; }
code { font: .92em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #eff2f5; padding: 1px 5px; border-radius: 4px; }
.meta, .muted, figcaption, .note-text { color: var(--muted); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 20px 24px; margin: 20px 0; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 4px 0 8px; }
th, td { padding: 4px 12px 4px 0; text-align: right; border-bottom: 1px solid #eaeef2; vertical-align: top; }
th:first-child, td:first-child, th.text, td.text { text-align: left; }
thead th { color: var(--muted); font-weight: 600; border-bottom: 1px solid var(--line); }
.good { color: var(--good); } .bad { color: var(--bad); }
.reason th { padding-left: 16px; color: var(--muted); font-weight: 400; }
ul.legend { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 6px 24px; }
ul.legend li { display: flex; align-items: center; gap: 10px; }
ul.legend svg { flex: none; width: 44px; height: 18px; }
nav ul { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); grid-auto-rows: 1fr; gap: 8px 24px; }
nav li { margin: 0; min-width: 0; display: flex; flex-direction: column; line-height: 1.35; }
nav li > * { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
nav li .muted { font-size: .85rem; }
a { color: var(--new); }
.sub-meta { font-weight: 400; color: var(--muted); font-size: 1rem; margin-left: 8px; }
.status { display: inline-block; border: 1px solid var(--line); border-radius: 10px; padding: 0 8px; font-size: .85rem; }
figure { margin: 18px 0 26px; }
figure .feature-name { font-weight: 400; color: var(--muted); margin-left: 6px; }
svg.chart, svg.phase-strip { display: block; width: 100%; height: auto; overflow: visible; }
svg text { font-family: inherit; font-size: 11px; fill: var(--muted); }
.grid { stroke: #eaeef2; stroke-width: 1; }
.axis-line { stroke: #8c959f; stroke-width: 1; }
.window-band { fill: #eef3f8; }
.window-start { stroke: #8c959f; stroke-width: 1; stroke-dasharray: 3 3; }
.scenario-end { stroke: var(--text); stroke-width: 1; stroke-dasharray: 2 2; }
.usage { fill: none; stroke-linejoin: round; }
.usage.new { stroke: var(--new); stroke-width: 2; }
.usage.old { stroke: var(--old); stroke-width: 7; stroke-opacity: .3; }
.usage.uses.new { stroke-width: 2; stroke-linecap: round; }
.usage.uses.old { stroke-width: 7; stroke-linecap: butt; }
.usage.ticks { stroke-width: 1.5; }
.usage.ticks.old { stroke-width: 3; stroke-opacity: .6; }
.lane { stroke: #d1d9e0; stroke-width: 1; }
.limit { stroke: var(--limit); stroke-width: 1.5; }
.limit.old { stroke-dasharray: 6 4; stroke-opacity: .75; }
.limit-label { fill: var(--limit); font-weight: 600; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.limit-tag rect { fill: #fff; fill-opacity: .92; stroke: var(--line); stroke-width: .5; }
.limit-text { fill: var(--text); font-weight: 600; }
.marker.overage { fill: var(--overage); stroke: none; }
.marker.denied { fill: none; stroke: var(--denied); stroke-width: 2.2; stroke-linecap: round; }
.marker.old.overage { fill: #fff; stroke: var(--old); stroke-width: 1.5; }
.marker.old.denied { stroke: var(--old); stroke-width: 1.5; }
.phase rect { stroke: #fff; stroke-width: 1; }
.phase text { fill: var(--text); font-weight: 600; }
.phase-trial rect { fill: #b6e3ff; }
.phase-active rect { fill: #aceebb; }
.phase-grace rect { fill: #fae17d; }
.phase-suspended rect { fill: url(#hatch-suspended); }
.phase-rejected rect { fill: url(#hatch-rejected); }
.lane-label { font-weight: 600; }
.changes td.examples { font: .85em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; text-align: left; color: var(--muted); }
footer { padding: 8px 20px 40px; color: var(--muted); font-size: .85rem; }
@media print { body { background: #fff; } .card { border: none; padding: 0; } }
`;
