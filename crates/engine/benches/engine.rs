//! Criterion benchmarks for the engine's hot paths: planning a session, replaying a log and
//! fitting personal parameters, on simulated learners of the sizes the issue names.

use criterion::{Criterion, criterion_group, criterion_main};
use engine::parameters::fit_parameters;
use engine::synthetic::{PlanWorkload, benchmark_log, plan_workload};
use engine::*;
use std::hint::black_box;
use std::time::Duration;

fn benchmarks(criterion: &mut Criterion) {
    let scheduler = Scheduler::default();
    let log = benchmark_log(10_000, 100_000);
    let state = replay(&log, &scheduler).expect("simulated logs replay");
    let PlanWorkload {
        catalogue,
        settings,
        now_ms: now,
    } = plan_workload(10_000, &log);

    let session = plan(&state, &catalogue, &settings, &scheduler, now, 7);
    eprintln!(
        "workload: {} items introduced, {} due, {} queued, {} left over",
        state.items.len(),
        session.due_total,
        session.queue.len(),
        session.leftover_due
    );
    criterion.bench_function("plan: 10,000 items, 100,000 reviews", |bench| {
        bench.iter(|| plan(black_box(&state), &catalogue, &settings, &scheduler, now, 7))
    });
    criterion.bench_function("replay: 100,000 reviews", |bench| {
        bench.iter(|| replay(black_box(&log), &scheduler).expect("replays"))
    });

    let fit_log = benchmark_log(2_500, 25_000);
    let mut group = criterion.benchmark_group("fit");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("fit parameters: 25,000 reviews", |bench| {
        bench.iter(|| fit_parameters(black_box(&fit_log), &fsrs::DEFAULT_PARAMETERS).expect("fits"))
    });
    group.finish();
}

criterion_group! {
    name = engine_benches;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(5));
    targets = benchmarks
}
criterion_main!(engine_benches);
