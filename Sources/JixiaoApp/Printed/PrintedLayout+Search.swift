extension PrintedLayout {
    /// Part of a match on one line: from display column `column`, `width` columns wide.
    public struct Span: Hashable, Sendable {
        public var line: Int
        public var column: Int
        public var width: Int
    }

    /// A search hit: where it starts (its first span) and every line part it covers; a word
    /// wrapped onto the next line of its cell has two spans. Ordered by where it starts.
    public struct Match: Hashable, Sendable, Comparable {
        public var line: Int
        public var column: Int
        public var width: Int
        public var spans: [Span]

        /// A match covering `spans` (at least one).
        init(spans: [Span]) {
            line = spans[0].line
            column = spans[0].column
            width = spans[0].width
            self.spans = spans
        }

        /// A position in the text (to search from), not a hit.
        public init(line: Int, column: Int, width: Int = 0) {
            self.line = line
            self.column = column
            self.width = width
            spans = [Span(line: line, column: column, width: width)]
        }

        public static func < (a: Match, b: Match) -> Bool { (a.line, a.column) < (b.line, b.column) }
    }

    /// Every match of `query` in reading order, case-insensitive for Latin letters. Text is
    /// matched along runs (a paragraph, a table cell) across the lines it wraps onto; the
    /// space a Latin word-wrap drops is not there to match.
    public func matches(of query: String, metrics: TextMetrics) -> [Match] {
        let needle = Array(query.lowercased())
        guard let head = needle.first else { return [] }
        var result: [Match] = []
        for run in runs {
            var characters: [Character] = []
            var places: [Span] = []
            for piece in run {
                var column = piece.column
                for character in piece.text.lowercased() {
                    let width = metrics.width(of: character)
                    characters.append(character)
                    places.append(Span(line: piece.line, column: column, width: width))
                    column += width
                }
            }
            var index = 0
            while index + needle.count <= characters.count {
                guard characters[index] == head, characters[index..<(index + needle.count)].elementsEqual(needle) else {
                    index += 1
                    continue
                }
                var spans: [Span] = []
                for place in places[index..<(index + needle.count)] {
                    if let last = spans.last, last.line == place.line, last.column + last.width == place.column {
                        spans[spans.count - 1].width += place.width
                    } else {
                        spans.append(place)
                    }
                }
                result.append(Match(spans: spans))
                index += needle.count
            }
        }
        return result.sorted()
    }
}
