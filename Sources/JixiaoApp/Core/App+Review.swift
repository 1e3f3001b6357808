import JixiaoModel

/// Paging through submissions (Ctrl-N / Ctrl-P): Enter in the review queue starts a round over
/// the queue as it is shown then; each step closes the open department (asking first when it
/// has unsaved changes) and opens the next one in the document view, without going back to the
/// list. The round keeps its order while steps change statuses, so a returned submission can
/// still be paged back to.
public struct ReviewRound: Hashable, Sendable {
    public var ids: [String]
    public var index: Int

    public init(ids: [String], index: Int) {
        self.ids = ids
        self.index = index
    }
}

extension App {
    /// The screens a department opens on top of: the home screen, and the review queue when
    /// the department was opened from it (so leaving the department returns to the queue).
    var screenFloor: Int {
        (screens.lastIndex { $0 is ReviewQueueScreen } ?? 0) + 1
    }

    mutating func startReviewRound(ids: [String], index: Int) -> [AppEffect] {
        guard ids.indices.contains(index) else { return [] }
        reviewRound = ReviewRound(ids: ids, index: index)
        opensInDocumentView = true
        return [.openDepartment(id: ids[index])]
    }

    mutating func openSubmission(step: Int) -> [AppEffect] {
        guard var round = reviewRound, screens.contains(where: { $0 is ReviewQueueScreen }) else {
            message = StatusMessage(.review(.notFromQueue))
            return []
        }
        let current = session.flatMap { round.ids.firstIndex(of: $0.id) } ?? round.index
        let next = current + step
        guard round.ids.indices.contains(next) else {
            message = StatusMessage(.review(step > 0 ? .lastSubmission : .firstSubmission))
            return []
        }
        round.index = next
        reviewRound = round
        guard session != nil else { return startReviewRound(ids: round.ids, index: next) }
        pendingNavigation = round.ids[next]
        return requestClose()
    }
}
