import SurveyScoring

extension Charts {
  /// Horizontal bars from zero, one per group, filled with the status colour,
  /// with the confidence interval as a whisker and the target as a line.
  /// Suppressed groups get the suppression text instead of a bar.
  static func bars(
    _ rows: [BreakdownRow], kind: IndicatorKind, title: String, k: Int, language: ReportLanguage
  ) -> Markup {
    let width = 440.0
    let rowHeight = 24.0
    let top = 26.0
    let bottom = 26.0
    let longest = rows.map { TextMetrics.width($0.label, fontSize: fontSize) }.max() ?? 40
    let labelWidth = min(130, max(48, longest + 10))
    let x0 = labelWidth + 6
    let x1 = width - 80
    let height = top + rowHeight * Double(max(rows.count, 1)) + bottom
    var values: [Double] = kind == .proportion ? [0, 1] : [0]
    for row in rows {
      values += [row.cell.estimate, row.cell.ciHigh, row.cell.target].compactMap { $0 }
    }
    let axis = ChartAxis(covering: values, kind: kind, fromZero: true)
    var svg = Markup()
    svg.open("svg", svgAttributes(width: width, height: height, title: title, cssClass: "chart"))
    svg.element("title", [:], title)
    drawGrid(&svg, axis: axis, x0: x0, x1: x1, top: top, bottom: height - bottom)
    for (index, row) in rows.enumerated() {
      let cell = row.cell
      let y = top + rowHeight * Double(index)
      let mid = y + rowHeight / 2
      svg.open("g")
      var described = cell
      described.regionName = row.label
      svg.element("title", [:], tooltip(described, kind: kind, k: k, language: language))
      let name = TextMetrics.truncate(row.label, maxWidth: labelWidth - 4, fontSize: fontSize)
      svg.element("text", ["x": svgNumber(labelWidth), "y": svgNumber(mid + 4), "text-anchor": "end", "font-size": "12"], name)
      if cell.status != .suppressed, let estimate = cell.estimate {
        let start = axis.position(0, from: x0, to: x1)
        let end = axis.position(estimate, from: x0, to: x1)
        svg.empty("rect", ["x": svgNumber(min(start, end)), "y": svgNumber(y + 4), "width": svgNumber(abs(end - start)), "height": svgNumber(rowHeight - 8), "fill": StatusStyle.fill(cell.status), "stroke": "#000", "stroke-width": "0.8"])
        if let low = cell.ciLow, let high = cell.ciHigh {
          let a = axis.position(low, from: x0, to: x1)
          let b = axis.position(high, from: x0, to: x1)
          svg.empty("line", ["x1": svgNumber(a), "x2": svgNumber(b), "y1": svgNumber(mid), "y2": svgNumber(mid), "stroke": "#000", "stroke-width": "1.4"])
        }
        let value = ReportFormat.value(estimate, kind) + " " + cell.status.symbol
        svg.element("text", ["x": svgNumber(x1 + 8), "y": svgNumber(mid + 4), "font-size": "12"], value)
      } else {
        let text = cell.status == .suppressed ? ReportFormat.suppressed(k: k, language) : "—"
        svg.element("text", ["x": svgNumber(x0 + 4), "y": svgNumber(mid + 4), "font-size": "11", "fill": "#555", "font-style": "italic"], text)
        svg.element("text", ["x": svgNumber(x1 + 8), "y": svgNumber(mid + 4), "font-size": "12", "fill": "#555"], "—")
      }
      if let target = cell.target {
        let x = axis.position(target, from: x0, to: x1)
        svg.empty("line", ["x1": svgNumber(x), "x2": svgNumber(x), "y1": svgNumber(y + 1), "y2": svgNumber(y + rowHeight - 1), "stroke": "#000", "stroke-width": "2.2"])
      }
      svg.close("g")
    }
    svg.close("svg")
    return svg
  }
}
