//! Questions on the terminal (`init --interactive`): the one place that reads answers from a person. Each
//! question is drawn on stderr by dialoguer; an answer that cannot be read (no terminal, Ctrl-C) is an error.

use std::io::IsTerminal;

use dialoguer::{Confirm, Input, MultiSelect, Select};

use crate::error::{Error, Result};

/// Whether a person can answer: stdin and stderr are both a terminal.
pub fn available() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

fn failed(err: dialoguer::Error) -> Error {
    Error::usage(format!("no answer: {err}"))
        .hint("nothing was changed after the last question; every question has a flag (`git multi init --help`)")
}

/// A line of text; `default` is taken on Enter. Empty answers are taken only when `allow_empty`.
pub fn text(question: &str, default: Option<&str>, allow_empty: bool) -> Result<String> {
    let mut input = Input::<String>::new()
        .with_prompt(question)
        .allow_empty(allow_empty);
    if let Some(default) = default {
        input = input.default(default.to_string());
    }
    input
        .interact_text()
        .map(|s| s.trim().to_string())
        .map_err(failed)
}

/// One of `items` (arrow keys, Enter), starting on `default`.
pub fn choose(question: &str, items: &[String], default: usize) -> Result<usize> {
    Select::new()
        .with_prompt(question)
        .items(items)
        .default(default)
        .interact()
        .map_err(failed)
}

/// Any of `items` (Space toggles, Enter confirms).
pub fn choose_many(question: &str, items: &[String]) -> Result<Vec<usize>> {
    MultiSelect::new()
        .with_prompt(format!("{question} (space toggles, enter confirms)"))
        .items(items)
        .interact()
        .map_err(failed)
}

pub fn yes_no(question: &str, default: bool) -> Result<bool> {
    Confirm::new()
        .with_prompt(question)
        .default(default)
        .interact()
        .map_err(failed)
}
