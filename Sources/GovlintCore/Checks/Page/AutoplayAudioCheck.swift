import GovlintHTML

/// For autoplaying media (`audio`/`video` with `autoplay`, not `muted`):
/// holds when the element has `controls`; fails when it loops without them
/// (it plays for ever); otherwise cantTell, since whether it plays for more
/// than 3 seconds depends on the media file. Mirrors axe-core's
/// no-autoplay-audio.
struct AutoplayAudioCheck: PageCheck {
    static let id = "autoplay-audio-control"
    static let summary = "Autoplaying media has controls; looping without them fails, other cases need the media's duration (cantTell)."

    init(options: inout CheckOptions) throws(LocatedError) {
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        guard element.hasAttribute("autoplay"), !element.hasAttribute("muted") else { return .holds }
        if element.hasAttribute("controls") { return .holds }
        if element.hasAttribute("loop") { return CheckResult(.doesNotHold, data: ["element": element.name]) }
        return CheckResult(.cantTell, data: ["element": element.name,
                                              "reason": "the media may play for more than 3 seconds without a way to stop it"])
    }
}
