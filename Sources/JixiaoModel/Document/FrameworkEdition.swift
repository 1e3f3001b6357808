/// Which indicator framework (指标体系) a department follows.
public enum FrameworkEdition: String, Sendable, Hashable, CaseIterable {
    /// 产出 / 效益 / 满意度, with 成本指标 as a level 2 under 产出指标; every sample document.
    case legacy
    /// The 2021 guidance (财预〔2021〕101号): 成本指标 becomes a level 1.
    case guidance2021 = "2021"
}
