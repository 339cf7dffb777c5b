//! The `grammar` family: agreement errors around country names.

pub mod agreement;
