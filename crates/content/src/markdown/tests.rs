//! Tests for the safe Markdown renderer, including hostile input.

use super::*;
use crate::error::ContentErrors;

fn assets() -> BTreeSet<String> {
    ["m/diagram.png".to_string()].into_iter().collect()
}

/// Renders as a card would be, returning the HTML and the error lines.
fn run(markdown: &str) -> (String, Vec<String>) {
    let assets = assets();
    let media = Media {
        module: "m",
        assets: &assets,
        base: "content/media/",
    };
    let place = Place {
        loc: Loc::file("m/l.md", markdown),
        fixed: None,
    };
    let mut report = Report::default();
    let out = render(markdown, place, media, &mut report);
    let errors: ContentErrors = report.finish();
    (out.html, errors.lines())
}

fn assert_no_script(html: &str) {
    let lower = html.to_ascii_lowercase();
    for bad in [
        "<script",
        "javascript:",
        "onerror=",
        "onclick=",
        "<iframe",
        "<style",
        "data:",
    ] {
        assert!(!lower.contains(bad), "`{bad}` in {html}");
    }
}

#[test]
fn renders_the_usual_markdown() {
    let (html, errors) = run("Some **bold** and *italic*.\n\n- one\n- two\n");
    assert_eq!(errors, Vec::<String>::new());
    assert_eq!(
        html,
        "<p>Some <strong>bold</strong> and <em>italic</em>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
    );
}

#[test]
fn links_open_safely_in_a_new_context() {
    let (html, errors) = run("See [the NCSC](https://www.ncsc.gov.uk/ \"NCSC\").");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        html,
        "<p>See <a href=\"https://www.ncsc.gov.uk/\" title=\"NCSC\" rel=\"noopener noreferrer\" target=\"_blank\">the NCSC</a>.</p>\n"
    );
}

#[test]
fn images_keep_alt_text_and_point_at_published_media() {
    let (html, errors) = run("![A bar chart of falls](diagram.png)");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        html,
        "<p><img src=\"content/media/m/diagram.png\" alt=\"A bar chart of falls\" /></p>\n"
    );
}

#[test]
fn raw_html_is_refused_and_not_rendered() {
    let (html, errors) = run("Hello <script>alert(1)</script>\n\n<div onclick=\"x()\">hi</div>\n");
    assert_no_script(&html);
    assert!(!html.contains("<div"), "{html}");
    assert_eq!(
        errors,
        [
            "m/l.md:1:7: raw HTML `<script>` is not allowed. Write Markdown instead; to show a `<` character, write `\\<`.",
            "m/l.md:1:23: raw HTML `</script>` is not allowed. Write Markdown instead; to show a `<` character, write `\\<`.",
            "m/l.md:3:1: raw HTML `<div onclick=\"x()\">hi</div>` is not allowed. Write Markdown instead; to show a `<` character, write `\\<`.",
        ]
    );
}

#[test]
fn hostile_links_are_refused() {
    let hostile = [
        "[x](javascript:alert(1))",
        "[x](JavaScript:alert(1))",
        "[x](java%0ascript:alert(1))",
        "<javascript:alert(1)>",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](vbscript:msgbox)",
        "[x](http://example.com)",
        "[x](/relative)",
        "[x](<https://a.example/ onmouseover=alert(1)>)",
        "[x](https://)",
        "[x](&#106;avascript:alert(1))",
        "[x][evil]\n\n[evil]: javascript:alert(1)",
        "[x](//evil.example/)",
    ];
    for markdown in hostile {
        let (html, errors) = run(markdown);
        assert_eq!(errors.len(), 1, "{markdown}: {errors:?}");
        assert!(
            errors[0].contains("is not allowed. Link only to https://"),
            "{errors:?}"
        );
        assert!(
            !html.contains("<a "),
            "a refused link is not rendered as a link: {html}"
        );
        assert!(!html.contains("href="), "{html}");
    }
}

#[test]
fn hostile_images_are_refused() {
    for markdown in [
        "![x](javascript:alert(1))",
        "![x](data:image/png;base64,AAAA)",
    ] {
        let (html, errors) = run(markdown);
        assert_eq!(errors.len(), 1, "{markdown}: {errors:?}");
        assert!(
            errors[0].contains("is not a file in the module folder"),
            "{errors:?}"
        );
        assert_no_script(&html);
    }
}

#[test]
fn hostile_html_in_every_form_is_refused() {
    let hostile = [
        "<img src=x onerror=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<style>body{display:none}</style>",
        "text <a href=\"javascript:alert(1)\">x</a>",
        "<!-- a comment -->",
        "<svg onload=alert(1)>",
    ];
    for markdown in hostile {
        let (html, errors) = run(markdown);
        assert!(!errors.is_empty(), "{markdown} should be refused");
        assert!(errors.iter().all(|e| e.contains("raw HTML")), "{errors:?}");
        assert_no_script(&html);
        assert!(!html.contains("<svg") && !html.contains("<img"), "{html}");
    }
}

#[test]
fn attribute_breakouts_are_escaped() {
    let (html, errors) = run("[x](https://a.example/\"onmouseover=\"alert(1) \"t\\\"itle\")");
    assert!(errors.is_empty(), "{errors:?}");
    assert!(!html.contains("\"onmouseover"), "{html}");
    let (html, _) = run("![x\" onerror=\"alert(1)](diagram.png)");
    assert!(
        html.contains("alt=\"x&quot; onerror=&quot;alert(1)\""),
        "{html}"
    );
}

#[test]
fn text_that_looks_like_tags_is_escaped_when_written_as_markdown() {
    let (html, errors) = run("Use \\<script> tags never, and `<b>` is code.");
    assert!(errors.is_empty(), "{errors:?}");
    assert_no_script(&html);
    assert!(html.contains("&lt;script&gt;"), "{html}");
    assert!(html.contains("<code>&lt;b&gt;</code>"), "{html}");
}

#[test]
fn images_must_be_module_files_with_alt_text() {
    let (html, errors) =
        run("![](diagram.png)\n\n![x](../secret.png)\n\n![y](https://a.example/t.png)");
    assert!(!html.contains("https://a.example"), "{html}");
    assert_eq!(
        errors,
        [
            "m/l.md:1:1: image has no alt text. Describe the image between the brackets: `![what it shows](file.png)`.",
            "m/l.md:3:1: image `../secret.png` is not a file in the module folder. Put the image in `m/` and check the spelling of its name.",
            "m/l.md:5:1: image `https://a.example/t.png` is not a file in the module folder. Put the image in `m/` and check the spelling of its name.",
        ]
    );
}

#[test]
fn safe_link_allow_list() {
    assert!(is_safe_link("https://www.nhs.uk/"));
    assert!(is_safe_link("mailto:servicedesk@nhs.net"));
    assert!(is_safe_link("tel:111"));
    assert!(!is_safe_link("https://a b"));
    assert!(!is_safe_link("java\tscript:alert(1)"));
    assert!(!is_safe_link(" https://x"));
}
