//! The home-screen icons, drawn by the build from one shape (a white "M" on the trust's colour)
//! as PNG and SVG, so no binary image is kept in the repository and a trust's colour is used.

use anyhow::Result;
use flate2::Compression;
use flate2::write::ZlibEncoder;
use serde_json::{Value, json};
use std::io::Write;
use std::path::Path;

/// The splash-screen background (NHS pale grey).
pub const BACKGROUND: &str = "#f0f4f5";

/// The letter M as a polygon in a unit square, drawn with straight strokes so it stays legible
/// at 48 pixels.
const LETTER_M: [(f64, f64); 12] = [
    (0.0, 1.0),
    (0.0, 0.0),
    (0.2, 0.0),
    (0.5, 0.42),
    (0.8, 0.0),
    (1.0, 0.0),
    (1.0, 1.0),
    (0.8, 1.0),
    (0.8, 0.36),
    (0.5, 0.76),
    (0.2, 0.36),
    (0.2, 1.0),
];

/// One icon file: its size, and how much of the square the letter takes. Maskable icons keep the
/// letter inside the central safe zone (a circle of 80% of the width), because launchers crop them.
#[derive(Debug, Clone, Copy)]
struct IconSpec {
    file: &'static str,
    size: u32,
    letter_fraction: f64,
    purpose: &'static str,
}

const PNG_ICONS: [IconSpec; 4] = [
    IconSpec {
        file: "icon-192.png",
        size: 192,
        letter_fraction: 0.56,
        purpose: "any",
    },
    IconSpec {
        file: "icon-512.png",
        size: 512,
        letter_fraction: 0.56,
        purpose: "any",
    },
    IconSpec {
        file: "maskable-512.png",
        size: 512,
        letter_fraction: 0.42,
        purpose: "maskable",
    },
    IconSpec {
        file: "apple-touch-icon.png",
        size: 180,
        letter_fraction: 0.5,
        purpose: "",
    },
];

/// The manifest's `icons` list (relative paths, so any sub-path works).
pub fn manifest_entries() -> Value {
    let mut entries: Vec<Value> = PNG_ICONS
        .iter()
        .filter(|icon| !icon.purpose.is_empty())
        .map(|icon| {
            json!({
                "src": format!("icons/{}", icon.file),
                "sizes": format!("{0}x{0}", icon.size),
                "type": "image/png",
                "purpose": icon.purpose,
            })
        })
        .collect();
    entries.push(json!({
        "src": "icons/icon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any",
    }));
    Value::Array(entries)
}

/// Writes every PNG and the SVG icon into `dir`.
pub fn write_all(dir: &Path, colour: &str) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    let rgb = parse_colour(colour);
    for icon in PNG_ICONS {
        let pixels = draw(icon.size, icon.letter_fraction, rgb);
        std::fs::write(dir.join(icon.file), encode_png(icon.size, &pixels)?)?;
    }
    std::fs::write(dir.join("icon.svg"), svg(colour, 0.56))?;
    Ok(())
}

fn parse_colour(colour: &str) -> [u8; 3] {
    let channel = |at: usize| u8::from_str_radix(&colour[at..at + 2], 16).unwrap_or(0);
    [channel(1), channel(3), channel(5)]
}

/// RGBA pixels: the colour everywhere, white where the letter covers the pixel (4x4 samples per
/// pixel smooth the edges).
fn draw(size: u32, letter_fraction: f64, rgb: [u8; 3]) -> Vec<u8> {
    let mut pixels = Vec::with_capacity((size * size * 4) as usize);
    let margin = (1.0 - letter_fraction) / 2.0;
    for y in 0..size {
        for x in 0..size {
            let mut covered = 0u32;
            for sample in 0..16 {
                let sx = (f64::from(x) + (f64::from(sample % 4) + 0.5) / 4.0) / f64::from(size);
                let sy = (f64::from(y) + (f64::from(sample / 4) + 0.5) / 4.0) / f64::from(size);
                let point = (
                    (sx - margin) / letter_fraction,
                    (sy - margin) / letter_fraction,
                );
                covered += u32::from(inside(point, &LETTER_M));
            }
            for channel in rgb {
                let blended = (u32::from(channel) * (16 - covered) + 255 * covered) / 16;
                pixels.push(u8::try_from(blended).unwrap_or(u8::MAX));
            }
            pixels.push(255);
        }
    }
    pixels
}

/// Even-odd point-in-polygon test.
fn inside((x, y): (f64, f64), polygon: &[(f64, f64)]) -> bool {
    let mut result = false;
    let mut previous = polygon[polygon.len() - 1];
    for &current in polygon {
        let crosses = (current.1 > y) != (previous.1 > y);
        if crosses {
            let at =
                current.0 + (y - current.1) * (previous.0 - current.0) / (previous.1 - current.1);
            if x < at {
                result = !result;
            }
        }
        previous = current;
    }
    result
}

/// A minimal PNG: 8-bit RGBA, no interlace, one zlib stream with filter 0 on every row.
fn encode_png(size: u32, pixels: &[u8]) -> Result<Vec<u8>> {
    let mut raw = Vec::with_capacity(pixels.len() + size as usize);
    for row in pixels.chunks(size as usize * 4) {
        raw.push(0);
        raw.extend_from_slice(row);
    }
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(&raw)?;
    let mut header = Vec::new();
    header.extend_from_slice(&size.to_be_bytes());
    header.extend_from_slice(&size.to_be_bytes());
    header.extend_from_slice(&[8, 6, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut png, b"IHDR", &header);
    chunk(&mut png, b"IDAT", &encoder.finish()?);
    chunk(&mut png, b"IEND", &[]);
    Ok(png)
}

fn chunk(png: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    let length = u32::try_from(data.len()).expect("icon chunks are small");
    png.extend_from_slice(&length.to_be_bytes());
    png.extend_from_slice(kind);
    png.extend_from_slice(data);
    let mut crc = crc32fast::Hasher::new();
    crc.update(kind);
    crc.update(data);
    png.extend_from_slice(&crc.finalize().to_be_bytes());
}

/// The same letter as SVG, scaled to a 100-unit square.
fn svg(colour: &str, letter_fraction: f64) -> String {
    let margin = (1.0 - letter_fraction) / 2.0;
    let points: Vec<String> = LETTER_M
        .iter()
        .map(|(x, y)| {
            let scale = |v: f64| (margin + v * letter_fraction) * 100.0;
            format!("{:.1},{:.1}", scale(*x), scale(*y))
        })
        .collect();
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 100\">\
         <rect width=\"100\" height=\"100\" fill=\"{colour}\"/>\
         <polygon points=\"{}\" fill=\"#fff\"/></svg>\n",
        points.join(" ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_png_has_a_valid_header_and_size() {
        let pixels = draw(48, 0.56, [0, 94, 184]);
        let png = encode_png(48, &pixels).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&png[12..16], b"IHDR");
        assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), 48);
    }

    #[test]
    fn the_letter_is_white_in_the_middle_and_the_corner_is_the_colour() {
        let size = 100;
        let pixels = draw(size, 0.56, [0, 94, 184]);
        let at = |x: u32, y: u32| {
            &pixels[((y * size + x) * 4) as usize..((y * size + x) * 4 + 3) as usize]
        };
        assert_eq!(at(0, 0), [0, 94, 184]);
        // The left stroke of the M, halfway down.
        assert_eq!(at(25, 50), [255, 255, 255]);
    }

    #[test]
    fn maskable_letter_stays_in_the_safe_zone() {
        let spec = PNG_ICONS
            .iter()
            .find(|icon| icon.purpose == "maskable")
            .unwrap();
        // The letter's corners must lie within the circle of radius 0.4 around the centre.
        let half_diagonal = (spec.letter_fraction / 2.0) * std::f64::consts::SQRT_2;
        assert!(half_diagonal <= 0.4, "{half_diagonal}");
    }
}
