/// Headline counts of one run: the register, pairing and the questionnaires received.
public struct ReportHeadline: Sendable, Hashable, Codable {
  /// Children in the child register (一人一档).
  public var childrenInRegister: Int
  /// Children in the register paired with at least one volunteer or organisation;
  /// `nil` when the register does not say.
  public var childrenPaired: Int?
  /// Volunteers in the volunteer register; `nil` when there is none.
  public var volunteersInRegister: Int?
  /// Questionnaires received per instrument, in kit order.
  public var instruments: [ReportInstrumentCount]

  public init(
    childrenInRegister: Int, childrenPaired: Int? = nil, volunteersInRegister: Int? = nil,
    instruments: [ReportInstrumentCount] = []
  ) {
    self.childrenInRegister = childrenInRegister
    self.childrenPaired = childrenPaired
    self.volunteersInRegister = volunteersInRegister
    self.instruments = instruments
  }
}

/// How many questionnaires of one instrument were expected and accepted.
public struct ReportInstrumentCount: Sendable, Hashable, Codable {
  /// The instrument's form id (`child`, `guardian`, `teacher`).
  public var instrument: String
  public var label: LocalizedPair
  /// Units that should have answered (e.g. paired children); `nil` if unknown.
  public var expected: Int?
  /// Accepted responses linked to a unit of the register.
  public var received: Int

  public init(instrument: String, label: LocalizedPair, expected: Int?, received: Int) {
    self.instrument = instrument
    self.label = label
    self.expected = expected
    self.received = received
  }

  /// received / expected, or `nil` when nothing was expected.
  public var responseRate: Double? {
    guard let expected, expected > 0 else { return nil }
    return Double(received) / Double(expected)
  }
}

/// Data-quality tallies of one run: per file, per rejection rule, per region.
public struct ReportQuality: Sendable, Hashable, Codable {
  public var files: [ReportFileQuality]
  public var rejectsByRule: [ReportRejectCount]
  /// Response rates per instrument and region.
  public var responseRates: [ReportResponseRate]

  public init(
    files: [ReportFileQuality] = [], rejectsByRule: [ReportRejectCount] = [],
    responseRates: [ReportResponseRate] = []
  ) {
    self.files = files
    self.rejectsByRule = rejectsByRule
    self.responseRates = responseRates
  }
}

/// What happened to the rows of one input file (read = accepted + rejected).
public struct ReportFileQuality: Sendable, Hashable, Codable {
  public var file: String
  public var instrument: String
  /// Export layout detected (`kobo`, `odk`, `wjx`, `plain`…).
  public var layout: String
  /// Text encoding detected or given (`UTF-8`, `GB18030`…).
  public var encoding: String
  public var read: Int
  public var accepted: Int
  public var rejected: Int

  public init(
    file: String, instrument: String, layout: String, encoding: String, read: Int, accepted: Int,
    rejected: Int
  ) {
    self.file = file
    self.instrument = instrument
    self.layout = layout
    self.encoding = encoding
    self.read = read
    self.accepted = accepted
    self.rejected = rejected
  }
}

/// Rows rejected (or cells blanked) under one validation rule.
public struct ReportRejectCount: Sendable, Hashable, Codable {
  /// Rule id, e.g. `not_in_register`, `constraint`, `duplicate`.
  public var rule: String
  /// The file, or blank for all files together.
  public var file: String
  public var count: Int
  /// One example message, as written to rejects.csv.
  public var example: String

  public init(rule: String, file: String = "", count: Int, example: String = "") {
    self.rule = rule
    self.file = file
    self.count = count
    self.example = example
  }
}

/// Response rate of one instrument in one region.
public struct ReportResponseRate: Sendable, Hashable, Codable {
  public var instrument: String
  public var regionCode: String
  public var expected: Int
  public var received: Int

  public init(instrument: String, regionCode: String, expected: Int, received: Int) {
    self.instrument = instrument
    self.regionCode = regionCode
    self.expected = expected
    self.received = received
  }

  /// received / expected, or `nil` when nothing was expected.
  public var rate: Double? { expected > 0 ? Double(received) / Double(expected) : nil }
}
