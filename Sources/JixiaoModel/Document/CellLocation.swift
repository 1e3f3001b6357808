/// Says where a `CellPath` is in words a person uses: `项目 2「办公经费」· 指标第 3 行 · 指标值`
/// rather than `projects[p-office].indicators[r-cost].value`. Positions are counted from 1 in
/// the document as it is now; a path whose item no longer exists says so.
public enum CellLocation {
    /// One path. Finds its project and row by scanning: for many paths of one document use a
    /// `CellLocator`, which looks them up by id.
    public static func describe(_ path: CellPath, in document: DepartmentDocument) -> LocalizedText {
        describe(path, in: document,
                 projectPosition: { id in document.projects.firstIndex { $0.id == id } },
                 rowPosition: { project, id in project.indicators.firstIndex { $0.id == id } })
    }

    /// `projectPosition` and `rowPosition` give 0-based indices (nil: no such item).
    static func describe(_ path: CellPath, in document: DepartmentDocument,
                         projectPosition: (String) -> Int?,
                         rowPosition: @escaping (Project, String) -> Int?) -> LocalizedText {
        var zh: [String] = []
        var en: [String] = []
        var components = path.components[...]

        func take() -> CellPath.Component? { components.popFirst() }

        func position<T: Identifiable>(_ list: [T], _ id: String) -> Int? where T.ID == String {
            list.firstIndex { $0.id == id }.map { $0 + 1 }
        }

        func listItem<T: Identifiable>(_ list: [T], zhName: String, enName: String, unit: (String, String),
                                       find: ((String) -> Int?)? = nil) -> T? where T.ID == String {
            guard case .item(let id)? = take() else {
                zh.append(zhName); en.append(enName)
                return nil
            }
            if let n = find.map({ $0(id).map { $0 + 1 } }) ?? position(list, id) {
                zh.append("\(zhName) 第 \(n) \(unit.0)")
                en.append("\(enName) \(unit.1) \(n)")
                return list[n - 1]
            }
            zh.append("\(zhName)（已删除的条目 \(id)）")
            en.append("\(enName) (removed item \(id))")
            return nil
        }

        func describeProjectField(_ project: Project) {
            guard case .field(let field)? = take() else { return }
            switch field {
            case "goals":
                _ = listItem(project.goals, zhName: "绩效目标", enName: "goals", unit: ("条", "item"))
            case "indicators":
                if listItem(project.indicators, zhName: "指标", enName: "indicator", unit: ("行", "row"),
                            find: { rowPosition(project, $0) }) != nil,
                   case .field(let name)? = take(), let column = IndicatorRow.Column(rawValue: name) {
                    zh.append(column.chineseName); en.append(column.englishName)
                }
            case "spendingPlan":
                zh.append("资金支出计划"); en.append("spending plan")
                if case .field(let name)? = take() {
                    if let checkpoint = SpendingPlan.Checkpoint(rawValue: name) {
                        zh.append(checkpoint.chineseName); en.append("end of \(name)")
                    } else {
                        zh.append(name); en.append(name)
                    }
                }
            default:
                let names: [String: (String, String)] = [
                    "code": ("项目编码", "project code"), "name": ("项目名称", "project name"), "budget": ("预算数", "budget"),
                    "fiscalFunds": ("财政资金", "fiscal funds"), "otherFunds": ("其他资金", "other funds"), "purpose": ("资金用途", "purpose"),
                ]
                let label = names[field] ?? (field, field)
                zh.append(label.0); en.append(label.1)
            }
        }

        guard case .field(let top)? = take() else { return LocalizedText(zh: "整个文档", en: "whole document") }
        switch top {
        case "overallGoals":
            _ = listItem(document.overallGoals, zhName: "总体绩效目标", enName: "Overall goals", unit: ("条", "item"))
        case "safeguards":
            _ = listItem(document.safeguards, zhName: "工作保障措施", enName: "Safeguards", unit: ("条", "item"))
        case "subGoals":
            if listItem(document.subGoals, zhName: "分项绩效目标", enName: "Sub-goals", unit: ("项", "no.")) != nil,
               case .field(let name)? = take() {
                let names: [String: (String, String)] = [
                    "title": ("标题", "title"), "goal": ("绩效目标", "goal"), "indicatorText": ("绩效指标", "indicator text"),
                    "duty": ("职责", "duty"), "standard": ("绩效标准", "standard"),
                ]
                let label = names[name] ?? (name, name)
                zh.append(label.0); en.append(label.1)
            }
        case "projects":
            guard case .item(let id)? = take() else { zh.append("项目"); en.append("Projects"); break }
            guard let n = projectPosition(id).map({ $0 + 1 }) else {
                zh.append("已删除的项目 \(id)"); en.append("removed project \(id)")
                break
            }
            let project = document.projects[n - 1]
            let name = project.name.isEmpty ? "" : "「\(project.name)」"
            zh.append("项目 \(n)\(name)"); en.append("Project \(n)\(name)")
            describeProjectField(project)
        default:
            let names: [String: (String, String)] = [
                "unitCode": ("单位编码", "unit code"), "unitName": ("单位名称", "unit name"), "fiscalYear": ("预算年度", "budget year"),
                "moneyUnit": ("金额单位", "money unit"), "framework": ("指标体系", "indicator framework"), "status": ("状态", "status"),
            ]
            let label = names[top] ?? (top, top)
            zh.append(label.0); en.append(label.1)
        }

        return LocalizedText(zh: zh.joined(separator: " · "), en: en.joined(separator: " · "))
    }
}

/// Describes many paths of one document (every finding of a validation) in time linear in
/// their number: projects are looked up by id in a table built once, and rows in a table of the
/// last project asked about (findings come project by project).
public struct CellLocator {
    public let document: DepartmentDocument
    private let projects: [String: Int]
    private var rows: (project: String, positions: [String: Int])?

    public init(_ document: DepartmentDocument) {
        self.document = document
        var projects: [String: Int] = [:]
        projects.reserveCapacity(document.projects.count)
        // The first project with an id wins, as a scan from the start would find it.
        for (index, project) in document.projects.enumerated() where projects[project.id] == nil {
            projects[project.id] = index
        }
        self.projects = projects
    }

    public mutating func describe(_ path: CellPath) -> LocalizedText {
        var rows = self.rows
        defer { self.rows = rows }
        let projects = self.projects
        return CellLocation.describe(path, in: document, projectPosition: { projects[$0] }, rowPosition: { project, id in
            if rows?.project != project.id {
                var positions: [String: Int] = [:]
                positions.reserveCapacity(project.indicators.count)
                for (index, row) in project.indicators.enumerated() where positions[row.id] == nil { positions[row.id] = index }
                rows = (project.id, positions)
            }
            return rows?.positions[id]
        })
    }
}
