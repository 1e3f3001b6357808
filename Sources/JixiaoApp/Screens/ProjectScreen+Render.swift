import JixiaoModel

extension ProjectScreen {
    public func render(into buffer: inout Buffer, area: Rect, context: ViewContext) {
        let theme = context.theme
        guard let project = project(in: context.session) else {
            buffer.write(context.strings[.project(.projectGone)], x: area.x + 1, y: area.y, maxWidth: area.width - 2,
                         style: theme[.dim])
            return
        }
        let findings = findings(in: context.session)
        let regions = regions(in: area, project: project)
        if focus == .header {
            header.renderForm(project, into: &buffer, area: regions.header, context: context)
        } else {
            header.renderSummary(project, findings: FindingCounts(findings), into: &buffer, area: regions.header,
                                 context: context)
        }
        let shown = gridForDrawing(context)
        let headerCursor = buffer.cursor
        shown.render(into: &buffer, area: regions.grid, context: context, focused: focus == .grid)
        if focus != .grid { buffer.cursor = headerCursor }
        renderFeedback(project: project, grid: shown, findings: findings, into: &buffer, area: regions.feedback,
                       gridWidth: regions.grid.width, context: context)
        if let panel = regions.findings {
            renderFindings(findings, document: context.session?.document, into: &buffer, area: panel, context: context)
        }
    }

    /// The line under the grid: for 指标值 what was understood (live while typing); for other
    /// cells their full text when it does not fit the column; and the first finding on the
    /// cell. Left blank otherwise, so a cursor move sends few bytes.
    func renderFeedback(project: Project, grid: IndicatorGrid, findings: [Finding], into buffer: inout Buffer,
                        area: Rect, gridWidth: Int, context: ViewContext) {
        guard area.height > 0 else { return }
        let theme = context.theme
        let strings = context.strings
        let english = strings.language == .english
        var text: String
        var style = theme[.dim]
        var path: CellPath?
        switch focus {
        case .header:
            let field = header.selectedField(in: project)
            switch field {
            case .budget, .fiscalFunds, .otherFunds:
                let check = ProjectHeaderForm.budgetCheck(project)
                text = strings[.project(check.text)]
                if !check.ok { style = theme[.error] }
            default:
                // The whole text when the form clips it (long names, paragraphs, goals).
                let full = header.editor?.text ?? ProjectHeaderForm.text(of: field, in: project)
                text = context.metrics.width(of: full) > min(60, area.width - 14) ? full : ""
                if text.isEmpty, ProjectHeaderForm.isListItem(field) {
                    // In a list, how to add to it: the keys are not obvious, and Enter continues.
                    text = strings[.project(header.isEditing ? .listEditHint : .listHint)]
                }
            }
        case .grid, .findings:
            guard let row = grid.currentRow else {
                buffer.write("", x: area.x, y: area.y, width: area.width, style: style)
                return
            }
            path = grid.currentPath
            let cell = grid.currentText
            if grid.column == .value {
                let value = TargetValue(cell)
                let summary = english ? value.summary.en : value.summary.zh
                if case .notUnderstood = value.meaning {
                    text = strings[.project(.valueNotUnderstood(summary))]
                    style = theme[.error]
                } else {
                    text = strings[.project(.valueUnderstood(summary))]
                }
            } else {
                let slot = GridLayout.make(width: gridWidth, firstColumnHint: grid.firstColumn,
                                           cursorColumn: grid.columnIndex).slot(for: grid.column)
                let clipped = context.metrics.width(of: cell) > (slot?.width ?? 0)
                let name = english ? grid.column.englishName : grid.column.chineseName
                text = grid.isEditing || clipped ? strings[.project(.cellText(column: name, text: cell))] : ""
            }
            // A finding is about the stored value, not the text being typed.
            if grid.isEditing || grid.marker(row: row.id, column: grid.column) == nil { path = nil }
        }
        // The drawn grid (synced with the session), not the screen's own, which may lag a frame.
        let target = focus == .header ? header.path(of: header.selectedField(in: project)) : grid.currentPath
        if !grid.isEditing && header.editor == nil, let target,
           let document = context.session?.document,
           let line = CommentText.statusLine(document.openComments(on: target), strings, times: context.environment.times) {
            // A comment on the cell says more than its text: it takes the line.
            buffer.write(" " + line, x: area.x, y: area.y, width: area.width, style: theme[.comment])
            return
        }
        if let path, let finding = findings.first(where: { $0.path == path }) {
            text += (text.isEmpty ? "" : "  ") + IndicatorGrid.markerGlyph(finding.severity) + " "
                + (english ? finding.message.en : finding.message.zh)
            if finding.severity == .error { style = theme[.error] }
        }
        buffer.write(" " + text, x: area.x, y: area.y, width: area.width, style: style)
    }

    /// Where a finding is, shortly: `第 3 行 · 指标值` for a grid cell, else the location words.
    static func shortLocation(_ path: CellPath, project: Project, document: DepartmentDocument?, english: Bool) -> String {
        if let rowID = path.indicatorRowID, let index = project.indicators.firstIndex(where: { $0.id == rowID }) {
            let column = path.lastField.flatMap(IndicatorRow.Column.init(rawValue:))
            let name = column.map { english ? $0.englishName : $0.chineseName } ?? ""
            return english ? "row \(index + 1) \(name)" : "第\(index + 1)行 \(name)"
        }
        guard let document else { return path.description }
        let words = CellLocation.describe(path, in: document)
        let text = english ? words.en : words.zh
        // Drop the project part: the screen is about this project.
        let parts = text.components(separatedBy: " · ")
        return parts.count > 1 ? parts.dropFirst().joined(separator: " · ") : text
    }

    func renderFindings(_ findings: [Finding], document: DepartmentDocument?, into buffer: inout Buffer, area: Rect,
                        context: ViewContext) {
        let theme = context.theme
        let strings = context.strings
        let english = strings.language == .english
        let titleStyle = focus == .findings ? theme[.title] : theme[.header]
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: titleStyle)
        buffer.write(" " + strings[.project(.findingsTitle(findings.count))], x: area.x, y: area.y, width: area.width,
                     style: titleStyle)
        guard let project = document?.projects.first(where: { $0.id == projectID }) else { return }
        if findings.isEmpty {
            buffer.write(" " + strings[.project(.noFindings)], x: area.x, y: area.y + 1, width: area.width,
                         style: theme[.dim])
            return
        }
        let visible = max(1, area.height - 1)
        let top = IndicatorGrid.scroll(top: findingScroll, cursor: findingSelection, visible: visible, count: findings.count)
        for (line, i) in (top..<min(findings.count, top + visible)).enumerated() {
            let finding = findings[i]
            let location = Self.shortLocation(finding.path, project: project, document: document, english: english)
            let text = " " + IndicatorGrid.markerGlyph(finding.severity) + " " + location + "  "
                + (english ? finding.message.en : finding.message.zh)
            var style = IndicatorGrid.markerStyle(finding.severity, theme)
            if focus == .findings && i == findingSelection { style = theme[.selected] }
            buffer.write(text, x: area.x, y: area.y + 1 + line, width: area.width, style: style)
        }
    }
}
