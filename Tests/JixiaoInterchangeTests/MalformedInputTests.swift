import Foundation
import Testing
@testable import JixiaoInterchange
import JixiaoModel

/// Input that cannot be imported gives a typed error with the line and a message in both
/// languages, and no document.
@Suite struct MalformedInputTests {
    func failure(_ data: Data, options: ImportOptions = ImportOptions(fiscalYear: 2023)) -> ImportError? {
        do {
            _ = try TextImporter.importDocument(data, fileName: "bad.txt", options: options)
            return nil
        } catch {
            return error
        }
    }

    func failure(_ text: String) -> ImportError? { failure(Data(text.utf8)) }

    /// A complete table in the tabbed layout, to cut short.
    static let table = """
    2023年部门预算绩效文本
    1.测试项目绩效目标表
    \t100001测试单位
    \t单位：万元

    \t项目编码
    \tT001
    \t项目名称
    \t测试项目

    \t预算规模及资金用途
    \t预算数
    \t10.00
    \t其中：财政资金
    \t10.00
    \t其他资金
    \t0

    \t
    \t测试用途

    \t资金支出计划（%）
    \t3月底
    \t6月底
    \t10月底
    \t12月底

    \t
    \t25%
    \t50%
    \t75%
    \t100%

    \t绩效目标
    \t1.目标一

    \(TabbedFixture.gridHeader)

    \t产出指标
    \t数量指标
    \t甲
    \t甲描述
    \t≥1个
    \t计划标准

    \t
    \t质量指标
    \t乙
    \t乙描述
    \t=100%
    \t计划标准
    """

    @Test func theCompleteTableImports() throws {
        let result = try TextImporter.importDocument(text: Self.table, fileName: "ok")
        #expect(result.document.projects.first?.indicators.count == 2)
        #expect(result.report.notices.isEmpty, "\(result.report.notices)")
    }

    @Test func emptyFile() {
        let error = failure(Data())
        #expect(error?.kind == .empty)
        #expect(error?.line == 1)
        #expect(error?.chinese.isEmpty == false && error?.english.isEmpty == false)
    }

    @Test func whiteSpaceOnly() {
        let error = failure(" \n\t\n\u{3000}\n")
        #expect(error?.kind == .empty)
        #expect(error?.line == 4)
    }

    @Test func binaryFile() {
        var bytes = Array("2023年部门预算\n第二行\n".utf8)
        bytes += [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]
        let error = failure(Data(bytes))
        #expect(error?.kind == .binary)
        #expect(error?.line == 3)
    }

    @Test func controlCharacterSoup() {
        var bytes: [UInt8] = []
        for i in 0..<400 { bytes.append(UInt8(i % 26 + 1)) }
        let error = failure(Data(bytes))
        #expect(error?.kind == .binary)
    }

    @Test func utf8DamagedByGBKText() {
        // "第一行\n" in UTF-8, then 绩效 in GBK (BC A8 D0 A7) on line 2: UTF-8 with a damaged
        // line, not a GB18030 file.
        let bytes = Array("第一行\n".utf8) + [0xBC, 0xA8, 0xD0, 0xA7, 0x0A]
        let error = failure(Data(bytes))
        #expect(error?.kind == .notUTF8)
        #expect(error?.line == 2)
        #expect(error?.english.contains("not valid UTF-8") == true)
    }

    @Test func neitherUTF8NorGB18030() {
        // 0x80 and 0xFF are no GB18030 byte; the first shows on line 3 (CR line ends).
        let bytes = Array("abc\r\ndef\r".utf8) + [0xFF, 0x80, 0xFF, 0x0D]
        let error = failure(Data(bytes))
        #expect(error?.kind == .notUTF8)
        #expect(error?.line == 3)
        #expect(error?.english.contains("GB18030") == true)
    }

    @Test func tableCutOffBeforeTheGrid() {
        let lines = Self.table.split(separator: "\n", omittingEmptySubsequences: false)
        let cut = lines.prefix(13).joined(separator: "\n")
        let error = failure(cut)
        #expect(error?.kind == .tableCutOff)
        #expect(error?.line == 13)
        #expect(error?.chinese.contains("1.测试项目绩效目标表") == true)
    }

    @Test func tableCutOffInTheMiddleOfARow() {
        let lines = Self.table.split(separator: "\n", omittingEmptySubsequences: false)
        let cut = lines.prefix(lines.count - 3).joined(separator: "\n")
        let error = failure(cut)
        #expect(error?.kind == .tableCutOff)
        #expect(error?.line == lines.count - 3)
    }

    @Test func tableCutOffBeforeTheNextTable() {
        let lines = Self.table.split(separator: "\n", omittingEmptySubsequences: false)
        let text = lines.prefix(20).joined(separator: "\n") + "\n" + lines.dropFirst(1).joined(separator: "\n")
        let error = failure(text)
        #expect(error?.kind == .tableCutOff)
        #expect(error?.line == 20)
    }

    @Test func noPerformanceTables() {
        let text = """
        第一部分
        部门整体绩效目标
        一、总体绩效目标
        做好辖区服务工作。
        二、分项绩效目标
        1、社区服务
        绩效目标：服务居民。
        三、工作保障措施
        加强组织领导。
        """
        let error = failure(text)
        #expect(error?.kind == .noPerformanceTables)
        #expect(error?.line == 9)
    }

    @Test func seedCutInTheMiddle() throws {
        guard let data = TestPaths.seed("000_8629c2e7eda8849f.txt") else { return }
        // Line 350 of the seed lies in the indicator grid of its third table.
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let error = failure(Data(lines.prefix(350).joined(separator: "\n").utf8))
        #expect(error?.kind == .tableCutOff)
        #expect(error?.line == 350)
    }

    @Test func errorDescriptionNamesTheLine() {
        let error = ImportError(.empty, line: 7, chinese: "文件是空的", english: "the file is empty")
        #expect(error.description == "line 7: 文件是空的 (the file is empty)")
    }
}
