import Testing
@testable import SurveyReports
