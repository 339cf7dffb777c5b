//! The `grammar` family: agreement errors around country names.

super::family!(agreement);
