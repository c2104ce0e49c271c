//! The benchmark workloads as a plain program, so they can be timed where criterion cannot run,
//! such as WebAssembly: `cargo build --release -p engine --example wasm_bench --target
//! wasm32-wasip1`, then run the .wasm under a WASI host (see BENCHMARKS.md). It also runs
//! natively with `cargo run --release -p engine --example wasm_bench`.

use engine::parameters::fit_parameters;
use engine::synthetic::{PlanWorkload, benchmark_log, plan_workload};
use engine::{Scheduler, plan, replay};
use std::time::Instant;

/// Runs `work` `runs` times and prints the median and fastest time in milliseconds.
fn time(name: &str, runs: usize, mut work: impl FnMut()) {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed().as_secs_f64() * 1_000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "{name}: median {:.3} ms, fastest {:.3} ms ({runs} runs)",
        times[runs / 2],
        times[0]
    );
}

fn main() {
    let scheduler = Scheduler::default();
    let log = benchmark_log(10_000, 100_000);
    let state = replay(&log, &scheduler).expect("simulated logs replay");
    let PlanWorkload {
        catalogue,
        settings,
        now_ms: now,
    } = plan_workload(10_000, &log);
    time("plan: 10,000 items, 100,000 reviews", 50, || {
        std::hint::black_box(plan(&state, &catalogue, &settings, &scheduler, now, 7));
    });
    time("replay: 100,000 reviews", 20, || {
        std::hint::black_box(replay(&log, &scheduler).expect("replays"));
    });
    let fit_log = benchmark_log(2_500, 25_000);
    time("fit parameters: 25,000 reviews", 10, || {
        std::hint::black_box(fit_parameters(&fit_log, &fsrs::DEFAULT_PARAMETERS).expect("fits"));
    });
}
