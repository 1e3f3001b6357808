import Foundation
import Testing
@testable import JixiaoModel

/// Reads every 指标值 of the seed documents in ../shared/seeds (present beside checkouts and in
/// CI, absent in a user's clone) and shows the parser keeps each one exactly.
@Suite struct SeedValueTests {
    /// `../shared/seeds` relative to the package root, or `nil` when absent.
    static var seedsFolder: URL? {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return folder
    }

    /// The fewest values each seed must yield, so that a broken extraction cannot pass by
    /// finding nothing. (Counted by hand from the tables: 21, 11 and 12 tables.)
    static let minimumValues = ["000_8629c2e7eda8849f.txt": 180, "001_9a0311abce8b0d69.txt": 70,
                                "003_05fc0a897a5abc98.txt": 110]

    static let minimumUnderstood = ["001_9a0311abce8b0d69.txt": 76, "003_05fc0a897a5abc98.txt": 88]

    /// The 指标值 cells of a seed in its tab-indented layout: every table cell is a line that
    /// starts with a tab; an indicator row is level 1 (maybe blank), level 2, name, description,
    /// value, basis. A row is found by its level-2 cell (a level 2 of either framework, after a
    /// level-1 or blank cell); its value is the third cell after it. Test-only: the real importer
    /// is a separate piece of work.
    static func valueCells(in text: String) -> [String] {
        indicatorTables(in: text).flatMap { $0.map(\.value) }
    }

    /// The indicator rows of a seed, one list per table (a table starts at its 一级指标 header
    /// cell). A blank level-1 cell means "same as above", as in the printed tables.
    static func indicatorTables(in text: String) -> [[IndicatorRow]] {
        let cells = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0.hasPrefix("\t") }
            .map { String($0.dropFirst()) }
        let level2Names = Set(IndicatorFramework.legacy.allLevel2 + IndicatorFramework.guidance2021.allLevel2)
        let level1Names = Set(IndicatorFramework.legacy.levels.map(\.name)
            + IndicatorFramework.guidance2021.levels.map(\.name) + IndicatorFramework.level1Aliases.keys)
        var tables: [[IndicatorRow]] = []
        var level1 = ""
        var index = 1
        while index + 4 < cells.count {
            let before = IndicatorFramework.trimmed(cells[index - 1])
            if before == "一级指标" {
                tables.append([])
                level1 = ""
            }
            if level2Names.contains(IndicatorFramework.trimmed(cells[index])),
               before.isEmpty || level1Names.contains(before), !tables.isEmpty {
                if !before.isEmpty { level1 = before }
                tables[tables.count - 1].append(IndicatorRow(
                    id: "r-\(index)", level1: level1, level2: cells[index], name: cells[index + 1],
                    description: cells[index + 2], value: cells[index + 3], basis: cells[index + 4]))
                index += 5  // past name, description, value and basis
            } else {
                index += 1
            }
        }
        return tables
    }

    @Test func everySeedValueIsKeptAndCounted() throws {
        guard let folder = Self.seedsFolder else {
            print("SeedValueTests: skipped, ../shared/seeds is absent (only checkouts beside /work/shared have it)")
            return
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(!files.isEmpty)
        var total = IndicatorStatistics()
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let cells = Self.valueCells(in: text)
            #expect(cells.count >= Self.minimumValues[file] ?? 1, "\(file): only \(cells.count) values found")
            var statistics = IndicatorStatistics()
            var notUnderstood: [String: Int] = [:]
            for cell in cells {
                let value = TargetValue(cell)
                // Nothing lost or altered: the original is the cell, byte for byte.
                #expect(Array(value.original.utf8) == Array(cell.utf8), "\(file): \(cell)")
                // A filled cell never reads as blank.
                if !cell.isBlank { #expect(value.meaning != .empty, "\(file): \(cell)") }
                statistics.add(value)
                if !value.isUnderstood { notUnderstood[cell, default: 0] += 1 }
            }
            #expect(statistics.rows == cells.count)
            // Regression floors: the values of 001 and 003 are well formed but for a few defects
            // (`≤25万/季度`, `≥100按规定时间发放`); 000 writes `≥90使用率` throughout.
            #expect(statistics.understood >= Self.minimumUnderstood[file] ?? 0, "\(file): \(statistics)")
            print("SeedValueTests: \(file): \(cells.count) values, \(statistics.understood) understood "
                + "(\(statistics.quantitative) quantitative, \(statistics.qualitative) qualitative), "
                + "\(statistics.notUnderstood) not understood, e.g. "
                + notUnderstood.sorted { $0.value > $1.value }.prefix(3).map { "\($0.key)×\($0.value)" }.joined(separator: ", "))
            total = total + statistics
        }
        print("SeedValueTests: all seeds: \(total.rows) values, \(total.understood) understood, "
            + "\(total.notUnderstood) not understood")
    }

    /// The seed tables follow the legacy framework: validating their rows finds no framework
    /// error, and the defects the documents are known for are found.
    @Test func seedTablesValidateAgainstTheLegacyFramework() throws {
        guard let folder = Self.seedsFolder else {
            print("SeedValueTests: skipped, ../shared/seeds is absent")
            return
        }
        let context = ValidationContext(fiscalYear: 2023, framework: .legacy)
        var byRule: [String: Int] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where file.hasSuffix(".txt") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let tables = Self.indicatorTables(in: text)
            #expect(tables.count >= 10, "\(file): \(tables.count) tables")
            for (number, rows) in tables.enumerated() {
                let project = Project(id: "p-\(number + 1)", indicators: rows)
                for finding in Validator.validate(project: project, in: context) {
                    byRule[finding.ruleID, default: 0] += 1
                }
            }
        }
        print("SeedValueTests: findings over all seed tables by rule: "
            + byRule.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        #expect(byRule["framework.level1"] == nil && byRule["framework.level2"] == nil)
        #expect(byRule["value.notUnderstood", default: 0] > 0)  // ≥90使用率 …
        #expect(byRule["name.duplicate", default: 0] > 0)  // 工资保险发放（缴纳）标准 five times in 003
        #expect(byRule["cost.unit", default: 0] > 0)  // 项目成本 ≥95百分比 in 003
        #expect(byRule["coverage.output"] == nil && byRule["coverage.satisfaction"] == nil)
    }

    /// The extraction itself, on a small piece written like the seeds.
    @Test func extractionFindsTheValueColumn() {
        let text = "\t一级指标\n\t二级指标\n\t三级指标\n\t绩效指标描述\n\t指标值\n\t指标值确定依据\n\n"
            + "\t产出指标\n\t数量指标\n\t保障人数\n\t保障人数\n\t≥30人\n\t\n\n"
            + "\t\n\t成本指标\n\t经济成本指标\n\t每次统计\n\t≤1666.67元/月\n\t经验标准\n\n"
            + "\t效果指标\n\t社会效益指标\n\t社会影响\n\t对社会\n\n产生的影响\n\t优\n\t工作记录\n"
        #expect(Self.valueCells(in: text) == ["≥30人", "≤1666.67元/月", "优"])
    }
}
