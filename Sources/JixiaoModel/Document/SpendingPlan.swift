/// 资金支出计划: the cumulative plan of spending at the end of March, June, October and December.
public struct SpendingPlan: Sendable, Hashable {
    /// Whether the four figures are cumulative percentages of the budget or cumulative amounts
    /// (累计支出资金) in the department's money unit.
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        case percent
        case amount
    }

    /// The four checkpoints, in order.
    public enum Checkpoint: String, Sendable, Hashable, CaseIterable {
        case march, june, october, december

        public var chineseName: String {
            switch self {
            case .march: "3月底"
            case .june: "6月底"
            case .october: "10月底"
            case .december: "12月底"
            }
        }
    }

    public var mode: Mode
    /// Blank cells are `nil`.
    public var march: Amount?
    public var june: Amount?
    public var october: Amount?
    public var december: Amount?

    public init(mode: Mode = .percent, march: Amount? = nil, june: Amount? = nil,
                october: Amount? = nil, december: Amount? = nil) {
        self.mode = mode
        self.march = march
        self.june = june
        self.october = october
        self.december = december
    }

    public subscript(checkpoint: Checkpoint) -> Amount? {
        get {
            switch checkpoint {
            case .march: march
            case .june: june
            case .october: october
            case .december: december
            }
        }
        set {
            switch checkpoint {
            case .march: march = newValue
            case .june: june = newValue
            case .october: october = newValue
            case .december: december = newValue
            }
        }
    }

    /// The four values in checkpoint order.
    public var values: [Amount?] { Checkpoint.allCases.map { self[$0] } }

    public var isBlank: Bool { values.allSatisfy { $0 == nil } }
}
