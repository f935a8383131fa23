/// Formatting shared by reporters that show an inspection score.
enum InspectionText {
    /// 90.5 → "90.5", 100 → "100".
    static func number(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v)
    }
}

import Foundation
