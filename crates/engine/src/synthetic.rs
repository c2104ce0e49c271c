//! A seeded, simulated learner that produces realistic review logs for tests, benchmarks and
//! demonstrations. Pure: the seed drives a small SplitMix64 generator, never a system source.

use crate::catalogue::{Catalogue, Item, Lesson, Module};
use crate::log::{EventId, EventKind, ItemId, ItemKind, Rating, ReviewEvent, ReviewLog};
use crate::scheduler::{CardState, Scheduler};
use crate::settings::Settings;
use crate::time::{DAY_MS, MINUTE_MS};

/// A SplitMix64 pseudo-random generator: tiny, fast and fully determined by its seed.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut value = self.0;
        value = (value ^ (value >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        value = (value ^ (value >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        value ^ (value >> 31)
    }

    /// A uniform number in `0.0..1.0`.
    pub fn next_unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// What to simulate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SyntheticLearner {
    /// Items available to learn.
    pub items: usize,
    /// Stop after this many answers.
    pub reviews: usize,
    /// New items introduced per day.
    pub new_items_per_day: usize,
    /// Timestamp of the first study day, UTC ms.
    pub start_ms: i64,
    /// Seed for the answers.
    pub seed: u64,
}

/// The first study day of the benchmark learners (1 January 2025, UTC).
pub const BENCHMARK_START_MS: i64 = 1_735_718_400_000;

/// The seeded learner every benchmark measures (criterion, the wasm harness and `cargo xtask
/// bench`), so their figures describe the same data: 60 new items a day, FSRS's average memory.
pub fn benchmark_log(items: usize, reviews: usize) -> ReviewLog {
    let learner = SyntheticLearner {
        items,
        reviews,
        new_items_per_day: 60,
        start_ms: BENCHMARK_START_MS,
        seed: 1,
    };
    simulate_learner(&learner, &Scheduler::default(), &Scheduler::default())
}

/// What the planning benchmarks plan with, so criterion, the wasm harness and `cargo xtask bench`
/// measure the same work.
#[derive(Debug, Clone)]
pub struct PlanWorkload {
    pub catalogue: Catalogue,
    pub settings: Settings,
    /// A day after the log's last answer.
    pub now_ms: i64,
}

/// `items` items in lessons of 20, at most 25 lessons to a module (10,000 items are 20 modules x
/// 25 lessons x 20), planned for 20 minutes and 20 new items a day.
pub fn plan_workload(items: usize, log: &ReviewLog) -> PlanWorkload {
    let modules = items.div_ceil(500).max(1);
    PlanWorkload {
        catalogue: synthetic_catalogue(modules, items / (modules * 20), 20),
        settings: Settings {
            daily_minutes: 20,
            new_items_per_day: 20,
            ..Settings::default()
        },
        now_ms: log
            .events()
            .last()
            .map_or(BENCHMARK_START_MS, |event| event.at_ms)
            + DAY_MS,
    }
}

/// Simulates a learner who studies most days: the app schedules with `schedule`, while the
/// learner's real memory follows `truth` (pass the same scheduler twice for a learner who is
/// exactly FSRS's average person). Each due item is answered on its due day or up to three days
/// late; recall is drawn from `truth`'s predicted probability; right answers are Good, or Hard
/// (15%) or Easy (10%). Returns the resulting log.
pub fn simulate_learner(
    learner: &SyntheticLearner,
    truth: &Scheduler,
    schedule: &Scheduler,
) -> ReviewLog {
    let mut random = SplitMix64::new(learner.seed);
    let mut memories: Vec<Option<CardState>> = vec![None; learner.items];
    let mut cards: Vec<Option<CardState>> = vec![None; learner.items];
    let mut review_day: Vec<i64> = vec![0; learner.items];
    let mut events = Vec::with_capacity(learner.reviews);
    let mut introduced = 0;
    let mut day = 0i64;
    while events.len() < learner.reviews && day < 100_000 {
        let mut now = learner.start_ms + day * DAY_MS;
        let day_end = now + DAY_MS;
        let newly = (introduced + learner.new_items_per_day).min(learner.items);
        let mut todo: Vec<usize> = (introduced..newly).collect();
        introduced = newly;
        todo.extend(
            (0..introduced).filter(|&index| cards[index].is_some() && review_day[index] == day),
        );
        for index in todo {
            // Same-day learning steps: keep answering until the item leaves today.
            loop {
                if events.len() >= learner.reviews {
                    return ReviewLog::from_events(events);
                }
                let rating = simulated_rating(&mut random, truth, memories[index].as_ref(), now);
                let memory = truth.apply(memories[index].as_ref(), rating, now);
                let card = schedule.apply(cards[index].as_ref(), rating, now);
                let (Ok(memory), Ok(card)) = (memory, card) else {
                    break;
                };
                events.push(event(events.len(), index, now, rating, &mut random));
                memories[index] = Some(memory);
                cards[index] = Some(card);
                now += MINUTE_MS / 2;
                if card.due_ms >= day_end {
                    let late_days = (random.next_u64() % 4) as i64;
                    review_day[index] =
                        (card.due_ms - learner.start_ms).div_euclid(DAY_MS) + late_days;
                    break;
                }
                now = now.max(card.due_ms);
            }
        }
        day += 1;
    }
    ReviewLog::from_events(events)
}

fn simulated_rating(
    random: &mut SplitMix64,
    scheduler: &Scheduler,
    card: Option<&CardState>,
    now_ms: i64,
) -> Rating {
    let recall = card.map_or(0.6, |card| {
        f64::from(scheduler.retrievability(card, now_ms))
    });
    if random.next_unit() >= recall {
        return Rating::Again;
    }
    match random.next_unit() {
        draw if draw < 0.15 => Rating::Hard,
        draw if draw < 0.25 => Rating::Easy,
        _ => Rating::Good,
    }
}

fn event(
    index: usize,
    item: usize,
    at_ms: i64,
    rating: Rating,
    random: &mut SplitMix64,
) -> ReviewEvent {
    ReviewEvent {
        id: EventId(format!("sim-{index}")),
        item_id: ItemId(format!("item-{item}")),
        item_version: 1,
        item_kind: ItemKind::ALL[item % ItemKind::ALL.len()],
        at_ms,
        rating,
        score: if rating.is_recall() { 1.0 } else { 0.0 },
        response_ms: 4_000 + (random.next_u64() % 20_000) as u32,
        confidence: None,
        kind: EventKind::Review,
    }
}

/// A catalogue whose item ids match [`simulate_learner`]'s (`item-0`, `item-1`, ...): `modules`
/// modules of `lessons` lessons of `items_per_lesson` items, each lesson requiring the one
/// before it.
pub fn synthetic_catalogue(modules: usize, lessons: usize, items_per_lesson: usize) -> Catalogue {
    let module = |module: usize| Module {
        id: format!("m{module}"),
        skill_domain: format!("d{}", module % 4),
        placement_max_questions: None,
        desired_retention: None,
        lessons: (0..lessons)
            .map(|lesson| Lesson {
                id: format!("m{module}-l{lesson}"),
                prerequisites: if lesson == 0 {
                    vec![]
                } else {
                    vec![format!("m{module}-l{}", lesson - 1)]
                },
                items: (0..items_per_lesson)
                    .map(|item| Item {
                        id: ItemId(format!(
                            "item-{}",
                            (module * lessons + lesson) * items_per_lesson + item
                        )),
                        kind: ItemKind::ALL[item % ItemKind::ALL.len()],
                        version: 1,
                        difficulty: 3,
                        placement: item == 0,
                    })
                    .collect(),
            })
            .collect(),
    };
    Catalogue {
        modules: (0..modules).map(module).collect(),
    }
}
