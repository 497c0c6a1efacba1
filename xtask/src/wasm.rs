//! Builds and tests the WebAssembly binding (owned by the WebAssembly binding's work).
use std::path::Path;

/// Builds the package into `bindings/wasm/pkg`.
pub fn build(_root: &Path) -> Result<(), String> {
    Err("the WebAssembly binding is not built yet".into())
}

/// Runs the Node suite and the browser test.
pub fn test(root: &Path) -> Result<(), String> {
    build(root)
}
