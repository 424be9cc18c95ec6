/// Number formatting for display: fixed decimals, no locale, no negative zero.
///
/// Files meant for machines (CSV, JSON, XLSX cells) keep full precision; only
/// text a person reads goes through here.
enum ReportFormat {
  /// `x` with `decimals` digits after the point, rounded half away from zero.
  static func plain(_ x: Double, decimals: Int) -> String {
    guard x.isFinite else { return x.isNaN ? "NaN" : (x < 0 ? "-∞" : "∞") }
    var scale = 1.0
    for _ in 0..<max(0, decimals) { scale *= 10 }
    let scaled = (abs(x) * scale).rounded(.toNearestOrAwayFromZero)
    guard scaled < 9e15 else { return "\(x)" }
    let units = Int64(scaled)
    let divisor = Int64(scale)
    let whole = units / divisor
    let sign = x < 0 && units != 0 ? "-" : ""
    guard decimals > 0 else { return "\(sign)\(whole)" }
    var fraction = String(units % divisor)
    while fraction.count < decimals { fraction = "0" + fraction }
    return "\(sign)\(whole).\(fraction)"
  }

  /// A proportion as a percentage: 0.725 -> `72.5%`.
  static func percent(_ x: Double, decimals: Int = 1) -> String {
    plain(x * 100, decimals: decimals) + "%"
  }

  /// An estimate in its indicator's unit: percent for proportions, two decimals for means.
  static func value(_ x: Double?, _ kind: IndicatorKind) -> String {
    guard let x else { return "" }
    return kind == .proportion ? percent(x) : plain(x, decimals: 2)
  }

  /// A confidence interval: `65.1–79.0%` or `2.89–3.98`.
  static func interval(_ low: Double?, _ high: Double?, _ kind: IndicatorKind) -> String {
    guard let low, let high else { return "" }
    if kind == .proportion {
      return plain(low * 100, decimals: 1) + "–" + plain(high * 100, decimals: 1) + "%"
    }
    return plain(low, decimals: 2) + "–" + plain(high, decimals: 2)
  }

  /// A gap: percentage points for proportions, the indicator's unit for means.
  static func gap(_ x: Double?, _ kind: IndicatorKind, _ language: ReportLanguage) -> String {
    guard let x else { return "" }
    if kind == .proportion {
      return plain(x * 100, decimals: 1) + (language == .zh ? " 个百分点" : " pp")
    }
    return plain(x, decimals: 2)
  }

  /// A p- or q-value: three decimals, `<0.001` below that.
  static func probability(_ x: Double?) -> String {
    guard let x else { return "" }
    if x < 0.001 { return "<0.001" }
    return plain(x, decimals: 3)
  }

  /// A count with thousands separators: 250700 -> `250,700`.
  static func count(_ x: Int) -> String {
    let digits = String(x.magnitude)
    var out = ""
    for (offset, digit) in digits.enumerated() {
      if offset > 0 && (digits.count - offset) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return (x < 0 ? "-" : "") + out
  }

  /// An optional count, blank when unknown.
  static func count(_ x: Int?) -> String { x.map { count($0) } ?? "" }

  /// A rate in percent, blank when unknown.
  static func rate(_ x: Double?) -> String { x.map { percent($0) } ?? "" }

  /// What a suppressed cell shows instead of a number: `— 样本不足 n<5`.
  static func suppressed(k: Int, _ language: ReportLanguage) -> String {
    language == .zh ? "— 样本不足 n<\(k)" : "— too few, n<\(k)"
  }

  /// The target as text, `—` when there is none.
  static func target(_ x: Double?, _ kind: IndicatorKind) -> String {
    guard let x else { return "—" }
    return value(x, kind)
  }

  /// The distinct targets of an indicator: one value, or a range.
  static func targets(_ targets: [Double], _ kind: IndicatorKind, _ language: ReportLanguage) -> String {
    guard let first = targets.first, let last = targets.last else {
      return Phrase.noTarget.text(language)
    }
    if targets.count == 1 { return value(first, kind) }
    let note = Phrase.variesByRegion.text(language)
    return value(first, kind) + "–" + value(last, kind) + (language == .zh ? "（\(note)）" : " (\(note))")
  }
}

extension ReportFormat {
  /// `：` in Chinese, `: ` in English.
  static func colon(_ language: ReportLanguage) -> String { language == .zh ? "：" : ": " }

  /// `（text）` in Chinese, ` (text)` in English.
  static func parenthesised(_ text: String, _ language: ReportLanguage) -> String {
    language == .zh ? "（\(text)）" : " (\(text))"
  }

  /// `，` in Chinese, `, ` in English.
  static func comma(_ language: ReportLanguage) -> String { language == .zh ? "，" : ", " }
}
