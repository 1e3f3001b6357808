import JixiaoModel
import JixiaoStore

/// The departments the home screen lists, from the store's summary index. This is the only
/// place where the editor reads listings (the executable at start-up and for
/// `.listDepartments`, the benchmark); screens take them as plain values.
public enum DepartmentListingLoader {
    public struct Result: Sendable {
        public var listings: [DepartmentListing]
        /// One line per document the store could not use: `path: reason`.
        public var problems: [String]
    }

    public static func load(from store: some DocumentStore) throws(StoreError) -> Result {
        let listing = try store.list()
        let listings = listing.documents.map(listing(of:))
            .sorted { ($0.unitCode, $0.fiscalYear) < ($1.unitCode, $1.fiscalYear) }
        return Result(listings: listings, problems: listing.problems.map(\.description))
    }

    /// A summary as the home screen shows it. The index stores canonical strings; a value
    /// this build does not know shows as blank (budget) or draft (status) rather than failing.
    public static func listing(of summary: DocumentSummary) -> DepartmentListing {
        var listing = DepartmentListing(id: summary.id, unitCode: summary.unitCode, unitName: summary.unitName,
                          fiscalYear: summary.fiscalYear, status: ReviewStatus(rawValue: summary.status) ?? .draft,
                          projectCount: summary.projectCount, totalBudget: Amount(canonical: summary.totalBudget),
                          moneyUnit: MoneyUnit(rawValue: summary.moneyUnit) ?? .tenThousandYuan,
                          errorCount: summary.errorCount, warningCount: summary.warningCount,
                          savedBy: summary.savedBy, savedAt: summary.savedAt)
        listing.lastSubmittedBy = summary.lastSubmittedBy
        listing.lastSubmittedAt = summary.lastSubmittedAt
        return listing
    }
}
