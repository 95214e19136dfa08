//! Compile-time behaviour of `#[paginate]`: every mistake in a declaration gets an error on the
//! user's own tokens (`tests/ui/*.rs`), and correct declarations compile (`tests/ui/pass/*.rs`).
//!
//! Regenerate the expected output with `TRYBUILD=overwrite cargo test -p pagination-core --test ui`
//! and read every changed `.stderr`.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
    t.pass("tests/ui/pass/*.rs");
}
