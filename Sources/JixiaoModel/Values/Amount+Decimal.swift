import Foundation

extension Amount {
    /// The same number as a Foundation `Decimal`, exactly: for comparing amounts in different
    /// money units (元 against 万元) without the `Int64` overflow a rescale could cause.
    var decimalValue: Decimal {
        Decimal(sign: significand < 0 ? .minus : .plus, exponent: -scale,
                significand: Decimal(significand.magnitude))
    }
}
