import Foundation

/// Size and modification time of the running executable: a new build never
/// reuses cache entries of an older one, even at the same version.
enum BuildIdentity {
    static var current: String {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        guard let attrs = try? FileManager.default.attributesOfItem(atPath: path) else { return path }
        let size = (attrs[.size] as? NSNumber)?.intValue ?? 0
        let mtime = (attrs[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size)-\(mtime)"
    }
}
