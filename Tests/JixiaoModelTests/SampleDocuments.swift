@testable import JixiaoModel

/// A small deterministic random generator, so randomized tests repeat exactly.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random but plausible department documents for round-trip and property tests.
enum SampleDocuments {
    static let words = ["社区", "工资", "≥90%", "资金", "\"引号\"", "换行\n第二行", "tab\there", "😀", "é", "", " ", "\\"]

    static func text<G: RandomNumberGenerator>(using rng: inout G) -> String {
        (0..<Int.random(in: 0...4, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined()
    }

    static func amount<G: RandomNumberGenerator>(using rng: inout G) -> Amount? {
        Bool.random(using: &rng) ? nil : Amount(significand: Int64.random(in: -1000...1_000_000, using: &rng), scale: Int.random(in: 0...4, using: &rng))
    }

    static func random<G: RandomNumberGenerator>(using rng: inout G) -> DepartmentDocument {
        var d = DepartmentDocument(fiscalYear: Int.random(in: 2020...2030, using: &rng), unitCode: String(Int.random(in: 100000...999999, using: &rng)),
                                   unitName: text(using: &rng), moneyUnit: MoneyUnit.allCases.randomElement(using: &rng)!,
                                   framework: FrameworkEdition.allCases.randomElement(using: &rng)!,
                                   status: ReviewStatus.allCases.randomElement(using: &rng)!)
        d.overallGoals = (0..<Int.random(in: 0...3, using: &rng)).map { _ in TextItem(id: StableID.make(prefix: "t", using: &rng), text: text(using: &rng)) }
        d.subGoals = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
            SubGoal(id: StableID.make(prefix: "g", using: &rng), title: text(using: &rng), goal: text(using: &rng), indicatorText: text(using: &rng),
                    duty: Bool.random(using: &rng) ? text(using: &rng) : nil, standard: Bool.random(using: &rng) ? text(using: &rng) : nil)
        }
        d.safeguards = (0..<Int.random(in: 0...3, using: &rng)).map { _ in TextItem(id: StableID.make(prefix: "t", using: &rng), text: text(using: &rng)) }
        d.projects = (0..<Int.random(in: 0...4, using: &rng)).map { _ in
            Project(id: StableID.make(prefix: "p", using: &rng), code: text(using: &rng), name: text(using: &rng),
                    budget: amount(using: &rng), fiscalFunds: amount(using: &rng), otherFunds: amount(using: &rng), purpose: text(using: &rng),
                    spendingPlan: SpendingPlan(mode: Bool.random(using: &rng) ? .percent : .amount, march: amount(using: &rng),
                                               june: amount(using: &rng), october: amount(using: &rng), december: amount(using: &rng)),
                    goals: (0..<Int.random(in: 0...2, using: &rng)).map { _ in TextItem(id: StableID.make(prefix: "t", using: &rng), text: text(using: &rng)) },
                    indicators: (0..<Int.random(in: 0...6, using: &rng)).map { _ in
                        IndicatorRow(id: StableID.make(prefix: "r", using: &rng), level1: text(using: &rng), level2: text(using: &rng),
                                     name: text(using: &rng), description: text(using: &rng), value: text(using: &rng), basis: text(using: &rng))
                    })
        }
        return d
    }
}
