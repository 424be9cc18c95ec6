import SurveySchema
import Testing

@testable import SurveyIngest

/// Decodes `text` as a cell of `question` in a file of `layout`.
private func decode(
  _ text: String, _ type: QuestionType, layout: ExportLayout = .plain, lists: [ChoiceList] = []
) -> DecodedCell {
  var other: String?
  return decodeWithOther(text, type, layout: layout, lists: lists, other: &other)
}

private func decodeWithOther(
  _ text: String, _ type: QuestionType, layout: ExportLayout = .plain, lists: [ChoiceList] = [],
  other: inout String?
) -> DecodedCell {
  let here = SourceLocation(file: "t", row: 1, column: 1)
  let question = Question(name: "q", type: type, typeText: "", location: here)
  let form = Instrument(
    formID: "f", questions: [question], choiceLists: lists, folder: ".", location: here)
  let decoder = QuestionDecoder(question: question, instrument: form, layout: layout)
  let bytes = Array(text.utf8)
  return bytes.withUnsafeBufferPointer { decoder.decode($0, other: &other) }
}

private let here = SourceLocation(file: "choices.csv", row: 2, column: 1)
/// 运动/影视/其他 with Chinese and English labels.
private let hobbies = ChoiceList(
  name: "hobby",
  choices: [
    Choice(name: "sport", labels: LocalizedText(["zh": "运动", "en": "Sport"]), location: here),
    Choice(
      name: "film", labels: LocalizedText(["zh": "影视", "en": "Films and TV"]), location: here),
    Choice(name: "other", labels: LocalizedText(["zh": "其他【请注明】", "en": "Other"]), location: here),
  ], location: here)

@Suite struct DecodingTests {
  @Test(arguments: [
    ("12", 12.0), (" 7 ", 7), ("-3", -3), ("+4", 4), ("１２", 12), ("12.0", 12), ("０", 0),
  ])
  func integersAreReadStrictly(text: String, expected: Double) {
    #expect(decode(text, .integer) == .value(.number(expected)))
  }

  @Test(arguments: ["12.5", "1,000", "12岁", "1e3", "nan", "inf", "0x10", "--1", ".", "1 2"])
  func anythingElseIsNotAWholeNumber(text: String) {
    #expect(decode(text, .integer) == .invalid(.notInteger))
  }

  @Test(arguments: [
    ("2.5", 2.5), ("-0.25", -0.25), (".5", 0.5), ("３．５", 3.5), ("１２", 12), ("007", 7),
  ])
  func decimalsAcceptOnePointAndFullWidthDigits(text: String, expected: Double) {
    #expect(decode(text, .decimal) == .value(.number(expected)))
  }

  @Test(arguments: ["2.5.1", "2,5", "1e-3", "3分", "abc"])
  func decimalsRejectEverythingElse(text: String) {
    #expect(decode(text, .decimal) == .invalid(.notDecimal))
  }

  @Test(arguments: [
    ("2024-05-01", "2024-05-01"), ("2024/5/1", "2024-05-01"), ("2024-5-1", "2024-05-01"),
    ("2024年5月1日", "2024-05-01"), ("２０２４/０５/０１", "2024-05-01"), ("2024-02-29", "2024-02-29"),
    ("2024/5/1 0:00", "2024-05-01"), ("2018-04-26T00:00:00.000+08:00", "2018-04-26"),
  ])
  func datesAreNormalisedToISO(text: String, expected: String) {
    #expect(decode(text, .date) == .value(.string(expected)))
  }

  @Test(arguments: [
    "2023-02-29", "2024-13-01", "01/05/2024", "5/1", "2024-05-01x", "yesterday", "2024-04-31",
  ])
  func impossibleOrAmbiguousDatesAreErrors(text: String) {
    #expect(decode(text, .date) == .invalid(.notDate))
  }

  @Test(arguments: [
    ("2018-04-26T08:56:00.000Z", "2018-04-26T08:56:00.000Z"),
    ("2016/12/17 14:22:55", "2016-12-17T14:22:55"),
    ("2024-05-01 08:00:00+0800", "2024-05-01T08:00:00+08:00"),
    ("2024-05-01T08:00-05:30", "2024-05-01T08:00:00-05:30"),
    ("2024-05-01", "2024-05-01T00:00:00"),
  ])
  func dateTimesKeepTheirZone(text: String, expected: String) {
    #expect(decode(text, .datetime) == .value(.string(expected)))
  }

  @Test func dateTimesWithZonesCompareAsInstants() throws {
    let beijing = try #require(DateText.moment("2024-05-01T08:00:00+08:00"))
    let utc = try #require(DateText.moment("2024-05-01T00:00:00Z"))
    #expect(beijing.epochSeconds == utc.epochSeconds)
    // 2024-05-01 is day 19844 after 1970-01-01 (54 years incl. 13 leap days = 19723, plus 121 days).
    #expect(utc.epochSeconds == 19_844 * 86_400)
  }

  @Test func selectOneIsReadByNameOrByLabelInAnyLanguage() {
    let one = QuestionType.selectOne(list: "hobby")
    #expect(decode("film", one, lists: [hobbies]) == .value(.string("film")))
    #expect(decode("影视", one, lists: [hobbies]) == .value(.string("film")))
    #expect(decode("films and  TV", one, lists: [hobbies]) == .value(.string("film")))
    #expect(decode("music", one, lists: [hobbies]) == .invalid(.notChoice(token: nil)))
  }

  @Test func selectMultipleReadsSpaceSeparatedNamesAndLabelsWithSpaces() {
    let many = QuestionType.selectMultiple(list: "hobby", orOther: false)
    #expect(decode("sport film", many, lists: [hobbies]) == .value(.choices(["sport", "film"])))
    #expect(
      decode("Films and TV Sport", many, lists: [hobbies], ) == .value(.choices(["film", "sport"])))
    #expect(decode("sport dance", many, lists: [hobbies]) == .invalid(.notChoice(token: "dance")))
  }

  @Test func wjxTextJoinsChoicesWithTheBoxCharacterAndWrapsOtherText() {
    let many = QuestionType.selectMultiple(list: "hobby", orOther: false)
    var other: String?
    let cell = decodeWithOther(
      "运动┋其他【请注明】〖跳绳〗", many, layout: .wjxText, lists: [hobbies], other: &other)
    #expect(cell == .value(.choices(["sport", "other"])))
    #expect(other == "跳绳")
    #expect(decode("(跳过)", many, layout: .wjxText, lists: [hobbies]) == .notAsked)
    #expect(decode("(空)", .text, layout: .wjxText) == .blank)
  }

  @Test func wjxCodeDownloadStoresOptionNumbers() {
    let one = QuestionType.selectOne(list: "hobby")
    #expect(decode("2", one, layout: .wjxCode, lists: [hobbies]) == .value(.string("film")))
    #expect(
      decode("4", one, layout: .wjxCode, lists: [hobbies]) == .invalid(.notOptionNumber(count: 3)))
    #expect(decode("-3", one, layout: .wjxCode, lists: [hobbies]) == .notAsked)
    #expect(decode("-2", .integer, layout: .wjxCode) == .notAsked)
    #expect(decode("-3", .integer, layout: .plain) == .value(.number(-3)))
  }

  @Test func koboNotApplicableIsNotAskedOnlyInKoboFiles() {
    #expect(decode("n/a", .text, layout: .koboLegacy) == .notAsked)
    #expect(decode("n/a", .text, layout: .kobo) == .notAsked)
    #expect(decode("n/a", .text, layout: .plain) == .value(.string("n/a")))
    #expect(decode("", .integer) == .blank)
    #expect(decode("  ", .text) == .blank)
  }

  @Test(arguments: [("1", true), ("True", true), ("TRUE", true), ("0", false), ("False", false)])
  func tickBoxesAcceptOneZeroAndTrueFalse(text: String, ticked: Bool) {
    let bytes = Array(text.utf8)
    #expect(
      bytes.withUnsafeBufferPointer { QuestionDecoder.tick($0, layout: .kobo) }
        == .value(.bool(ticked)))
  }

  @Test func wjxHeadersSplitIntoNumberAndText() throws {
    let parsed = try #require(HeaderText.wjxQuestion("3、你平时喜欢做什么？(多选题 *必答)"))
    #expect(parsed.number == 3)
    #expect(parsed.text == "你平时喜欢做什么？")
    let option = try #require(HeaderText.wjxOption("第3题(影视)"))
    #expect(option.number == 3)
    #expect(option.option == "影视")
    #expect(HeaderText.wjxOption("3、(运动)")?.option == "运动")
    #expect(HeaderText.wjxQuestion("age") == nil)
  }
}
