//! Link step for the split release build: keep the relocations wasm-split needs for its call graph.

fn main() {
    // wasm-split (run by `cargo xtask build`, see src/split.rs) works out which functions each
    // module reaches from the linker's relocations; wasm-opt drops them from what ships.
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bin=microlearn=--emit-relocs");
    }
}
