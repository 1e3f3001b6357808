/// How many columns the terminal gives to East Asian *ambiguous* characters such as
/// `≥ ≤ “ ” … — · ① → √ ×`: one in most Western set-ups and in glibc's `wcwidth`, two in
/// terminals configured for CJK. The setting is carried by every width computation, so layout,
/// clipping and the line editor agree with what the terminal really draws.
public enum AmbiguousWidth: Int, Sendable, Hashable, CaseIterable {
    case narrow = 1
    case wide = 2
}
