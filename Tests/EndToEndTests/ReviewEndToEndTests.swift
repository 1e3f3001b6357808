import Foundation
import JixiaoModel
import JixiaoStore
import Testing

/// A reviewer's round under tmux: the review queue, a submission's document view, Ctrl-N to
/// the next submission, a finding, a search for a Chinese word, and a return with a reason,
/// saved.
@Suite(.serialized, .enabled(if: EndToEndEnvironment.skipNotice()))
struct ReviewEndToEndTests {
    static func submission(_ code: String, _ name: String, submittedAt time: String, indicator: String) -> DepartmentDocument {
        let project = Project(id: "p-\(code)", code: "P\(code)", name: "环境卫生保洁经费", budget: Amount(canonical: "20"),
                              fiscalFunds: Amount(canonical: "20"), otherFunds: Amount(canonical: "0"),
                              purpose: "辖区道路清扫保洁和垃圾清运",
                              goals: [TextItem(id: "t-g\(code)", text: "辖区环境整洁")],
                              indicators: [IndicatorRow(id: "r-\(code)", level1: "产出指标", level2: "数量指标", name: indicator,
                                                        description: "全年完成的工作量", value: "≥1200吨", basis: "合同约定")])
        return DepartmentDocument(fiscalYear: 2024, unitCode: code, unitName: name, status: .submitted,
                                  overallGoals: [TextItem(id: "t-\(code)", text: "改善辖区环境")],
                                  projects: [project],
                                  reviewLog: [ReviewEvent(id: "e-\(code)", action: .submit, user: "office\(code.suffix(1))",
                                                          time: time, revision: 1)])
    }

    @Test func aReviewerPagesThroughTheQueueSearchesAndReturnsOne() throws {
        let store = try EditorEndToEndTests.emptyStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let fileStore = try FileDocumentStore(root: store.path)
        // Installed, as `jixiao demo` does: the submissions are signed by other (fictional)
        // offices, which a save by this account would be refused for.
        _ = try fileStore.install(Self.submission("441001", "西山街道", submittedAt: "2026-11-19T09:00:00Z", indicator: "垃圾清运量"))
        _ = try fileStore.install(Self.submission("441002", "东山街道", submittedAt: "2026-11-18T09:00:00Z", indicator: "道路保洁面积"))
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try EditorEndToEndTests.start(tmux, store, waitingFor: "441002")

        // The queue: submissions, oldest first.
        try tmux.press("v")
        let queue = try tmux.waitFor(text: "已送审 2 份")
        let east = try #require(queue.firstIndex { $0.contains("东山街道") })
        let west = try #require(queue.firstIndex { $0.contains("西山街道") })
        #expect(east < west)
        #expect(queue.joined(separator: "\n").contains("2026-11-18 09:00"))

        // Enter: the oldest submission's document view, the project table drawn with boxes.
        try tmux.press("Enter")
        let first = try tmux.waitFor(text: "第一部分　部门整体绩效目标")
        #expect(first.joined(separator: "\n").contains("441002 东山街道"))
        #expect(first.joined(separator: "\n").contains("队列 1/2"))
        try tmux.press("G")
        let table = try tmux.waitFor(text: "└").joined(separator: "\n")
        #expect(table.contains("│产出指标│数量指标│"))
        #expect(table.contains("道路保洁面积"))

        // Ctrl-N: the next submission, directly.
        try tmux.press("C-n")
        let next = try tmux.waitFor(text: "队列 2/2").joined(separator: "\n")
        #expect(next.contains("441001 西山街道"))

        // The next finding: its line marked in the gutter, its message below.
        try tmux.press("f")
        let finding = try tmux.waitFor(text: "问题 1/")
        #expect(finding.contains { $0.hasPrefix("!") || $0.hasPrefix("?") || $0.hasPrefix(".") })
        try tmux.press("g")

        // Search a Chinese word: found, counted, highlighted in place.
        try tmux.press("/")
        try tmux.waitFor(text: "查找：")
        try tmux.type("垃圾清运")
        try tmux.press("Enter")
        let found = try tmux.waitFor(text: "“垃圾清运” 1/2").joined(separator: "\n")
        #expect(found.contains("垃圾清运量"))
        try tmux.press("n")
        try tmux.waitFor(text: "“垃圾清运” 2/2")

        // Return it with a reason: the review menu, the reason dialog, saved.
        try tmux.press("F6")
        try tmux.waitFor(text: "审核操作")
        try tmux.press("r")
        try tmux.waitFor(text: "退回：理由")
        try tmux.type("请补充清运量的测算依据")
        try tmux.press("Enter")
        let saved = try tmux.waitFor(text: "已保存（第 2 版）").joined(separator: "\n")
        #expect(saved.contains("已退回"))
        #expect(saved.contains("请补充清运量的测算依据"))
        let stored = try fileStore.load(id: "441001-2024")
        #expect(stored.document.status == .returned)
        #expect(stored.document.reviewLog.last?.action == .return)
        #expect(stored.document.reviewLog.last?.comment == "请补充清运量的测算依据")

        // Back to the queue: one submission left.
        try tmux.press("Escape")
        try tmux.press("Escape")
        try tmux.waitFor(text: "已送审 1 份")
        try tmux.press("C-q")
        try tmux.waitForLine("EXIT=0")
    }
}
