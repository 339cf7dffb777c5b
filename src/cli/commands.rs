//! The small commands: `init`, `rules validate|test|list` and `explain`.

use std::io::{self, Write};

use factlint::checks::{self, codes};
use factlint::config::Config;
use factlint::rules::RuleSources;

use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, load_rules, rules_failed};

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

pub(crate) fn validate(sources: RuleSources, config: Option<&Config>) -> io::Result<u8> {
    let loaded = load_rules(&sources, config);
    let mut out = io::stdout().lock();
    for pack in &loaded.rules.packs {
        writeln!(out, "ok  {} ({})", pack.file, pack.name)?;
    }
    if !rules_failed(&loaded) {
        writeln!(out, "{} packs valid", loaded.rules.packs.len())?;
        Ok(EXIT_CLEAN)
    } else {
        Ok(EXIT_ERROR)
    }
}

/// Runs every example that is not disabled; disabled ones are counted as
/// skipped.
pub(crate) fn test_rules(sources: RuleSources, config: Option<&Config>) -> io::Result<u8> {
    let loaded = load_rules(&sources, config);
    let (count, failures) = checks::examples::run_examples(&loaded.rules);
    let mut out = io::stdout().lock();
    for failure in &failures {
        writeln!(
            out,
            "FAIL {}:{}: «{}»: {}",
            failure.origin.file, failure.origin.line, failure.text, failure.problem
        )?;
    }
    let skipped = loaded
        .rules
        .disabled
        .iter()
        .filter(|(kind, _)| *kind == "example")
        .count();
    let skipped = if skipped > 0 {
        format!(", {skipped} skipped")
    } else {
        String::new()
    };
    writeln!(
        out,
        "{} passed, {} failed{skipped}",
        count - failures.len(),
        failures.len()
    )?;
    Ok(if rules_failed(&loaded) {
        EXIT_ERROR
    } else if failures.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
    })
}

/// Lists the packs with their counts and disabled entries; with `ids`,
/// every entry's `pack.id` too (what `disable:` names), one per line.
pub(crate) fn list(sources: RuleSources, config: Option<&Config>, ids: bool) -> io::Result<u8> {
    let loaded = load_rules(&sources, config);
    let rules = &loaded.rules;
    let mut out = io::stdout().lock();
    let entries = if ids {
        rules.data.entries()
    } else {
        Vec::new()
    };
    let mut listed = std::collections::HashSet::new();
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
        let disabled: Vec<&(&str, factlint::finding::RuleRef)> = rules
            .disabled
            .iter()
            .filter(|(_, r)| *r.pack == *pack.name)
            .collect();
        // Two packs may share a name: their entries are listed once.
        if !listed.insert(pack.name.as_str()) {
            continue;
        }
        if !ids && !disabled.is_empty() {
            let names: Vec<String> = disabled.iter().map(|(_, r)| r.qualified_id()).collect();
            writeln!(out, "    disabled: {}", names.join(", "))?;
        }
        if ids {
            let mut rows: Vec<(&str, &factlint::finding::RuleRef, bool)> = entries
                .iter()
                .filter(|(_, r)| *r.pack == *pack.name)
                .map(|(kind, r)| (*kind, r, false))
                .chain(disabled.iter().map(|(kind, r)| (*kind, r, true)))
                .collect();
            rows.sort_by(|a, b| (&*a.1.file, a.1.line).cmp(&(&*b.1.file, b.1.line)));
            for (kind, rule, off) in rows {
                writeln!(
                    out,
                    "    {:<12} {}{}",
                    kind,
                    rule.qualified_id(),
                    if off { "  [disabled]" } else { "" }
                )?;
            }
        }
    }
    let (literals, regexes) = rules.pattern_counts();
    writeln!(
        out,
        "{} packs; one pass matches {literals} literals and {regexes} regexes",
        rules.packs.len()
    )?;
    Ok(if rules_failed(&loaded) {
        EXIT_ERROR
    } else {
        EXIT_CLEAN
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
