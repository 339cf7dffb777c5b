//! The `consistency` family: an article that contradicts itself, with no
//! pack needed.

super::family!(attribute, spelling);
