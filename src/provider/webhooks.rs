//! Webhooks: list, add and remove, written once over each host's webhook object and create body.

use serde_json::Value;

use super::http::encode;
use super::{ApiError, Base, NewWebhook, Webhook};

pub trait Webhooks: Base {
    /// The query that makes a webhook list come in as few pages as the host allows.
    fn hooks_query(&self) -> &'static str {
        "?per_page=100"
    }

    /// A webhook object in this host's shape.
    fn hook_info(&self, value: &Value) -> Webhook;

    /// The body that creates `hook`.
    fn hook_body(&self, hook: &NewWebhook) -> Value;

    fn webhooks(&self, owner: &str, name: &str) -> Result<Vec<Webhook>, ApiError> {
        let path = format!(
            "{}/hooks{}",
            self.repo_path(owner, name),
            self.hooks_query()
        );
        let hooks = self.rest().api.get_all(&path)?;
        Ok(hooks.iter().map(|h| self.hook_info(h)).collect())
    }

    fn add_webhook(&self, owner: &str, name: &str, hook: &NewWebhook) -> Result<Webhook, ApiError> {
        let rest = self.rest();
        let path = format!("{}/hooks", self.repo_path(owner, name));
        let reply = rest.api.post(&path, &self.hook_body(hook))?;
        Ok(self.hook_info(&rest.api.expect_ok(&reply)?))
    }

    fn remove_webhook(&self, owner: &str, name: &str, id: &str) -> Result<(), ApiError> {
        let path = format!("{}/hooks/{}", self.repo_path(owner, name), encode(id));
        self.rest().delete(&path)
    }
}
