import SurveySchema
import Testing

@testable import SurveyIngest

/// The public exports of Fixtures/exports map back to their forms, every column to
/// the right question (expected roles written out by reading each form and header).
@Suite struct ExportMappingTests {
  @Test func koboCATTransportationExportMapsTickBoxesOtherTextLoopAndMetadata() throws {
    let (map, form) = try columnMap(
      "exports/kobocat-transportation/export.csv", form: "exports/kobocat-transportation/form")
    #expect(map.layout == .koboLegacy)
    let q = "available_transportation_types_to_referral_facility"
    let choices = [
      "ambulance", "bicycle", "boat_canoe", "bus", "donkey_mule_cart", "keke_pepe", "lorry",
      "motorbike", "taxi", "other",
    ]
    var expected = choices.map { "transport/\(q)/\($0): option \(q)=\($0)" }
    expected.append("transport/\(q)_other: other \(q)")
    expected += choices.dropLast().map {
      "transport/loop_over_transport_types_frequency/\($0)/frequency_to_referral_facility: ignored"
    }
    expected += [
      "meta/instanceID: platform id", "_uuid: platform id", "_submission_time: platform time",
    ]
    #expect(roles(map, form) == expected)
    #expect(map.missingQuestions.isEmpty)
  }

  @Test func odkCentralFlatTableMapsNamesAndMetadata() throws {
    let (map, form) = try columnMap(
      "exports/odk-central-flat/mytestform.csv", form: "exports/odk-central-flat/form")
    #expect(map.layout == .odkCentral)
    #expect(
      roles(map, form) == [
        "SubmissionDate: platform time", "name: answer name", "age: answer age",
        "hometown: answer hometown",
        "KEY: platform id", "SubmitterID: platform", "SubmitterName: platform",
        "AttachmentsPresent: platform",
        "AttachmentsExpected: platform", "Status: platform", "ReviewState: platform",
        "DeviceID: platform",
        "Edits: platform", "FormVersion: platform",
      ])
  }

  @Test func odkCentralGroupPathsJoinedWithHyphenMapToTheQuestions() throws {
    let (map, form) = try columnMap(
      "exports/odk-central-flatten/structuredform.csv", form: "exports/odk-central-flatten/form")
    #expect(map.layout == .odkCentral)
    #expect(
      Array(roles(map, form).prefix(6)) == [
        "SubmissionDate: platform time", "meta-instanceID: platform id", "name: answer name",
        "home-type: answer type", "home-address-street: answer street",
        "home-address-city: answer city",
      ])
    #expect(map.columns[3].match == .path)
  }

  @Test func odkCentralWithoutGroupPathsMapsBareNames() throws {
    let (map, form) = try columnMap(
      "exports/odk-central-grouppaths-false/structuredform.csv",
      form: "exports/odk-central-grouppaths-false/form")
    #expect(map.layout == .odkCentral)
    #expect(
      Array(roles(map, form).prefix(6)) == [
        "SubmissionDate: platform time", "instanceID: platform id", "name: answer name",
        "type: answer type", "street: answer street", "city: answer city",
      ])
  }

  @Test func odkCentralSplitSelectColumnsMapToTheirChoices() throws {
    let (map, form) = try columnMap(
      "exports/odk-central-select-split/selectMultiple.csv",
      form: "exports/odk-central-select-split/form")
    #expect(
      Array(roles(map, form).prefix(9)) == [
        "SubmissionDate: platform time", "meta-instanceID: platform id", "q1: answer q1",
        "q1/x: option q1=x",
        "q1/y: option q1=y", "q1/z: option q1=z", "g1-q2: answer q2", "g1-q2/m: option q2=m",
        "g1-q2/n: option q2=n",
      ])
    let (bare, bareForm) = try columnMap(
      "exports/odk-central-select-split-nogroups/selectMultiple.csv",
      form: "exports/odk-central-select-split-nogroups/form")
    #expect(
      Array(roles(bare, bareForm).prefix(9)) == [
        "SubmissionDate: platform time", "instanceID: platform id", "q1: answer q1",
        "q1/x: option q1=x",
        "q1/y: option q1=y", "q1/z: option q1=z", "q2: answer q2", "q2/m: option q2=m",
        "q2/n: option q2=n",
      ])
    #expect(bare.layout == .odkCentral)
  }

  @Test func odkCentralGeopointPartsAreIgnoredAsPartsOfTheLocation() throws {
    let (map, form) = try columnMap(
      "exports/odk-central-geopoint/mytestform.csv", form: "exports/odk-central-geopoint/form")
    #expect(
      Array(roles(map, form).prefix(7)) == [
        "SubmissionDate: platform time", "name: answer name", "age: answer age",
        "location-Latitude: ignored",
        "location-Longitude: ignored", "location-Altitude: ignored", "location-Accuracy: ignored",
      ])
    #expect(map.missingQuestions == [2])
    #expect(map.columns[3].role == .ignored(reason: "part of the location question 'location'"))
  }

  @Test func odkCentralAllDataTypesMapsEveryField() throws {
    let (map, form) = try columnMap(
      "exports/odk-central-all-data-types/all-data-types.csv",
      form: "exports/odk-central-all-data-types/form")
    let names = [
      "some_string", "some_int", "some_decimal", "some_date", "some_time", "some_date_time",
    ]
    #expect(Array(roles(map, form)[1...6]) == names.map { "\($0): answer \($0)" })
    #expect(
      Array(roles(map, form)[11...14]) == [
        "some_geotrace: answer some_geotrace", "some_geoshape: answer some_geoshape",
        "some_barcode: answer some_barcode", "meta-instanceID: platform id",
      ])
    #expect(map.missingQuestions == [6])
  }

  @Test func odkCentralSplitSelectIntegrationExport() throws {
    let (map, form) = try columnMap(
      "exports/odk-central-select-many-integration/selectMultiple.csv",
      form: "exports/odk-central-select-many-integration/form")
    #expect(
      Array(roles(map, form).prefix(9)) == [
        "SubmissionDate: platform time", "meta-instanceID: platform id", "q1: answer q1",
        "q1/a: option q1=a",
        "q1/b: option q1=b", "g1-q2: answer q2", "g1-q2/x: option q2=x", "g1-q2/y: option q2=y",
        "g1-q2/z: option q2=z",
      ])
  }
}

/// The public exports decode to the answers their rows hold (read by hand from the files).
@Suite struct ExportDecodingTests {
  private func answers(_ export: String, form folder: String) throws -> (RunResult, Instrument) {
    let form = try instrument(folder)
    let kit = Kit(root: "t", instruments: [form])
    let bytes = Array(try fixtureText(export).utf8)
    return (try ingest(kit, [(String(export.split(separator: "/").last ?? ""), bytes)]), form)
  }

  @Test func koboCATTickBoxesWithTrueFalseAndATrailingEmptyField() throws {
    let (result, _) = try answers(
      "exports/kobocat-transportation/export.csv", form: "exports/kobocat-transportation/form")
    #expect(result.rejects.isEmpty, "\(result.problems)")
    #expect(
      result.responses.map { $0.answers[0] } == [
        .value(.choices([])), .value(.choices(["ambulance", "bicycle"])),
        .value(.choices(["ambulance"])),
        .value(.choices(["taxi", "other"])),
      ])
    #expect(
      result.responses.map(\.responseID) == [
        "uuid:5b2cc313-fc09-437e-8149-fcd32f695d41", "uuid:f3d8dc65-91a6-4d0f-9e97-802128083390",
        "uuid:9c6f3468-cfda-46e8-84c1-75458e72805d", "uuid:9f0a1508-c3b7-4c99-be00-9b237c26bcbf",
      ])
    #expect(result.responses.first?.submittedAt == "2013-02-14T15:37:21")
  }

  @Test func odkCentralSummaryColumnsWinOverSplitColumns() throws {
    let (result, _) = try answers(
      "exports/odk-central-select-many-integration/selectMultiple.csv",
      form: "exports/odk-central-select-many-integration/form")
    #expect(result.rejects.isEmpty, "\(result.problems)")
    #expect(
      result.responses.map(\.answers) == [
        [.value(.choices(["a", "b"])), .value(.choices(["x", "y", "z"]))],
        [.value(.choices(["b"])), .value(.choices(["x"]))],
      ])
    #expect(result.responses.map(\.responseID) == ["one", "two"])
  }

  @Test func odkCentralLabelValuesDecodeToChoiceNames() throws {
    let (result, _) = try answers(
      "exports/odk-central-flat/mytestform.csv", form: "exports/odk-central-flat/form")
    #expect(result.rejects.isEmpty, "\(result.problems)")
    #expect(
      result.responses.map { $0.answers[2] } == [
        .value(.string("seattle")), .value(.string("portland")), .value(.string("san_francisco")),
      ])
    #expect(
      result.responses.map { $0.answers[1] } == [
        .value(.number(30)), .value(.number(34)), .value(.number(38)),
      ])
  }

  @Test func odkCentralAllDataTypesDecode() throws {
    let (result, form) = try answers(
      "exports/odk-central-all-data-types/all-data-types.csv",
      form: "exports/odk-central-all-data-types/form")
    #expect(result.rejects.isEmpty, "\(result.problems)")
    let row = try #require(result.responses.first)
    func answer(_ name: String) throws -> Answer {
      row.answers[try #require(form.index(ofQuestion: name))]
    }
    #expect(try answer("some_int") == .value(.number(123)))
    #expect(try answer("some_decimal") == .value(.number(123.456)))
    #expect(try answer("some_date") == .value(.string("2018-04-26")))
    #expect(try answer("some_date_time") == .value(.string("2018-04-26T08:56:00.000Z")))
    #expect(try answer("some_time") == .value(.string("08:56:00.000Z")))
    #expect(try answer("some_barcode") == .value(.string("000049499094")))
    #expect(try answer("some_geopoint") == .blank)
    #expect(row.submittedAt == "2018-04-26T08:58:20.525Z")
  }
}
