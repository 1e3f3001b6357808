import Foundation
import JixiaoModel

/// A stored department and its findings.
public struct ValidatedDocument: Sendable {
    public var stored: StoredDocument
    public var findings: [Finding]
}

extension DocumentStore {
    /// Loads and validates each of `ids` on up to `workers` threads at once, and returns what
    /// `handle` makes of each, in the order of `ids`. `jixiao validate` over a whole store uses
    /// it (and the benchmark measures it): documents are independent and loading plus checking
    /// one is pure CPU work once its file is cached, so both cores of a small server share the
    /// work. `handle` runs on the worker threads.
    ///
    /// Stores may be used from several threads: the file store's reads are independent, the
    /// PostgreSQL store serialises its connection (there only the checks run in parallel).
    public func validateDocuments<T: Sendable>(
        _ ids: [String], settings: ValidationSettings = .standard,
        workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        _ handle: @Sendable (String, Result<ValidatedDocument, StoreError>) -> T
    ) -> [T] {
        let results = ResultSlots<T>(count: ids.count)
        let threads = max(1, min(workers, ids.count))
        @Sendable func work(_: Int) {
            while let index = results.claim() {
                let id = ids[index]
                let outcome: Result<ValidatedDocument, StoreError>
                do throws(StoreError) {
                    let stored = try load(id: id)
                    outcome = .success(ValidatedDocument(stored: stored,
                                                         findings: Validator.validate(department: stored.document,
                                                                                      settings: settings)))
                } catch {
                    outcome = .failure(error)
                }
                results.set(index, handle(id, outcome))
            }
        }
        if threads == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: threads, execute: work)
        }
        return results.collected()
    }
}

/// One slot per document, filled by whichever worker claimed it.
private final class ResultSlots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [T?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    /// The next unclaimed index, or nil when every document is taken.
    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = value
    }

    func collected() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
