//! Long JSON texts (the log for the optimiser worker, an export file) written out to JavaScript a
//! piece at a time, so the whole text never sits in this wasm's memory. A wasm page's memory
//! grows to its peak and never shrinks: 100,000 answers are 17 MB of JSON (35 MB pretty-printed),
//! and the buffer that held them doubled as it grew.

use std::io;

use js_sys::{Array, JsString};
use serde::Serialize;
use wasm_bindgen::JsValue;

/// About how many bytes are written into this wasm's memory before they are handed on.
const PIECE_BYTES: usize = 256 * 1024;

/// `value` as JSON (pretty-printed when `pretty`), as JavaScript strings of about 256 KB each, in
/// order: what `Blob` takes as its parts.
pub fn json_pieces(value: &impl Serialize, pretty: bool) -> Result<Array, serde_json::Error> {
    let pieces = Array::new();
    write_json(value, pretty, |piece| {
        pieces.push(&JsValue::from_str(piece));
    })?;
    Ok(pieces)
}

/// `value` as compact JSON in one JavaScript string, joined outside this wasm's memory.
pub fn json_text(value: &impl Serialize) -> Result<JsString, serde_json::Error> {
    json_pieces(value, false).map(|pieces| pieces.join(""))
}

/// Writes `value` as JSON, calling `emit` with each piece in order.
fn write_json(
    value: &impl Serialize,
    pretty: bool,
    emit: impl FnMut(&str),
) -> Result<(), serde_json::Error> {
    let mut writer = PieceWriter {
        pending: Vec::with_capacity(PIECE_BYTES),
        emit,
    };
    if pretty {
        serde_json::to_writer_pretty(&mut writer, value)?;
    } else {
        serde_json::to_writer(&mut writer, value)?;
    }
    writer.hand_on(0);
    Ok(())
}

/// Collects serde_json's output and hands it on once about [`PIECE_BYTES`] have gathered.
struct PieceWriter<F: FnMut(&str)> {
    pending: Vec<u8>,
    emit: F,
}

impl<F: FnMut(&str)> PieceWriter<F> {
    /// Hands on what has gathered once it is past `threshold` bytes. Only whole characters go:
    /// a character cut by a write boundary waits for the rest of its bytes.
    fn hand_on(&mut self, threshold: usize) {
        if self.pending.len() <= threshold {
            return;
        }
        let whole = match std::str::from_utf8(&self.pending) {
            Ok(text) => text.len(),
            Err(error) => error.valid_up_to(),
        };
        if whole == 0 {
            return;
        }
        // The prefix was just checked, so this conversion cannot fail.
        if let Ok(text) = std::str::from_utf8(&self.pending[..whole]) {
            (self.emit)(text);
        }
        self.pending.drain(..whole);
    }
}

impl<F: FnMut(&str)> io::Write for PieceWriter<F> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(bytes);
        self.hand_on(PIECE_BYTES);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn pieces_of(value: &impl Serialize, pretty: bool) -> Vec<String> {
        let mut pieces = Vec::new();
        write_json(value, pretty, |piece| pieces.push(piece.to_string())).unwrap();
        pieces
    }

    #[test]
    fn the_pieces_join_into_serde_jsons_text() {
        let log = engine::synthetic::benchmark_log(40, 5_000);
        let pieces = pieces_of(&log, false);
        assert!(pieces.len() > 1, "a long log comes in several pieces");
        assert!(pieces.iter().all(|piece| piece.len() < 2 * PIECE_BYTES));
        assert_eq!(pieces.concat(), serde_json::to_string(&log).unwrap());
        assert_eq!(
            pieces_of(&log, true).concat(),
            serde_json::to_string_pretty(&log).unwrap()
        );
    }

    #[test]
    fn a_short_value_is_one_piece_and_an_empty_log_an_empty_array() {
        assert_eq!(pieces_of(&engine::ReviewLog::new(), false), ["[]"]);
    }

    #[test]
    fn a_character_cut_between_writes_is_handed_on_whole() {
        let mut pieces = Vec::new();
        let mut writer = PieceWriter {
            pending: Vec::new(),
            emit: |piece: &str| pieces.push(piece.to_string()),
        };
        let text = format!("{}é", "a".repeat(PIECE_BYTES));
        let (first, second) = text.as_bytes().split_at(text.len() - 1);
        writer.write_all(first).unwrap();
        writer.write_all(second).unwrap();
        writer.hand_on(0);
        drop(writer);
        assert_eq!(pieces, ["a".repeat(PIECE_BYTES), "é".to_string()]);
    }
}
