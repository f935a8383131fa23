import Foundation
import GovlintCore

/// SIGINT/SIGTERM: remove the temporary report files being written (reports are
/// renamed into place only when complete) and exit 130/143. Crashes (traps,
/// segmentation faults): one line naming the file being checked, exit 2.
enum Signals {
    /// Temporary files being written, as C strings (read from the signal handler).
    static let tempSlots = 16
    nonisolated(unsafe) static let temps: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let p = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: tempSlots)
        p.initialize(repeating: nil, count: tempSlots)
        return p
    }()
    static let lock = NSLock()

    static func registerTemp(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        for i in 0..<tempSlots where temps[i] == nil { temps[i] = strdup(path); return }
    }

    static func unregisterTemp(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        for i in 0..<tempSlots where temps[i].map({ String(cString: $0) == path }) == true {
            let p = temps[i]; temps[i] = nil; free(p)
        }
    }

    static func install() {
        _ = temps
        _ = CrashContext.currentFile()
        // A parent may have started us with signals blocked (spawned from a
        // dispatch thread): unblock the ones handled here.
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGTERM, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT] { sigaddset(&set, sig) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        for sig in [SIGINT, SIGTERM] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                for i in 0..<Signals.tempSlots { if let p = Signals.temps[i] { unlink(p) } }
                _exit(128 + sig)
            }
            sigemptyset(&action.sa_mask)
            sigaction(sig, &action, nil)
        }
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { _ in
                for i in 0..<Signals.tempSlots { if let p = Signals.temps[i] { unlink(p) } }
                Signals.writeStderr("govlint: internal error")
                if let file = CrashContext.currentFile() {
                    Signals.writeStderr(" while checking ")
                    write(STDERR_FILENO, file, strlen(file))
                }
                // The cause of a Swift trap (`File.swift:12: Fatal error: …`), on the same line.
                if let buffer = swift_getFatalErrorMessageBuffer(), let cause = buffer.pointee {
                    var n = strlen(cause)
                    while n > 0, cause[n - 1] == 0x0A { n -= 1 }
                    if n > 0 {
                        Signals.writeStderr(": ")
                        write(STDERR_FILENO, cause, n)
                    }
                }
                Signals.writeStderr(" (please report it)\n")
                _exit(2)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(SA_ONSTACK)
            sigaction(sig, &action, nil)
        }
    }

    static func writeStderr(_ s: StaticString) {
        _ = write(STDERR_FILENO, s.utf8Start, s.utf8CodeUnitCount)
    }
}

/// The Swift runtime's last fatal error message (`std::atomic<const char *> *`),
/// set before it traps; exported by the runtime on platforms without Apple's
/// crash reporter. Read from the crash handler: no locks, no allocation.
#if os(Linux)
@_silgen_name("swift_getFatalErrorMessageBuffer")
func swift_getFatalErrorMessageBuffer() -> UnsafeMutablePointer<UnsafePointer<CChar>?>?
#else
func swift_getFatalErrorMessageBuffer() -> UnsafeMutablePointer<UnsafePointer<CChar>?>? { nil }
#endif
