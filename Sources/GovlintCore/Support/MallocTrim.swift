import Foundation

/// glibc's `malloc_trim(0)`, looked up at run time (it is not in the Glibc module; other C libraries lack it).
enum MallocTrim {
    private typealias Function = @convention(c) (Int) -> Int32
    private static let function: Function? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
        #else
        return nil
        #endif
    }()

    /// Returns the free memory of every malloc arena to the system; does nothing where there is no `malloc_trim`.
    static func run() { _ = function?(0) }
}
