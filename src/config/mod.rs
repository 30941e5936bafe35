//! git-multi's configuration keys, their defaults, and the repository-wide settings read from them.
//!
//! Everything lives in git's own config (`git config`), so includes, `-c`, `GIT_CONFIG_*` and `~/.gitconfig`
//! defaults behave the way git users expect.
//!
//! [`keys`]: the key constants, defaults and the [`KEYS`] table; [`settings`]: reading [`Settings`] from the
//! entries; [`namespace`]: ref namespaces; [`check`]: value checks and the errors for bad ones.

mod check;
mod keys;
mod namespace;
mod settings;

pub use check::*;
pub use keys::*;
pub use namespace::*;
pub use settings::*;

#[cfg(test)]
mod tests;
