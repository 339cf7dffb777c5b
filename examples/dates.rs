//! Prints the date expressions factlint reads in an article, with the
//! reference date: `cargo run --example dates -- FILE`. A debugging aid for
//! rule authors and for the date parser's maintainers.

use factlint::article::{Article, LoadOptions, read_article_source};
use factlint::dates::parse::DateParser;
use factlint::rules::RuleSet;
use factlint::text::tokens::tokenize;

fn main() {
    let path = std::env::args().nth(1).expect("usage: dates FILE");
    let text = read_article_source(&path, u64::MAX).expect("readable article");
    let article = Article::load(&path, text, &LoadOptions::default()).expect("loadable article");
    let rules = RuleSet::bundled().expect("bundled packs are valid");
    let mentions = rules.find(&article);
    let tokens = tokenize(&article.normalized, &article.text);
    let annotations = factlint::rules::annotate::TokenMentions::new(&tokens, &mentions);
    for date in DateParser::new(&tokens, &annotations, &rules, article.language).parse() {
        let (line, column) = article.position(date.range.start);
        println!(
            "{line}:{column}\t{:?}\t«{}»",
            date.kind,
            &article.text[date.range.clone()]
        );
    }
}
