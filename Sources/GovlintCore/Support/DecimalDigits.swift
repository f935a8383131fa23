/// A non-negative integer's decimal digits written as bytes, as `String(n)` writes them: for writers
/// that put numbers straight into byte buffers (CSS paths, report lines).
public enum DecimalDigits {
    /// How many digits `n` (≥ 0) has.
    @inline(__always) public static func count(_ n: Int) -> Int {
        var digits = 1
        var v = n
        while v >= 10 {
            v /= 10
            digits += 1
        }
        return digits
    }

    /// Writes the `digits` digits of `n` (≥ 0; `digits == count(n)`) from `out` on.
    @inline(__always) public static func write(_ n: Int, digits: Int, to out: UnsafeMutablePointer<UInt8>) {
        var v = n
        var k = digits - 1
        repeat {
            out[k] = UInt8(ascii: "0") + UInt8(v % 10)
            v /= 10
            k -= 1
        } while v > 0
    }
}
