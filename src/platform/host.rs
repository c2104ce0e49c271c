//! Optional messages to the page that embeds the app in an iframe (an intranet page), so it can
//! react to a finished module. docs/host-events.md gives the format and a host-side example.
//!
//! Messages go only to an origin the embedding page names in the app's URL (`?host=ORIGIN`), and
//! only with that exact `targetOrigin`: the browser drops a message whose receiver has another
//! origin. With no `host` parameter nothing is sent.

use super::js;

/// One event for the host page. `score` is a percentage (0 to 100).
#[derive(Debug, Clone, PartialEq)]
pub enum HostEvent<'a> {
    Ready,
    ModuleCompleted { module: &'a str, score: f64 },
    Score { module: &'a str, score: f64 },
}

impl HostEvent<'_> {
    /// The message as JSON: `{"source":"microlearn","version":1,"type":...}`.
    pub fn to_json(&self) -> String {
        let fields = match self {
            HostEvent::Ready => "\"type\":\"ready\"".to_string(),
            HostEvent::ModuleCompleted { module, score } => format!(
                "\"type\":\"module-completed\",\"module\":{},\"score\":{}",
                json_string(module),
                round_score(*score)
            ),
            HostEvent::Score { module, score } => format!(
                "\"type\":\"score\",\"module\":{},\"score\":{}",
                json_string(module),
                round_score(*score)
            ),
        };
        format!("{{\"source\":\"microlearn\",\"version\":1,{fields}}}")
    }
}

fn round_score(score: f64) -> f64 {
    (score.clamp(0.0, 100.0) * 10.0).round() / 10.0
}

/// A JSON string literal (module ids are plain, but escaping keeps the message valid anyway).
fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ch if u32::from(ch) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(ch))),
            ch => out.push(ch),
        }
    }
    out.push('"');
    out
}

/// The `host` parameter if it is a plain origin (`https://name[:port]`, no path), else `None`.
pub fn parse_origin(text: &str) -> Option<String> {
    let (scheme, rest) = text.split_once("://")?;
    let valid_host = !rest.is_empty()
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'));
    (matches!(scheme, "https" | "http") && valid_host).then(|| text.to_string())
}

/// The origin events go to: the host's, when the app is framed and was told it.
fn host_origin() -> Option<String> {
    js::is_framed()
        .then(|| parse_origin(&js::host_parameter()))
        .flatten()
}

/// Whether events reach a host page, so work done only to report them can be skipped.
pub fn connected() -> bool {
    host_origin().is_some()
}

/// Sends an event to the embedding page, if the app is framed and was told the host's origin.
pub fn send(event: &HostEvent<'_>) {
    if let Some(origin) = host_origin() {
        js::post_to_host(&event.to_json(), &origin);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_have_the_documented_shape() {
        let event = HostEvent::ModuleCompleted {
            module: "cyber-security",
            score: 87.46,
        };
        assert_eq!(
            event.to_json(),
            r#"{"source":"microlearn","version":1,"type":"module-completed","module":"cyber-security","score":87.5}"#
        );
        assert_eq!(
            HostEvent::Ready.to_json(),
            r#"{"source":"microlearn","version":1,"type":"ready"}"#
        );
        let hostile = HostEvent::Score {
            module: "a\"b\\c\n",
            score: 140.0,
        };
        assert_eq!(
            hostile.to_json(),
            r#"{"source":"microlearn","version":1,"type":"score","module":"a\"b\\c\u000a","score":100}"#
        );
    }

    #[test]
    fn only_plain_origins_are_accepted() {
        assert_eq!(
            parse_origin("https://intranet.example.nhs.uk").as_deref(),
            Some("https://intranet.example.nhs.uk")
        );
        assert_eq!(
            parse_origin("http://127.0.0.1:8095").as_deref(),
            Some("http://127.0.0.1:8095")
        );
        assert_eq!(parse_origin("*"), None);
        assert_eq!(parse_origin(""), None);
        assert_eq!(parse_origin("https://a.example/path"), None);
        assert_eq!(parse_origin("javascript://x"), None);
    }
}
