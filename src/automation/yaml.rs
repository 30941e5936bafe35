//! Writing values into generated CI files so each stays what it was: one YAML scalar whatever it holds
//! (`: # ' "`, a leading `*` or `-`), one shell word inside a script, and never an expression the CI evaluates
//! before the shell sees it (GitHub and Forgejo expand `${{ … }}` anywhere in a `run:` string).

/// A YAML double-quoted scalar. JSON's string syntax is a subset of it; characters YAML may not carry raw (DEL,
/// the C1 controls, line and paragraph separators) are escaped too.
pub fn scalar(value: &str) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "\"\"".to_string());
    json.chars()
        .map(|c| match c {
            '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{feff}' => {
                format!("\\u{:04x}", c as u32)
            }
            c => c.to_string(),
        })
        .collect()
}

/// One shell word: single-quoted, with `$'` + `'{{` splitting any `${{` so no CI expression is formed.
pub fn word(value: &str) -> String {
    let quoted = value.replace('\'', r"'\''").replace("${{", "$''{{");
    format!("'{quoted}'")
}

/// Can `value` go into a literal block scalar (`run: |`) line by line? Control characters other than tab
/// cannot, nor can anything YAML refuses raw.
pub fn fits_a_block(value: &str) -> bool {
    !value
        .chars()
        .any(|c| (c.is_control() && c != '\t') || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}'))
}

/// `text` as the lines of a block scalar indented by `by` spaces (empty lines stay empty).
pub fn indent(text: &str, by: usize) -> String {
    let pad = " ".repeat(by);
    text.lines()
        .map(|l| {
            if l.is_empty() {
                "\n".to_string()
            } else {
                format!("{pad}{l}\n")
            }
        })
        .collect()
}

/// A comment's text on one line: control characters would end the comment and start YAML.
pub fn comment(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scalar_survives_yaml_and_a_word_survives_the_shell() {
        for value in [
            "https://git.example.org/a b/it's \"x\": #1",
            "- * & ! | > % @ `",
            "tab\there, bell\u{7}, del\u{7f}, c1\u{85}, ls\u{2028}",
            "${{ secrets.GIT_MULTI_GITHUB_TOKEN }}",
            "",
        ] {
            let doc = format!("key: {}\n", scalar(value));
            let parsed: serde_norway::Value = serde_norway::from_str(&doc).unwrap();
            assert_eq!(parsed["key"].as_str(), Some(value), "{doc}");
            assert!(!doc.contains('\u{7f}') && !doc.contains('\u{85}'), "{doc}");
            if fits_a_block(value) {
                let out = std::process::Command::new("sh")
                    .args(["-c", &format!("printf %s {}", word(value))])
                    .output()
                    .unwrap();
                assert_eq!(String::from_utf8(out.stdout).unwrap(), value);
                assert!(!word(value).contains("${{"), "{}", word(value));
            }
        }
        assert!(!fits_a_block("a\nb"));
        assert_eq!(comment("a\nb"), "a b");
    }
}
