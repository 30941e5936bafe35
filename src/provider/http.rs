//! The one HTTP client every provider shares: a single `ureq` agent, bounded retries of 429/5xx that honour
//! `Retry-After` and rate-limit reset headers, pagination per host, and one clear error per failed request.
//!
//! A client made for a job carries that job's [`Deadline`]: every request gets the time left as its whole
//! timeout (connect at most [`CONNECT`] of it), retries never wait past it, a request that runs out of it is
//! [`ApiError::Timeout`] with the budget the user set, and after Ctrl-C no further request is sent.

use std::sync::OnceLock;
use std::time::Duration;

use serde_json::Value;

use super::ApiError;
use crate::deadline::Deadline;
use crate::redact::redact;
use crate::retry::{self, Verdict};

/// The longest a connection may take to open, however much of the budget is left: a host that does not
/// accept within this is not going to.
pub const CONNECT: Duration = Duration::from_secs(10);
/// A request's whole time when no deadline was given (a client made outside any job).
const UNBOUNDED_REQUEST: Duration = Duration::from_secs(60);

/// Redirects followed for one read before the answer is taken as it is.
const MAX_REDIRECTS: u32 = 3;
/// A runaway `next` chain must end somewhere; `GIT_MULTI_API_MAX_PAGES` lowers (or raises) the cap.
const MAX_PAGES: usize = 100;

fn max_pages() -> usize {
    std::env::var("GIT_MULTI_API_MAX_PAGES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(MAX_PAGES)
}

/// One agent for the process: connection reuse across providers, one place for TLS, proxy and timeouts.
fn agent() -> &'static ureq::Agent {
    static AGENT: OnceLock<ureq::Agent> = OnceLock::new();
    AGENT.get_or_init(|| {
        let config = ureq::Agent::config_builder()
            .user_agent(concat!("git-multi/", env!("CARGO_PKG_VERSION")))
            .timeout_connect(Some(CONNECT))
            .timeout_global(Some(UNBOUNDED_REQUEST))
            // Status codes are data here: every host's error body is parsed into one message.
            .http_status_as_error(false)
            // HTTPS_PROXY / HTTP_PROXY / ALL_PROXY / NO_PROXY, as curl and git honour them.
            .proxy(ureq::Proxy::try_from_env())
            // Redirects are followed by `Client::send`, which keeps the token on our host: ureq would carry a
            // custom header (GitLab's PRIVATE-TOKEN) to wherever a redirect points.
            .max_redirects(0)
            .build();
        config.into()
    })
}

/// `request` bounded by `left` in all (connecting, sending, the answer and its body), when there is a deadline.
fn limited<S: ureq::AsSendBody>(
    request: ureq::http::Request<S>,
    left: Option<Duration>,
) -> ureq::http::Request<S> {
    match left {
        None => request,
        Some(left) => agent()
            .configure_request(request)
            .timeout_global(Some(left))
            .timeout_connect(Some(left.min(CONNECT)))
            .build(),
    }
}

/// How a host hands out the next page of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paging {
    /// RFC 8288 `Link: <…>; rel="next"` (GitHub, Gitea, Forgejo, Gogs).
    Link,
    /// GitLab's `x-next-page` header (it also sends Link, but not on keyset-less large lists).
    NextPageHeader,
    /// Bitbucket's `{"values": […], "next": "<url>"}` envelope.
    BodyNext,
}

/// How the token is presented to the host.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthStyle {
    /// `Authorization: Bearer <token>` (GitHub, Bitbucket access tokens).
    Bearer,
    /// `Authorization: Basic …` of a `user:password` pair (Bitbucket app passwords).
    Basic,
    /// `Authorization: token <token>` (Gitea, Forgejo, Gogs).
    Token,
    /// `PRIVATE-TOKEN: <token>` (GitLab).
    PrivateToken,
}

/// A host's answer with what callers look at.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// A numeric header such as a rate limit's remaining count; absent or garbled means unknown.
    pub fn header_number(&self, name: &str) -> Option<u64> {
        self.header(name).and_then(|v| v.trim().parse().ok())
    }

    /// A comma-separated header such as `X-OAuth-Scopes`; `None` when the host did not send it at all.
    pub fn header_list(&self, name: &str) -> Option<Vec<String>> {
        self.header(name).map(|v| {
            v.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        })
    }

    /// The body as JSON; a host that answers 2xx with something else is reported, never a panic.
    pub fn json(&self, host: &str) -> Result<Value, ApiError> {
        if self.body.trim().is_empty() {
            return Ok(Value::Null);
        }
        serde_json::from_str(&self.body).map_err(|err| ApiError::Malformed {
            host: host.to_string(),
            detail: err.to_string(),
        })
    }
}

/// A REST API root plus the credentials and conventions of one host.
#[derive(Clone)]
pub struct Client {
    /// e.g. `https://api.github.com` or `https://git.example.com/api/v1`, without a trailing slash.
    pub base: String,
    /// `host[:port]` of `base`, used in messages and as the keyring service.
    pub host: String,
    token: Option<String>,
    auth: AuthStyle,
    paging: Paging,
    /// The job's budget, set once when the job connects; none: the agent's fixed timeouts.
    deadline: OnceLock<Deadline>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the token.
        f.debug_struct("Client")
            .field("base", &self.base)
            .field("token", &self.token.as_ref().map(|_| "***"))
            .finish()
    }
}

/// Scheme and authority: `https://host:port`.
fn origin(url: &str) -> Option<String> {
    let scheme_end = url.find("://")? + 3;
    let rest = &url[scheme_end..];
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    Some(url[..scheme_end + end].to_ascii_lowercase())
}

/// `host[:port]` names this machine.
fn is_loopback(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Percent-encodes one path segment or query value.
pub fn encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn base64(input: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in input.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(TABLE[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

impl Client {
    pub fn new(base: &str, token: Option<String>, auth: AuthStyle, paging: Paging) -> Client {
        let base = base.trim_end_matches('/').to_string();
        let host = crate::url::http_host(&base).unwrap_or_else(|| base.clone());
        if let Some(token) = &token {
            crate::redact::register_secret(token);
        }
        Client {
            base,
            host,
            token,
            auth,
            paging,
            deadline: OnceLock::new(),
        }
    }

    /// Spends this client's requests from `deadline` (a job's budget); the first deadline given stays.
    pub fn within(&self, deadline: Deadline) {
        let _ = self.deadline.set(deadline);
    }

    pub fn deadline(&self) -> Option<Deadline> {
        self.deadline.get().copied()
    }

    pub fn has_token(&self) -> bool {
        self.token.is_some()
    }

    fn url(&self, path: &str) -> String {
        if path.starts_with("http://") || path.starts_with("https://") {
            path.to_string()
        } else {
            format!("{}{path}", self.base)
        }
    }

    pub fn get(&self, path: &str) -> Result<Reply, ApiError> {
        self.send("GET", path, None)
    }

    pub fn delete(&self, path: &str) -> Result<Reply, ApiError> {
        self.send("DELETE", path, None)
    }

    pub fn post(&self, path: &str, body: &Value) -> Result<Reply, ApiError> {
        self.send("POST", path, Some(body))
    }

    pub fn put(&self, path: &str, body: &Value) -> Result<Reply, ApiError> {
        self.send("PUT", path, Some(body))
    }

    pub fn patch(&self, path: &str, body: &Value) -> Result<Reply, ApiError> {
        self.send("PATCH", path, Some(body))
    }

    /// Sends one request, retrying 429/5xx and connection failures a bounded number of times. Any status is
    /// returned as a [`Reply`]; only transport failures and exhausted retries are errors.
    pub fn send(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Reply, ApiError> {
        let mut url = self.url(path);
        // Anyone on the path could read a token sent in clear; loopback (tests, tunnels) never leaves the host.
        if self.token.is_some() && url.starts_with("http://") && !is_loopback(&self.host) {
            return Err(ApiError::InsecureUrl {
                host: self.host.clone(),
            });
        }
        let mut hops = 0;
        loop {
            // A next-page URL or a redirect from a host must not carry our token to some other origin.
            if origin(&url) != origin(&self.base) {
                return Err(ApiError::ForeignLink {
                    host: self.host.clone(),
                    url,
                });
            }
            let reply = self.send_retrying(method, &url, body)?;
            // Reads follow a moved resource (a renamed repository answers 301); writes never change target.
            let location = reply
                .header("location")
                .filter(|_| method == "GET" && matches!(reply.status, 301 | 302 | 303 | 307 | 308));
            match location {
                Some(location) if hops < MAX_REDIRECTS => {
                    hops += 1;
                    url = match location.strip_prefix('/') {
                        Some(rest) => format!("{}/{rest}", origin(&self.base).unwrap_or_default()),
                        None => location.to_string(),
                    };
                }
                _ => return Ok(reply),
            }
        }
    }

    /// One request, retried on 429/5xx and connection failures, within the client's deadline.
    fn send_retrying(
        &self,
        method: &str,
        url: &str,
        body: Option<&Value>,
    ) -> Result<Reply, ApiError> {
        let deadline = self.deadline();
        // Between requests is where Ctrl-C stops a host's work; one in flight ends at its own timeout.
        if crate::interrupt::requested() {
            return Err(ApiError::Interrupted {
                host: self.host.clone(),
            });
        }
        if let Some(deadline) = deadline.filter(|d| d.expired()) {
            return Err(self.timed_out(deadline));
        }
        // The same policy as git transfers: bounded retries of what another try can change, waiting as long
        // as the host asks (Retry-After, rate-limit reset) or the policy's backoff, never past the deadline.
        let attempted = retry::DEFAULT.run(
            deadline.map(|d| d.instant()),
            |left| self.send_once(method, url, body, left),
            |result| match result {
                Ok(reply)
                    if reply.status == 429 || reply.status >= 500 || is_rate_limited(reply) =>
                {
                    Verdict::Transient(requested_wait(reply))
                }
                Ok(_) => Verdict::Final,
                // The budget is spent: another try could only time out again.
                Err(ureq::Error::Timeout(_)) if deadline.is_some() => Verdict::Final,
                Err(_) => Verdict::Transient(None),
            },
        );
        attempted.result.map_err(|err| match (err, deadline) {
            (ureq::Error::Timeout(_), Some(deadline)) => self.timed_out(deadline),
            (err, _) => ApiError::Network {
                host: self.host.clone(),
                detail: redact(&err.to_string()).into_owned(),
            },
        })
    }

    fn timed_out(&self, deadline: Deadline) -> ApiError {
        ApiError::Timeout {
            host: self.host.clone(),
            budget: deadline.budget(),
        }
    }

    /// One exchange; `left` (the deadline's time left) bounds all of it, the connection at most [`CONNECT`].
    fn send_once(
        &self,
        method: &str,
        url: &str,
        body: Option<&Value>,
        left: Option<Duration>,
    ) -> Result<Reply, ureq::Error> {
        let mut builder = ureq::http::Request::builder()
            .method(method)
            .uri(url)
            .header("Accept", "application/json");
        match (&self.token, self.auth) {
            (None, _) => {}
            (Some(t), AuthStyle::Bearer) => {
                builder = builder.header("Authorization", format!("Bearer {t}"))
            }
            (Some(t), AuthStyle::Basic) => {
                builder = builder.header("Authorization", format!("Basic {}", base64(t.as_bytes())))
            }
            (Some(t), AuthStyle::Token) => {
                builder = builder.header("Authorization", format!("token {t}"))
            }
            (Some(t), AuthStyle::PrivateToken) => {
                builder = builder.header("PRIVATE-TOKEN", t.as_str())
            }
        }
        let response = match body {
            Some(value) => {
                let bytes = serde_json::to_vec(value).expect("JSON values serialise");
                let request = builder
                    .header("Content-Type", "application/json")
                    .body(bytes)
                    .map_err(|e| ureq::Error::BadUri(e.to_string()))?;
                agent().run(limited(request, left))?
            }
            None => {
                let request = builder
                    .body(())
                    .map_err(|e| ureq::Error::BadUri(e.to_string()))?;
                agent().run(limited(request, left))?
            }
        };
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let mut response = response;
        let body = response
            .body_mut()
            .with_config()
            .limit(32 * 1024 * 1024)
            .read_to_string()
            .unwrap_or_default();
        Ok(Reply {
            status,
            headers,
            body,
        })
    }

    /// Every item of a list, following the host's pagination.
    pub fn get_all(&self, path: &str) -> Result<Vec<Value>, ApiError> {
        let mut items = Vec::new();
        let mut next = Some(path.to_string());
        let mut pages = 0;
        let limit = max_pages();
        while let Some(current) = next.take() {
            pages += 1;
            if pages > limit {
                break;
            }
            let reply = self.get(&current)?;
            let value = self.expect_ok(&reply)?;
            let list = match self.paging {
                Paging::BodyNext => {
                    next = value
                        .get("next")
                        .and_then(Value::as_str)
                        .map(str::to_string);
                    value.get("values").cloned().unwrap_or(Value::Null)
                }
                Paging::Link => {
                    next = reply.header("link").and_then(link_next);
                    value
                }
                Paging::NextPageHeader => {
                    next = reply
                        .header("x-next-page")
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .map(|page| with_page(&current, page));
                    value
                }
            };
            match list {
                Value::Array(values) => items.extend(values),
                _ => {
                    return Err(ApiError::Malformed {
                        host: self.host.clone(),
                        detail: format!("expected a list from {current}"),
                    })
                }
            }
        }
        Ok(items)
    }

    /// The JSON body at `path`, `None` when the host says 404 (the thing is not there).
    pub fn get_optional(&self, path: &str) -> Result<Option<Value>, ApiError> {
        let reply = self.get(path)?;
        if reply.status == 404 {
            return Ok(None);
        }
        self.expect_ok(&reply).map(Some)
    }

    /// An answer that lacks what every host of this kind sends.
    pub fn malformed(&self, detail: impl Into<String>) -> ApiError {
        ApiError::Malformed {
            host: self.host.clone(),
            detail: detail.into(),
        }
    }

    /// The JSON body of a 2xx answer, else the host's error as one message.
    pub fn expect_ok(&self, reply: &Reply) -> Result<Value, ApiError> {
        if (200..300).contains(&reply.status) {
            reply.json(&self.host)
        } else {
            Err(self.error(reply))
        }
    }

    /// Turns a non-2xx answer into the error kind callers decide on.
    pub fn error(&self, reply: &Reply) -> ApiError {
        let host = self.host.clone();
        let message =
            error_message(&reply.body).unwrap_or_else(|| reason(reply.status).to_string());
        let message = redact(&message).into_owned();
        match reply.status {
            401 => ApiError::Auth {
                host,
                message,
                missing: !self.has_token(),
            },
            403 if is_rate_limited(reply) => ApiError::RateLimited { host, message },
            403 => ApiError::Forbidden { host, message },
            404 => ApiError::NotFound { host, message },
            429 => ApiError::RateLimited { host, message },
            status => ApiError::Other {
                host,
                status,
                message,
            },
        }
    }
}

/// GitHub signals an exhausted rate limit with 403 and `x-ratelimit-remaining: 0`.
fn is_rate_limited(reply: &Reply) -> bool {
    reply.status == 403 && reply.header("x-ratelimit-remaining").map(str::trim) == Some("0")
}

/// How long the host asked us to wait: `Retry-After` (seconds or an HTTP date is not used by these hosts),
/// else a rate-limit reset (epoch seconds or seconds from now); `None` leaves the wait to the retry policy.
fn requested_wait(reply: &Reply) -> Option<Duration> {
    if let Some(secs) = reply
        .header("retry-after")
        .and_then(|v| v.trim().parse::<u64>().ok())
    {
        return Some(Duration::from_secs(secs));
    }
    for name in ["x-ratelimit-reset", "ratelimit-reset"] {
        if let Some(value) = reply
            .header(name)
            .and_then(|v| v.trim().parse::<u64>().ok())
        {
            let now = crate::clock::now_secs();
            // Values this large are epoch seconds; small ones are seconds from now.
            let secs = if value > 1_000_000_000 {
                value.saturating_sub(now)
            } else {
                value
            };
            return Some(Duration::from_secs(secs));
        }
    }
    None
}

/// The `rel="next"` target of a Link header.
pub fn link_next(header: &str) -> Option<String> {
    header.split(',').find_map(|part| {
        let (target, params) = part.split_once(';')?;
        let is_next = params.split(';').any(|p| {
            let p = p.trim().replace(' ', "");
            p == "rel=\"next\"" || p == "rel=next"
        });
        is_next.then(|| {
            target
                .trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_string()
        })
    })
}

/// `path` with its `page` query parameter set to `page`.
fn with_page(path: &str, page: &str) -> String {
    let (base, query) = path.split_once('?').unwrap_or((path, ""));
    let mut params: Vec<String> = query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("page="))
        .map(str::to_string)
        .collect();
    params.push(format!("page={}", encode(page)));
    format!("{base}?{}", params.join("&"))
}

/// The human part of an error body, whichever host wrote it:
/// GitHub `{"message", "errors": [{"message"}|{"code","field"}]}`, GitLab `{"message": str|{field: [..]}}` or
/// `{"error": str}`, Gitea `{"message"}`, Bitbucket `{"error": {"message", "detail"}}`, Gogs `[{"message"}]`
/// or plain text.
pub fn error_message(body: &str) -> Option<String> {
    let trimmed = body.trim();
    if trimmed.is_empty() {
        return None;
    }
    let Ok(value) = serde_json::from_str::<Value>(trimmed) else {
        // Plain text or an HTML error page: first line, bounded.
        let line = trimmed.lines().next().unwrap_or("").trim();
        if line.starts_with('<') {
            return None;
        }
        return Some(line.chars().take(200).collect());
    };
    let mut parts: Vec<String> = Vec::new();
    match &value {
        Value::Array(items) => parts.extend(
            items
                .iter()
                .filter_map(|i| i.get("message").and_then(Value::as_str))
                .map(str::to_string),
        ),
        Value::Object(map) => {
            match map.get("message") {
                Some(Value::String(s)) => parts.push(s.clone()),
                Some(Value::Object(fields)) => {
                    for (field, problems) in fields {
                        let text = match problems {
                            Value::Array(list) => list
                                .iter()
                                .filter_map(Value::as_str)
                                .collect::<Vec<_>>()
                                .join(", "),
                            other => other.as_str().unwrap_or_default().to_string(),
                        };
                        parts.push(format!("{field} {text}"));
                    }
                }
                Some(Value::Array(list)) => {
                    parts.extend(list.iter().filter_map(Value::as_str).map(str::to_string))
                }
                _ => {}
            }
            match map.get("error") {
                Some(Value::String(s)) => parts.push(s.clone()),
                Some(Value::Object(e)) => {
                    parts.extend(e.get("message").and_then(Value::as_str).map(str::to_string));
                    if let Some(detail) = e.get("detail") {
                        parts.push(
                            detail
                                .as_str()
                                .map(str::to_string)
                                .unwrap_or_else(|| detail.to_string()),
                        );
                    }
                }
                _ => {}
            }
            if let Some(Value::Array(errors)) = map.get("errors") {
                for e in errors {
                    if let Some(m) = e.get("message").and_then(Value::as_str) {
                        parts.push(m.to_string());
                    } else if let (Some(code), field) = (
                        e.get("code").and_then(Value::as_str),
                        e.get("field").and_then(Value::as_str),
                    ) {
                        parts.push(format!("{} {code}", field.unwrap_or("")).trim().to_string());
                    }
                }
            }
        }
        _ => {}
    }
    parts.dedup();
    (!parts.is_empty()).then(|| parts.join("; "))
}

fn reason(status: u16) -> &'static str {
    match status {
        400 => "bad request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not found",
        409 => "conflict",
        415 => "unsupported media type",
        422 => "unprocessable entity",
        429 => "too many requests",
        500 => "internal server error",
        502 => "bad gateway",
        503 => "service unavailable",
        _ => "unexpected answer",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_hosts_error_body() {
        let github = r#"{"message":"Repository creation failed.","errors":[{"resource":"Repository","code":"custom","field":"name","message":"name already exists on this account"}]}"#;
        assert_eq!(
            error_message(github).unwrap(),
            "Repository creation failed.; name already exists on this account"
        );
        let gitlab =
            r#"{"message":{"name":["has already been taken"],"path":["has already been taken"]}}"#;
        assert_eq!(
            error_message(gitlab).unwrap(),
            "name has already been taken; path has already been taken"
        );
        assert_eq!(
            error_message(r#"{"error":"invalid_token","error_description":"x"}"#).unwrap(),
            "invalid_token"
        );
        let bitbucket = r#"{"type":"error","error":{"message":"Repository with this Slug and Owner already exists."}}"#;
        assert_eq!(
            error_message(bitbucket).unwrap(),
            "Repository with this Slug and Owner already exists."
        );
        assert_eq!(
            error_message(r#"[{"fieldNames":["Name"],"message":"Name is required"}]"#).unwrap(),
            "Name is required"
        );
        assert_eq!(
            error_message("repository already exists\n").unwrap(),
            "repository already exists"
        );
        assert_eq!(error_message("<html><body>502</body></html>"), None);
    }

    #[test]
    fn finds_the_next_link() {
        let header = r#"<https://api.github.com/user/repos?page=3>; rel="next", <https://api.github.com/user/repos?page=50>; rel="last""#;
        assert_eq!(
            link_next(header).unwrap(),
            "https://api.github.com/user/repos?page=3"
        );
        assert_eq!(link_next(r#"<https://x/y?page=1>; rel="prev""#), None);
    }

    #[test]
    fn sets_the_page_parameter() {
        assert_eq!(
            with_page("/projects/1/hooks?per_page=100&page=1", "2"),
            "/projects/1/hooks?per_page=100&page=2"
        );
        assert_eq!(with_page("/x", "3"), "/x?page=3");
    }

    #[test]
    fn a_token_goes_over_plain_http_only_to_this_machine() {
        for host in ["127.0.0.1:8080", "localhost", "[::1]:3000", "127.1.2.3"] {
            assert!(is_loopback(host), "{host}");
        }
        for host in [
            "git.example.org",
            "10.0.0.1:80",
            "[2001:db8::1]:80",
            "localhost.example",
        ] {
            assert!(!is_loopback(host), "{host}");
        }
        let api = Client::new(
            "http://git.example.org/api/v1",
            Some("tok-insecure-1".into()),
            AuthStyle::Token,
            Paging::Link,
        );
        let err = api.get("/user").unwrap_err();
        assert!(matches!(err, ApiError::InsecureUrl { .. }), "{err}");
        let local = Client::new(
            "http://127.0.0.1:9/api/v1",
            Some("tok-loopback-1".into()),
            AuthStyle::Token,
            Paging::Link,
        );
        assert!(!matches!(
            local.get("/user"),
            Err(ApiError::InsecureUrl { .. })
        ));
    }

    #[test]
    fn hosts_and_encoding() {
        assert_eq!(
            crate::url::http_host("https://api.github.com").unwrap(),
            "api.github.com"
        );
        assert_eq!(
            crate::url::http_host("http://127.0.0.1:8080/api/v1").unwrap(),
            "127.0.0.1:8080"
        );
        assert_eq!(encode("group/sub project"), "group%2Fsub%20project");
        assert_eq!(base64(b"user:pass"), "dXNlcjpwYXNz");
        assert_eq!(base64(b"ab"), "YWI=");
    }
}
