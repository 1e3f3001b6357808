/// A sub-goal (分项绩效目标) of the department part.
public struct SubGoal: Sendable, Hashable, Identifiable {
    public var id: String
    /// The heading, e.g. `坚持党建工作主线，创新党员管理模式`.
    public var title: String
    /// 绩效目标: what the department sets out to do.
    public var goal: String
    /// 绩效指标: how achievement is measured, as text.
    public var indicatorText: String
    /// 主要职责 / 职责目标, present in some documents only.
    public var duty: String?
    /// 绩效标准: grading text such as `达到…90%的为优`, present in some documents only.
    public var standard: String?

    public init(id: String = StableID.make(prefix: "g"), title: String, goal: String = "",
                indicatorText: String = "", duty: String? = nil, standard: String? = nil) {
        self.id = id
        self.title = title
        self.goal = goal
        self.indicatorText = indicatorText
        self.duty = duty
        self.standard = standard
    }
}
