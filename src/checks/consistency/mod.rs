//! The `consistency` family: an article that contradicts itself, with no
//! pack needed.

pub mod attribute;
pub mod spelling;
