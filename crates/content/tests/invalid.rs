//! Each kind of content error has a fixture under `tests/fixtures/invalid/<kind>/` whose
//! `expected.txt` holds the exact messages the checker must print, in order.
//!
//! After changing a message on purpose, regenerate the files with
//! `BLESS=1 cargo test -p content --test invalid` and review the diff.

mod common;

use std::collections::BTreeSet;
use std::fs;

use content::{ErrorKind, Options, check};

fn assert_fixture(kind: ErrorKind) {
    let dir = common::fixture(&format!("invalid/{}", kind.code()));
    let tree = common::load(&dir);
    let errors = match check(&tree, &Options::default()) {
        Ok(_) => panic!("fixture `{}` should be invalid", kind.code()),
        Err(errors) => errors,
    };
    let actual: String = errors
        .lines()
        .iter()
        .map(|line| format!("{line}\n"))
        .collect();
    let expected_path = dir.join("expected.txt");
    if std::env::var_os("BLESS").is_some() {
        fs::write(&expected_path, &actual).expect("expected.txt is writable");
    }
    let expected = fs::read_to_string(&expected_path).expect("the fixture has expected.txt");
    assert_eq!(actual, expected, "messages for fixture `{}`", kind.code());
    assert!(
        errors.0.iter().any(|e| e.kind == kind),
        "fixture `{}` should report that kind",
        kind.code()
    );
}

macro_rules! fixture_tests {
    ($($name:ident => $kind:ident,)*) => {
        $(
            #[test]
            fn $name() {
                assert_fixture(ErrorKind::$kind);
            }
        )*
    };
}

fixture_tests! {
    toml_syntax => TomlSyntax,
    unknown_key => UnknownKey,
    missing_key => MissingKey,
    wrong_type => WrongType,
    invalid_value => InvalidValue,
    bad_id => BadId,
    id_mismatch => IdMismatch,
    duplicate_id => DuplicateId,
    answer => Answer,
    empty_text => EmptyText,
    source => Source,
    missing_image => MissingImage,
    missing_alt => MissingAlt,
    raw_html => RawHtml,
    unsafe_link => UnsafeLink,
    lesson_too_long => LessonTooLong,
    no_items => NoItems,
    unknown_domain => UnknownDomain,
    spot => Spot,
    scenario => Scenario,
    working => Working,
    data => Data,
    front_matter => FrontMatter,
    card_structure => CardStructure,
    lesson_list => LessonList,
    module_folder => ModuleFolder,
    prerequisite => Prerequisite,
    placement => Placement,
}

#[test]
fn every_kind_has_exactly_one_fixture_folder() {
    let folders: BTreeSet<String> = fs::read_dir(common::fixture("invalid"))
        .expect("the invalid fixtures folder")
        .map(|entry| {
            entry
                .expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let kinds: BTreeSet<String> = ErrorKind::ALL
        .iter()
        .map(|k| k.code().to_string())
        .collect();
    assert_eq!(folders, kinds);
}
