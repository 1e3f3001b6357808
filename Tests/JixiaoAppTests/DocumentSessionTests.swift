import JixiaoModel
import JixiaoSamples
import JixiaoStore
import Testing
@testable import JixiaoApp

@Suite struct DocumentSessionTests {
    static func document() -> DepartmentDocument {
        var row1 = IndicatorRow(id: "r-1", level1: "产出指标", level2: "数量指标", name: "培训人次", value: "≥100人次")
        row1.basis = "计划标准"
        let project = Project(id: "p-1", code: "P001", name: "办公经费", budget: Amount(canonical: "10.00"),
                              fiscalFunds: Amount(canonical: "10.00"), otherFunds: nil, purpose: "日常办公",
                              goals: [TextItem(id: "pg-1", text: "保障运转")],
                              indicators: [row1, IndicatorRow(id: "r-2", level1: "效益指标", name: "满意度", value: "≥90%")])
        return DepartmentDocument(fiscalYear: 2024, unitCode: "441001", unitName: "西山街道",
                                  overallGoals: [TextItem(id: "t-1", text: "第一条"), TextItem(id: "t-2", text: "第二条")],
                                  subGoals: [SubGoal(id: "g-1", title: "党建", goal: "加强党建", indicatorText: "覆盖率100%")],
                                  safeguards: [TextItem(id: "s-1", text: "加强领导")],
                                  projects: [project])
    }

    static func session(_ document: DepartmentDocument = document(), revision: Int = 3) -> DocumentSession {
        DocumentSession(stored: StoredDocument(document: document, revision: revision))
    }

    @Test func setUpdatesTheDocumentAndUndoRedoRestore() throws {
        var session = Self.session()
        #expect(!session.isDirty)
        try session.apply([.set(CellPath.field("overallGoals").item("t-1").field("text"), .text("改过的第一条"))], label: "编辑")
        #expect(session.document.overallGoals[0].text == "改过的第一条")
        #expect(session.isDirty)
        let undone = session.undo()
        #expect(undone?.label == "编辑")
        #expect(session.document == Self.document())
        #expect(!session.isDirty)
        _ = session.redo()
        #expect(session.document.overallGoals[0].text == "改过的第一条")
        #expect(session.undo() != nil && session.undo() == nil)
    }

    @Test func structuralEditsAndTheirInversesRoundTrip() throws {
        var session = Self.session()
        let original = session.document
        let goals = CellPath.field("overallGoals")
        let rows = CellPath.project("p-1").field("indicators")
        let steps: [[CellEdit]] = [
            [.insert(list: goals, item: DocumentTree.item(TextItem(id: "t-3", text: "第三条")), after: "t-1")],
            [.move(goals.item("t-2"), after: nil)],
            [.delete(goals.item("t-1"))],
            [.insert(list: rows, item: DocumentTree.item(IndicatorRow(id: "r-3", name: "新指标")), after: nil)],
            [.move(rows.item("r-1"), after: "r-2"), .delete(rows.item("r-3"))],
            [.set(CellPath.indicator(project: "p-1", row: "r-2", column: .value), .text("≥95%"))],
            [.set(CellPath.project("p-1", "budget"), .text("12.50")), .set(CellPath.field("unitName"), .text("东山街道"))],
            [.insert(list: .field("projects"), item: DocumentTree.item(Project(id: "p-2", name: "新项目")), after: "p-1")],
            [.move(CellPath.project("p-2"), after: nil)],
            [.delete(CellPath.project("p-1"))],
            [.set(CellPath.project("p-2").field("spendingPlan").field("june"), .text("5"))],
        ]
        var expected = original
        var snapshots = [original]
        for edits in steps {
            try session.apply(edits, label: "step")
            // The scoped fast paths agree with replaying the edits on the whole tree.
            expected = try expected.applying(edits)
            #expect(session.document == expected, "after \(edits)")
            snapshots.append(expected)
        }
        for snapshot in snapshots.reversed().dropFirst() {
            _ = session.undo()
            #expect(session.document == snapshot)
        }
        #expect(session.document == original)
        for snapshot in snapshots.dropFirst() {
            _ = session.redo()
            #expect(session.document == snapshot)
        }
    }

    @Test func aFailingEditChangesNothing() {
        var session = Self.session()
        #expect(throws: (any Error).self) {
            try session.apply([.set(CellPath.field("unitName"), .text("新")), .delete(CellPath.field("overallGoals").item("nope"))],
                              label: "bad")
        }
        #expect(session.document == Self.document())
        #expect(!session.canUndo)
        #expect(throws: (any Error).self) {
            try session.apply([.set(CellPath.field("fiscalYear"), .text("二〇二四"))], label: "bad year")
        }
        #expect(session.document == Self.document())
    }

    @Test func journalEffectsBeginOnceThenAppendAndBeginAgainAfterASave() throws {
        var session = Self.session()
        let path = CellPath.field("safeguards").item("s-1").field("text")
        let first = try session.apply([.set(path, .text("一"))], label: "a")
        let second = try session.apply([.set(path, .text("二"))], label: "b")
        guard case .journalEdits(let a) = first, case .journalEdits(let b) = second else {
            Issue.record("expected journal effects")
            return
        }
        #expect(a.beginsJournal && !b.beginsJournal)
        #expect(a.base.revision == 3 && a.edits == [.set(path, .text("一"))])
        // Undo is journaled too, so replaying the journal gives what the user sees.
        guard case .journalEdits(let u)? = session.undo()?.effect else {
            Issue.record("expected a journal effect for undo")
            return
        }
        #expect(u.edits == [.set(path, .text("一"))] && !u.beginsJournal)
        #expect(session.saveEffect == .saveDepartment(session.document, baseRevision: 3))
        session.didSave(session.document, revision: 4, savedBy: nil, savedAt: nil)
        #expect(!session.isDirty)
        guard case .journalEdits(let c) = try session.apply([.set(path, .text("三"))], label: "c") else { Issue.record("apply should ask for a journal effect"); return }
        #expect(c.beginsJournal && c.base.revision == 4)
    }

    @Test func backAtTheStoredDocumentTheJournalIsRemovedNotAppendedTo() throws {
        var session = Self.session()
        let path = CellPath.indicator(project: "p-1", row: "r-1", column: .name)
        guard case .journalEdits(let first) = try session.apply([.set(path, .text("培训人数"))], label: "a") else {
            Issue.record("expected a journal effect"); return
        }
        #expect(first.beginsJournal)
        // Undo to the saved state: nothing differs, so no draft is left to offer.
        #expect(session.undo()?.effect == .discardDraft(id: session.id))
        // Redo starts a fresh journal holding only the redo.
        guard case .journalEdits(let redone)? = session.redo()?.effect else { Issue.record("expected a journal effect"); return }
        #expect(redone.beginsJournal && redone.edits == [.set(path, .text("培训人数"))])
        // Typing the old value back counts the same as undo.
        #expect(try session.apply([.set(path, .text("培训人次"))], label: "b") == .discardDraft(id: session.id))
        #expect(session.lastJournaledPath == nil)
        guard case .journalEdits(let again) = try session.apply([.set(path, .text("培训场次"))], label: "c") else {
            Issue.record("expected a journal effect"); return
        }
        #expect(again.beginsJournal && again.edits == [.set(path, .text("培训场次"))])
        #expect(session.lastJournaledPath == path)
    }

    @Test func afterAFailedWriteTheNextJournalEffectRewritesEveryEdit() throws {
        var session = Self.session()
        let a = CellEdit.set(CellPath.field("unitName"), .text("东山街道"))
        let b = CellEdit.set(CellPath.field("safeguards").item("s-1").field("text"), .text("压实责任"))
        let c = CellEdit.set(CellPath.indicator(project: "p-1", row: "r-2", column: .value), .text("≥95%"))
        let d = CellEdit.set(CellPath.project("p-1", "purpose"), .text("会议与培训"))
        try session.apply([a], label: "a")
        try session.apply([b], label: "b")
        session.journalWriteFailed()
        #expect(session.journalBehind)
        guard case .journalEdits(let rewrite) = try session.apply([c], label: "c") else { Issue.record("expected a journal effect"); return }
        #expect(rewrite.beginsJournal && rewrite.repairs)
        #expect(rewrite.base.revision == 3 && rewrite.edits == [a, b, c])
        #expect(try rewrite.base.document.applying(rewrite.edits) == session.document)
        // Still behind until the rewrite is confirmed: a second failure keeps rewriting.
        guard case .journalEdits(let second) = try session.apply([d], label: "d") else { Issue.record("expected a journal effect"); return }
        #expect(second.repairs && second.edits == [a, b, c, d])
        session.journalRepaired()
        #expect(!session.journalBehind)
        guard case .journalEdits(let next)? = session.undo()?.effect else { Issue.record("expected a journal effect"); return }
        #expect(!next.beginsJournal && !next.repairs && next.edits == [.set(CellPath.project("p-1", "purpose"), .text("日常办公"))])
        // A save leaves nothing for the journal to hold, whatever happened to it.
        session.journalWriteFailed()
        session.didSave(session.document, revision: 4, savedBy: nil, savedAt: nil)
        #expect(!session.journalBehind)
        guard case .journalEdits(let fresh) = try session.apply([d], label: "d") else { Issue.record("expected a journal effect"); return }
        #expect(fresh.beginsJournal && !fresh.repairs && fresh.edits == [d] && fresh.base.revision == 4)
    }

    @Test func mergeOfDifferentCellsHasNoConflictAndKeepsBoth() throws {
        var session = Self.session()
        try session.apply([.set(CellPath.field("overallGoals").item("t-1").field("text"), .text("我的"))], label: "mine")
        let theirs = try Self.document().applying([.set(CellPath.field("overallGoals").item("t-2").field("text"), .text("他的"))])
        let merge = session.merge(with: StoredDocument(document: theirs, revision: 4))
        #expect(merge.conflicts.isEmpty)
        #expect(session.document.overallGoals.map(\.text) == ["我的", "他的"])
        #expect(session.base.revision == 4)
        #expect(session.isDirty)
        #expect(session.saveEffect == .saveDepartment(session.document, baseRevision: 4))
    }

    @Test func sameCellConflictsAndTheirsCanBeChosen() throws {
        var session = Self.session()
        let path = CellPath.field("overallGoals").item("t-1").field("text")
        try session.apply([.set(path, .text("我的")), .set(CellPath.field("unitName"), .text("我的名称"))], label: "mine")
        let theirs = try Self.document().applying([.set(path, .text("他的")), .set(CellPath.field("unitName"), .text("他的名称"))])
        let merge = session.merge(with: StoredDocument(document: theirs, revision: 4))
        #expect(merge.conflicts.map(\.path) == [path, CellPath.field("unitName")].sorted())
        try session.takeTheirs(merge.conflicts.filter { $0.path == path })
        #expect(session.document.overallGoals[0].text == "他的")
        #expect(session.document.unitName == "我的名称")
    }

    @Test(arguments: [false, true])
    func deletedOnOneSideChangedOnTheOtherFollowsTheChoice(_ takeTheirs: Bool) throws {
        let goal = CellPath.field("overallGoals").item("t-1")
        // I delete the item, they change it.
        var session = Self.session()
        try session.apply([.delete(goal)], label: "delete")
        let changed = try Self.document().applying([.set(goal.field("text"), .text("他改的"))])
        var merge = session.merge(with: StoredDocument(document: changed, revision: 4))
        #expect(merge.conflicts.map(\.path) == [goal.field("text")])
        try session.resolve(merge.conflicts, takeTheirs: [takeTheirs])
        #expect(session.document.overallGoals.map(\.text) == (takeTheirs ? ["他改的", "第二条"] : ["第二条"]))

        // I change the item, they delete it.
        session = Self.session()
        try session.apply([.set(goal.field("text"), .text("我改的"))], label: "edit")
        let deleted = try Self.document().applying([.delete(goal)])
        merge = session.merge(with: StoredDocument(document: deleted, revision: 4))
        try session.resolve(merge.conflicts, takeTheirs: [takeTheirs])
        #expect(session.document.overallGoals.map(\.text) == (takeTheirs ? ["第二条"] : ["我改的", "第二条"]))
    }

    @Test func findingsFollowEditsPerProject() throws {
        var session = Self.session()
        let before = session.findings(forProject: "p-1")
        try session.apply([.set(CellPath.project("p-1", "budget"), .text("99.00"))], label: "budget")
        // Budget no longer equals fiscal + other: the project's findings change.
        #expect(session.findings(forProject: "p-1") != before)
        #expect(session.findings == Validator.validate(department: session.document))
        _ = session.undo()
        #expect(session.findings(forProject: "p-1") == before)
    }

    @Test func sampleDepartmentsReplayEditsLikeTheTree() throws {
        for document in try SampleDepartments.all() {
            var session = Self.session(document)
            var expected = document
            for project in document.projects.prefix(3) {
                for row in project.indicators.prefix(3) {
                    let edit = CellEdit.set(CellPath.indicator(project: project.id, row: row.id, column: .value), .text(row.value + "!"))
                    try session.apply([edit], label: "cell")
                    expected = try expected.applying([edit])
                }
            }
            #expect(session.document == expected)
            #expect(session.findings == Validator.validate(department: expected))
        }
    }
}
