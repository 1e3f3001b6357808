import Foundation
import Testing
@testable import JixiaoModel

@Suite struct CellLocationTests {
    let document = try! DocumentCodec.decode(try! Data(contentsOf: TestPaths.exampleDocument))

    func zh(_ path: String) -> String { CellLocation.describe(CellPath(parsing: path)!, in: document).zh }
    func en(_ path: String) -> String { CellLocation.describe(CellPath(parsing: path)!, in: document).en }

    @Test func describesIndicatorCells() {
        #expect(zh("projects[p-wages].indicators[r-cost].value") == "项目 1「社区工作者工资及保险」 · 指标 第 3 行 · 指标值")
        #expect(en("projects[p-office].budget") == "Project 2「办公经费」 · budget")
    }

    @Test func describesPlanGoalsAndDepartmentPart() {
        #expect(zh("projects[p-office].spendingPlan.october") == "项目 2「办公经费」 · 资金支出计划 · 10月底")
        #expect(zh("projects[p-wages].goals[t-goal2]") == "项目 1「社区工作者工资及保险」 · 绩效目标 第 2 条")
        #expect(zh("subGoals[g-safety].standard") == "分项绩效目标 第 2 项 · 绩效标准")
        #expect(zh("overallGoals[t-overall1].text") == "总体绩效目标 第 1 条")
        #expect(zh("unitName") == "单位名称")
    }

    @Test func saysWhenTheItemIsGone() {
        #expect(zh("projects[p-gone].name") == "已删除的项目 p-gone")
        #expect(en("projects[p-wages].indicators[r-gone].value").contains("removed item r-gone"))
    }

    /// The locator gives the words of a scan for every path, also for paths into projects and
    /// rows that are not there, in any order of projects.
    @Test func theLocatorAgreesWithTheScan() throws {
        var locator = CellLocator(document)
        var paths = Validator.validate(department: document).map(\.path)
        for project in document.projects {
            paths.append(.project(project.id, "name"))
            for row in project.indicators { paths.append(CellPath(parsing: "projects[\(project.id)].indicators[\(row.id)].value")!) }
        }
        paths += ["projects[p-gone].name", "projects[p-wages].indicators[r-gone].value", "projects[p-office].indicators[r-cost].value",
                  "unitName", "subGoals[g-safety].standard"].map { CellPath(parsing: $0)! }
        for path in paths + paths.reversed() {
            #expect(locator.describe(path) == CellLocation.describe(path, in: document), "\(path)")
        }
    }

    /// Many projects checked on several threads give the findings of one thread, in order.
    @Test func validatingOnSeveralThreadsGivesTheSameFindings() {
        var large = document
        large.projects = (0..<1200).flatMap { copy in
            document.projects.map { project -> Project in
                var project = project
                project.id += "-\(copy)"
                if copy % 3 == 0, !project.indicators.isEmpty { project.indicators[0].value = "≥\(copy)%" }
                return project
            }
        }
        let sequential = Validator.validate(department: large)
        #expect(sequential.count > 1200)
        #expect(Validator.validate(department: large, workers: 4) == sequential)
        #expect(Validator.validate(department: document, workers: 4) == Validator.validate(department: document))
    }
}
