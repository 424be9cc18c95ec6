extension XLSXReportWriter {
  /// Files read, rejects by rule, response rates and suppressed cells, one table
  /// under the other.
  func quality(_ sheet: XLSXSheet) throws(ReportError) {
    let quality = report.quality
    try sheet.widths([26, 16, 14, 12, 12, 12, 12, 40])
    try sheet.header(0, [t(.file), t(.instrument), t(.layout), t(.encoding), t(.read), t(.accepted), t(.rejected)])
    var row = 1
    for file in quality.files {
      try sheet.write(row, 0, file.file)
      try sheet.write(row, 1, file.instrument)
      try sheet.write(row, 2, file.layout)
      try sheet.write(row, 3, file.encoding)
      try sheet.write(row, 4, Double(file.read), .integer)
      try sheet.write(row, 5, Double(file.accepted), .integer)
      try sheet.write(row, 6, Double(file.rejected), .integer)
      row += 1
    }
    try sheet.write(row, 0, t(.total), .header)
    try sheet.write(row, 4, Double(quality.read), .integer)
    try sheet.write(row, 5, Double(quality.accepted), .integer)
    try sheet.write(row, 6, Double(quality.rejected), .integer)
    row += 2
    if !quality.rejectsByRule.isEmpty {
      try sheet.write(row, 0, t(.rejectsByRule), .title)
      row += 1
      try sheet.header(row, [t(.rule), t(.file), t(.count), t(.example)])
      row += 1
      for reject in quality.rejectsByRule {
        try sheet.write(row, 0, reject.rule)
        try sheet.write(row, 1, reject.file)
        try sheet.write(row, 2, Double(reject.count), .integer)
        try sheet.write(row, 3, reject.example)
        row += 1
      }
      row += 1
    }
    if !quality.responseRates.isEmpty {
      try sheet.write(row, 0, t(.responseRates), .title)
      row += 1
      try sheet.header(row, [t(.instrument), t(.region), t(.level), t(.expected), t(.received), t(.responseRate), "region_code"])
      row += 1
      for rate in quality.responseRates {
        try sheet.write(row, 0, rate.instrumentLabel)
        try sheet.write(row, 1, rate.regionName)
        try sheet.write(row, 2, levelName(rate.level, language))
        try sheet.write(row, 3, Double(rate.expected), .integer)
        try sheet.write(row, 4, Double(rate.received), .integer)
        try sheet.write(row, 5, rate.rate, .percent)
        try sheet.write(row, 6, rate.regionCode)
        row += 1
      }
      row += 1
    }
    try sheet.write(row, 0, t(.suppressedCells), .title)
    row += 1
    try sheet.write(row, 0, Double(quality.suppressedCells), .integer)
    try sheet.write(row, 1, "/ " + ReportFormat.count(quality.cellCount))
    try sheet.freeze(rows: 1)
  }
}
