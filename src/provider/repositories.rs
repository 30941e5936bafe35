//! The capability every host has: who the token is, reading and creating repositories.

use serde_json::Value;

use super::http::Reply;
use super::{text, ApiError, Base, Created, Identity, NewRepo, RepoInfo};

/// Repositories on a host. The operations at the end (`whoami`, `repo`, `create_repo`) are written once over
/// what a host says its own way above them: its repository object, where `/user` names the account, the
/// create request and the answer that means "already exists".
pub trait Repositories: Base {
    /// A repository object in this host's shape.
    fn repo_info(&self, value: &Value) -> RepoInfo;

    /// Where `GET /user` names the account, best first; the first one is named when none is there.
    fn login_fields(&self) -> &'static [&'static str];

    /// The header listing the token's scopes on every answer, where the host sends one.
    fn scopes_header(&self) -> Option<&'static str> {
        None
    }

    /// The header counting the requests left before the rate limit, where the host sends one.
    fn rate_limit_header(&self) -> Option<&'static str> {
        Some("x-ratelimit-remaining")
    }

    /// The route and body that create `new` (a host may need to ask something first).
    fn create_request(&self, new: &NewRepo, login: &str) -> Result<(String, Value), ApiError>;

    /// Whether a refused create says a repository of that name is already there.
    fn already_exists(&self, reply: &Reply) -> bool;

    /// Who the token belongs to, from one request.
    fn whoami(&self) -> Result<Identity, ApiError> {
        let rest = self.rest();
        let reply = rest.api.get("/user")?;
        let value = rest.api.expect_ok(&reply)?;
        let fields = self.login_fields();
        let login = fields
            .iter()
            .find_map(|field| text(&value, field))
            .ok_or_else(|| {
                let first = fields.first().map_or("", |f| f.trim_start_matches('/'));
                rest.api.malformed(format!("no `{first}` in /user"))
            })?;
        Ok(Identity {
            login,
            scopes: self.scopes_header().and_then(|h| reply.header_list(h)),
            rate_limit_remaining: self
                .rate_limit_header()
                .and_then(|h| reply.header_number(h)),
        })
    }

    /// [`Repositories::whoami`] plus the token's scopes, even where the host needs another request for them.
    fn whoami_with_scopes(&self) -> Result<Identity, ApiError> {
        self.whoami()
    }

    /// `Ok(None)` when the repository does not exist (or is invisible to this token).
    fn repo(&self, owner: &str, name: &str) -> Result<Option<RepoInfo>, ApiError> {
        let found = self.rest().api.get_optional(&self.repo_path(owner, name))?;
        Ok(found.map(|value| self.repo_info(&value)))
    }

    fn create_repo(&self, new: &NewRepo, login: &str) -> Result<Created, ApiError> {
        let rest = self.rest();
        let (path, body) = self.create_request(new, login)?;
        let reply = rest.api.post(&path, &body)?;
        match reply.status {
            // Bitbucket answers 200 where the others say 201.
            200 | 201 => Ok(Created::New(self.repo_info(&reply.json(&rest.api.host)?))),
            _ if self.already_exists(&reply) => Ok(Created::AlreadyExists),
            _ => Err(rest.api.error(&reply)),
        }
    }
}
