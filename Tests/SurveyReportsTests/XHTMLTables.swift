import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Parses a page as XML and collects the text of every table row, per section id;
/// `error` is set when the page is not well-formed.
final class XHTMLTables: NSObject, XMLParserDelegate {
  private(set) var rows: [String: [[String]]] = [:]
  private(set) var texts: [String: [String]] = [:]
  private(set) var error: Error?
  private(set) var attributeValues: [String] = []
  private var section = ""
  private var row: [String]?
  private var cell: String?
  private var elementText = ""

  init(_ text: String) {
    super.init()
    let parser = XMLParser(data: Data(text.utf8))
    parser.delegate = self
    if !parser.parse() { error = parser.parserError ?? NSError(domain: "xml", code: 1) }
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    attributeValues += attributes.map { "\($0.key)=\($0.value)" }
    if name == "section", let id = attributes["id"] { section = id }
    if name == "tr" { row = [] }
    if name == "td" || name == "th" { cell = "" }
    elementText = ""
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    cell? += string
    elementText += string
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    if name == "td" || name == "th", let text = cell {
      row?.append(text)
      cell = nil
    }
    if name == "tr", let finished = row {
      rows[section, default: []].append(finished)
      row = nil
    }
    if name == "text" || name == "p" || name == "dd" { texts[section, default: []].append(elementText) }
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
    error = parseError
  }
}
