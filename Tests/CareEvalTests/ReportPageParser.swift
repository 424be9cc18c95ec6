import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads report.html as XML: the cells of every table row per section id, every
/// attribute, and whether the page is well-formed.
final class ReportPageParser: NSObject, XMLParserDelegate {
  private(set) var rows: [String: [[String]]] = [:]
  private(set) var attributes: [(name: String, value: String)] = []
  private(set) var error: Error?
  private var section = ""
  private var row: [String]?
  private var cell: String?

  init(_ text: String) {
    super.init()
    let parser = XMLParser(data: Data(text.utf8))
    parser.delegate = self
    if !parser.parse() { error = parser.parserError ?? NSError(domain: "xml", code: 1) }
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    self.attributes += attributes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    if name == "section", let id = attributes["id"] { section = id }
    if name == "tr" { row = [] }
    if name == "td" || name == "th" { cell = "" }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    cell? += string
  }

  func parser(
    _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
  ) {
    if name == "td" || name == "th", let text = cell {
      row?.append(text)
      cell = nil
    }
    if name == "tr", let finished = row {
      rows[section, default: []].append(finished)
      row = nil
    }
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
    error = parseError
  }
}
