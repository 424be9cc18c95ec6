import ArgumentParser

/// The `careeval` command: evaluates the 爱心妈妈 caring-mothers programme from survey data.
@main
struct CareEvalCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "careeval",
    abstract: "Evaluate the 爱心妈妈 (caring mothers) programme from questionnaire data.",
    discussion: """
      careeval reads a survey kit (XLSForm-style CSV sheets) and the questionnaire \
      exports of children, guardians and head teachers, computes care indicators per \
      region with confidence intervals, and reports the regions that fall short.
      """,
    version: CareEvalVersion.string,
    subcommands: [
      Lint.self,
      CSV.self,
      Validate.self,
      Score.self,
      Demo.self,
      Report.self,
    ]
  )
}

enum CareEvalVersion {
  static let string = "0.1.0"
}
