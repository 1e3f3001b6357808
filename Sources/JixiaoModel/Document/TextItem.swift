/// One entry of an ordered list of paragraphs: an overall goal (总体绩效目标), a safeguard
/// measure (工作保障措施) or a project goal (绩效目标).
public struct TextItem: Sendable, Hashable, Identifiable {
    public var id: String
    public var text: String

    public init(id: String = StableID.make(prefix: "t"), text: String) {
        self.id = id
        self.text = text
    }
}
