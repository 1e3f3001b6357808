import Foundation
import JixiaoModel
@testable import JixiaoSamples
import Testing

@Suite("Sample departments")
struct SampleDepartmentsTests {
    @Test("the source folder holds exactly the listed files, and each is compiled in")
    func resourceFolderMatchesList() throws {
        // Tests/JixiaoSamplesTests/ → Sources/JixiaoSamples/Departments
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/JixiaoSamples/Departments")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == SampleDepartments.fileNames.sorted())
        #expect(Set(SampleDepartments.embedded.keys) == Set(names), "Package.swift embeds every file")
        for name in names {
            let onDisk = try Data(contentsOf: directory.appendingPathComponent(name))
            #expect(try SampleDepartments.data(named: name) == onDisk, "\(name): the compiled-in bytes are the file's")
        }
        #expect(throws: SampleDepartments.LoadError.self) { try SampleDepartments.data(named: "nope.json") }
    }

    @Test("every sample is canonical: decode then encode gives the shipped bytes")
    func canonicalBytes() throws {
        for name in SampleDepartments.fileNames {
            let shipped = try SampleDepartments.data(named: name)
            let document = try DocumentCodec.decode(shipped)
            let encoded = DocumentCodec.encode(document)
            if encoded != shipped {
                // Print the canonical form so a hand edit can be fixed by pasting it.
                print("canonical form of \(name):\n" + String(decoding: encoded, as: UTF8.self))
            }
            #expect(encoded == shipped, "\(name) is not in canonical form")
            #expect(name == document.id + ".json", "file name follows the department id")
        }
    }

    @Test("the samples cover what the browser and the findings views need")
    func coverage() throws {
        let all = try SampleDepartments.all()
        let projects = all.flatMap(\.projects)
        #expect(all.count >= 3)
        #expect(projects.count >= 20)
        #expect(Set(all.map(\.moneyUnit)) == Set(MoneyUnit.allCases))
        #expect(Set(all.map(\.framework)) == Set(FrameworkEdition.allCases))
        #expect(Set(projects.map(\.spendingPlan.mode)) == Set(SpendingPlan.Mode.allCases))
        #expect(projects.contains { $0.otherFunds == nil }, "some 其他资金 left blank")
        #expect(all.flatMap(\.subGoals).contains { $0.duty != nil && $0.standard != nil })
        // 2021 departments file cost as a level 1.
        for department in all where department.framework == .guidance2021 {
            #expect(department.projects.allSatisfy { $0.indicators.contains { $0.level1 == IndicatorFramework.cost } })
        }
        for department in all {
            #expect(department.fiscalYear == 2024)
            #expect(department.unitName.hasPrefix("示例市青湖区"), "fictional unit names only")
            #expect(department.unitCode.hasPrefix("9"), "fictional unit codes start with 9")
            for project in department.projects {
                #expect(!project.goals.isEmpty && project.indicators.count >= 5, "\(project.name) is filled in")
            }
        }
    }

    @Test("ids are unique: departments, projects across all samples, and within every list")
    func uniqueIDs() throws {
        let all = try SampleDepartments.all()
        #expect(Set(all.map(\.id)).count == all.count)
        let projectIDs = all.flatMap { $0.projects.map(\.id) }
        #expect(Set(projectIDs).count == projectIDs.count)
        let codes = all.flatMap { $0.projects.map(\.code) }
        #expect(Set(codes).count == codes.count)
        for department in all {
            #expect(allUnique(department.overallGoals.map(\.id) + department.safeguards.map(\.id)))
            #expect(allUnique(department.subGoals.map(\.id)))
            for project in department.projects {
                #expect(allUnique(project.goals.map(\.id)))
                #expect(allUnique(project.indicators.map(\.id)))
                #expect((project.goals.map(\.id) + project.indicators.map(\.id)).allSatisfy(StableID.isValid))
            }
        }
    }

    /// The defects are deliberate (docs/samples.md); a change to the samples or to the rules
    /// that moves these numbers must update them on purpose.
    @Test("findings per department are pinned")
    func pinnedFindings() throws {
        let expected: [String: (counts: FindingCounts, rules: [String])] = [
            "900101-2024": (FindingCounts(errors: 0, warnings: 1, notices: 3),
                            ["value.notUnderstood", "wording.vague", "wording.vague", "wording.vague"]),
            "900102-2024": (FindingCounts(errors: 2, warnings: 5, notices: 3),
                            ["budget.sum", "deadline.year", "framework.alias", "name.duplicate", "plan.end",
                             "row.recommended", "satisfaction.low", "value.notUnderstood",
                             "wording.vague", "wording.vague"]),
            "900201-2024": (FindingCounts(errors: 0, warnings: 2, notices: 2),
                            ["cost.unit", "cost.unit", "wording.vague", "wording.vague"]),
        ]
        let all = try SampleDepartments.all()
        #expect(Set(all.map(\.id)) == Set(expected.keys))
        for department in all {
            let findings = Validator.validate(department: department)
            let counts = FindingCounts(findings)
            if let pinned = expected[department.id] {
                #expect(counts == pinned.counts, "\(department.id): \(findings.map(\.description).joined(separator: "\n"))")
                #expect(findings.map(\.ruleID).sorted() == pinned.rules, "\(department.id)")
            }
        }
    }

    @Test("only the returned department has errors")
    func errorsOnlyWhereReturned() throws {
        for department in try SampleDepartments.all() {
            let errors = FindingCounts(Validator.validate(department: department)).errors
            #expect((errors > 0) == (department.status == .returned), "\(department.id)")
        }
    }

    @Test("an unknown sample name is a clear error")
    func missingSample() {
        #expect(throws: SampleDepartments.LoadError.self) { try SampleDepartments.document(named: "no-such.json") }
    }

    private func allUnique(_ ids: [String]) -> Bool { Set(ids).count == ids.count }
}
