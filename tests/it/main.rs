//! The one integration-test binary (cheap to link on 2 cores); one module per area.

mod env;
mod imap_edge;
mod smtp_edge;
