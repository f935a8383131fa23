import Foundation

/// C library functions looked up at run time: glibc functions the Glibc module does not declare, which other
/// C libraries may lack.
enum CFunction {
    /// The function named `name` as type `F` (a `@convention(c)` function type), or nil where there is none.
    static func lookup<F>(_ name: String, as: F.Type) -> F? {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(symbol, to: F.self)
        #else
        return nil
        #endif
    }
}

/// glibc's `malloc_trim(0)`.
enum MallocTrim {
    private static let function = CFunction.lookup("malloc_trim", as: (@convention(c) (Int) -> Int32).self)

    /// Returns the free memory of every malloc arena to the system; does nothing where there is no `malloc_trim`.
    static func run() { _ = function?(0) }
}

/// An anonymous memory file (`memfd_create`), or nil.
enum MemoryFile {
    private static let function = CFunction.lookup("memfd_create", as: (@convention(c) (UnsafePointer<CChar>, UInt32) -> Int32).self)

    static func open() -> Int32? {
        guard let function else { return nil }
        let fd = function("govlint-spool", 1) // MFD_CLOEXEC
        return fd >= 0 ? fd : nil
    }
}
