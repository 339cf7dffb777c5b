//! The dictionary-backed Arabic checks (`typo/spelling`, the Arabic rule of
//! `consistency/spelling`, «بعد» for «بعض» in `typo/confusable`) and the
//! `accept:` allow-list, each with a firing sentence and a silent twin.

use std::sync::Arc;

use factlint::article::{Article, LoadOptions};
use factlint::checks::{self, CheckOptions};
use factlint::finding::Applicability;
use factlint::rules::{RuleSet, load::parse_pack};

fn rules(pack: &str) -> RuleSet {
    let packs = if pack.is_empty() {
        Vec::new()
    } else {
        vec![parse_pack("house.yaml", Arc::from(pack), false).expect("the pack is valid")]
    };
    RuleSet::from_packs(packs).expect("the patterns compile")
}

/// (code, flagged text, replacement) for every finding of `codes`.
fn findings_with(
    text: &str,
    rules: &RuleSet,
    options: &CheckOptions,
) -> Vec<(&'static str, String, Option<String>)> {
    let mut article = Article::from_text("t.txt", text, &LoadOptions::default());
    checks::run_all(&mut article, rules, options)
        .into_iter()
        .filter(|f| f.code().starts_with("typo/") || f.code() == "consistency/spelling")
        .map(|f| {
            (
                f.code(),
                article.text[f.range.clone()].to_string(),
                f.fix.map(|x| x.replacement),
            )
        })
        .collect()
}

fn findings(text: &str) -> Vec<(&'static str, String, Option<String>)> {
    findings_with(text, &rules(""), &CheckOptions::default())
}

#[test]
fn spelling_flags_a_common_misspelling_and_not_its_twin() {
    let found = findings("ارتفعت أعداد السياحه الداخلية هذا العام.\n");
    assert_eq!(
        found,
        vec![(
            "typo/spelling",
            "السياحه".to_string(),
            Some("السياحة".to_string())
        )]
    );
    assert_eq!(
        findings("ارتفعت أعداد السياحة الداخلية هذا العام.\n"),
        vec![]
    );
}

#[test]
fn spelling_catches_dad_and_zaa_and_article_with_pronoun() {
    let found = findings("أكدت الأمانه العامة أن الخطة وتظمن تخفيظات كبيرة.\n");
    let words: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
    assert_eq!(words, vec!["الأمانه", "وتظمن", "تخفيظات"]);
    assert!(found.iter().all(|f| f.0 == "typo/spelling"));
    assert_eq!(
        findings("أكدت الأمانة العامة أن الخطة تتضمن تخفيضات كبيرة.\n"),
        vec![]
    );
}

#[test]
fn dropped_hamza_is_reported_only_when_strict() {
    let text = "وقال إن اسرائيل تواصل عملياتها.\n";
    assert_eq!(findings(text), vec![]);
    let strict = CheckOptions {
        arabic_strict_spelling: true,
        ..CheckOptions::default()
    };
    let found = findings_with(text, &rules(""), &strict);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].1, "اسرائيل");
}

#[test]
fn arabic_article_local_slip_points_at_the_rare_form() {
    let text =
        "شهدت المنطقة أمطارا غزيرة. وتأثرت المنطقة بالرياح أمس. وفي النمطقة الشرقية هدأ الطقس.\n";
    let found = findings(text);
    assert_eq!(
        found,
        vec![(
            "consistency/spelling",
            "النمطقة".to_string(),
            Some("المنطقة".to_string())
        )]
    );
    let twin =
        "شهدت المنطقة أمطارا غزيرة. وتأثرت المنطقة بالرياح أمس. وفي المنطقة الشرقية هدأ الطقس.\n";
    assert_eq!(findings(twin), vec![]);
}

#[test]
fn baad_before_a_plural_and_a_definite_noun_is_baad() {
    let found = findings("واعترضت بعد مناطق المملكة على القرار.\n");
    assert_eq!(
        found,
        vec![(
            "typo/confusable",
            "بعد مناطق".to_string(),
            Some("بعض مناطق".to_string())
        )]
    );
    assert_eq!(findings("وعاد الوفد بعد انتهاء الاجتماع.\n"), vec![]);
    assert_eq!(findings("وعاد الموظفون بعد ساعات العمل.\n"), vec![]);
}

#[test]
fn accept_in_a_pack_silences_spelling_and_typo_checks() {
    let text = "ارتفعت أعداد السياحه الداخلية. قال هاذا المسؤول.\n";
    let house = rules("typos:\n  - { find: هاذا, replace: هذا }\n");
    assert_eq!(
        findings_with(text, &house, &CheckOptions::default()).len(),
        2
    );
    let accepting =
        rules("typos:\n  - { find: هاذا, replace: هذا }\naccept: [السياحه, 'ه[ا]ذا']\n");
    assert_eq!(
        findings_with(text, &accepting, &CheckOptions::default()),
        vec![]
    );
}

#[test]
fn an_invalid_accept_pattern_is_a_pack_error() {
    assert!(parse_pack("house.yaml", Arc::from("accept: ['(']\n"), false).is_err());
}

#[test]
fn a_word_two_packs_list_is_reported_once() {
    let pack = "typos:\n  - { find: هاذا, replace: هذا }\n";
    let a = parse_pack("a.yaml", Arc::from(pack), false).unwrap();
    let b = parse_pack("b.yaml", Arc::from(pack), false).unwrap();
    let both = RuleSet::from_packs(vec![a, b]).unwrap();
    let found = findings_with("قال هاذا المسؤول.\n", &both, &CheckOptions::default());
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_single_candidate_fix_is_safe_and_several_are_not() {
    let mut article = Article::from_text(
        "t.txt",
        "ارتفعت أعداد السياحه الداخلية.\n",
        &LoadOptions::default(),
    );
    let found = checks::run_all(&mut article, &rules(""), &CheckOptions::default());
    let fix = found[0].fix.as_ref().expect("a fix");
    assert_eq!(fix.applicability, Applicability::Safe);
}

#[test]
fn accept_in_factlint_yaml_silences_a_word() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "ارتفعت أعداد السياحه الداخلية.\n").unwrap();
    let run = |config: &str| {
        std::fs::write(dir.path().join("factlint.yaml"), config).unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_factlint"))
            .current_dir(dir.path())
            .args(["check", "a.txt", "--format", "jsonl", "--select", "typo"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(run("select: [typo]\n").contains("typo/spelling"));
    assert!(!run("accept: [السياحه]\n").contains("typo/spelling"));
}

#[test]
fn a_final_ta_marbuta_turned_into_ha_is_never_a_safe_fix() {
    let mut article = Article::from_text(
        "t.txt",
        "نظمت الوزارة دورة تدريبة للموظفين الجدد.\n",
        &LoadOptions::default(),
    );
    let rules = rules("");
    let found: Vec<_> = checks::run_all(&mut article, &rules, &CheckOptions::default())
        .into_iter()
        .filter(|f| f.code() == "typo/spelling")
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(&article.text[found[0].range.clone()], "تدريبة");
    assert_eq!(
        found[0].fix.as_ref().map(|f| f.applicability),
        Some(Applicability::Unsafe)
    );
}

#[test]
fn a_rare_quadriliteral_verbal_noun_after_baad_is_not_a_plural() {
    // «أسلحة» (weapons) is a common plural of the shape أفعلة; «أرشفة»
    // (archiving) has the shape and is a verbal noun, rare in the list.
    assert_eq!(
        findings("وسلمت بعد أسلحة الجيش إلى الشرطة.\n"),
        vec![(
            "typo/confusable",
            "بعد أسلحة".to_string(),
            Some("بعض أسلحة".to_string())
        )]
    );
    assert_eq!(findings("وتحسن العمل بعد أرشفة الملفات القديمة.\n"), vec![]);
}

#[test]
fn a_broken_plural_without_a_dual_after_baad_is_some() {
    // «دروس» (lessons) has the shape فعول and the dictionary gives it no
    // dual; «دخول» (entering), a verbal noun of the same shape, has one.
    assert_eq!(
        findings("واستفاد الطلاب من بعد دروس المنهج الجديد.\n"),
        vec![(
            "typo/confusable",
            "بعد دروس".to_string(),
            Some("بعض دروس".to_string())
        )]
    );
    assert_eq!(findings("وتغير الوضع بعد دخول القوات المدينة.\n"), vec![]);
    // فعلة: «قادة» (leaders), a plural; «قاعة» (hall) has a dual.
    assert_eq!(
        findings("واجتمع بعد قادة الأحزاب في العاصمة.\n"),
        vec![(
            "typo/confusable",
            "بعد قادة".to_string(),
            Some("بعض قادة".to_string())
        )]
    );
    assert_eq!(findings("وخرج الضيوف بعد قاعة الاستقبال.\n"), vec![]);
}

#[test]
fn english_variants_at_a_sentence_start_and_after_a_capital_are_reported() {
    let text = "Headline\n\nAnalysts at Merrill Lynch expect a cut. Merrill said rates would fall. \
                Merirll, which advises the bank, declined to comment. The Benetton group said sales rose. \
                Shares of Benetton fell. A Benteton spokeswoman declined to comment.\n";
    let found: Vec<String> = findings(text)
        .into_iter()
        .filter(|f| f.0 == "consistency/spelling")
        .map(|f| f.1)
        .collect();
    assert_eq!(found, vec!["Merirll", "Benteton"]);
    let twin = "Headline\n\nAnalysts at Merrill Lynch expect a cut. Merrill said rates would fall. \
                Merrill, which advises the bank, declined to comment. The Benetton group said sales rose. \
                Shares of Benetton fell. A Benetton spokeswoman declined to comment.\n";
    assert_eq!(findings(twin), vec![]);
}

#[test]
fn english_pairs_of_real_words_are_never_reported() {
    let text = "Headline\n\nTalks resume in March, and the March round is the last. \
                Match officials in Argentina said the Argentina squad is ready. \
                The Argentine coach agreed.\n";
    assert_eq!(findings(text), vec![]);
}

#[test]
fn a_pronoun_form_far_rarer_than_its_ta_marbuta_twin_is_flagged_alone() {
    let found = findings("تقدم العيادة خدمات علاجيه للمرضى.\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "علاجيه");
    assert_eq!(found[0].2.as_deref(), Some("علاجية"));
    assert_eq!(findings("تقدم العيادة خدمات علاجية للمرضى.\n"), vec![]);
}

#[test]
fn a_meant_pronoun_form_is_silent_unless_an_indefinite_feminine_word_follows() {
    // «مهاجمه» ("its striker") is a real word only ten to thirty times
    // rarer than «مهاجمة»: silent before a definite adjective.
    assert_eq!(
        findings("غاب عن المباراة مهاجمه الأول بسبب الإصابة.\n"),
        vec![]
    );
    // An indefinite adjective in ة agrees with «مهاجمة», not a pronoun form.
    let found = findings("تعرضت القافلة إلى مهاجمه عنيفة ليلا.\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "مهاجمه");
    assert_eq!(found[0].2.as_deref(), Some("مهاجمة"));
}

#[test]
fn a_common_pronoun_form_before_an_indefinite_feminine_word_is_flagged() {
    let found = findings("ألقى الشاعر قصيده وطنية في الحفل.\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].2.as_deref(), Some("قصيدة"));
    assert_eq!(findings("ألقى الشاعر قصيده في الحفل.\n"), vec![]);
}

#[test]
fn two_house_style_edits_together_are_house_style() {
    // A dropped hamza and ى for final ي in one word: reported only when
    // strict, like either edit alone.
    let text = "التقى المحافظ اهالى القرية أمس.\n";
    assert_eq!(findings(text), vec![]);
    let strict = CheckOptions {
        arabic_strict_spelling: true,
        ..CheckOptions::default()
    };
    let found = findings_with(text, &rules(""), &strict);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].2.as_deref(), Some("أهالي"));
}

#[test]
fn two_theophoric_names_are_two_people_but_a_slip_beside_them_is_reported() {
    let text = "قال عبدالله السالم إن العمل بدأ في المنطقة. وأضاف عبدالله السالم أن \
                المنطقة تنتظره. وشارك عبدالإله الفهد في الاجتماع.\n";
    assert_eq!(findings(text), vec![]);
    let slip = "قال عبدالله السالم إن العمل بدأ في المنطقة. وأضاف عبدالله السالم أن \
                المنطقة تنتظره. وشارك عبدالإله الفهد في اجتماع النمطقة.\n";
    let found = findings(slip);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "consistency/spelling");
    assert_eq!(found[0].1, "النمطقة");
}
