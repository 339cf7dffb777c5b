//! Prints every mention the one-pass matcher finds in an article:
//! `cargo run --example mentions -- FILE [RULES_DIR]`. A debugging aid for
//! rule authors.

use factlint::article::{Article, LoadOptions, read_article_source};
use factlint::rules::{RuleSet, RuleSources};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: mentions FILE [RULES_DIR]");
    let sources = RuleSources {
        no_defaults: false,
        paths: args.map(Into::into).collect(),
        ..RuleSources::default()
    };
    let loaded = RuleSet::load(&sources);
    for error in &loaded.errors {
        eprintln!("{error}");
    }
    let text = read_article_source(&path, u64::MAX).expect("readable article");
    let article = Article::load(&path, text, &LoadOptions::default()).expect("loadable article");
    for mention in loaded.rules.find(&article) {
        let (line, column) = article.position(mention.range.start);
        println!(
            "{line}:{column}\t{:?}\t«{}»",
            mention.target,
            &article.text[mention.range.clone()]
        );
    }
}
