/// The report's style sheet: system fonts (Chinese first), responsive tables,
/// A4 printing. Kept free of `<` and `&` so the page stays valid XML.
enum HTMLStyle {
  static var sheet: String {
    var css = base
    for status in StatusStyle.legendOrder {
      css += ".st-\(StatusStyle.slug(status)){background:\(StatusStyle.fill(status));color:#000}\n"
    }
    return css + print
  }

  private static let base = """
    :root{--ink:#1a1a1a;--muted:#555;--rule:#d0d0d0;--band:#f4f4f4}
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
    body{margin:0;color:var(--ink);background:#fff;line-height:1.55;font-size:16px;
    font-family:system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei",
    "Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","Noto Sans",sans-serif}
    header,main,footer{max-width:1080px;margin:0 auto;padding:0 16px}
    header{padding-top:20px;border-bottom:3px solid var(--ink)}
    h1{font-size:1.6em;line-height:1.3;margin:0 0 6px}
    h2{font-size:1.3em;margin:32px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--rule)}
    h3{font-size:1.1em;margin:24px 0 6px}
    h4{font-size:1em;margin:16px 0 6px}
    p{margin:6px 0}
    .sub{color:var(--muted);margin:0 0 12px}
    .note{color:var(--muted);font-size:.9em}
    nav ol{margin:8px 0;padding-left:1.4em;columns:2;column-gap:24px}
    nav a{color:#0B5394}
    .figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;margin:10px 0}
    .fig{border:1px solid var(--rule);border-radius:6px;padding:8px 10px;background:var(--band)}
    .fig .v{font-size:1.5em;font-weight:700;display:block;font-variant-numeric:tabular-nums}
    .fig .k{color:var(--muted);font-size:.88em}
    .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:8px 0}
    table{border-collapse:collapse;font-size:.9em;min-width:100%}
    th,td{border-bottom:1px solid var(--rule);padding:4px 8px;text-align:left;vertical-align:top;white-space:nowrap}
    td.wrap{white-space:normal;min-width:16em}
    td.lbl{white-space:normal;min-width:7em}
    th{background:var(--band);white-space:nowrap}
    td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    td.st{white-space:nowrap;font-weight:600}
    td.sup{color:var(--muted);white-space:nowrap}
    code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:.88em;
    background:var(--band);padding:0 3px;word-break:break-all}
    .legend{display:flex;flex-wrap:wrap;gap:6px 14px;margin:8px 0;padding:0;list-style:none;font-size:.9em}
    .legend li{display:flex;align-items:center;gap:5px}
    .sw{display:inline-block;min-width:1.6em;text-align:center;border:1px solid #777;border-radius:3px;
    font-weight:700;line-height:1.4}
    figure{margin:10px 0 18px}
    figcaption{font-weight:600;font-size:.92em;margin:0 0 2px}
    svg.chart{display:block;width:100%;height:auto;max-width:640px;min-width:330px}
    svg.heat{display:block;height:auto;max-width:none}
    svg text{font-family:inherit}
    details{border-left:3px solid var(--rule);padding-left:10px;margin:6px 0}
    details details{margin-left:6px}
    summary{cursor:pointer;font-weight:600;padding:3px 0}
    .counts{font-weight:400;color:var(--muted);margin-left:8px;white-space:nowrap}
    .indicator{border-top:1px solid var(--rule);padding-top:4px}
    dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0;font-size:.92em}
    dl.meta dt{color:var(--muted)}
    dl.meta dd{margin:0}
    footer{color:var(--muted);font-size:.85em;border-top:1px solid var(--rule);margin-top:32px;padding:12px 16px 24px}
    .cards{list-style:none;margin:8px 0;padding:0;display:none}
    .cards li{border:1px solid var(--rule);border-radius:6px;padding:6px 10px;margin:0 0 8px}
    .cards p{margin:2px 0}
    .cards .ct{font-weight:600}
    .cards .rk{display:inline-block;min-width:1.6em;color:var(--muted)}
    .cards .cv{font-variant-numeric:tabular-nums;color:var(--ink);font-size:.92em}
    details.more{border-left:none;padding-left:0}
    details.more summary{font-weight:400;color:#0B5394}
    @media (max-width:600px){body{font-size:15px}nav ol{columns:1}h1{font-size:1.35em}
    th,td{padding:3px 6px}.cards{display:block}.wide{display:none}}

    """

  private static let print = """
    @media print{
    @page{size:A4;margin:14mm 12mm}
    body{font-size:10pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}
    header,main,footer{max-width:none;padding:0}
    nav{display:none}
    h2{break-after:avoid;page-break-after:avoid}
    h3,h4{break-after:avoid;page-break-after:avoid}
    figure,tr,.fig,dl.meta{break-inside:avoid;page-break-inside:avoid}
    .scroll{overflow:visible}
    table{font-size:8.5pt}
    svg.chart{max-width:16cm;min-width:0}
    svg.heat{max-width:100%}
    details{border-left:none;padding-left:0}
    summary{list-style:none}
    .cards{display:none}
    .wide{display:block}
    .hint{display:none}
    }

    """
}
