// The one copy of the stylesheet, compiled in so `nnbook render` works from any directory;
// render writes it to site/style.css next to the pages.

extension Site {
    /// The stylesheet every page links to as `style.css` (written next to the pages).
    public static let stylesheet = #"""
/* nnbook: one stylesheet for every rendered lesson. No fonts or files from elsewhere. */
:root {
  color-scheme: light dark;
  --fg: #1f2328; --muted: #656d76; --bg: #ffffff; --panel: #f6f8fa; --border: #d0d7de;
  --accent: #0969da; --code-bg: #f6f8fa; --out-bg: #ffffff;
  --err-fg: #82071e; --err-bg: #ffebe9; --err-border: #ff8182;
  --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700;
  --kw: #cf222e; --str: #0a3069; --num: #0550ae; --com: #6e7781; --fn: #8250df; --op: #953800;
  --builtin: #0550ae; --deco: #8250df;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6edf3; --muted: #8d96a0; --bg: #0d1117; --panel: #161b22; --border: #30363d;
    --accent: #4493f8; --code-bg: #161b22; --out-bg: #0d1117;
    --err-fg: #ffa198; --err-bg: #2d1214; --err-border: #8e1519;
    --ok: #3fb950; --bad: #f85149; --warn: #d29922;
    --kw: #ff7b72; --str: #a5d6ff; --num: #79c0ff; --com: #8b949e; --fn: #d2a8ff; --op: #ffa657;
    --builtin: #79c0ff; --deco: #d2a8ff;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--fg); background: var(--bg);
  font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
.nn-page { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
a { color: var(--accent); }
h1, h2, h3, h4 { line-height: 1.25; margin: 2rem 0 0.75rem; }
h1 { font-size: 2rem; margin-top: 0.5rem; }
h2 { font-size: 1.5rem; border-bottom: 1px solid var(--border); padding-bottom: 0.25rem; }
h3 { font-size: 1.2rem; }
h1 a.nn-anchor, h2 a.nn-anchor, h3 a.nn-anchor, h4 a.nn-anchor { color: inherit; text-decoration: none; }
p, ul, ol, blockquote, table { margin: 0 0 1rem; }
blockquote { margin-left: 0; padding-left: 1rem; border-left: 4px solid var(--border); color: var(--muted); }
code, pre, kbd { font: 14px/1.5 ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }
:not(pre) > code { background: var(--code-bg); padding: 0.1em 0.35em; border-radius: 4px; }
pre { overflow-x: auto; margin: 0; padding: 0.75rem 1rem; tab-size: 4; }
img { max-width: 100%; }
hr { border: 0; border-top: 1px solid var(--border); margin: 2rem 0; }

/* Navigation and contents */
.nn-nav { display: flex; justify-content: space-between; gap: 1rem; font-size: 0.9rem; margin: 0.5rem 0 1rem; }
.nn-nav a { text-decoration: none; }
.nn-nav .nn-home { font-weight: 600; }
.nn-nav-bottom { border-top: 1px solid var(--border); padding-top: 1rem; margin-top: 3rem; }
.nn-toc { background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: 0.6rem 1rem; margin: 0 0 1.5rem; font-size: 0.95rem; }
.nn-toc summary { cursor: pointer; font-weight: 600; }
.nn-toc ol { margin: 0.4rem 0 0.2rem; padding-left: 1.2rem; }
.nn-toc ul { margin: 0.1rem 0; padding-left: 1.2rem; list-style-type: circle; }
.nn-meta { color: var(--muted); font-size: 0.9rem; margin: -0.5rem 0 1rem; }

/* Cells */
.nn-cell { margin: 1rem 0 1.25rem; }
.nn-input { position: relative; background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px; }
.nn-input pre { padding-right: 4.5rem; }
.nn-time { position: absolute; top: 0.35rem; right: 0.6rem; font-size: 0.75rem; color: var(--muted); }
.nn-status { font-size: 0.85rem; color: var(--muted); margin: 0.35rem 0 0; font-style: italic; }
.nn-not-run .nn-input { opacity: 0.6; border-style: dashed; }
.nn-skipped .nn-input { border-style: dashed; }
.nn-outputs { margin: 0.35rem 0 0 0; border-left: 3px solid var(--border); padding-left: 0.75rem; }
.nn-hidden .nn-outputs { border-left: 0; padding-left: 0; margin-top: 0; }
.nn-output { margin: 0.35rem 0; }
pre.nn-output { padding: 0.25rem 0; white-space: pre; background: transparent; max-height: 36rem; overflow: auto; }
.nn-volatile .nn-outputs { border-left-style: dotted; }
.nn-image img { image-rendering: pixelated; image-rendering: crisp-edges; border: 1px solid var(--border); background: #000; }
.nn-image figcaption { font-size: 0.8rem; color: var(--muted); }
.nn-plot svg, svg.nn-plot { width: 100%; max-width: 640px; height: auto; display: block; font-family: inherit; }
.nn-plot-title { font-size: 15px; font-weight: 600; fill: currentColor; }
.nn-figure { display: grid; gap: 0.5rem; align-items: start; max-width: 100%; }
.nn-figure figcaption { grid-column: 1 / -1; text-align: center; }
.nn-figure .nn-panel img { max-width: 100%; height: auto; image-rendering: pixelated; border: 1px solid var(--border); }
.nn-cols-1 { grid-template-columns: minmax(0, 640px); }
.nn-cols-2 { grid-template-columns: repeat(2, minmax(0, 1fr)); }
.nn-cols-3 { grid-template-columns: repeat(3, minmax(0, 1fr)); }
.nn-cols-4 { grid-template-columns: repeat(4, minmax(0, 1fr)); }
.nn-cols-5 { grid-template-columns: repeat(5, minmax(0, 1fr)); }
.nn-cols-6 { grid-template-columns: repeat(6, minmax(0, 1fr)); }
.nn-cols-7 { grid-template-columns: repeat(7, minmax(0, 1fr)); }
.nn-cols-8 { grid-template-columns: repeat(8, minmax(0, 1fr)); }
.nn-plot-label { font-size: 13px; }
@media (prefers-color-scheme: dark) {
  /* The first series colour is too dark on a dark page: a lighter blue of the same hue. */
  svg.nn-plot [stroke="#0072B2"] { stroke: #4FA8E8; }
  svg.nn-plot [fill="#0072B2"] { fill: #4FA8E8; }
}
table.nn-table { border-collapse: collapse; font-size: 0.9rem; }
table.nn-table th, table.nn-table td { border: 1px solid var(--border); padding: 0.2rem 0.6rem; }
table.nn-table th { background: var(--panel); text-align: left; }
table.nn-table td.nn-num { text-align: right; font-variant-numeric: tabular-nums; }
.nn-error { color: var(--err-fg); background: var(--err-bg); border: 1px solid var(--err-border); border-radius: 6px; }
.nn-error pre { padding: 0.5rem 0.75rem; }
.nn-error .nn-error-summary { font-weight: 700; }
.nn-error.nn-expected { color: var(--fg); background: var(--panel); border-color: var(--border); }
.nn-error.nn-expected::before { content: "raises (expected)"; display: block; font-size: 0.75rem; color: var(--muted); padding: 0.3rem 0.75rem 0; }
.nn-diagnostic { color: var(--warn); font-size: 0.85rem; }
.nn-error-banner { color: var(--err-fg); background: var(--err-bg); border: 2px solid var(--err-border); border-radius: 6px; margin: 0 0 1rem; }
.nn-error-banner pre { padding: 0.5rem 0.75rem; margin: 0; white-space: pre-wrap; }
.nn-error-banner a { color: inherit; }
.nn-stale .nn-outputs { opacity: 0.55; border-left: 3px dashed var(--muted); padding-left: 0.5rem; }
.nn-diagnostics { border: 1px solid var(--warn); border-radius: 6px; color: var(--warn); margin: 0 0 1rem; }
.nn-failed .nn-input { border-color: var(--bad); }
.nn-failed > .nn-status { color: var(--bad); font-style: normal; font-weight: 600; }
.nn-failure { font-size: 0.85rem; margin: 0.25rem 0; }
.nn-failure pre { background: var(--panel); border-radius: 6px; }
.nn-remote-image::before { content: "image: "; color: var(--muted); }

/* Syntax highlighting (token kinds of the nn lexer) */
.nn-code .k { color: var(--kw); font-weight: 600; }
.nn-code .s { color: var(--str); }
.nn-code .n { color: var(--num); }
.nn-code .c { color: var(--com); font-style: italic; }
.nn-code .o { color: var(--op); }
.nn-code .b { color: var(--builtin); }
.nn-code .f { color: var(--fn); }
.nn-code .m { color: var(--deco); }
.nn-code .e { color: var(--bad); text-decoration: underline wavy; }

/* Math */
math { font-size: 1.1em; font-family: "STIX Two Math", "Cambria Math", "Latin Modern Math", "DejaVu Math TeX Gyre", "TeX Gyre Termes Math", math; }
math[display="block"] { margin: 1rem 0; overflow-x: auto; overflow-y: hidden; }
.nn-math-block { overflow-x: auto; }
merror { color: var(--bad); border: 1px dashed var(--bad); }
mtable.nn-cases mtd, mtable.nn-align mtd:nth-child(even) { text-align: left; }
mtable.nn-align mtd:nth-child(odd) { text-align: right; }
mtable.nn-align mtd { padding-left: 0; padding-right: 0; }

/* Index */
.nn-index { list-style: none; padding: 0; }
.nn-index li { border: 1px solid var(--border); border-radius: 6px; padding: 0.75rem 1rem; margin: 0 0 0.75rem; }
.nn-index .nn-index-title { font-size: 1.15rem; font-weight: 600; }
.nn-index p { margin: 0.35rem 0 0; color: var(--muted); }
.nn-badge { display: inline-block; font-size: 0.75rem; font-weight: 600; border-radius: 1rem; padding: 0.05rem 0.6rem; margin-left: 0.5rem; vertical-align: 0.15em; border: 1px solid currentColor; }
.nn-pass { color: var(--ok); }
.nn-fail { color: var(--bad); }
.nn-index .nn-time { position: static; margin-left: 0.5rem; }
h2.nn-part { font-size: 1.2rem; margin: 1.75rem 0 0.75rem; }
.nn-part-name { font-weight: 600; margin-right: 0.25rem; }
.nn-nav-part { color: var(--muted); }

"""#
}
