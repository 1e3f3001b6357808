import Foundation
import JixiaoModel

/// The last `PrintedLayout` built, kept by reference so `render` (which cannot change the
/// screen) and key handling share it: a document is laid out once per content and width, not
/// once per frame. Unchanged documents compare cheaply (their arrays share storage).
final class PrintedLayoutCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entry: (document: DepartmentDocument, width: Int, ambiguous: AmbiguousWidth, layout: PrintedLayout)?
    /// The last search in that layout: every frame highlights and counts its matches.
    private var search: (query: String, matches: [PrintedLayout.Match])?

    func layout(for document: DepartmentDocument, width: Int, metrics: TextMetrics) -> PrintedLayout {
        lock.lock()
        defer { lock.unlock() }
        if let entry, entry.width == width, entry.ambiguous == metrics.ambiguousWidth, entry.document == document {
            return entry.layout
        }
        let layout = PrintedLayout(document: document, width: width, metrics: metrics)
        entry = (document, width, metrics.ambiguousWidth, layout)
        search = nil
        return layout
    }

    /// The matches of `query` in the layout of `document` at `width`, found once per layout.
    func matches(of query: String, document: DepartmentDocument, width: Int, metrics: TextMetrics) -> [PrintedLayout.Match] {
        let layout = layout(for: document, width: width, metrics: metrics)
        lock.lock()
        defer { lock.unlock() }
        if let search, search.query == query { return search.matches }
        let matches = layout.matches(of: query, metrics: metrics)
        search = (query, matches)
        return matches
    }
}
