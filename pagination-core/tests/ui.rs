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

/// Declarations that should compile but do not, because of macro bugs described at the top of
/// each file. Run with `--ignored`; move a file to `tests/ui/pass/` once its bug is fixed.
#[test]
#[ignore = "known macro bugs: see tests/ui/known-bugs/"]
fn known_bugs() {
    let t = trybuild::TestCases::new();
    t.pass("tests/ui/known-bugs/*.rs");
}
