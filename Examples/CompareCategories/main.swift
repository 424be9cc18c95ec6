// CompareCategories: two categories of children compared region by region.
//
//   swift run CompareCategories [DATA] [--kit K] [--indicator NAME]
//                               [--categories A,B] [--level county] [--lang zh|en]
//
// Loads the kit (default: the shipped surveys/aixin), evaluates the data folder
// (default: demo-data/, as `make demo` writes it) with every estimate broken down by
// child category, and prints one indicator for the two categories side by side in
// every region of one level, with 95% confidence intervals and the difference.
// Defaults: weekly contact (routine_child_weekly), left-behind children against
// orphans, by county.
import CareEval
import Foundation
import SurveySchema
import SurveyScoring

struct Arguments {
  var data = "demo-data"
  var kit = "surveys/aixin"
  var indicator = "routine_child_weekly"
  var categories = ("left_behind", "orphan")
  var level = "county"
  var language = "en"
}

func fail(_ message: String, status: Int32 = 64) -> Never {
  FileHandle.standardError.write(Data("CompareCategories: \(message)\n".utf8))
  exit(status)
}

func parse(_ words: [String]) -> Arguments {
  var arguments = Arguments()
  var rest = words[...]
  func value(of option: String) -> String {
    guard let value = rest.popFirst() else { fail("\(option) needs a value") }
    return value
  }
  while let word = rest.popFirst() {
    switch word {
    case "--kit": arguments.kit = value(of: word)
    case "--indicator": arguments.indicator = value(of: word)
    case "--level": arguments.level = value(of: word)
    case "--lang": arguments.language = value(of: word)
    case "--categories":
      let pair = value(of: word).split(separator: ",").map(String.init)
      guard pair.count == 2 else {
        fail("--categories takes two category codes, such as left_behind,orphan")
      }
      arguments.categories = (pair[0], pair[1])
    case "-h", "--help":
      print(
        "usage: CompareCategories [DATA] [--kit K] [--indicator NAME] [--categories A,B] [--level LEVEL] [--lang zh|en]"
      )
      exit(0)
    default:
      guard !word.hasPrefix("-") else { fail("unknown option \(word)") }
      arguments.data = word
    }
  }
  return arguments
}

/// The kit folder: as given, else the shipped kit of the checkout this file is in.
func kitFolder(_ given: String) -> String {
  if FileManager.default.fileExists(atPath: given) { return given }
  let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
  let shipped = checkout.appendingPathComponent(given).path
  return FileManager.default.fileExists(atPath: shipped) ? shipped : given
}

let arguments = parse(Array(CommandLine.arguments.dropFirst()))

// 1. The kit, linted.
let kit: Kit
do {
  kit = try Evaluation.loadKit(at: kitFolder(arguments.kit)).kit
} catch {
  fail(error.description, status: error.isUsage ? 64 : 1)
}
guard let indicator = kit.indicator(named: arguments.indicator) else {
  fail(
    "the kit has no indicator '\(arguments.indicator)'; it has \(kit.indicators.map(\.name).joined(separator: ", "))"
  )
}

// 2. The evaluation: every estimate also broken down by the child's categories.
let evaluation = Evaluation(
  kit: kit, data: DataSet([arguments.data]),
  options: EvaluationOptions(scoring: ScoringOptions(by: "category", language: arguments.language)))
let result: EvaluationResult
do {
  result = try evaluation.run()
} catch {
  fail(error.description, status: error.isUsage ? 64 : 1)
}

// 3. The two groups in the whole data set and in every region of the level.
let groups = [arguments.categories.0, arguments.categories.1].map { "category=\($0)" }
let rows = result.estimates.filter {
  $0.indicator == indicator.name && ($0.level == "all" || $0.level == arguments.level)
}
var byRegion: [String: [String: Estimate]] = [:]
var names: [String: String] = [:]
for row in rows where groups.contains(row.group) {
  byRegion[row.regionCode, default: [:]][row.group] = row
  names[row.regionCode] = row.regionName
}
let regions = byRegion.keys.sorted { ($0 == "all" ? "" : $0) < ($1 == "all" ? "" : $1) }
guard !regions.isEmpty else {
  fail(
    "no estimates of \(indicator.name) for \(groups.joined(separator: " or ")) at level \(arguments.level)",
    status: 1)
}

// 4. The table.
let isProportion = indicator.kind == .proportion
/// A row as it may be published: a suppressed domain shows no numbers.
func published(_ row: Estimate?) -> Estimate? {
  row?.status == .suppressed ? nil : row
}
func number(_ x: Double?) -> String {
  guard let x else { return "–" }
  return isProportion ? String(format: "%.1f%%", x * 100) : String(format: "%.2f", x)
}
func interval(_ row: Estimate?) -> String {
  guard let low = row?.ciLow, let high = row?.ciHigh else { return "–" }
  return isProportion
    ? String(format: "%.1f–%.1f", low * 100, high * 100) : String(format: "%.2f–%.2f", low, high)
}
func difference(_ a: Estimate?, _ b: Estimate?) -> String {
  guard let x = a?.estimate, let y = b?.estimate else { return "–" }
  return isProportion ? String(format: "%+.1fpp", (x - y) * 100) : String(format: "%+.2f", x - y)
}
func padded(_ text: String, _ width: Int) -> String {
  text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}

let label = indicator.labels.text(for: arguments.language) ?? indicator.name
print(
  "\(label) (\(indicator.name)), by \(arguments.level): \(arguments.categories.0) vs \(arguments.categories.1)"
)
print("95% confidence intervals; – = not published (fewer than 5 children) or no interval.\n")
let widthA = max(10, arguments.categories.0.count + 2)
let widthB = max(10, arguments.categories.1.count + 2)
let header = [
  ("region", 8), ("n", 6), (arguments.categories.0, widthA), ("95% CI", 13), ("n", 6),
  (arguments.categories.1, widthB), ("95% CI", 13), ("difference", 11),
]
print(header.map { padded($0.0, $0.1) }.joined() + "name")
for region in regions {
  let rowA = byRegion[region]?[groups[0]]
  let rowB = byRegion[region]?[groups[1]]
  let (a, b) = (published(rowA), published(rowB))
  let cells = [
    (region, 8), (String(rowA?.n ?? 0), 6), (number(a?.estimate), widthA), (interval(a), 13),
    (String(rowB?.n ?? 0), 6), (number(b?.estimate), widthB), (interval(b), 13),
    (difference(a, b), 11),
  ]
  print(cells.map { padded($0.0, $0.1) }.joined() + (names[region] ?? ""))
}
