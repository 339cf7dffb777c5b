//! Every fixture article is checked and its JSON findings compared with its
//! `*.expect.yaml`: each `must` entry is found (code, line, text), nothing
//! else is, and no `must_not` entry is. Every code, expected or reported,
//! must be in the registry, with a fix no safer than the registry says.

mod common;

use common::*;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    #[serde(default)]
    rules: Vec<String>,
    date: Option<String>,
    #[serde(default)]
    must: Vec<Item>,
    #[serde(default)]
    must_not: Vec<Item>,
}

#[derive(Debug, Deserialize, Clone, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
struct Item {
    code: String,
    line: u64,
    text: String,
}

/// The items of `a` not matched one for one in `b` (both sorted).
fn multiset_difference<'a>(a: &'a [Item], b: &[Item]) -> Vec<&'a Item> {
    let mut rest: Vec<&Item> = b.iter().collect();
    a.iter()
        .filter(|item| match rest.iter().position(|r| r == item) {
            Some(i) => {
                rest.remove(i);
                false
            }
            None => true,
        })
        .collect()
}

/// The registry entry of a code a fixture names or a run reports.
fn registered(code: &str, what: &str) -> &'static factlint::finding::CodeInfo {
    factlint::checks::codes::lookup(code)
        .unwrap_or_else(|| panic!("{what}: `{code}` is not in the registry"))
}

#[test]
fn fixtures_match_their_expected_findings() {
    let mut checked = 0;
    let mut dir: Vec<_> = std::fs::read_dir(root().join("fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dir.sort();
    for expect_path in dir
        .iter()
        .filter(|p| p.to_string_lossy().ends_with(".expect.yaml"))
    {
        let name = expect_path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".expect.yaml", "");
        let article = dir
            .iter()
            .find(|p| {
                let f = p.file_name().unwrap().to_string_lossy();
                f.starts_with(&format!("{name}.")) && !f.ends_with(".expect.yaml")
            })
            .unwrap_or_else(|| panic!("no article for {}", expect_path.display()));
        let expect: Expect =
            serde_saphyr::from_str(&std::fs::read_to_string(expect_path).unwrap()).unwrap();
        let article_rel = article.strip_prefix(root()).unwrap().display().to_string();
        let mut args = vec![
            "check".to_string(),
            article_rel.clone(),
            "--format".into(),
            "json".into(),
        ];
        for r in &expect.rules {
            args.extend(["--rules".to_string(), r.clone()]);
        }
        if let Some(date) = &expect.date {
            args.extend(["--date".to_string(), date.clone()]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = factlint(&args);
        assert!(code(&output) < 2, "{article_rel}: {}", stderr(&output));
        let report = json(&output);
        let text = std::fs::read_to_string(article).unwrap();
        let mut found: Vec<Item> = report["files"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let info = registered(f["code"].as_str().unwrap(), &article_rel);
                if let Some(fix) = f["fix"]["applicability"].as_str() {
                    let allowed = info.fix.map_or("none", |a| a.as_str());
                    let rank = |a: &str| {
                        ["none", "display-only", "unsafe", "safe"]
                            .iter()
                            .position(|x| *x == a)
                    };
                    assert!(
                        rank(fix) <= rank(allowed),
                        "{article_rel}: {} offers a {fix} fix; the registry allows {allowed}",
                        info.code
                    );
                }
                let (s, e) = (
                    f["span"]["start"].as_u64().unwrap() as usize,
                    f["span"]["end"].as_u64().unwrap() as usize,
                );
                Item {
                    code: f["code"].as_str().unwrap().to_string(),
                    line: f["span"]["line"].as_u64().unwrap(),
                    text: text[s..e].to_string(),
                }
            })
            .collect();
        for item in expect.must.iter().chain(&expect.must_not) {
            registered(&item.code, &expect_path.display().to_string());
        }
        // Compared as multisets: the same words flagged twice must be
        // listed twice.
        found.sort();
        let mut must = expect.must.clone();
        must.sort();
        let missing: Vec<_> = multiset_difference(&must, &found);
        let extra: Vec<_> = multiset_difference(&found, &must);
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{article_rel}:\nmissing {missing:#?}\nextra {extra:#?}"
        );
        for item in &expect.must_not {
            assert!(
                !found.contains(item),
                "{article_rel}: must not flag {item:?}"
            );
            assert!(
                text.lines()
                    .nth(item.line as usize - 1)
                    .is_some_and(|l| l.contains(&item.text)),
                "{article_rel}: must_not entry {item:?} does not point at its text"
            );
        }
        checked += 1;
    }
    assert!(checked >= 7, "only {checked} fixtures found");
}
