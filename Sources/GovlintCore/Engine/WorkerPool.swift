import Foundation

/// Runs `work(i)` for `0..<count` on `jobs` threads with large stacks (deeply
/// nested pages), storing results by index so output order never depends on
/// scheduling. `progress(done, count)` is called on a worker thread after each
/// item, outside the lock; it must be cheap and thread-safe.
enum WorkerPool {
    static func map<T: Sendable>(count: Int, jobs: Int, progress: (@Sendable (Int, Int) -> Void)? = nil,
                                 _ work: @escaping @Sendable (Int) -> T) -> [T] {
        let box = ResultBox<T>(count: count)
        let threads = max(1, min(jobs, count))
        let group = DispatchGroup()
        for _ in 0..<threads {
            group.enter()
            let thread = Thread {
                while let i = box.next() {
                    let done = box.store(work(i), at: i)
                    progress?(done, count)
                }
                group.leave()
            }
            thread.stackSize = 512 << 20
            thread.start()
        }
        group.wait()
        return box.results()
    }
}

private final class ResultBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]
    private var cursor = 0
    private var done = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard cursor < slots.count else { return nil }
        cursor += 1
        return cursor - 1
    }

    /// Stores a result; returns how many are stored now.
    func store(_ value: T, at i: Int) -> Int {
        lock.lock(); defer { lock.unlock() }
        slots[i] = value
        done += 1
        return done
    }

    func results() -> [T] { slots.map { $0! } }
}
