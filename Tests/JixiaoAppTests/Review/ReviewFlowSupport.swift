import Foundation
import JixiaoModel
import JixiaoSamples
@testable import JixiaoApp

/// Shared set-up of the review tests: the sample departments in a `FakeStore`, an app at
/// 80×24 on a fixed clock, and the identity and policy a test asks for.
enum ReviewFlow {
    static let clock = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T…Z
    static var stamp: String { ReviewTimestamp.string(from: clock) }

    static func sample(_ id: String) -> DepartmentDocument {
        try! SampleDepartments.document(named: "\(id).json")
    }

    /// `documents` in a store, the app on its home screen as `user`.
    static func harness(_ documents: [DepartmentDocument], user: String = "zhang", groups: Set<String> = [],
                        policy: AccessPolicy = .singleUser, size: Size = Size(width: 80, height: 24)) -> EditorFlowTests.Harness {
        let store = FakeStore()
        for document in documents { store.put(document) }
        var h = EditorFlowTests.Harness(store: store, size: size)
        h.app.environment.identity = Identity(user: user, groups: groups)
        h.app.environment.policy = policy
        h.app.environment.now = { clock }
        return h
    }

    /// Opens the department with this id from the home screen.
    static func open(_ id: String, in h: inout EditorFlowTests.Harness) {
        guard let index = h.home?.visible.firstIndex(where: { $0.id == id }) else { return }
        h.press(KeyEvent(.home))
        for _ in 0..<index { h.press(KeyEvent(.down)) }
        h.press(KeyEvent(.enter))
    }

    /// A copy of `document` with a review log ending in a submission at `time` by `user`.
    static func submitted(_ document: DepartmentDocument, at time: String, by user: String = "office01") -> DepartmentDocument {
        var copy = document
        copy.status = .submitted
        copy.reviewLog = [ReviewEvent(action: .submit, user: user, time: time, revision: 1)]
        return copy
    }
}

extension EditorFlowTests.Harness {
    /// Presses each key after the effects of the one before have come back, as a user types.
    mutating func keys(_ keys: KeyEvent...) { for key in keys { press(key) } }

    var documentView: DocumentViewScreen? { app.currentScreen as? DocumentViewScreen }
    var queue: ReviewQueueScreen? { app.screens.compactMap { $0 as? ReviewQueueScreen }.first }
    var messageText: String? { app.message.map { app.environment.strings[$0.id] } }
}
