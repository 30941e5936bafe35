//! Gogs (`/api/v1`), Gitea's ancestor: the same routes for what it has, `/org/<org>/repos` for organisations,
//! and neither branch protection nor a default-branch API, so it implements neither trait.

use serde_json::Value;

use super::gitea::{already_exists, create_request, hook_body};
use super::github::{hook_info, repo_info};
use super::http::{AuthStyle, Paging, Reply};
use super::{
    ApiError, Base, NewRepo, NewWebhook, ProviderKind, RepoInfo, Repositories, Rest, Webhook,
    Webhooks,
};

pub struct Gogs(Rest);

impl Gogs {
    pub fn new(base: &str, token: Option<String>) -> Gogs {
        Gogs(Rest::new(
            ProviderKind::Gogs,
            base,
            token,
            AuthStyle::Token,
            Paging::Link,
        ))
    }
}

impl Base for Gogs {
    fn rest(&self) -> &Rest {
        &self.0
    }
}

capabilities!(Gogs: webhooks, releases, inventory, stats);

impl Repositories for Gogs {
    fn repo_info(&self, value: &Value) -> RepoInfo {
        repo_info(value)
    }

    fn login_fields(&self) -> &'static [&'static str] {
        &["/login", "/username"]
    }

    fn create_request(&self, new: &NewRepo, login: &str) -> Result<(String, Value), ApiError> {
        Ok(create_request(new, login, "org", false))
    }

    fn already_exists(&self, reply: &Reply) -> bool {
        already_exists(reply)
    }
}

impl Webhooks for Gogs {
    fn hooks_query(&self) -> &'static str {
        ""
    }

    fn hook_info(&self, value: &Value) -> Webhook {
        hook_info(value)
    }

    fn hook_body(&self, hook: &NewWebhook) -> Value {
        hook_body(hook, "gogs")
    }
}
