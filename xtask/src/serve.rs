//! `cargo xtask serve`: a static server for `dist/` that sends the headers a production host should.
//!
//! The same server runs under the end-to-end tests, so the browser tests see the real headers:
//! a strict Content-Security-Policy, long caching for content-hashed files, no caching for the
//! entry points, and correct MIME types (including `application/wasm`, which streaming compilation needs).

use crate::http::{self, HttpRequest, HttpResponse};
use anyhow::{Context, Result};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use crate::compress;

/// How the server is set up: what it serves, where, and which pages may frame it.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub dist_dir: PathBuf,
    pub address: String,
    /// The `frame-ancestors` sources, e.g. `'self' https://intranet.example.nhs.uk`.
    pub frame_ancestors: String,
}

impl ServeOptions {
    pub fn new(dist_dir: PathBuf, address: &str) -> Self {
        Self {
            dist_dir,
            address: address.to_string(),
            frame_ancestors: "'self'".to_string(),
        }
    }
}

/// The Content-Security-Policy sent with every response. Scripts only from this origin (trunk's
/// inline loader is moved to a file by the build), WebAssembly allowed, nothing from elsewhere.
pub fn content_security_policy(frame_ancestors: &str) -> String {
    format!("{}; frame-ancestors {frame_ancestors}", page_policy())
}

/// The policy without `frame-ancestors`, which a `<meta>` element cannot carry (browsers ignore
/// it there and say so in the console): the SCORM launch page puts this in a meta tag, because
/// an LMS serves the package with its own headers.
pub fn page_policy() -> String {
    [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ]
    .join("; ")
}

/// A running server; dropping it leaves the threads to end with the process.
#[derive(Debug)]
pub struct RunningServer {
    pub url: String,
}

/// Starts serving on background threads and returns the URL (the port may be 0 for any free one).
pub fn start(options: ServeOptions) -> Result<RunningServer> {
    // Compress before listening: a connection accepted during warming would wait for all of it.
    let cache = Arc::new(CompressedCache::default());
    cache.warm(&options.dist_dir);
    let address = options.address.clone();
    let options = Arc::new(options);
    let handler: http::Handler = Arc::new(move |request| respond(&options, &cache, request));
    let bound =
        http::listen(&address, handler).with_context(|| format!("cannot listen on {address}"))?;
    Ok(RunningServer {
        url: format!("http://{}:{}/", bound.ip(), bound.port()),
    })
}

fn respond(options: &ServeOptions, cache: &CompressedCache, request: &HttpRequest) -> HttpResponse {
    let not_found = || HttpResponse::text(404, "Not found");
    let Some(path) = resolve(&options.dist_dir, &request.target) else {
        return not_found();
    };
    let name = path
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or_default()
        .to_string();
    let accepted = request.header("accept-encoding").unwrap_or_default();
    let encoding = if accepted.contains("br") {
        Encoding::Brotli
    } else if accepted.contains("gzip") {
        Encoding::Gzip
    } else {
        Encoding::Identity
    };
    let Some((body, encoding)) = cache.get(&path, &name, encoding) else {
        return not_found();
    };
    let mut headers = headers_for(&name, &options.frame_ancestors);
    headers.push(("Vary", "Accept-Encoding".to_string()));
    if let Some(value) = encoding.header_value() {
        headers.push(("Content-Encoding", value.to_string()));
    }
    HttpResponse {
        status: 200,
        headers,
        body,
    }
}

/// The body encodings the server offers, like a production host with precompressed files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

impl Encoding {
    fn header_value(self) -> Option<&'static str> {
        match self {
            Encoding::Identity => None,
            Encoding::Gzip => Some("gzip"),
            Encoding::Brotli => Some("br"),
        }
    }
}

type CacheKey = (PathBuf, Encoding);
type CachedBody = (SystemTime, Arc<Vec<u8>>);

/// Compressed bodies, recomputed when a file's modification time changes (a new deployment
/// swapped into the folder is served at once).
#[derive(Debug, Default)]
struct CompressedCache {
    entries: Mutex<HashMap<CacheKey, CachedBody>>,
}

impl CompressedCache {
    /// The body for a request; a file changed since warming is compressed at a fast quality, so
    /// no request waits seconds for brotli's best.
    fn get(&self, path: &Path, name: &str, wanted: Encoding) -> Option<(Arc<Vec<u8>>, Encoding)> {
        self.load(path, name, wanted, 5)
    }

    fn load(
        &self,
        path: &Path,
        name: &str,
        wanted: Encoding,
        brotli_quality: i32,
    ) -> Option<(Arc<Vec<u8>>, Encoding)> {
        let modified = std::fs::metadata(path)
            .and_then(|meta| meta.modified())
            .ok()?;
        let encoding = if compress::is_worth_compressing(name) {
            wanted
        } else {
            Encoding::Identity
        };
        let key = (path.to_path_buf(), encoding);
        if let Some((cached_time, body)) = self.entries.lock().ok()?.get(&key)
            && *cached_time == modified
        {
            return Some((Arc::clone(body), encoding));
        }
        let raw = std::fs::read(path).ok()?;
        let body = Arc::new(match encoding {
            Encoding::Identity => raw,
            Encoding::Gzip => compress::gzip(&raw),
            Encoding::Brotli => compress::brotli_at(&raw, brotli_quality),
        });
        self.entries
            .lock()
            .ok()?
            .insert(key, (modified, Arc::clone(&body)));
        Some((body, encoding))
    }

    /// Compresses every file up front, so the first page load is not slowed by compression.
    fn warm(&self, dist_dir: &Path) {
        for file in crate::size::list_files(dist_dir).unwrap_or_default() {
            let name = file
                .file_name()
                .and_then(|name| name.to_str())
                .unwrap_or_default()
                .to_string();
            // Quality 11, like a production host's precompressed files.
            self.load(&file, &name, Encoding::Brotli, 11);
        }
    }
}

/// Maps a request path to a file under `dist/`, refusing anything that climbs out of it.
fn resolve(dist_dir: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let relative = Path::new(path.trim_start_matches('/'));
    if relative
        .components()
        .any(|part| !matches!(part, Component::Normal(_)))
    {
        return None;
    }
    let mut file = dist_dir.join(relative);
    if path.ends_with('/') || file.is_dir() {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

/// The response headers for a file, by its name.
pub fn headers_for(name: &str, frame_ancestors: &str) -> Vec<(&'static str, String)> {
    vec![
        ("Content-Type", mime_type(name).to_string()),
        ("Cache-Control", cache_control(name).to_string()),
        (
            "Content-Security-Policy",
            content_security_policy(frame_ancestors),
        ),
        ("X-Content-Type-Options", "nosniff".to_string()),
        ("Referrer-Policy", "no-referrer".to_string()),
        ("Cross-Origin-Opener-Policy", "same-origin".to_string()),
    ]
}

/// Hashed files never change, so they may be cached for a year; everything else is revalidated,
/// so a new deployment is seen at once (index.html, the service worker, the catalogue, the manifest).
pub fn cache_control(name: &str) -> &'static str {
    if is_content_hashed(name) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

/// Trunk names files `name-<16 hex>.ext` (the wasm `name-<hex>_bg.wasm`); the content pipeline
/// names them `name.<hex>.json` and the build's loader `boot-<hex>.js`.
pub fn is_content_hashed(name: &str) -> bool {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let hash = stem.rsplit(['-', '.']).next().unwrap_or_default();
    hash.len() >= 8 && stem.len() > hash.len() && hash.bytes().all(|byte| byte.is_ascii_hexdigit())
}

pub fn mime_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, extension)| extension) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("webp") => "image/webp",
        Some("ico") => "image/x-icon",
        Some("txt") => "text/plain; charset=utf-8",
        Some("xml") => "application/xml",
        _ => "application/octet-stream",
    }
}

/// `cargo xtask serve`: build, then serve until stopped.
pub fn serve(args: &[String]) -> Result<()> {
    let build_options = crate::bundle::BuildOptions::from_args(args);
    // `--no-build` serves a bundle as it is (the browser tests' second origins and deployments).
    if !args.iter().any(|arg| arg == "--no-build") {
        crate::bundle::build(&build_options)?;
    }
    let port = crate::flag_value(args, "--port").unwrap_or("8080");
    let mut options = ServeOptions::new(build_options.dist_dir, &format!("127.0.0.1:{port}"));
    if let Some(ancestors) = crate::flag_value(args, "--frame-ancestors") {
        options.frame_ancestors = ancestors.to_string();
    }
    let server = start(options)?;
    println!(
        "Microlearn is being served at {}  (Ctrl+C to stop)",
        server.url
    );
    loop {
        std::thread::park();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_recognised() {
        assert!(is_content_hashed("microlearn-3f2a9c1e0b7d4a11_bg.wasm"));
        assert!(is_content_hashed("app-3f2a9c1e0b7d4a11.css"));
        assert!(is_content_hashed("cyber-security.3f2a9c1e.json"));
        assert!(is_content_hashed("screens-3f2a9c1e0b7d4a11.wasm"));
        assert!(!is_content_hashed("__wasm_split.js"));
        assert!(!is_content_hashed("index.html"));
        assert!(!is_content_hashed("sw.js"));
        assert!(!is_content_hashed("catalogue.json"));
    }

    #[test]
    fn paths_cannot_escape_dist() {
        let dist = std::env::temp_dir();
        assert_eq!(resolve(&dist, "/../etc/passwd"), None);
        assert_eq!(resolve(&dist, "/a/../../etc/passwd"), None);
    }

    /// Clients that ask for a large file and never read it (a page taken offline mid-download)
    /// must not stop the server answering everyone else.
    #[test]
    fn clients_that_stop_reading_do_not_stall_the_server() {
        use std::io::{Read, Write};
        use std::net::TcpStream;
        let dist =
            std::env::temp_dir().join(format!("microlearn-serve-test-{}", std::process::id()));
        std::fs::create_dir_all(&dist).unwrap();
        // Incompressible bytes, larger than loopback socket buffers, so the writes really block.
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let big: Vec<u8> = (0..24 * 1024 * 1024)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        std::fs::write(dist.join("big.png"), big).unwrap();
        std::fs::write(dist.join("index.html"), "<h1>ok</h1>").unwrap();
        let server = start(ServeOptions::new(dist.clone(), "127.0.0.1:0")).unwrap();
        let address = server
            .url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        let stuck: Vec<TcpStream> = (0..8)
            .map(|_| {
                let mut stream = TcpStream::connect(&address).unwrap();
                stream
                    .write_all(b"GET /big.png HTTP/1.1\r\nHost: x\r\n\r\n")
                    .unwrap();
                stream
            })
            .collect();
        std::thread::sleep(std::time::Duration::from_millis(500));
        let mut fresh = TcpStream::connect(&address).unwrap();
        fresh
            .set_read_timeout(Some(std::time::Duration::from_secs(10)))
            .unwrap();
        fresh
            .write_all(b"GET /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .unwrap();
        let mut answer = String::new();
        let read = fresh.read_to_string(&mut answer);
        drop(stuck);
        let _ = std::fs::remove_dir_all(&dist);
        assert!(read.is_ok(), "the server did not answer: {read:?}");
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(answer.ends_with("<h1>ok</h1>"));
    }

    #[test]
    fn policy_forbids_inline_script_and_other_origins() {
        let policy = content_security_policy("'self'");
        assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval'"));
        assert!(!policy.contains("unsafe-inline"));
        assert!(policy.contains("connect-src 'self'"));
        assert!(policy.contains("object-src 'none'"));
        assert!(policy.contains("base-uri 'none'"));
    }
}
