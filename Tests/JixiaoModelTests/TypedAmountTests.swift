import Testing
@testable import JixiaoModel

@Suite struct TypedAmountTests {
    @Test func percentagesInTheFormsTheSeedsAndExcelShow() throws {
        for typed in ["25.00%", "25%", "２５％", "25.0", " 25 ％ ", "２５．００%"] {
            let value = try TypedAmount.percent(typed).get()
            #expect(value == Amount(25), "\(typed)")
        }
        // The decimals typed are kept, as for amounts.
        #expect(try TypedAmount.percent("25.00%").get().description == "25.00")
        #expect(try TypedAmount.percent("２５％").get().description == "25")
    }

    @Test func aPercentageRefusesWordsAndMoneyUnits() {
        #expect(TypedAmount.percent("二十五%") == .failure(.notANumber))
        #expect(TypedAmount.percent("%") == .failure(.notANumber))
        #expect(TypedAmount.percent("30万元") == .failure(.unitInPercent(.tenThousandYuan)))
        #expect(TypedAmount.percent("30元") == .failure(.unitInPercent(.yuan)))
    }

    @Test func anAmountTakesTheDocumentsOwnUnit() throws {
        #expect(try TypedAmount.amount("130.97万元", unit: .tenThousandYuan).get().description == "130.97")
        #expect(try TypedAmount.amount("１３０．９７ 万元", unit: .tenThousandYuan).get().description == "130.97")
        #expect(try TypedAmount.amount("130.97万", unit: .tenThousandYuan).get().description == "130.97")
        #expect(try TypedAmount.amount("1,309,700元", unit: .yuan).get().description == "1309700")
        #expect(try TypedAmount.amount("130.97", unit: .yuan).get().description == "130.97")
    }

    @Test func anAmountRefusesAnotherUnitInsteadOfConvertingIt() {
        #expect(TypedAmount.amount("130.97元", unit: .tenThousandYuan)
            == .failure(.unitMismatch(typed: .yuan, expected: .tenThousandYuan)))
        #expect(TypedAmount.amount("130.97万元", unit: .yuan)
            == .failure(.unitMismatch(typed: .tenThousandYuan, expected: .yuan)))
        #expect(TypedAmount.amount("25%", unit: .tenThousandYuan) == .failure(.percentInAmount))
        // A unit after something that is not a number is still "not a number".
        #expect(TypedAmount.amount("一百万元", unit: .tenThousandYuan) == .failure(.notANumber))
        #expect(TypedAmount.amount("", unit: .tenThousandYuan) == .failure(.notANumber))
    }
}
