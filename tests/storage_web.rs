//! wasm-bindgen tests of `microlearn::storage` in headless Chromium: saving, two tabs, damaged
//! data seeded into IndexedDB, newer data left untouched, export/import, and a full disk.
#![cfg(target_arch = "wasm32")]

use engine::{EventId, ItemId, ReviewEvent};
use microlearn::storage::{StorageError, Store};
use persist::AppSettings;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::IdbDatabase;

mod storage_support;

use storage_support::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn answers_and_settings_survive_a_reload() {
    let store = fresh().await;
    for n in 0..3 {
        store
            .append_event(&event(&format!("a:{n}"), n))
            .await
            .unwrap();
    }
    let settings = AppSettings {
        onboarded: true,
        learner_name: "<b>Sam</b>".into(),
        ..AppSettings::default()
    };
    store.save_settings(&settings).await.unwrap();
    drop(store);
    let (_store, loaded) = Store::open().await.unwrap();
    assert_eq!(ids(loaded.log.events()), ["a:0", "a:1", "a:2"]);
    assert_eq!(loaded.settings, settings);
    assert_eq!(loaded.notices, []);
    assert_eq!(raw_all("events").await.len(), 3, "one record per answer");
}

#[wasm_bindgen_test]
async fn the_resume_point_is_saved_and_cleared() {
    let store = fresh().await;
    let resume = persist::ResumePoint {
        started_at_ms: NEW_YEAR_MS,
        queue: vec![persist::ResumeEntry {
            item_id: "q1".into(),
            variant: 1,
        }],
        position: 0,
        lesson_card: None,
    };
    store.save_resume(Some(&resume)).await.unwrap();
    assert_eq!(Store::open().await.unwrap().1.resume, Some(resume));
    store.save_resume(None).await.unwrap();
    assert_eq!(Store::open().await.unwrap().1.resume, None);
}

/// Two tabs are two stores with their own connection and channel end.
#[wasm_bindgen_test]
async fn two_tabs_answering_alternately_keep_every_answer_and_see_each_others() {
    fresh().await;
    let (first, _) = Store::open().await.unwrap();
    let (second, _) = Store::open().await.unwrap();
    let seen_by_first = Rc::new(RefCell::new(Vec::new()));
    let seen_by_second = Rc::new(RefCell::new(Vec::new()));
    let sink = |seen: Rc<RefCell<Vec<String>>>| {
        yew::Callback::from(move |events: Vec<ReviewEvent>| seen.borrow_mut().extend(ids(&events)))
    };
    first.on_remote_events(sink(seen_by_first.clone()));
    second.on_remote_events(sink(seen_by_second.clone()));
    for n in 0..6 {
        let tab = if n % 2 == 0 { &first } else { &second };
        tab.append_event(&event(&format!("tab{}:{n}", n % 2), n))
            .await
            .unwrap();
    }
    // BroadcastChannel delivers in a later task; a reload (a third store) needs no waiting.
    let (_third, loaded) = Store::open().await.unwrap();
    assert_eq!(loaded.log.len(), 6);
    wait_until(|| seen_by_first.borrow().len() == 3 && seen_by_second.borrow().len() == 3).await;
    assert_eq!(*seen_by_first.borrow(), ["tab1:1", "tab1:3", "tab1:5"]);
    assert_eq!(*seen_by_second.borrow(), ["tab0:0", "tab0:2", "tab0:4"]);
}

#[wasm_bindgen_test]
async fn damaged_records_are_quarantined_announced_and_the_rest_loads() {
    let store = fresh().await;
    store.append_event(&event("good:1", 0)).await.unwrap();
    store.append_event(&event("good:2", 1)).await.unwrap();
    drop(store);
    let truncated = r#"{"id":"cut:1","item_id":"cyber-security/phish"#;
    raw_put("events", "cut:1", truncated.into()).await;
    raw_put("events", "number", JsValue::from_f64(42.0)).await;
    raw_put(
        "meta",
        "settings",
        r#"{"onboarded":true,"theme":"neon","learner_name":"Jo"}"#.into(),
    )
    .await;
    raw_put("meta", "resume", "\u{0}\u{1}binary".into()).await;

    let (store, loaded) = Store::open().await.unwrap();
    assert_eq!(ids(loaded.log.events()), ["good:1", "good:2"]);
    assert!(loaded.settings.onboarded, "readable settings are kept");
    assert_eq!(loaded.settings.learner_name, "Jo");
    assert_eq!(loaded.resume, None);
    let titles: Vec<&str> = loaded
        .notices
        .iter()
        .map(|notice| notice.title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Some saved answers could not be read",
            "Some of your settings could not be read",
            "Your unfinished session could not be restored"
        ]
    );
    let kept: Vec<String> = raw_all("quarantine")
        .await
        .iter()
        .map(|v| v.as_string().unwrap())
        .collect();
    assert_eq!(kept.len(), 4);
    assert!(
        kept.iter()
            .any(|text| text.contains(&serde_json::to_string(truncated).unwrap()))
    );
    assert_eq!(
        raw_all("events").await.len(),
        2,
        "damaged records moved, not copied twice"
    );

    // Told once: the next load is clean, and the export carries the kept copies.
    drop(store);
    let (store, loaded) = Store::open().await.unwrap();
    assert_eq!(loaded.notices, []);
    let export: serde_json::Value = serde_json::from_str(&exported(&store).await).unwrap();
    assert_eq!(export["quarantined"].as_array().unwrap().len(), 4);
}

#[wasm_bindgen_test]
async fn data_from_a_newer_app_is_left_untouched() {
    let store = fresh().await;
    drop(store);
    raw_put("meta", "schema_version", "2".into()).await;
    raw_put("events", "z:1", r#"{"uid":"z:1","t":1}"#.into()).await;
    let (store, loaded) = Store::open().await.unwrap();
    assert_eq!(loaded.notices.len(), 1);
    assert!(loaded.notices[0].body.contains("Reload the page"));
    assert_eq!(
        store.append_event(&event("old-app:1", 0)).await,
        Err(StorageError::NewerVersion)
    );
    assert_eq!(store.reset().await, Err(StorageError::NewerVersion));
    let events = raw_all("events").await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].as_string().unwrap(), r#"{"uid":"z:1","t":1}"#);
    assert_eq!(
        raw_get("meta", "schema_version").await.as_string().unwrap(),
        "2"
    );
    assert_eq!(raw_all("quarantine").await.len(), 0);
    drop(store);
    raw_put("meta", "schema_version", "1".into()).await;
}

#[wasm_bindgen_test]
async fn export_then_import_into_an_emptied_device_restores_everything_once() {
    let store = fresh().await;
    for n in 0..4 {
        store
            .append_event(&event(&format!("e:{n}"), n))
            .await
            .unwrap();
    }
    let settings = AppSettings {
        onboarded: true,
        learner_name: "Sam".into(),
        ..AppSettings::default()
    };
    store.save_settings(&settings).await.unwrap();
    let file = exported(&store).await;
    store.reset().await.unwrap();
    assert_eq!(Store::open().await.unwrap().1.log.len(), 0);

    let delivered = Rc::new(RefCell::new(0));
    let counter = delivered.clone();
    store.on_remote_events(yew::Callback::from(move |events: Vec<ReviewEvent>| {
        *counter.borrow_mut() += events.len();
    }));
    let report = store.import_json(&file).await.unwrap();
    assert_eq!((report.events_added, report.settings_changed), (4, true));
    assert_eq!(
        *delivered.borrow(),
        4,
        "this tab's app is handed the imported answers"
    );
    let again = store.import_json(&file).await.unwrap();
    assert_eq!((again.events_added, again.events_already_present), (0, 4));
    assert!(!again.settings_changed);
    let (_, loaded) = Store::open().await.unwrap();
    assert_eq!(loaded.log.len(), 4);
    assert_eq!(loaded.settings, settings);
}

#[wasm_bindgen_test]
async fn hostile_files_are_refused_with_a_message_and_change_nothing() {
    let store = fresh().await;
    store.append_event(&event("keep:1", 0)).await.unwrap();
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let huge_name = format!(
        r#"{{"format":"microlearn-export","schema_version":1,"exported_at_ms":0,"settings":{{"learner_name":"{}"}},"events":[]}}"#,
        "A".repeat(2_000_000)
    );
    let wrong_types = r#"{"format":"microlearn-export","schema_version":1,"exported_at_ms":0,"settings":{},"events":[{"id":5}]}"#;
    for file in [
        deep.as_str(),
        huge_name.as_str(),
        wrong_types,
        "<script>alert(1)</script>",
        "",
    ] {
        match store.import_json(file).await {
            Err(StorageError::Unreadable(message)) => {
                assert!(
                    message.ends_with("Nothing on this device was changed."),
                    "{message}"
                )
            }
            other => panic!("accepted a hostile file: {other:?}"),
        }
    }
    let (_, loaded) = Store::open().await.unwrap();
    assert_eq!(ids(loaded.log.events()), ["keep:1"]);
    assert_eq!(loaded.settings, AppSettings::default());
}

#[wasm_bindgen_test]
async fn a_full_disk_keeps_the_answer_in_memory_writes_nothing_and_saves_it_later() {
    let store = fresh().await;
    store.append_event(&event("saved:1", 0)).await.unwrap();
    // Full: the next answer's save fails at its first record.
    fill_disk(0);
    let result = store.append_event(&event("unsaved:2", 1)).await;
    // Nearly full, room for one record: the next save (the waiting answer and a new one) writes
    // its first record inside the transaction, then fails. The whole transaction must roll back.
    fill_disk(1);
    let result_again = store.append_event(&event("unsaved:3", 2)).await;
    let stored_while_full = stored_ids().await;
    free_disk();
    assert_eq!(result, Err(StorageError::QuotaExceeded));
    assert_eq!(result_again, Err(StorageError::QuotaExceeded));
    assert_eq!(stored_while_full, ["saved:1"], "nothing half-written");
    assert_eq!(store.unsaved_count(), 2);
    let export: serde_json::Value = serde_json::from_str(&exported(&store).await).unwrap();
    let exported: Vec<&str> = export["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|event| event["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        exported,
        ["saved:1", "unsaved:2", "unsaved:3"],
        "the export offered holds them"
    );

    // Room again: the next answer's save writes the waiting ones with it.
    store.append_event(&event("later:4", 3)).await.unwrap();
    assert_eq!(store.unsaved_count(), 0);
    assert_eq!(
        stored_ids().await,
        ["later:4", "saved:1", "unsaved:2", "unsaved:3"]
    );
    drop(store);
    let (_, loaded) = Store::open().await.unwrap();
    assert_eq!(
        ids(loaded.log.events()),
        ["saved:1", "unsaved:2", "unsaved:3", "later:4"]
    );
    assert_eq!(loaded.notices, [], "every record reads back whole");
}

#[wasm_bindgen_test]
async fn bytes_per_review_as_stored() {
    let store = fresh().await;
    let manager = web_sys::window().unwrap().navigator().storage();
    let usage = || async {
        let estimate: web_sys::StorageEstimate = JsFuture::from(manager.estimate().unwrap())
            .await
            .unwrap()
            .unchecked_into();
        estimate.get_usage().unwrap_or(0.0)
    };
    let before = usage().await;
    let count = 1_000;
    // Real item ids from the bundled content and event ids as the app makes them: ids are most
    // of a record's bytes, so made-up short ones would understate the figure.
    let item_ids = real_item_ids();
    let events: Vec<ReviewEvent> = (0..count)
        .map(|n| {
            let mut answer = event("", n);
            answer.id = EventId::new(app_event_id(answer.at_ms, n as u32));
            answer.item_id = ItemId::new(item_ids[n as usize % item_ids.len()].clone());
            answer
        })
        .collect();
    for answer in &events {
        store.append_event(answer).await.unwrap();
    }
    let after = usage().await;
    // One record per answer: its key (the event id) and its value (the event as JSON text).
    let record_bytes: usize = events
        .iter()
        .map(|e| e.id.0.len() + serde_json::to_string(e).unwrap().len())
        .sum();
    let per_review_text = record_bytes / count as usize;
    let per_review_disk = (after - before) / count as f64;
    web_sys::console::log_1(
        &format!("bytes per review: {per_review_text} as key and JSON text, {per_review_disk:.0} by navigator.storage.estimate()").into(),
    );
    assert!(
        per_review_text < 300,
        "{per_review_text} bytes of key and JSON per review"
    );
}

#[wasm_bindgen_test]
async fn a_database_created_empty_by_something_else_gets_its_stores() {
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    request(&factory.delete_database("microlearn").unwrap()).await;
    let empty: IdbDatabase = request(&factory.open("microlearn").unwrap())
        .await
        .unchecked_into();
    assert_eq!(empty.object_store_names().length(), 0);
    empty.close();
    let (store, loaded) = Store::open().await.unwrap();
    assert_eq!(loaded.notices, []);
    store.append_event(&event("after:1", 0)).await.unwrap();
    drop(store);
    assert_eq!(raw_all("events").await.len(), 1);
}

/// An answer broadcast while a tab is still starting (before the app listens) is not lost: it
/// is held and handed over when the app registers.
#[wasm_bindgen_test]
async fn answers_from_another_tab_before_the_app_listens_are_delivered_when_it_does() {
    fresh().await;
    let (starting, _) = Store::open().await.unwrap();
    let (probe, _) = Store::open().await.unwrap();
    let (answering, _) = Store::open().await.unwrap();
    let seen_by_probe = Rc::new(RefCell::new(Vec::new()));
    let sink = |seen: Rc<RefCell<Vec<String>>>| {
        yew::Callback::from(move |events: Vec<ReviewEvent>| seen.borrow_mut().extend(ids(&events)))
    };
    probe.on_remote_events(sink(seen_by_probe.clone()));
    answering.append_event(&event("early:1", 0)).await.unwrap();
    // Once the probe has it, the message has reached every tab, the starting one included.
    wait_until(|| seen_by_probe.borrow().len() == 1).await;
    let seen_by_starting = Rc::new(RefCell::new(Vec::new()));
    starting.on_remote_events(sink(seen_by_starting.clone()));
    wait_until(|| seen_by_starting.borrow().len() == 1).await;
    assert_eq!(*seen_by_starting.borrow(), ["early:1"]);
}
