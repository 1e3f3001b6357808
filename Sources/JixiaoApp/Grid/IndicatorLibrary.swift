import JixiaoModel

/// Indicators already written in loaded documents, by name (三级指标): for each name the most
/// common description, value and basis and the level 1 / level 2 it was filed under. The name
/// picker offers them, so a row is filled from what colleagues wrote before.
///
/// Built from whatever documents the caller hands in (the department being edited; the
/// executable may add the bundled samples); names are compared after trimming white space.
public struct IndicatorLibrary: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var level1: String
        public var level2: String
        public var description: String
        public var value: String
        public var basis: String
        /// How many rows use this name.
        public var uses: Int
    }

    /// Entries, most used first, then by name.
    public private(set) var entries: [Entry]
    /// Every non-blank basis written in the documents, most used first.
    public private(set) var bases: [String]

    public static let empty = IndicatorLibrary(documents: [])

    public init(documents: [DepartmentDocument]) {
        var rowsByName: [String: [IndicatorRow]] = [:]
        var order: [String] = []
        var basisCounts: [String: Int] = [:]
        var basisOrder: [String] = []
        for document in documents {
            for project in document.projects {
                for row in project.indicators {
                    let name = Self.trimmed(row.name)
                    if !name.isEmpty {
                        if rowsByName[name] == nil { order.append(name) }
                        rowsByName[name, default: []].append(row)
                    }
                    let basis = Self.trimmed(row.basis)
                    if !basis.isEmpty {
                        if basisCounts[basis] == nil { basisOrder.append(basis) }
                        basisCounts[basis, default: 0] += 1
                    }
                }
            }
        }
        var entries: [Entry] = []
        for name in order {
            let rows = rowsByName[name] ?? []
            entries.append(Entry(name: name, level1: Self.mostCommon(rows.map(\.level1)),
                                 level2: Self.mostCommon(rows.map(\.level2)),
                                 description: Self.mostCommon(rows.map(\.description)),
                                 value: Self.mostCommon(rows.map(\.value)), basis: Self.mostCommon(rows.map(\.basis)),
                                 uses: rows.count))
        }
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        self.entries = entries.sorted { ($0.uses, position[$1.name] ?? 0) > ($1.uses, position[$0.name] ?? 0) }
        let basisPosition = Dictionary(uniqueKeysWithValues: basisOrder.enumerated().map { ($1, $0) })
        self.bases = basisOrder.sorted {
            (basisCounts[$0] ?? 0, basisPosition[$1] ?? 0) > (basisCounts[$1] ?? 0, basisPosition[$0] ?? 0)
        }
    }

    public func entry(named name: String) -> Entry? {
        let key = Self.trimmed(name)
        return entries.first { $0.name == key }
    }

    /// The standard bases first, then the others in use.
    public var basisChoices: [String] {
        let standard = IndicatorFramework.standardBases
        return standard + bases.filter { !standard.contains($0) }
    }

    /// The most frequent non-blank text (the first written on a tie); blank when all are.
    static func mostCommon(_ texts: [String]) -> String {
        var counts: [String: Int] = [:]
        var best = ""
        var bestCount = 0
        for text in texts where !trimmed(text).isEmpty {
            counts[text, default: 0] += 1
            if counts[text]! > bestCount {
                best = text
                bestCount = counts[text]!
            }
        }
        return best
    }

    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
