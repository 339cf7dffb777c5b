//! The small commands: `init`, `rules validate|test|list` and `explain`.

use std::io::{self, Write};

use factlint::checks::{self, codes};
use factlint::rules::RuleSources;

use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, load_rules};

pub(crate) fn init(force: bool) -> io::Result<u8> {
    let path = std::path::Path::new("factlint.yaml");
    if path.exists() && !force {
        eprintln!("factlint: factlint.yaml already exists; --force overwrites it");
        return Ok(EXIT_ERROR);
    }
    std::fs::write(path, factlint::config::STARTER)?;
    println!("wrote factlint.yaml");
    Ok(EXIT_CLEAN)
}

pub(crate) fn validate(sources: RuleSources) -> io::Result<u8> {
    let loaded = load_rules(&sources);
    let mut out = io::stdout().lock();
    for pack in &loaded.rules.packs {
        writeln!(out, "ok  {} ({})", pack.file, pack.name)?;
    }
    if loaded.errors.is_empty() {
        writeln!(out, "{} packs valid", loaded.rules.packs.len())?;
        Ok(EXIT_CLEAN)
    } else {
        Ok(EXIT_ERROR)
    }
}

pub(crate) fn test_rules(sources: RuleSources) -> io::Result<u8> {
    let loaded = load_rules(&sources);
    let (count, failures) = checks::examples::run_examples(&loaded.rules);
    let mut out = io::stdout().lock();
    for failure in &failures {
        writeln!(
            out,
            "FAIL {}:{}: «{}»: {}",
            failure.origin.file, failure.origin.line, failure.text, failure.problem
        )?;
    }
    writeln!(
        out,
        "{} passed, {} failed",
        count - failures.len(),
        failures.len()
    )?;
    Ok(if !loaded.errors.is_empty() {
        EXIT_ERROR
    } else if failures.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
    })
}

pub(crate) fn list(sources: RuleSources) -> io::Result<u8> {
    let loaded = load_rules(&sources);
    let rules = &loaded.rules;
    let mut out = io::stdout().lock();
    for pack in &rules.packs {
        let parts: Vec<String> = pack
            .counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(what, n)| format!("{n} {what}"))
            .collect();
        let bundled = if pack.bundled { " [bundled]" } else { "" };
        writeln!(out, "{}{bundled}  {}", pack.name, pack.file)?;
        writeln!(
            out,
            "    {}",
            if parts.is_empty() {
                "empty".to_string()
            } else {
                parts.join(", ")
            }
        )?;
        if let Some(source) = &pack.source {
            writeln!(out, "    source: {source}")?;
        }
        if let Some(license) = &pack.license {
            writeln!(out, "    license: {license}")?;
        }
    }
    let (literals, regexes) = rules.pattern_counts();
    writeln!(
        out,
        "{} packs; one pass matches {literals} literals and {regexes} regexes",
        rules.packs.len()
    )?;
    Ok(if loaded.errors.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    })
}

pub(crate) fn explain(code: Option<&str>) -> io::Result<u8> {
    let mut out = io::stdout().lock();
    let Some(code) = code else {
        for info in codes::all() {
            writeln!(
                out,
                "{:<24} {:<8} {}",
                info.code,
                info.severity.as_str(),
                info.summary
            )?;
        }
        return Ok(EXIT_CLEAN);
    };
    let Some(info) = codes::lookup(code) else {
        let hint = codes::suggest(code)
            .map(|c| format!(" (did you mean `{c}`?)"))
            .unwrap_or_default();
        eprintln!("factlint: unknown code `{code}`{hint}; `factlint explain` lists every code");
        return Ok(EXIT_ERROR);
    };
    writeln!(
        out,
        "{} ({} by default)\n\n{}\n",
        info.code, info.severity, info.summary
    )?;
    writeln!(out, "{}", info.doc.trim_end())?;
    Ok(EXIT_CLEAN)
}
