//! `disable: [pack.id]` in factlint.yaml turns off one bundled entry (a
//! typo pair, an example…) without forking its pack; an id no pack
//! defines is a located configuration error with the nearest id.

mod common;

use common::*;

/// A newsroom folder with a house pack that accepts «recieved», which
/// makes the bundled example `typos-en.flags-recieved` fail.
fn newsroom(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("rules")).unwrap();
    std::fs::write(
        dir.path().join("rules/house.yaml"),
        "pack: house\n# House style: the wire's spelling of one word stays.\naccept: [recieved]\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("factlint.yaml"), config).unwrap();
    dir
}

#[test]
fn a_house_rule_that_breaks_a_bundled_example_is_fixed_by_disabling_it() {
    let dir = newsroom("rules: [rules]\n");
    let output = factlint_in(dir.path(), &["rules", "test"], None);
    let out = stdout(&output);
    assert_eq!(code(&output), 1, "{out}");
    assert!(
        out.contains("FAIL <bundled>/rules/typos/en-common.yaml:"),
        "{out}"
    );
    assert!(out.contains("expected typo/substitution"), "{out}");

    let dir = newsroom("rules: [rules]\ndisable: [typos-en.flags-recieved]\n");
    let output = factlint_in(dir.path(), &["rules", "test"], None);
    let out = stdout(&output);
    assert_eq!(code(&output), 0, "{out}{}", stderr(&output));
    assert!(out.contains(" passed, 0 failed, 1 skipped"), "{out}");

    // `rules list` names it, and marks it with --ids.
    let output = factlint_in(dir.path(), &["rules", "list"], None);
    assert!(
        stdout(&output).contains("    disabled: typos-en.flags-recieved\n"),
        "{}",
        stdout(&output)
    );
    let output = factlint_in(dir.path(), &["rules", "list", "--ids"], None);
    let out = stdout(&output);
    assert!(
        out.contains("example      typos-en.flags-recieved  [disabled]\n"),
        "{out}"
    );
    assert!(
        out.contains("example      typos-en.flags-goverment\n"),
        "{out}"
    );
}

#[test]
fn a_disabled_typo_pair_is_not_reported() {
    let article = "Talks\n\nThe ministry did not recieve the goverment report.\n";
    let run = |config: &str| {
        let dir = newsroom(config);
        std::fs::write(dir.path().join("a.txt"), article).unwrap();
        let output = factlint_in(dir.path(), &["check", "a.txt", "--format", "json"], None);
        let found: Vec<String> = json(&output)["files"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"]["id"].as_str().unwrap_or_default().to_string())
            .collect();
        (code(&output), found)
    };
    assert_eq!(
        run(""),
        (1, vec!["recieve".to_string(), "goverment".to_string()])
    );
    assert_eq!(
        run("disable: [typos-en.recieve]\n"),
        (1, vec!["goverment".to_string()])
    );
    assert_eq!(
        run("disable: [typos-en.recieve, typos-en.goverment]\n"),
        (0, vec![])
    );
}

#[test]
fn an_unknown_id_is_a_located_configuration_error() {
    let dir = newsroom("rules: [rules]\ndisable:\n  - typos-en.recieev\n  - goverment\n");
    std::fs::write(dir.path().join("a.txt"), "The goverment met.\n").unwrap();
    for args in [
        &["rules", "validate"][..],
        &["rules", "test"][..],
        &["check", "a.txt"][..],
    ] {
        let output = factlint_in(dir.path(), args, None);
        let err = stderr(&output);
        assert_eq!(code(&output), 2, "{args:?}: {err}");
        assert!(
            err.contains("factlint.yaml:3:5: `disable` names `typos-en.recieev`"),
            "{err}"
        );
        assert!(err.contains("did you mean `typos-en.recieve`?"), "{err}");
        assert!(
            err.contains("factlint.yaml:4:5: `disable` names `goverment`"),
            "{err}"
        );
        assert!(err.contains("did you mean `typos-en.goverment`?"), "{err}");
        assert!(err.contains("the configuration"), "{err}");
    }
    // A finding code is refused when the configuration loads.
    let dir = newsroom("disable: [typo/substitution]\n");
    let output = factlint_in(dir.path(), &["rules", "list"], None);
    let err = stderr(&output);
    assert_eq!(code(&output), 2);
    assert!(
        err.contains("factlint.yaml:1:11: `typo/substitution` is a finding code"),
        "{err}"
    );
    assert!(err.contains("put it under `ignore:`"), "{err}");
}
