//! The `fact` family: what the article says against what the packs know.

pub mod event_date;
