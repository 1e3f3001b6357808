import Foundation
import JixiaoInterchange
import JixiaoModel

// MARK: - STORE WIRING POINT (for the lead engineer)
//
// `import` (without --dry-run) and `export ID` need exactly two store operations, declared in
// `InterchangeStore` below. This branch was written before JixiaoStore landed, so
// `InterchangeStoreAdapter.open` reports that the store is not wired. To wire it after merging
// the `store` branch, implement `InterchangeStore` over `FileDocumentStore`:
//
//   current(id:)   → `try store.load(id:)` → `(stored.document, stored.revision)`;
//                    return nil when the store reports that no document has this id.
//   save(_:base:)  → `try store.save(document, base: base)`;
//                    `.saved(let revision)` → revision, `.conflict` → nil (the caller reloads
//                    and retries on the new revision).
//
// and make `open(directory:)` resolve the directory as `StoreOptions.open()` does (or replace
// the `--store` options of ImportCommand/ExportCommand with `@OptionGroup var store: StoreOptions`).

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
    /// Opens the store at `directory` (or the default location).
    static func open(directory: String?) throws -> InterchangeStore {
        _ = directory
        throw InterchangeStoreError(
            chinese: "此版本尚未接通文档库；请用 --dry-run 检查导入，或用 export --file 导出 JSON 文件",
            english: "the document store is not wired into this build yet; use --dry-run to check an import, or export --file for a JSON file")
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
