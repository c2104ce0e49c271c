//! A minimal HTTP/1.1 server for static files: one thread per connection, GET and HEAD only.
//!
//! It replaces tiny_http 0.12, whose connection pool can lose a wake-up: when a browser opens
//! its first burst of parallel connections, one of them could stay queued, unread, behind pool
//! threads that each hold a keep-alive connection, and the page waited minutes for its wasm.
//! A thread per connection has no pool to starve. Read and write timeouts end idle or stuck
//! connections, and request heads are size-limited.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::time::Duration;

/// The most a request line and its headers may take; larger heads are refused.
const MAX_HEAD_BYTES: u64 = 16 * 1024;
/// An idle keep-alive connection, or a client that stops reading, is dropped after this.
const IDLE_TIMEOUT: Duration = Duration::from_secs(60);

/// A parsed request head. Header names are lower-case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    /// The connection ends after this request (HTTP/1.0, `Connection: close`, or a body we
    /// do not read).
    pub close: bool,
}

impl HttpRequest {
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// A response: status, headers (Content-Length is added when writing) and body.
#[derive(Debug, Clone)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Arc<Vec<u8>>,
}

impl HttpResponse {
    pub fn text(status: u16, text: &str) -> Self {
        Self {
            status,
            headers: vec![("Content-Type", "text/plain; charset=utf-8".to_string())],
            body: Arc::new(text.as_bytes().to_vec()),
        }
    }
}

/// Handles one request; shared by every connection thread.
pub type Handler = Arc<dyn Fn(&HttpRequest) -> HttpResponse + Send + Sync>;

/// Binds `address` and serves on background threads; returns the bound address.
pub fn listen(address: &str, handler: Handler) -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind(address)?;
    let bound = listener.local_addr()?;
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let handler = Arc::clone(&handler);
            std::thread::spawn(move || {
                let _ = serve_connection(stream, &*handler);
            });
        }
    });
    Ok(bound)
}

fn serve_connection(
    stream: TcpStream,
    handler: &(dyn Fn(&HttpRequest) -> HttpResponse + Send + Sync),
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(IDLE_TIMEOUT))?;
    stream.set_write_timeout(Some(IDLE_TIMEOUT))?;
    stream.set_nodelay(true)?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut writer = stream;
    while let Some(request) = read_request(&mut reader)? {
        let head_only = request.method == "HEAD";
        let response = if request.method == "GET" || head_only {
            handler(&request)
        } else {
            HttpResponse::text(405, "Only GET and HEAD are served")
        };
        write_response(&mut writer, &response, head_only, request.close)?;
        if request.close {
            break;
        }
    }
    Ok(())
}

/// Reads one request head; `None` when the client closed the connection between requests.
pub fn read_request(reader: &mut impl BufRead) -> std::io::Result<Option<HttpRequest>> {
    let invalid =
        |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_string());
    let mut head = reader.take(MAX_HEAD_BYTES);
    let mut line = String::new();
    if head.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target), Some(version)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(invalid("malformed request line"));
    };
    let mut headers = Vec::new();
    loop {
        let mut header = String::new();
        if head.read_line(&mut header)? == 0 {
            return Err(invalid("request head too large or cut short"));
        }
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    let mut request = HttpRequest {
        method: method.to_string(),
        target: target.to_string(),
        headers,
        close: false,
    };
    let connection = request
        .header("connection")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let has_body = request
        .header("content-length")
        .is_some_and(|length| length != "0")
        || request.header("transfer-encoding").is_some();
    request.close = connection.contains("close")
        || (version == "HTTP/1.0" && !connection.contains("keep-alive"))
        || has_body;
    Ok(Some(request))
}

fn write_response(
    writer: &mut impl Write,
    response: &HttpResponse,
    head_only: bool,
    close: bool,
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\n",
        response.status,
        reason(response.status)
    );
    for (name, value) in &response.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n", response.body.len()));
    if close {
        head.push_str("Connection: close\r\n");
    }
    head.push_str("\r\n");
    writer.write_all(head.as_bytes())?;
    if !head_only {
        writer.write_all(&response.body)?;
    }
    writer.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Status",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> std::io::Result<Option<HttpRequest>> {
        read_request(&mut BufReader::new(text.as_bytes()))
    }

    #[test]
    fn a_request_head_is_parsed_with_lower_case_header_names() {
        let request = parse("GET /a.js HTTP/1.1\r\nAccept-Encoding: gzip, br\r\n\r\n")
            .unwrap()
            .unwrap();
        assert_eq!(
            (request.method.as_str(), request.target.as_str()),
            ("GET", "/a.js")
        );
        assert_eq!(request.header("Accept-Encoding"), Some("gzip, br"));
        assert!(!request.close);
    }

    #[test]
    fn connections_close_when_asked_on_http_1_0_or_with_an_unread_body() {
        assert!(
            parse("GET / HTTP/1.1\r\nConnection: close\r\n\r\n")
                .unwrap()
                .unwrap()
                .close
        );
        assert!(parse("GET / HTTP/1.0\r\n\r\n").unwrap().unwrap().close);
        assert!(
            parse("POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc")
                .unwrap()
                .unwrap()
                .close
        );
    }

    #[test]
    fn a_closed_connection_ends_and_bad_heads_are_refused() {
        assert!(parse("").unwrap().is_none());
        assert!(parse("NONSENSE\r\n\r\n").is_err());
        let huge = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(20_000));
        assert!(parse(&huge).is_err());
    }

    #[test]
    fn responses_carry_their_length_and_head_omits_the_body() {
        let response = HttpResponse::text(200, "hello");
        let mut written = Vec::new();
        write_response(&mut written, &response, true, true).unwrap();
        let text = String::from_utf8(written).unwrap();
        assert!(text.starts_with("HTTP/1.1 200 OK\r\n"));
        assert!(text.contains("Content-Length: 5\r\n"));
        assert!(text.contains("Connection: close\r\n"));
        assert!(text.ends_with("\r\n\r\n"));
    }
}
