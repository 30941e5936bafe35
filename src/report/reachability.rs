//! How `remote test` reads for one remote: what git saw (refs, HEAD), then what the host API said.

use super::Detail;
use crate::model::reachability::{ApiCheck, Reachability};

impl Detail for Reachability {
    fn human(&self) -> String {
        let git = match (self.refs, &self.head) {
            (Some(0), _) => "reachable, empty repository".to_string(),
            (Some(n), Some(head)) => format!("{n} {}, HEAD -> {head}", plural(n)),
            (Some(n), None) => format!("{n} {}", plural(n)),
            (None, _) => String::new(),
        };
        match &self.api {
            Some(api) if git.is_empty() => api_line(api),
            Some(api) => format!("{git}; {}", api_line(api)),
            None => git,
        }
    }
}

fn api_line(api: &ApiCheck) -> String {
    if let Some(problem) = &api.problem {
        return format!("api: {problem}");
    }
    let mut text = format!("api: {}", api.login.as_deref().unwrap_or("?"));
    match (api.can_admin, api.can_push) {
        (Some(true), _) => text.push_str(" (admin)"),
        (_, Some(true)) => text.push_str(" (push)"),
        (_, Some(false)) => text.push_str(" (read only)"),
        _ => {}
    }
    if let Some(n) = api.rate_limit_remaining {
        text.push_str(&format!(", {n} requests left"));
    }
    text
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        "ref"
    } else {
        "refs"
    }
}
