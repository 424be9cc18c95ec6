import SurveyScoring

extension Charts {
  /// Regions (rows) by indicators (columns); each cell filled with its status colour
  /// and marked with the status symbol, so the map reads without colour too.
  /// Drawn at a fixed pixel size inside a scrolling box.
  static func heatMap(
    regions: [(code: String, name: String)], indicators: [IndicatorInfo],
    cell: (String, String) -> ReportCell?, title: String, k: Int, language: ReportLanguage
  ) -> Markup {
    let cellWidth = 34.0
    let cellHeight = 26.0
    let headerFont = 13.0
    let longestName = regions.map { TextMetrics.width($0.name, fontSize: 13) }.max() ?? 40
    let labelWidth = min(170, max(50, longestName + 12))
    let headerTexts = indicators.map {
      TextMetrics.truncate($0.label, maxWidth: 132, fontSize: headerFont)
    }
    let longestHeader = headerTexts.map { TextMetrics.width($0, fontSize: headerFont) }.max() ?? 40
    // Labels are rotated 60 degrees: they rise sin(60) and lean cos(60) of their length.
    let headerHeight = longestHeader * 0.87 + 14
    let rightMargin = max(12, longestHeader * 0.5 - cellWidth / 2 + 8)
    let width = labelWidth + cellWidth * Double(indicators.count) + rightMargin
    let height = headerHeight + cellHeight * Double(regions.count) + 6

    var svg = Markup()
    svg.open("svg", svgAttributes(width: width, height: height, title: title, cssClass: "heat", fixedSize: true))
    svg.element("title", [:], title)
    for (column, indicator) in indicators.enumerated() {
      let x = labelWidth + cellWidth * (Double(column) + 0.5)
      let y = headerHeight - 6
      svg.open("g")
      svg.element("title", [:], indicator.label)
      svg.element("text", ["x": svgNumber(x), "y": svgNumber(y), "font-size": "13", "transform": "rotate(-60 \(svgNumber(x)) \(svgNumber(y)))"], headerTexts[column])
      svg.close("g")
    }
    for (row, region) in regions.enumerated() {
      let y = headerHeight + cellHeight * Double(row)
      let name = TextMetrics.truncate(region.name, maxWidth: labelWidth - 10, fontSize: 13)
      svg.element("text", ["x": svgNumber(labelWidth - 6), "y": svgNumber(y + cellHeight / 2 + 4), "text-anchor": "end", "font-size": "13"], name)
      for (column, indicator) in indicators.enumerated() {
        let x = labelWidth + cellWidth * Double(column)
        svg.open("g")
        guard let value = cell(region.code, indicator.name) else {
          svg.empty("rect", ["x": svgNumber(x + 1), "y": svgNumber(y + 1), "width": svgNumber(cellWidth - 2), "height": svgNumber(cellHeight - 2), "fill": "#fff", "stroke": "#ddd"])
          svg.close("g")
          continue
        }
        svg.element("title", [:], indicator.label + " · " + tooltip(value, kind: indicator.kind, k: k, language: language))
        let stroke = value.status == .suppressed ? "#999" : "#fff"
        svg.empty("rect", ["x": svgNumber(x + 1), "y": svgNumber(y + 1), "width": svgNumber(cellWidth - 2), "height": svgNumber(cellHeight - 2), "fill": StatusStyle.fill(value.status), "stroke": stroke])
        svg.element("text", ["x": svgNumber(x + cellWidth / 2), "y": svgNumber(y + cellHeight / 2 + 5), "text-anchor": "middle", "font-size": "15", "font-weight": "700"], value.status.symbol)
        svg.close("g")
      }
    }
    svg.close("svg")
    return svg
  }
}
