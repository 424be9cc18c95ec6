import Testing
@testable import CareEval
