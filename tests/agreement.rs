//! `grammar/agreement` by the verb's shape: a perfect verb with the
//! feminine «ت», or an imperfect one in «ت»/«ي», directly before a country
//! of the other gender, each with a firing sentence and a silent twin.

use factlint::article::{Article, LoadOptions};
use factlint::checks::{self, CheckOptions};
use factlint::rules::RuleSet;

/// (flagged text, replacement) of every `grammar/agreement` finding.
fn agreement(text: &str) -> Vec<(String, Option<String>)> {
    let rules = RuleSet::bundled().expect("the bundled rules load");
    let mut article = Article::from_text("t.txt", text, &LoadOptions::default());
    checks::run_all(&mut article, &rules, &CheckOptions::default())
        .into_iter()
        .filter(|f| f.code() == "grammar/agreement")
        .map(|f| {
            (
                article.text[f.range.clone()].to_string(),
                f.fix.map(|x| x.replacement),
            )
        })
        .collect()
}

fn one(text: &str, flagged: &str, fix: &str) {
    assert_eq!(
        agreement(text),
        vec![(flagged.to_string(), Some(fix.to_string()))],
        "{text}"
    );
}

#[test]
fn a_feminine_perfect_before_a_masculine_country() {
    one("وشاركت العراق في البطولة العربية.\n", "شاركت", "شارك");
    assert_eq!(agreement("وشارك العراق في البطولة العربية.\n"), vec![]);
}

#[test]
fn an_imperfect_of_the_other_gender() {
    one("ويستضيف تونس المؤتمر العام المقبل.\n", "يستضيف", "تستضيف");
    assert_eq!(agreement("وتستضيف تونس المؤتمر العام المقبل.\n"), vec![]);
    one("وتبقى لبنان في حالة ترقب.\n", "تبقى", "يبقى");
    assert_eq!(agreement("ويبقى لبنان في حالة ترقب.\n"), vec![]);
}

#[test]
fn a_masculine_perfect_before_a_feminine_country() {
    // «حاول» has no noun reading.
    one("حاول تونس احتواء الأزمة قبل الانتخابات.\n", "حاول", "حاولت");
    assert_eq!(
        agreement("حاولت تونس احتواء الأزمة قبل الانتخابات.\n"),
        vec![]
    );
    one("واستقبل مصر وفدا تجاريا.\n", "استقبل", "استقبلت");
    assert_eq!(agreement("واستقبلت مصر وفدا تجاريا.\n"), vec![]);
    // A verbal noun before its genitive (`دعم`), and a preposition whose
    // letters also make a rarer verb (`بين`), are not verbs.
    assert_eq!(agreement("وأكد دعم مصر للمبادرة.\n"), vec![]);
    assert_eq!(
        agreement("وارتفعت الأسهم بعد خفض الصين قيمة عملتها.\n"),
        vec![]
    );
    assert_eq!(agreement("وتوترت العلاقات بين تونس وجارتها.\n"), vec![]);
}

#[test]
fn a_noun_before_the_verb_is_its_subject() {
    // A headline's indefinite subject: the country is the object.
    assert_eq!(
        agreement("إعصار يضرب كوبا بقوة\n\nوصل الإعصار صباح اليوم.\n"),
        vec![]
    );
    // After a particle the country is the subject.
    one("وقد يستعد كوبا لموسم الأعاصير.\n", "يستعد", "تستعد");
    // A verb with an object pronoun after an indefinite noun is a relative
    // clause whose subject is the country.
    one("وتحدث عن ظروف يعيشها كوبا حاليا.\n", "يعيشها", "تعيشها");
}

#[test]
fn verbal_nouns_and_objects_are_left_alone() {
    // «تعاون» is a verbal noun before its genitive, not a verb.
    assert_eq!(agreement("وأشاد الوزير بتعاون لبنان مع الوكالة.\n"), vec![]);
    assert_eq!(agreement("وقال إن تعاون الأردن مثمر.\n"), vec![]);
    // After a definite subject the country is the object.
    assert_eq!(agreement("وقال إن المنتخب يواجه مصر غدا.\n"), vec![]);
}

#[test]
fn a_feminine_counterpart_is_not_a_country_name() {
    one(
        "والتقى الوزير نظيره الإمارات عبد الله بن زايد أمس.\n",
        "الإمارات",
        "الإماراتي",
    );
    assert_eq!(
        agreement("واستقبل الوزير نظيرته السورية نجاح العطار أمس.\n"),
        vec![]
    );
    assert_eq!(
        agreement("واستقبلت الوزيرة نظيرتها السورية نجاح العطار أمس.\n"),
        vec![]
    );
}
