//! Dates: as packs and articles state them (often only a year or a month),
//! the date expressions of an article ([`parse`]), Hijri conversion
//! ([`hijri`]) and the reference date an article speaks from
//! ([`reference`](mod@reference)).

pub mod hijri;
pub mod parse;
pub mod reference;

pub use crate::partial_date::{DateError, PartialDate};
