//! Build settings for the split release build (src/split.rs): a cfg and the linker's relocations.

fn main() {
    // `cargo xtask build` sets MICROLEARN_SPLIT=1 for trunk's cargo run: the app then calls its
    // later screens through wasm-split's names, and wasm-split (xtask/src/split.rs) works out which
    // functions each module reaches from the linker's relocations (wasm-opt drops them from what
    // ships). Other builds (tests, `cargo xtask dev`) call the screens directly. An environment
    // variable rather than a cargo feature, so trunk's other pipeline (the optimiser worker) and
    // `trunk serve` need no feature list; only this crate rebuilds when it changes.
    println!("cargo::rustc-check-cfg=cfg(microlearn_split)");
    println!("cargo::rerun-if-env-changed=MICROLEARN_SPLIT");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if wasm && std::env::var_os("MICROLEARN_SPLIT").is_some_and(|value| value == "1") {
        println!("cargo::rustc-cfg=microlearn_split");
        println!("cargo::rustc-link-arg-bin=microlearn=--emit-relocs");
    }
}
