import Foundation
import JixiaoInterchange
import JixiaoModel
import JixiaoStore

/// The store operations the interchange commands use.
protocol InterchangeStore {
    /// The department's current document and revision; `nil` when no department has this id.
    func current(id: String) throws -> (document: DepartmentDocument, revision: Int)?
    /// Saves `document` against revision `base` (0 creates the department). Returns the new
    /// revision, or `nil` when someone saved first (nothing was written).
    func save(_ document: DepartmentDocument, base: Int) throws -> Int?
}

/// Why the store could not be used.
struct InterchangeStoreError: Error, CustomStringConvertible {
    var chinese: String
    var english: String
    var description: String { "\(chinese) (\(english))" }
}

enum InterchangeStoreAdapter {
    /// Opens the store the `--store` options name (or the default location).
    static func open(_ options: StoreOptions) throws -> InterchangeStore {
        DocumentStoreInterchange(store: try options.open())
    }

    /// Saves an imported document as a new revision of its department (see `ImportRevision.save`).
    static func saveImported(_ imported: DepartmentDocument, in store: InterchangeStore) throws -> ImportRevision.Saved {
        let saved = try ImportRevision.save(imported, current: { (id: String) throws -> (document: DepartmentDocument, revision: Int)? in
            try store.current(id: id)
        }, save: { (document: DepartmentDocument, base: Int) throws -> Int? in
            try store.save(document, base: base)
        })
        guard let saved else {
            throw InterchangeStoreError(chinese: "文档库中这个部门一直在被别人保存，请稍后再导入",
                                        english: "others keep saving this department; import again later")
        }
        return saved
    }
}

/// The interchange operations over any `DocumentStore` backend.
struct DocumentStoreInterchange: InterchangeStore {
    let store: any DocumentStore

    /// The stored document prepared for an edit by this user (`ReviewWorkflow.prepareForEdit`),
    /// so an import keeps the review log and comments, reopens a returned document and is
    /// refused for a submitted or approved one under an access configuration.
    func current(id: String) throws -> (document: DepartmentDocument, revision: Int)? {
        let stored: StoredDocument
        do {
            stored = try store.load(id: id)
        } catch .notFound {
            return nil
        }
        do {
            let prepared = try ReviewWorkflow.prepareForEdit(stored.document, by: store.identity, policy: try store.accessPolicy(),
                                                             at: ReviewTimestamp.string(from: Date()), revision: stored.revision)
            return (prepared, stored.revision)
        } catch let refusal as ReviewRefusal {
            throw StoreError.refused(id: id, refusal)
        }
    }

    func save(_ document: DepartmentDocument, base: Int) throws -> Int? {
        switch try store.save(document, base: base) {
        case .saved(let revision): revision
        case .conflict: nil
        }
    }
}
