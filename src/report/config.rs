//! `git multi config list|get` output: the keys with value, default and meaning; a key's values.

use serde::Serialize;

use crate::model::config::KeyState;

#[derive(Serialize)]
struct Document<'a> {
    keys: &'a [KeyState],
}

pub fn list(keys: &[KeyState], json: bool) {
    if json {
        super::json(&Document { keys });
        return;
    }
    let mut rows = vec![vec![
        "KEY".to_string(),
        "VALUE".into(),
        "DEFAULT".into(),
        "MEANING".into(),
    ]];
    for k in keys {
        rows.push(vec![
            k.key.clone(),
            if k.values.is_empty() {
                "-".into()
            } else {
                k.values.join(", ")
            },
            k.default.to_string(),
            k.description.to_string(),
        ]);
    }
    super::table(&rows);
}

/// One value per line, as `git config --get-all` prints them.
pub fn values(values: &[String]) {
    let mut text = String::new();
    for v in values {
        text.push_str(v);
        text.push('\n');
    }
    super::out(&text);
}
