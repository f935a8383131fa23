/// The single list of checks rule files may name.
public enum CheckRegistry {
    public static let page: [String: any PageCheck.Type] = index([
        ElementExistsCheck.self, ElementAbsentCheck.self, ElementCountCheck.self,
        AttributePresentCheck.self, AttributeNotEmptyCheck.self, AttributeMatchesCheck.self, AttributeInSetCheck.self,
        TextNotEmptyCheck.self, TextMatchesCheck.self, TextLengthCheck.self,
        UniqueInPageCheck.self, LinkTargetExistsCheck.self, LanguageTagCheck.self, AccessibleNameCheck.self,
        AriaAttributesCheck.self, RoleAttributeCheck.self, FocusableContentCheck.self, MatchesSelectorCheck.self,
        RefreshDelayCheck.self, ViewportZoomCheck.self, AllowedChildrenCheck.self, ParentCheck.self,
        HeadersAttributeCheck.self, ReferencedIDUniqueCheck.self, LanguageAttributesMatchCheck.self, AutocompleteCheck.self,
        RequiredContextCheck.self, RequiredChildrenCheck.self, InlineTextSpacingCheck.self,
        HeadingOrderCheck.self, AutoplayAudioCheck.self, FrameFocusableContentCheck.self,
        LandmarkTopLevelCheck.self, RoleCountCheck.self, UniqueLandmarkCheck.self, RedundantAltCheck.self,
        PageTypeCheck.self, MetaLabelsPresentCheck.self, LinkExistsCheck.self, TextEqualsMetaCheck.self,
        LatestDateWithinCheck.self, PageTitleMatchesCheck.self, InsecureSelfLinkCheck.self, TextContainsAllCheck.self, DateNotAfterNowCheck.self,
        ServiceGuidePageCheck.self,
        RoleInSetCheck.self, SingleLabelCheck.self,
        HeaderCellsAssignedCheck.self, DataCellsHaveHeadersCheck.self, FakeCaptionCheck.self,
        VisibleLabelInNameCheck.self, OrientationNotLockedCheck.self,
    ])

    public static let site: [String: any SiteCheck.Type] = index([
        UniqueAcrossSiteCheck.self, ConsistentAcrossSiteCheck.self, FileExistsCheck.self, OrphanPageCheck.self, LabelCoversGroupsCheck.self,
    ])

    public static let descriptor: [String: any DescriptorCheck.Type] = index([
        DefinedCheck.self, UndefinedCheck.self, TruthyCheck.self, PatternCheck.self,
        EnumerationCheck.self, LengthCheck.self, FalsyCheck.self, CasingCheck.self, AlphabeticalCheck.self,
        XorCheck.self, OrCheck.self, SchemaCheck.self,
    ])

    private static func index(_ types: [any PageCheck.Type]) -> [String: any PageCheck.Type] {
        Dictionary(uniqueKeysWithValues: types.map { ($0.id, $0) })
    }
    private static func index(_ types: [any SiteCheck.Type]) -> [String: any SiteCheck.Type] {
        Dictionary(uniqueKeysWithValues: types.map { ($0.id, $0) })
    }
    private static func index(_ types: [any DescriptorCheck.Type]) -> [String: any DescriptorCheck.Type] {
        Dictionary(uniqueKeysWithValues: types.map { ($0.id, $0) })
    }

    /// (target, id, summary) of every check, sorted, for `govlint rules checks` and docs.
    public static var catalogue: [(target: RuleTarget, id: String, summary: String)] {
        page.values.map { (RuleTarget.page, $0.id, $0.summary) }
            + site.values.map { (RuleTarget.site, $0.id, $0.summary) }
            + descriptor.values.map { (RuleTarget.descriptor, $0.id, $0.summary) }
    }
}
