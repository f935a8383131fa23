import Foundation
@testable import GovlintCore
import Testing

@Suite struct ProjectSurveyTests {
    static func survey(_ pages: [String]) -> ProjectSurvey {
        var s = ProjectSurvey()
        for p in pages { s.add(page: p) }
        return s
    }

    static let all: Set<String> = ["wcag22-aa", "cn-gov", "us-federal", "starter"]

    @Test func languageAndLabelsDecide() {
        let zh = Self.survey(["<HTML LANG='zh-CN'><title>首页</title>", "<html><head><title>关于我们</title>"])
        #expect(zh.chinesePages == 2)
        #expect(zh.guessProfile(available: Self.all).profile == "cn-gov")
        #expect(zh.guessProfile(available: ["wcag22-aa"]).profile == "wcag22-aa")

        let us = Self.survey(["<html lang=en><p>An official\n   website of the United States government</p>", "<html lang=en>"])
        #expect(us.usBannerPages == 1)
        #expect(us.guessProfile(available: Self.all).profile == "us-federal")
        #expect(us.guessProfile(available: ["wcag22-aa", "starter"]).profile == "wcag22-aa")

        let en = Self.survey(["<html lang=\"en-US\"><title>Home</title>", "<html lang=\"zh\">"])
        #expect(en.guessProfile(available: Self.all).profile == "cn-gov", "half the pages are Chinese")
        let mostlyEN = Self.survey(["<html lang=\"en\">", "<html lang=\"en\">", "<html lang=\"zh\">"])
        #expect(mostlyEN.guessProfile(available: Self.all).profile == "wcag22-aa")
        #expect(ProjectSurvey().guessProfile(available: ["starter"]).profile == "starter")
    }

    @Test func langIsReadFromTheHtmlTagOnly() {
        #expect(ProjectSurvey.htmlLang("<html class=x lang=\"zh-hk\">") == "zh-hk")
        #expect(ProjectSurvey.htmlLang("<html lang=zh>") == "zh")
        #expect(ProjectSurvey.htmlLang("<html><p lang=\"zh\">") == nil)
    }
}
