//! Brotli and gzip at their best settings: shared by the size report and the server.

use std::io::Write;

/// Brotli at quality 11, as a production host's precompressed files would be.
pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    brotli_at(bytes, 11)
}

/// Brotli at a chosen quality: 11 is smallest, 5 is many times faster (on-the-fly serving).
pub fn brotli_at(bytes: &[u8], quality: i32) -> Vec<u8> {
    let mut output = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut output, &params).expect("compressing to memory");
    output
}

/// Gzip at level 9.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("compressing to memory");
    encoder.finish().expect("compressing to memory")
}

/// Already-compressed formats gain nothing from another pass.
pub fn is_worth_compressing(name: &str) -> bool {
    !name.ends_with(".png")
        && !name.ends_with(".jpg")
        && !name.ends_with(".webp")
        && !name.ends_with(".zip")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compression_shrinks_repetitive_text() {
        let text = "the quick brown fox ".repeat(200);
        assert!(gzip(text.as_bytes()).len() < 200);
        assert!(brotli(text.as_bytes()).len() < 200);
    }
}
