//! `factlint rules test`: the bundled and example packs pass their own
//! examples; a wrong example fails with its pack's file and line.

mod common;

use common::*;

#[test]
fn bundled_and_example_packs_pass() {
    let output = factlint(&["rules", "test"]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    assert!(stdout(&output).contains(" passed, 0 failed"));
    let output = factlint(&["rules", "test", "rules/examples"]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
}

#[test]
fn a_wrong_example_fails_with_its_location() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("house.yaml"),
        "pack: house\ntypos:\n  - { find: goverment, replace: government }\nexamples:\n  - { text: 'The goverment met.', expect: [typo/substitution] }\n  - { text: 'The government met.', expect: [typo/substitution] }\n  - { text: 'The goverment met.', expect_not: [typo/substitution] }\n",
    )
    .unwrap();
    let output = factlint_in(
        dir.path(),
        &["rules", "test", "house.yaml", "--no-default-rules"],
        None,
    );
    assert_eq!(code(&output), 1);
    let out = stdout(&output);
    assert!(out.contains("FAIL house.yaml:6:"), "{out}");
    assert!(out.contains("expected typo/substitution"), "{out}");
    assert!(out.contains("FAIL house.yaml:7:"), "{out}");
    assert!(out.contains("did not expect typo/substitution"), "{out}");
    assert!(out.contains("1 passed, 2 failed"), "{out}");
}
