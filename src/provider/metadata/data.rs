//! A repository's description, homepage, topics and visibility, in the terms all hosts share, and the change
//! `repo edit` asks for.

use serde::Serialize;

/// The metadata as one host has it; `None` where the host has no such field.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct RepoMeta {
    pub description: Option<String>,
    pub homepage: Option<String>,
    pub topics: Option<Vec<String>>,
    pub private: Option<bool>,
}

/// What the user asked to set; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MetaChange {
    pub description: Option<String>,
    pub homepage: Option<String>,
    /// Normalised: lower case, sorted, without duplicates (every host stores them so).
    pub topics: Option<Vec<String>>,
    pub private: Option<bool>,
}

/// The names of the fields, as `repo edit` reports them.
pub const DESCRIPTION: &str = "description";
pub const HOMEPAGE: &str = "homepage";
pub const TOPICS: &str = "topics";
pub const VISIBILITY: &str = "visibility";

impl MetaChange {
    pub fn is_empty(&self) -> bool {
        *self == MetaChange::default()
    }

    /// Topics as every host stores them: trimmed, lower case, sorted, each once, empty ones dropped.
    pub fn normalise_topics(topics: &[String]) -> Vec<String> {
        let mut out: Vec<String> = topics
            .iter()
            .map(|t| t.trim().to_lowercase())
            .filter(|t| !t.is_empty())
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Only what differs from `current`: read first, change only that, so a second run changes nothing.
    pub fn against(&self, current: &RepoMeta) -> MetaChange {
        let topics_now = current.topics.as_deref().map(MetaChange::normalise_topics);
        MetaChange {
            description: self
                .description
                .clone()
                .filter(|d| current.description.as_deref().unwrap_or("") != d),
            homepage: self
                .homepage
                .clone()
                .filter(|h| current.homepage.as_deref().unwrap_or("") != h),
            topics: self
                .topics
                .clone()
                .filter(|t| topics_now.as_deref().unwrap_or(&[]) != t.as_slice()),
            private: self.private.filter(|p| current.private != Some(*p)),
        }
    }

    /// The field names this change sets, in a fixed order.
    pub fn fields(&self) -> Vec<&'static str> {
        let mut fields = Vec::new();
        if self.description.is_some() {
            fields.push(DESCRIPTION);
        }
        if self.homepage.is_some() {
            fields.push(HOMEPAGE);
        }
        if self.topics.is_some() {
            fields.push(TOPICS);
        }
        if self.private.is_some() {
            fields.push(VISIBILITY);
        }
        fields
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_differs_is_changed() {
        let current = RepoMeta {
            description: Some("a tool".into()),
            homepage: None,
            topics: Some(vec!["Rust".into(), "git".into()]),
            private: Some(true),
        };
        let wanted = MetaChange {
            description: Some("a tool".into()),
            homepage: Some("https://x.example".into()),
            topics: Some(MetaChange::normalise_topics(&[
                "git".into(),
                " rust".into(),
                "git".into(),
            ])),
            private: Some(true),
        };
        let change = wanted.against(&current);
        assert_eq!(change.fields(), vec![HOMEPAGE]);
        let unchanged = MetaChange {
            homepage: None,
            ..wanted
        };
        assert!(unchanged.against(&current).is_empty());
    }
}
