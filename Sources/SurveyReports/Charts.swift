import SurveyScoring

/// The report's SVG charts, drawn by hand: dot-and-whisker per region, the status
/// heat map and bars by group. Each returns markup ready to place in the page.
enum Charts {
  static let fontSize = 12.0

  /// One row per region: the estimate as a dot coloured by status, its confidence
  /// interval as a whisker, the target as a line; the value and status symbol on
  /// the right. Suppressed regions show the suppression text, never a dot at zero.
  static func dotWhisker(
    _ cells: [ReportCell], kind: IndicatorKind, title: String, k: Int, language: ReportLanguage
  ) -> Markup {
    let width = 440.0
    let rowHeight = 22.0
    let top = 26.0
    let bottom = 26.0
    let longest = cells.map { TextMetrics.width($0.regionName, fontSize: fontSize) }.max() ?? 40
    let labelWidth = min(118, max(48, longest + 10))
    let valueWidth = 74.0
    let x0 = labelWidth + 6
    let x1 = width - valueWidth - 6
    let height = top + rowHeight * Double(max(cells.count, 1)) + bottom
    var values: [Double] = []
    for cell in cells {
      values += [cell.estimate, cell.ciLow, cell.ciHigh, cell.target].compactMap { $0 }
    }
    let axis = ChartAxis(covering: values, kind: kind)
    let targets = Set(cells.compactMap(\.target))
    let sharedTarget = targets.count == 1 ? targets.first : nil

    var svg = Markup()
    svg.open("svg", svgAttributes(width: width, height: height, title: title, cssClass: "chart"))
    svg.element("title", [:], title)
    drawGrid(&svg, axis: axis, x0: x0, x1: x1, top: top, bottom: height - bottom)
    for (row, cell) in cells.enumerated() {
      let y = top + rowHeight * Double(row)
      let mid = y + rowHeight / 2
      svg.open("g")
      svg.element("title", [:], tooltip(cell, kind: kind, k: k, language: language))
      if row % 2 == 1 {
        svg.empty("rect", ["x": "0", "y": svgNumber(y), "width": svgNumber(width), "height": svgNumber(rowHeight), "fill": "#000", "fill-opacity": "0.04"])
      }
      let name = TextMetrics.truncate(cell.regionName, maxWidth: labelWidth - 4, fontSize: fontSize)
      svg.element("text", ["x": svgNumber(labelWidth), "y": svgNumber(mid + 4), "text-anchor": "end", "font-size": "12"], name)
      if sharedTarget == nil, let target = cell.target {
        let x = axis.position(target, from: x0, to: x1)
        svg.empty("line", ["x1": svgNumber(x), "x2": svgNumber(x), "y1": svgNumber(y + 3), "y2": svgNumber(y + rowHeight - 3), "stroke": "#000", "stroke-width": "2"])
      }
      drawEstimate(&svg, cell, axis: axis, x0: x0, x1: x1, mid: mid, k: k, language: language)
      svg.close("g")
    }
    if let target = sharedTarget {
      drawTargetLine(&svg, target, axis: axis, x0: x0, x1: x1, width: width, top: top, bottom: height - bottom, language: language)
    }
    svg.close("svg")
    return svg
  }

  static func svgAttributes(
    width: Double, height: Double, title: String, cssClass: String, fixedSize: Bool = false
  ) -> KeyValuePairs<String, String> {
    let box = "0 0 \(svgNumber(width)) \(svgNumber(height))"
    if fixedSize {
      return ["class": cssClass, "viewBox": box, "width": svgNumber(width), "height": svgNumber(height), "role": "img", "aria-label": title]
    }
    return ["class": cssClass, "viewBox": box, "role": "img", "aria-label": title]
  }

  static func drawGrid(
    _ svg: inout Markup, axis: ChartAxis, x0: Double, x1: Double, top: Double, bottom: Double
  ) {
    for tick in axis.ticks {
      let x = axis.position(tick, from: x0, to: x1)
      svg.empty("line", ["x1": svgNumber(x), "x2": svgNumber(x), "y1": svgNumber(top), "y2": svgNumber(bottom), "stroke": "#ccc", "stroke-width": "1"])
      svg.element("text", ["x": svgNumber(x), "y": svgNumber(bottom + 15), "text-anchor": "middle", "font-size": "11", "fill": "#444"], axis.label(tick))
    }
  }

  private static func drawTargetLine(
    _ svg: inout Markup, _ target: Double, axis: ChartAxis, x0: Double, x1: Double, width: Double,
    top: Double, bottom: Double, language: ReportLanguage
  ) {
    let x = axis.position(target, from: x0, to: x1)
    svg.empty("line", ["x1": svgNumber(x), "x2": svgNumber(x), "y1": svgNumber(top - 4), "y2": svgNumber(bottom), "stroke": "#000", "stroke-width": "1.5", "stroke-dasharray": "5 3"])
    let label = Phrase.targetLine.text(language) + " " + axisValue(target, axis.kind)
    let labelWidth = TextMetrics.width(label, fontSize: 11)
    let anchor =
      x + labelWidth / 2 > width - 2 ? "end" : (x - labelWidth / 2 < 2 ? "start" : "middle")
    svg.element("text", ["x": svgNumber(x), "y": svgNumber(top - 8), "text-anchor": anchor, "font-size": "11", "font-weight": "700"], label)
  }

  static func axisValue(_ x: Double, _ kind: IndicatorKind) -> String {
    ReportFormat.value(x, kind)
  }

  private static func drawEstimate(
    _ svg: inout Markup, _ cell: ReportCell, axis: ChartAxis, x0: Double, x1: Double, mid: Double,
    k: Int, language: ReportLanguage
  ) {
    let valueX = x1 + 8
    guard cell.status != .suppressed, let estimate = cell.estimate else {
      let text = cell.status == .suppressed ? ReportFormat.suppressed(k: k, language) : "—"
      svg.element("text", ["x": svgNumber(x0 + 4), "y": svgNumber(mid + 4), "font-size": "11", "fill": "#555", "font-style": "italic"], text)
      svg.element("text", ["x": svgNumber(valueX), "y": svgNumber(mid + 4), "font-size": "12", "fill": "#555"], "—")
      return
    }
    if let low = cell.ciLow, let high = cell.ciHigh {
      let a = axis.position(low, from: x0, to: x1)
      let b = axis.position(high, from: x0, to: x1)
      svg.empty("line", ["x1": svgNumber(a), "x2": svgNumber(b), "y1": svgNumber(mid), "y2": svgNumber(mid), "stroke": "#333", "stroke-width": "1.6"])
      for x in [a, b] {
        svg.empty("line", ["x1": svgNumber(x), "x2": svgNumber(x), "y1": svgNumber(mid - 4), "y2": svgNumber(mid + 4), "stroke": "#333", "stroke-width": "1.6"])
      }
    }
    let x = axis.position(estimate, from: x0, to: x1)
    svg.empty("circle", ["cx": svgNumber(x), "cy": svgNumber(mid), "r": "5.5", "fill": StatusStyle.fill(cell.status), "stroke": "#000", "stroke-width": "1"])
    let value = ReportFormat.value(estimate, axis.kind) + " " + cell.status.symbol
    svg.element("text", ["x": svgNumber(valueX), "y": svgNumber(mid + 4), "font-size": "12"], value)
  }

  /// A one-line description of a cell for tooltips and screen readers.
  static func tooltip(_ cell: ReportCell, kind: IndicatorKind, k: Int, language: ReportLanguage) -> String {
    var parts = [cell.regionName]
    if cell.status == .suppressed {
      parts.append(ReportFormat.suppressed(k: k, language))
    } else if let estimate = cell.estimate {
      var text = ReportFormat.value(estimate, kind)
      let interval = ReportFormat.interval(cell.ciLow, cell.ciHigh, kind)
      if !interval.isEmpty { text += " (\(interval))" }
      parts.append(text)
    }
    parts.append(Phrase.target.text(language) + " " + ReportFormat.target(cell.target, kind))
    parts.append(cell.status.label(language))
    parts.append("n = \(cell.n)")
    return parts.joined(separator: " · ")
  }
}
