// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "careeval",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "CareEval", targets: ["CareEval"]),
    .library(name: "CSVStream", targets: ["CSVStream"]),
    .library(name: "SurveySchema", targets: ["SurveySchema"]),
    .executable(name: "careeval", targets: ["careeval"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
  ],
  targets: [
    // C libraries from Debian. Neither ships a pkg-config file we rely on, so the
    // module maps link them by name; `make` installs the -dev packages.
    .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
    .systemLibrary(name: "CLibXLSXWriter", providers: [.apt(["libxlsxwriter-dev"])]),

    // The pipeline, one module per stage; imports only point down this list.
    .target(name: "CSVStream", dependencies: ["CLibCSV"]),
    .target(name: "SurveySchema", dependencies: ["CSVStream"]),
    .target(name: "SurveyIngest", dependencies: ["SurveySchema", "CSVStream"]),
    .target(name: "SurveyScoring", dependencies: ["SurveySchema"]),
    .target(name: "SurveyReports", dependencies: ["SurveySchema", "SurveyScoring", "CSVStream", "CLibXLSXWriter"]),
    .target(name: "CareEval", dependencies: ["SurveySchema", "SurveyIngest", "SurveyScoring", "SurveyReports", "CSVStream"]),

    // The command-line tool: a thin layer over CareEval.
    .executableTarget(
      name: "careeval",
      dependencies: [
        "CareEval", "CSVStream", "SurveySchema", "SurveyIngest", "SurveyScoring",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // A worked example of the library API (`swift run CompareCategories`).
    .executableTarget(
      name: "CompareCategories", dependencies: ["CareEval", "SurveySchema", "SurveyScoring"],
      path: "Examples/CompareCategories"),

    // One test target per library module.
    .testTarget(name: "CSVStreamTests", dependencies: ["CSVStream"], resources: [.copy("Fixtures")]),
    .testTarget(name: "SurveySchemaTests", dependencies: ["SurveySchema"], resources: [.copy("Fixtures")]),
    .testTarget(name: "SurveyIngestTests", dependencies: ["SurveyIngest"], resources: [.copy("Fixtures")]),
    .testTarget(name: "SurveyScoringTests", dependencies: ["SurveyScoring"], resources: [.copy("Fixtures")]),
    .testTarget(name: "SurveyReportsTests", dependencies: ["SurveyReports"], resources: [.copy("Fixtures")]),
    .testTarget(name: "CareEvalTests", dependencies: ["CareEval"], resources: [.copy("Fixtures")]),
    // The command line as a user runs it (the built executable, through Process).
    .testTarget(name: "CLITests", dependencies: ["careeval", "CompareCategories"]),
  ],
  swiftLanguageModes: [.v6]
)
