use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// An image with no alternative text (`![](team.png)`), with its file name as alt text, or
    /// alt text that starts with "image of" / « image de ».
    ///
    /// ## Why it matters
    /// People who cannot see the image get nothing, or the file name read aloud (WCAG 1.1.1
    /// Non-text Content). Canada.ca: describe it "as if you were describing it to someone over
    /// the phone"; write `alt=""` only for decoration (in HTML).
    ///
    /// ## Examples
    /// ```md,bad
    /// ![](equipe-2024.jpg)
    /// ```
    /// ```md,good
    /// ![L'équipe du SNC réunie au bureau d'Ottawa](equipe-2024.jpg)
    /// ```
    pub static ACCESSIBILITY_IMAGE_ALT = Rule {
        id: "accessibility-image-alt",
        family: Family::Accessibility,
        severity: Severity::Warning,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    for image in &posting.markdown.images {
        let alt = image.alt.trim();
        let file = image.url.rsplit('/').next().unwrap_or(&image.url);
        let lower = alt.to_lowercase();
        let problem = if alt.is_empty() {
            "has no alternative text".to_string()
        } else if alt == file || alt == file.rsplit_once('.').map_or(file, |(stem, _)| stem) {
            format!("has its file name `{alt}` as alternative text")
        } else if [
            "image of",
            "picture of",
            "photo of",
            "image de",
            "photo de",
            "illustration de",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
        {
            format!("alternative text `{alt}` starts by saying it is an image")
        } else {
            continue;
        };
        cx.report(image.span, format!("the image {problem}"))
            .help("Describe what the image shows and why it is there, in a sentence (about 140 characters at most).");
    }
}
