import JixiaoModel

extension FindingCounter {
    /// The validator's counts for the summary index. The version combines the program version
    /// with a SHA-256 of the rule catalogue (ids and severities), so counts cached by older
    /// rules are recomputed. Used by the executable and the benchmark, so both read the same
    /// index without rebuilding it.
    public static func rules(programVersion: String) -> FindingCounter {
        let catalogue = Rule.catalogue.map { "\($0.id):\($0.severity)" }.joined(separator: ",")
        return FindingCounter(version: "jixiao \(programVersion); rules " + SHA256.hex(Array(catalogue.utf8)),
                              count: { FindingCounts(Validator.validate(department: $0)) })
    }
}
