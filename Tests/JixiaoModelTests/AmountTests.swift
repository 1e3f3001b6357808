import Testing
@testable import JixiaoModel

@Suite struct AmountTests {
    @Test func keepsDecimalsExactly() {
        let a = Amount(canonical: "130.97")!
        #expect(a.description == "130.97")
        #expect(Amount(canonical: "1052.87")! + Amount(canonical: "0")! == Amount(canonical: "1052.87")!)
        #expect((Amount(canonical: "0.1")! + Amount(canonical: "0.2")!).description == "0.3")
    }

    @Test func keepsScaleButComparesNumbers() {
        let a = Amount(canonical: "25.00")!
        #expect(a.description == "25.00")
        #expect(a == Amount(25))
        #expect(a.hashValue == Amount(25).hashValue)
        #expect(Amount(canonical: "9.5")! < Amount(canonical: "10")!)
    }

    @Test func canonicalRejectsTypedForms() {
        for bad in ["", ".", "1.", ".5", "1,000", "１２", "1e3", "--1", "12a", "0.1234567", "1234567890123456"] {
            #expect(Amount(canonical: bad) == nil, "\(bad)")
        }
        #expect(Amount(canonical: "-3.5")?.description == "-3.5")
        #expect(Amount(canonical: "0.05")?.description == "0.05")
    }

    @Test func typedAcceptsFullWidthAndSeparators() {
        #expect(Amount(typed: "１２３．５")?.description == "123.5")
        #expect(Amount(typed: " 1,052.87 ")?.description == "1052.87")
        #expect(Amount(typed: "abc") == nil)
    }

    @Test func sumsExactly() {
        let parts = ["46.5", "33.25", "0.25"].map { Amount(canonical: $0)! }
        #expect(parts.sum() == Amount(80))
    }
}
