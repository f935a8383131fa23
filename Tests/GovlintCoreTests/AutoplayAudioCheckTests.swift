import Testing
@testable import GovlintCore

@Suite struct AutoplayAudioCheckTests {
    @Test(arguments: [
        (#"<audio id="t" src="a.mp3" autoplay controls></audio>"#, Verdict.holds),
        (#"<audio id="t" src="a.mp3" autoplay loop></audio>"#, .doesNotHold),
        (#"<video id="t" src="a.mp4" autoplay loop controls></video>"#, .holds),
        (#"<video id="t" src="a.mp4" autoplay loop muted></video>"#, .holds),
        (#"<audio id="t" src="a.mp3" autoplay></audio>"#, .cantTell),
        (#"<audio id="t" src="a.mp3" loop></audio>"#, .holds),
    ])
    func autoplay(_ html: String, _ expected: Verdict) throws {
        let check = try makeCheck(AutoplayAudioCheck.self)
        #expect(evaluate(check, html).verdict == expected)
    }
}
