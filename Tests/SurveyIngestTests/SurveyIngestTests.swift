import Testing
@testable import SurveyIngest
