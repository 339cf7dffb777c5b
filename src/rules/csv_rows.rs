//! The rows of a CSV typo list (`typo,correction` header), found the same
//! way by `build.rs`, which compiles the bundled lists, and by the pack
//! loader, which defers them: the compiled row numbers are only valid if
//! both count alike. Plain `std`, so that `build.rs` can include the file.

/// Each data row's byte offset in `csv`, line number (1-based) and typo (its
/// first field, trimmed). `None` when the header is not `typo,correction`,
/// a row is quoted or a typo is empty: such a list is parsed whole instead.
pub fn typo_rows(csv: &str) -> Option<Vec<(u32, u32, &str)>> {
    let mut rows = Vec::new();
    let mut offset = 0;
    for (number, line) in csv.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        if number == 0 {
            if line != "typo,correction" {
                return None;
            }
            continue;
        }
        let typo = line.split(',').next().unwrap_or_default().trim();
        if typo.is_empty() || line.contains('"') {
            return None;
        }
        rows.push((
            u32::try_from(start).ok()?,
            u32::try_from(number + 1).ok()?,
            typo,
        ));
    }
    Some(rows)
}
