import Testing
@testable import SurveyScoring
