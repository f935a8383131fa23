import Foundation

/// Which file each worker thread is checking, readable from a signal handler:
/// a fixed table of (thread, C string) slots, so that an internal error can be
/// reported as one line naming the file instead of a stack dump.
public enum CrashContext {
    static let slotCount = 256
    nonisolated(unsafe) static let threads = UnsafeMutablePointer<pthread_t>.allocate(capacity: slotCount)
    nonisolated(unsafe) static let paths = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: slotCount)
    nonisolated(unsafe) static let used = UnsafeMutablePointer<Bool>.allocate(capacity: slotCount)
    static let lock = NSLock()
    nonisolated(unsafe) static var initialized: Bool = {
        used.initialize(repeating: false, count: slotCount)
        paths.initialize(repeating: nil, count: slotCount)
        threads.initialize(repeating: pthread_self(), count: slotCount)
        return true
    }()

    /// Runs `body` with `file` recorded as this thread's current file.
    public static func checking<T>(_ file: String, _ body: () -> T) -> T {
        lock.lock()
        _ = initialized
        let me = pthread_self()
        var slot = -1
        for i in 0..<slotCount where used[i] && pthread_equal(threads[i], me) != 0 { slot = i; break }
        if slot < 0, let free = (0..<slotCount).first(where: { !used[$0] }) {
            slot = free
            threads[free] = me
            used[free] = true
        }
        let previous = slot >= 0 ? paths[slot] : nil
        if slot >= 0 { paths[slot] = strdup(file) }
        lock.unlock()
        defer {
            if slot >= 0 {
                lock.lock()
                let mine = paths[slot]
                paths[slot] = previous
                if previous == nil { used[slot] = false }
                lock.unlock()
                free(mine)
            }
        }
        return body()
    }

    /// The file the calling thread is checking. Async-signal-safe enough for a
    /// crash handler: no locks, no allocation.
    public static func currentFile() -> UnsafeMutablePointer<CChar>? {
        guard initialized else { return nil }
        let me = pthread_self()
        for i in 0..<slotCount where used[i] && pthread_equal(threads[i], me) != 0 { return paths[i] }
        return nil
    }
}
