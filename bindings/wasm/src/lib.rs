//! WebAssembly binding of `diaban` (wasm-bindgen).
//!
//! This crate is the raw layer under the JavaScript facade in `js/` (the package's public
//! API: `Dataset.fromJson`, `demo()`, `ds.check({...})`…). Every result is produced by the core
//! and serialized as plain JSON-compatible objects ([`convert`]); every failure becomes a thrown
//! JavaScript `Error` carrying the core's stable `code` and location ([`error`]).
//!
//! On native targets the crate is empty, so `cargo test --workspace` and clippy stay fast.
//! Build it with `cargo xtask wasm` (see `bindings/wasm/README.md`).

#[cfg(target_arch = "wasm32")]
mod api;
#[cfg(target_arch = "wasm32")]
mod convert;
#[cfg(target_arch = "wasm32")]
mod error;
#[cfg(all(target_arch = "wasm32", feature = "xlsx-write"))]
mod office;
