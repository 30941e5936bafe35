//! Branches and tags on every remote, in words: the ref × remote matrix of `branch list` / `tag list`, and what
//! `branch create|delete` / `tag create|delete` did here and on each remote (each remote's outcome, with the
//! hint [`crate::ops::published`] gave it).

use crate::model::{Compared, State};
use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::model::publish::{Kind, Listed, LocalAction, LocalStep};
use crate::model::{Outcome, PushDetail, Report};
use crate::report::Detail;

// `branch` and `tag` name the kind of ref from here.

impl Detail for Listed {
    fn human(&self) -> String {
        String::new()
    }
}

/// Everything `branch list` / `tag list` shows.
pub struct ListView<'a> {
    pub kind: Kind,
    /// The remotes, in the configured order, with how reading each went.
    pub reached: &'a Report<Listed>,
    pub local: &'a BTreeMap<String, String>,
    pub entries: &'a [Compared],
}

/// One remote's copy of one ref, for the JSON document.
#[derive(Serialize)]
struct Cell {
    oid: Option<String>,
    state: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    ahead: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    behind: Option<u64>,
}

#[derive(Serialize)]
struct Row<'a> {
    name: &'a str,
    #[serde(rename = "ref")]
    full: &'a str,
    local: Option<&'a str>,
    remotes: BTreeMap<&'a str, Cell>,
}

#[derive(Serialize)]
struct ListDocument<'a> {
    ok: bool,
    kind: Kind,
    refs: Vec<Row<'a>>,
    remotes: &'a [Outcome<Listed>],
}

impl ListView<'_> {
    fn names(&self) -> BTreeSet<&str> {
        self.local
            .keys()
            .map(String::as_str)
            .chain(self.entries.iter().map(|e| e.name.as_str()))
            .collect()
    }

    fn cells(&self) -> HashMap<(&str, &str), &Compared> {
        self.entries
            .iter()
            .map(|e| ((e.name.as_str(), e.remote.as_str()), e))
            .collect()
    }
}

/// `branch list` / `tag list`: one JSON document, or the matrix and its summary line.
pub fn list(view: &ListView, json: bool) {
    if json {
        list_json(view);
    } else {
        list_table(view);
    }
}

fn list_json(view: &ListView) {
    let cells = view.cells();
    let rows = view
        .names()
        .into_iter()
        .map(|name| Row {
            name: view.kind.short(name),
            full: name,
            local: view.local.get(name).map(String::as_str),
            remotes: view
                .reached
                .remotes
                .iter()
                .map(|o| {
                    let cell = match cells.get(&(name, o.name.as_str())) {
                        Some(e) => Cell {
                            oid: e.remote_oid.clone(),
                            // `status --json`'s word: a tag with another target is `diverged` (people
                            // read `differs`).
                            state: e.relation.state.as_str(),
                            ahead: e.relation.ahead,
                            behind: e.relation.behind,
                        },
                        // Not read (the remote did not answer): nothing is known.
                        None => Cell {
                            oid: None,
                            state: State::Unknown.as_str(),
                            ahead: None,
                            behind: None,
                        },
                    };
                    (o.name.as_str(), cell)
                })
                .collect(),
        })
        .collect();
    super::json(&ListDocument {
        ok: view.reached.ok,
        kind: view.kind,
        refs: rows,
        remotes: &view.reached.remotes,
    });
}

fn cell_text(kind: Kind, entry: &Compared) -> String {
    if let Some(words) = super::status::relation_words(entry) {
        return words;
    }
    let r = entry.relation;
    match (r.state, r.ahead, r.behind) {
        (State::Diverged, ..) if kind == Kind::Tag => format!(
            "differs ({})",
            crate::git::short_oid(entry.remote_oid.as_deref().unwrap_or("?"))
        ),
        (State::MissingLocal, ..) => format!(
            "only there ({})",
            crate::git::short_oid(entry.remote_oid.as_deref().unwrap_or("?"))
        ),
        _ => "unknown".into(),
    }
}

/// The matrix: one row per ref (with the local tip), one column per remote, then the summary line.
fn list_table(view: &ListView) {
    let mut header = vec![String::new(), "local".to_string()];
    header.extend(view.reached.remotes.iter().map(|o| o.name.clone()));
    let cells = view.cells();
    let names = view.names();
    let mut rows = vec![header];
    for name in &names {
        let mut row = vec![
            view.kind.short(name).to_string(),
            view.local
                .get(*name)
                .map(|o| crate::git::short_oid(o).to_string())
                .unwrap_or_else(|| "-".into()),
        ];
        for o in &view.reached.remotes {
            let entry = cells.get(&(*name, o.name.as_str()));
            row.push(super::matrix_cell(o, entry, |e| cell_text(view.kind, e)));
        }
        rows.push(row);
    }
    if names.is_empty() {
        super::out(&format!(
            "no {} here or on any remote\n",
            view.kind.plural()
        ));
    } else {
        super::table(&rows);
    }
    let out_of_sync: BTreeSet<&str> = view
        .entries
        .iter()
        .filter(|e| e.relation.state != State::InSync)
        .map(|e| e.name.as_str())
        .collect();
    let n = names.len();
    let mut summary = format!(
        "{n} {}, {} not the same everywhere",
        if n == 1 {
            view.kind.word()
        } else {
            view.kind.plural()
        },
        out_of_sync.len()
    );
    if let Some(unreachable) = super::unreachable(&view.reached.remotes) {
        summary.push_str(&format!("; {unreachable}"));
    }
    super::out(&format!("{summary}\n"));
}

#[derive(Serialize)]
struct StepDocument<'a> {
    ok: bool,
    kind: Kind,
    #[serde(rename = "ref")]
    name: &'a str,
    local: &'a LocalStep,
    remotes: &'a [Outcome<PushDetail>],
}

/// The local step in one line, then one block per remote and the total.
pub fn step(
    kind: Kind,
    name: &str,
    local: &LocalStep,
    report: &Report<PushDetail>,
    ok: bool,
    json: bool,
) {
    if json {
        super::json(&StepDocument {
            ok,
            kind,
            name,
            local,
            remotes: &report.remotes,
        });
        return;
    }
    let short = kind.short(name);
    let word = kind.word();
    let at = local
        .oid
        .as_deref()
        .map(crate::git::short_oid)
        .unwrap_or("?");
    let mut line = match local.action {
        LocalAction::Created => format!("created {word} {short} at {at}"),
        LocalAction::Existed => format!("{word} {short} is at {at} here"),
        LocalAction::Deleted => format!("deleted {word} {short} here (was {at})"),
        LocalAction::Kept => format!("kept {word} {short} here ({at})"),
        LocalAction::Absent => format!("no {word} {short} here"),
    };
    if let Some(note) = &local.note {
        line.push_str(&format!(": {note}"));
    }
    line.push('\n');
    super::out(&line);
    super::outcomes(report);
}
