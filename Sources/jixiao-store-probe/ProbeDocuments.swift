import JixiaoModel

/// The documents probe writers save: version `k` of a document is a pure function of `k`, so a
/// test can tell whether what it reads is exactly one written version (and not a mixture).
/// They are large enough that writing one takes several system calls.
enum ProbeDocuments {
    static func version(id: String, _ k: Int) -> DepartmentDocument {
        var document = DepartmentDocument(id: id, fiscalYear: 2024, unitCode: "441001", unitName: "版本\(k)")
        document.overallGoals = [TextItem(id: "t-counter", text: String(k))]
        document.projects = (0..<4).map { p in
            Project(id: "p-\(p)", code: "P\(p)", name: "项目\(p)·\(k)",
                    budget: Amount(significand: Int64(k * 100 + p), scale: 2),
                    purpose: String(repeating: "资金用途第\(k)版。", count: 80),
                    indicators: (0..<6).map { r in
                        IndicatorRow(id: "r-\(p)-\(r)", level1: "产出指标", name: "指标\(r)", value: "≥\(k)%")
                    })
        }
        return document
    }

    /// The version number a probe document says it is.
    static func versionNumber(of document: DepartmentDocument) -> Int? {
        document.overallGoals.first.flatMap { Int($0.text) }
    }

    /// A counter document for read-modify-write increments.
    static func counter(id: String) -> DepartmentDocument {
        DepartmentDocument(id: id, fiscalYear: 2024, unitCode: "441002", unitName: "计数",
                           overallGoals: [TextItem(id: "t-counter", text: "0")])
    }
}
