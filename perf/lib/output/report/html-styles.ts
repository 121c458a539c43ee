// The report's stylesheet, inlined so report.html opens offline from anywhere.

export const REPORT_CSS = `
:root { --ink:#1d232b; --muted:#5b6673; --line:#dde2e8; --bg:#f5f7fa; --card:#fff;
  --pass:#1a7f37; --fail:#c62832; --inconclusive:#a36b00; --invalid:#3b2a4d; --untested:#5a4a00; --warn:#a36b00; --skip:#6e7781; }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--ink); font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif; }
main { max-width:1440px; margin:0 auto; padding:20px 24px 60px; }
h1 { font-size:22px; margin:0 0 4px; } h2 { font-size:20px; margin:0; } h3 { font-size:15px; margin:22px 0 8px; }
code, pre { font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; font-size:12px; }
pre { white-space:pre-wrap; word-break:break-all; background:#f0f2f5; padding:8px; border-radius:4px; max-height:240px; overflow:auto; }
.muted { color:var(--muted); } .note { color:var(--muted); font-size:12px; margin:4px 0 0; }
.page-head { display:flex; justify-content:space-between; align-items:flex-end; gap:16px; flex-wrap:wrap; margin-bottom:14px; }
.page-head .meta { color:var(--muted); font-size:12px; }
.scenario { background:var(--card); border:1px solid var(--line); border-radius:8px; margin:22px 0; padding:0 18px 18px; overflow:hidden; }
.banner { display:flex; gap:18px; align-items:stretch; margin:0 -18px 8px; padding:14px 18px; color:#fff; }
.banner-status { font-size:22px; font-weight:800; letter-spacing:.06em; min-width:170px; display:flex; flex-direction:column; justify-content:center; }
.banner-status small { font-size:11px; letter-spacing:.1em; text-transform:uppercase; color:#f2c744; }
.banner-body h2 { color:#fff; } .banner p { margin:2px 0; } .banner .meta { opacity:.85; font-size:12px; }
.banner code { color:#fff; }
.headline { display:grid; grid-template-columns:max-content 1fr; gap:2px 12px; margin:6px 0; font-size:15px; }
.headline dt { font-weight:700; } .headline dd { margin:0; font-variant-numeric:tabular-nums; }
 .reasons { margin:6px 0; padding-left:20px; }
.banner-pass { background:var(--pass); } .banner-fail { background:var(--fail); } .banner-inconclusive { background:var(--inconclusive); } .banner-untested { background:var(--untested); }
.banner-invalid { background:repeating-linear-gradient(135deg,#2b1f38 0 18px,#3f2d55 18px 36px); border-bottom:6px solid #f2c744; }
table.verdicts, table.checks { table-layout:fixed; }
table.verdicts th:nth-child(1) { width:15%; } table.verdicts th:nth-child(2) { width:14%; } table.verdicts th:nth-child(3) { width:15%; }
table.verdicts th:nth-child(4) { width:13%; } table.verdicts th:nth-child(5) { width:12%; } table.verdicts th:nth-child(6) { width:17%; }
table.checks th:nth-child(1) { width:15%; } table.checks th:nth-child(2) { width:14%; } table.checks th:nth-child(3) { width:9%; }
table.checks th:nth-child(4) { width:16%; } table.checks th:nth-child(5) { width:28%; }
table.verdicts td, table.verdicts th, table.checks td, table.checks th { overflow-wrap:anywhere; white-space:normal; }
td.numbers { font-variant-numeric:tabular-nums; font-size:12px; } td.numbers .k { color:var(--muted); }
.method { color:var(--muted); font-size:11px; }
table.fingerprint { font-size:12px; } table.fingerprint td { overflow-wrap:anywhere; } table.fingerprint tbody th { white-space:normal; min-width:120px; max-width:220px; }
table.sharing td { font-size:12px; } table.sharing .k { color:var(--muted); } table.sharing details { margin-top:2px; }
.table-wrap { overflow-x:auto; }
table { border-collapse:collapse; width:100%; font-size:13px; }
th, td { border-bottom:1px solid var(--line); padding:5px 8px; text-align:left; vertical-align:top; }
thead th { background:#eef1f5; font-weight:600; white-space:nowrap; }
tbody th { font-weight:500; color:var(--muted); white-space:nowrap; }
table.arms td { font-variant-numeric:tabular-nums; text-align:right; } table.arms thead th:not(:first-child) { text-align:right; }
td.bad, th.bad { background:#fde8e8; color:#8c1620; } td.advice { color:#6b4a00; } td.muted { color:var(--muted); }
.swatch { display:inline-block; width:10px; height:10px; border-radius:2px; margin-right:6px; vertical-align:middle; }
.pill { display:inline-block; padding:1px 8px; border-radius:10px; color:#fff; font-size:11px; font-weight:700; text-transform:uppercase; }
.pill-pass { background:var(--pass); } .pill-fail { background:var(--fail); } .pill-inconclusive, .pill-warn { background:var(--warn); } .pill-untested { background:var(--untested); }
.pill-invalid { background:var(--invalid); } .pill-skip { background:var(--skip); }
.plots { display:flex; flex-wrap:wrap; gap:14px; align-items:flex-start; }
.timelines { display:grid; grid-template-columns:repeat(auto-fill, minmax(600px, 1fr)); gap:14px; align-items:start; }
.plot-card { margin:0; border:1px solid var(--line); border-radius:6px; padding:8px; background:#fff; flex:0 1 auto; min-width:0; }
.plot-card .note { max-width:640px; } .plot-card.full { flex:1 1 100%; margin-bottom:14px; }
.plot-card figcaption { font-weight:600; margin-bottom:4px; }
.plot svg { display:block; max-width:100%; height:auto; }
.plot-tools { display:flex; justify-content:flex-end; margin:6px 0; } .plot-tool { color:var(--muted); font-size:13px; margin-left:14px; }
.plot[data-render-error] { color:var(--fail); padding:20px; }
.timeline-head { display:flex; align-items:baseline; gap:14px; } .timeline-head h3 { margin-bottom:0; }
nav.overview td, nav.overview th { white-space:nowrap; } nav.overview td:last-child { white-space:normal; }
details summary { cursor:pointer; color:var(--muted); }
.notes { background:#fff8e1; border:1px solid #f0dc9c; border-radius:6px; padding:8px 12px; }
`;
