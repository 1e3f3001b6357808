import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML element read by Foundation's `XMLParser`, with names resolved to namespace URIs
/// (producers choose their own prefixes; only the URI identifies a name).
final class XMLTree {
    let namespace: String
    let name: String
    /// Attributes by (namespace URI, local name); an unprefixed attribute has no namespace.
    let attributes: [XMLName: String]
    private(set) var children: [XMLTree] = []
    /// The character data directly inside this element.
    private(set) var text = ""

    init(namespace: String, name: String, attributes: [XMLName: String]) {
        self.namespace = namespace
        self.name = name
        self.attributes = attributes
    }

    /// Why a part is not well-formed XML, with the line the parser stopped at.
    struct Failure: Error, Sendable, Hashable {
        var line: Int
        var reason: String
    }

    static func parse(_ data: Data) throws(Failure) -> XMLTree {
        let parser = XMLParser(data: data)
        let builder = Builder()
        parser.delegate = builder
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = true
        parser.shouldResolveExternalEntities = false
        // libxml2 through XMLParser may stop at the end of the data without an error while
        // elements are still open: a cut-off part is refused all the same.
        guard parser.parse(), let root = builder.root, builder.stack.isEmpty else {
            throw Failure(line: parser.lineNumber, reason: parser.parserError.map { "\($0.localizedDescription)" }
                          ?? (builder.stack.isEmpty ? "not XML" : "the data ends inside <\(builder.stack.last!.name)>"))
        }
        return root
    }

    func attribute(_ name: String, namespace: String = "") -> String? {
        attributes[XMLName(namespace: namespace, name: name)]
    }

    /// The child elements with this local name in one of these namespaces.
    func children(_ name: String, in namespaces: Set<String>) -> [XMLTree] {
        children.filter { $0.name == name && namespaces.contains($0.namespace) }
    }

    func child(_ name: String, in namespaces: Set<String>) -> XMLTree? {
        children.first { $0.name == name && namespaces.contains($0.namespace) }
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLTree?
        var stack: [XMLTree] = []
        /// Prefix → URI mappings in force, innermost last.
        var prefixes: [String: [String]] = ["xml": ["http://www.w3.org/XML/1998/namespace"]]

        func parser(_ parser: XMLParser, didStartMappingPrefix prefix: String, toURI namespaceURI: String) {
            prefixes[prefix, default: []].append(namespaceURI)
        }

        func parser(_ parser: XMLParser, didEndMappingPrefix prefix: String) {
            prefixes[prefix]?.removeLast()
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            var attributes: [XMLName: String] = [:]
            for (key, value) in attributeDict {
                if key == "xmlns" || key.hasPrefix("xmlns:") { continue }
                if let colon = key.firstIndex(of: ":") {
                    let prefix = String(key[..<colon])
                    let local = String(key[key.index(after: colon)...])
                    attributes[XMLName(namespace: prefixes[prefix]?.last ?? prefix, name: local)] = value
                } else {
                    attributes[XMLName(namespace: "", name: key)] = value
                }
            }
            let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
            let element = XMLTree(namespace: namespaceURI ?? "", name: local, attributes: attributes)
            stack.last?.children.append(element)
            if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
        }
    }
}

struct XMLName: Hashable, Sendable {
    var namespace: String
    var name: String
}
