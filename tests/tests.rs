//! The one integration test binary (ripgrep's layout): each module is a theme.

#[macro_use]
mod util;

// the CLI: formats, outputs, exit codes, help
mod cli;
// the user's article: the facts it must give, and output/ kept fresh
mod seed;
// issue #7: every kind of broken or hostile input, with a good article beside it
mod bad_input;
