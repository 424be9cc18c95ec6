import Testing
@testable import CSVStream
