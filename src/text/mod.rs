//! Text utilities shared by every layer: the normalised view that matching
//! runs over, line and column arithmetic for reports, and the word and clitic
//! rules that decide whether a hit inside the normalised text is a real
//! mention.

pub mod lines;
pub mod near;
pub mod normalize;
pub mod position;
pub mod ranges;
pub mod sentences;
pub mod tokens;
pub mod words;

pub use lines::LineIndex;
pub use normalize::{Normalized, light_form, light_form_is, normalize_pattern};
