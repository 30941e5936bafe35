//! In-process smart-HTTP git server: `git http-backend` run as CGI behind Basic auth, with per-repository
//! fault injection and request counters.
//!
//! One request per connection (`Connection: close`), a thread per connection. Request bodies may be
//! chunked (git's big pushes) and are de-chunked before they reach the CGI; gzip bodies are passed
//! through for http-backend to inflate.

use std::collections::HashMap;
use std::env;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// Misbehaviour injected for one repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Wait this long, then serve normally.
    Delay(Duration),
    /// Read the request and never answer; the socket closes only when the server is dropped.
    Hang,
    /// Answer every request with this status and a short text body (401 also asks for Basic auth, so
    /// git reports bad credentials).
    Status(u16),
    /// Read the request, then close the socket without sending a byte.
    CloseBeforeResponse,
    /// For the pack upload of a push (`POST …/git-receive-pack`) only: read the body, send a status line,
    /// headers and part of a body, then close. The pack never reaches http-backend, so refs stay
    /// unchanged. Everything else (ref advertisement, git's 4-byte auth probe before a chunked upload)
    /// is served normally. git then exits 1, not 128, and may still print "Everything up-to-date".
    ClosePushMidway,
    /// Answer the first N requests with this status, then serve normally (retry tests).
    FailTimes(u32, u16),
}

/// Smart-HTTP git server on 127.0.0.1 serving the bare repositories under a root directory.
pub struct HttpServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    acceptor: Option<JoinHandle<()>>,
    // Dropped after `Drop::drop` has joined every thread that uses it.
    _home: TempDir,
}

struct Shared {
    root: PathBuf,
    home: PathBuf,
    backend: PathBuf,
    log: PathBuf,
    user: String,
    password: String,
    per_request: Duration,
    state: Mutex<State>,
    // Signalled on shutdown so delayed and hung handlers wake up at once.
    wake: Condvar,
}

#[derive(Default)]
struct State {
    shutdown: bool,
    faults: HashMap<String, Fault>,
    requests: HashMap<String, usize>,
    chunked: usize,
    gzipped: usize,
    /// Requests being served right now, and the most at any one time.
    in_flight: usize,
    peak: usize,
    // Clones of live client sockets, so Drop can unblock handlers stuck on the network.
    conns: HashMap<u64, TcpStream>,
    next_conn: u64,
}

impl HttpServer {
    /// Serves `root` at `http://127.0.0.1:PORT/`; every request needs Basic auth as `user`/`password`.
    pub fn start(root: &Path, user: &str, password: &str) -> HttpServer {
        Self::start_with_delay(root, user, password, Duration::ZERO)
    }

    /// Like [`HttpServer::start`], but every request waits `per_request` before it is answered
    /// (simulated latency for benchmarks).
    pub fn start_with_delay(
        root: &Path,
        user: &str,
        password: &str,
        per_request: Duration,
    ) -> HttpServer {
        let root = root
            .canonicalize()
            .unwrap_or_else(|e| panic!("HTTP server root {}: {e}", root.display()));
        let home = tempfile::Builder::new()
            .prefix("git-http-home")
            .tempdir()
            .expect("temp HOME for git http-backend");
        let log = home.path().join("http.log");
        File::create(&log).expect("create HTTP server log");
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind HTTP server to 127.0.0.1:0");
        let addr = listener.local_addr().expect("HTTP server address");
        let shared = Arc::new(Shared {
            root,
            home: home.path().to_path_buf(),
            backend: super::git_exec_path().join("git-http-backend"),
            log,
            user: user.to_string(),
            password: password.to_string(),
            per_request,
            state: Mutex::new(State::default()),
            wake: Condvar::new(),
        });
        let acceptor = {
            let shared = Arc::clone(&shared);
            thread::Builder::new()
                .name(format!("http-accept-{}", addr.port()))
                .spawn(move || accept_loop(listener, shared))
                .expect("spawn HTTP accept thread")
        };
        HttpServer {
            addr,
            shared,
            acceptor: Some(acceptor),
            _home: home,
        }
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// `http://127.0.0.1:PORT/<repo>`, e.g. `url("team/app.git")`.
    pub fn url(&self, repo: &str) -> String {
        format!(
            "http://127.0.0.1:{}/{}",
            self.port(),
            repo.trim_start_matches('/')
        )
    }

    /// Installs (`Some`) or clears (`None`) the fault for `repo` (e.g. `"team/app.git"`).
    pub fn set_fault(&self, repo: &str, fault: Option<Fault>) {
        let key = normalize_repo(repo);
        let mut state = self.shared.lock();
        match fault {
            Some(fault) => state.faults.insert(key, fault),
            None => state.faults.remove(&key),
        };
    }

    /// How many requests (of any kind, including 401 challenges) arrived for `repo`.
    pub fn requests(&self, repo: &str) -> usize {
        let state = self.shared.lock();
        state
            .requests
            .get(&normalize_repo(repo))
            .copied()
            .unwrap_or(0)
    }

    /// The most requests this server was serving at the same time.
    pub fn peak_concurrency(&self) -> usize {
        self.shared.lock().peak
    }

    /// How many requests had a `Transfer-Encoding: chunked` body.
    pub fn chunked_requests(&self) -> usize {
        self.shared.lock().chunked
    }

    /// How many requests had a `Content-Encoding: gzip` body.
    pub fn gzip_requests(&self) -> usize {
        self.shared.lock().gzipped
    }

    /// The access log plus http-backend's stderr, for assertion messages.
    pub fn log(&self) -> String {
        fs::read_to_string(&self.shared.log).unwrap_or_default()
    }
}

impl Drop for HttpServer {
    fn drop(&mut self) {
        {
            let mut state = self.shared.lock();
            state.shutdown = true;
            for conn in state.conns.values() {
                let _ = conn.shutdown(Shutdown::Both);
            }
        }
        self.shared.wake.notify_all();
        // accept() has no timeout; a connection of our own is what wakes it up to see the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
    }
}

fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    let mut workers: Vec<JoinHandle<()>> = Vec::new();
    for stream in listener.incoming() {
        if shared.lock().shutdown {
            break;
        }
        let Ok(stream) = stream else {
            // Errors like EMFILE repeat immediately; back off instead of spinning on them.
            thread::sleep(Duration::from_millis(50));
            continue;
        };
        workers.retain(|w| !w.is_finished());
        let shared = Arc::clone(&shared);
        let spawned = thread::Builder::new()
            .name("http-conn".into())
            .spawn(move || handle_connection(shared, stream));
        if let Ok(worker) = spawned {
            workers.push(worker);
        }
    }
    drop(listener);
    for worker in workers {
        let _ = worker.join();
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A panicking handler must not take the whole server (and its Drop) down with it.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Waits `d` unless the server shuts down first; returns false on shutdown.
    fn pause(&self, d: Duration) -> bool {
        let deadline = Instant::now() + d;
        let mut state = self.lock();
        loop {
            if state.shutdown {
                return false;
            }
            let now = Instant::now();
            if now >= deadline {
                return true;
            }
            state = self
                .wake
                .wait_timeout(state, deadline - now)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }

    fn wait_for_shutdown(&self) {
        let mut state = self.lock();
        while !state.shutdown {
            state = self.wake.wait(state).unwrap_or_else(|e| e.into_inner());
        }
    }

    fn note(&self, line: &str) {
        if let Ok(mut f) = OpenOptions::new().append(true).open(&self.log) {
            let _ = writeln!(f, "{line}");
        }
    }
}

/// Removes the connection from the shutdown registry however the handler exits.
struct Registration<'a> {
    shared: &'a Shared,
    id: u64,
}

impl Drop for Registration<'_> {
    fn drop(&mut self) {
        self.shared.lock().conns.remove(&self.id);
    }
}

fn handle_connection(shared: Arc<Shared>, stream: TcpStream) {
    // Without it every small response waits for a delayed ACK (~40-100 ms per request).
    let _ = stream.set_nodelay(true);
    let registration = {
        let mut state = shared.lock();
        if state.shutdown {
            return;
        }
        let Ok(clone) = stream.try_clone() else {
            return;
        };
        state.next_conn += 1;
        let id = state.next_conn;
        state.conns.insert(id, clone);
        Registration {
            shared: &shared,
            id,
        }
    };
    if let Err(e) = serve(&shared, &stream) {
        shared.note(&format!("connection error: {e}"));
    }
    let _ = stream.shutdown(Shutdown::Both);
    drop(registration);
}

struct Request {
    method: String,
    path: String,
    query: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Counts a request as served once its handler returns, however it returns.
struct InFlight<'a>(&'a Shared);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.lock().in_flight -= 1;
    }
}

fn serve(shared: &Shared, stream: &TcpStream) -> io::Result<()> {
    let mut reader = BufReader::new(stream);
    let mut out = stream;
    let Some(req) = read_request(&mut reader, &mut out, shared)? else {
        return Ok(());
    };
    let repo = repo_of(&req.path);
    let is_pack_upload = req.method == "POST"
        && req.path.ends_with("/git-receive-pack")
        // The 4-byte flush packet is git's auth probe before a chunked upload, not the pack itself.
        && req.body != b"0000";
    let fault = {
        let mut state = shared.lock();
        *state.requests.entry(repo.clone()).or_default() += 1;
        state.in_flight += 1;
        state.peak = state.peak.max(state.in_flight);
        effective_fault(&mut state.faults, &repo)
    };
    let _in_flight = InFlight(shared);
    shared.note(&format!(
        "{} {} [{repo}] fault={fault:?}",
        req.method, req.path
    ));

    let mut delay = shared.per_request;
    if let Some(Fault::Delay(d)) = fault {
        delay += d;
    }
    if !delay.is_zero() && !shared.pause(delay) {
        return Ok(());
    }
    match fault {
        Some(Fault::Hang) => {
            shared.wait_for_shutdown();
            return Ok(());
        }
        Some(Fault::Status(code)) => return write_simple(&mut out, code),
        Some(Fault::CloseBeforeResponse) => return Ok(()),
        Some(Fault::ClosePushMidway) if is_pack_upload => {
            let partial = b"HTTP/1.1 200 OK\r\n\
                Content-Type: application/x-git-receive-pack-result\r\n\
                Cache-Control: no-cache\r\n\
                Content-Length: 4096\r\n\
                Connection: close\r\n\
                \r\n\
                0030\x01000eunpack ok\n0019ok refs/he";
            out.write_all(partial)?;
            out.flush()?;
            return Ok(());
        }
        _ => {}
    }
    if !authorized(&req, &shared.user, &shared.password) {
        return write_simple(&mut out, 401);
    }
    run_cgi(shared, &req, &mut out)
}

/// The fault that applies to this one request; counts down `FailTimes`.
fn effective_fault(faults: &mut HashMap<String, Fault>, repo: &str) -> Option<Fault> {
    match faults.get_mut(repo)? {
        Fault::FailTimes(remaining, code) => {
            let code = *code;
            if *remaining == 0 {
                faults.remove(repo);
                return None;
            }
            *remaining -= 1;
            if *remaining == 0 {
                faults.remove(repo);
            }
            Some(Fault::Status(code))
        }
        fault => Some(fault.clone()),
    }
}

/// Reads one request, body included. `Ok(None)` when the client closed before sending anything.
fn read_request(
    reader: &mut impl BufRead,
    out: &mut impl Write,
    shared: &Shared,
) -> io::Result<Option<Request>> {
    let Some(request_line) = read_line(reader)? else {
        return Ok(None);
    };
    let mut parts = request_line.split_whitespace();
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
        return Err(bad_data(format!("bad request line {request_line:?}")));
    };
    let (raw_path, query) = target.split_once('?').unwrap_or((target, ""));
    let mut headers = Vec::new();
    let mut header_bytes = 0;
    loop {
        let line = read_line(reader)?.ok_or_else(|| bad_data("EOF inside headers"))?;
        if line.is_empty() {
            break;
        }
        header_bytes += line.len();
        if header_bytes > 64 * 1024 {
            return Err(bad_data("headers too large"));
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_string(), value.trim().to_string()));
        }
    }
    let mut req = Request {
        method: method.to_string(),
        path: percent_decode(raw_path),
        query: query.to_string(),
        headers,
        body: Vec::new(),
    };
    if req
        .header("Expect")
        .is_some_and(|v| v.eq_ignore_ascii_case("100-continue"))
    {
        out.write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
        out.flush()?;
    }
    let chunked = req
        .header("Transfer-Encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
    if chunked {
        req.body = read_chunked(reader)?;
    } else if let Some(len) = req.header("Content-Length") {
        let len: usize = len
            .parse()
            .map_err(|_| bad_data(format!("bad Content-Length {len:?}")))?;
        req.body = vec![0; len];
        reader.read_exact(&mut req.body)?;
    }
    let gzipped = req
        .header("Content-Encoding")
        .is_some_and(|v| v.eq_ignore_ascii_case("gzip"));
    let mut state = shared.lock();
    state.chunked += usize::from(chunked);
    state.gzipped += usize::from(gzipped);
    Ok(Some(req))
}

/// One CRLF- (or LF-) terminated line without its terminator; `None` at EOF before any byte.
fn read_line(reader: &mut impl BufRead) -> io::Result<Option<String>> {
    let mut buf = Vec::new();
    reader
        .by_ref()
        .take(64 * 1024)
        .read_until(b'\n', &mut buf)?;
    if buf.is_empty() {
        return Ok(None);
    }
    if buf.last() != Some(&b'\n') {
        return Err(bad_data("line too long or truncated"));
    }
    while matches!(buf.last(), Some(b'\n' | b'\r')) {
        buf.pop();
    }
    String::from_utf8(buf)
        .map(Some)
        .map_err(|_| bad_data("non-UTF-8 header line"))
}

fn read_chunked(reader: &mut impl BufRead) -> io::Result<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let line = read_line(reader)?.ok_or_else(|| bad_data("EOF before chunk size"))?;
        let size_hex = line.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_hex, 16)
            .map_err(|_| bad_data(format!("bad chunk size {line:?}")))?;
        if size == 0 {
            // Trailers, up to the blank line that ends the message.
            while read_line(reader)?.is_some_and(|l| !l.is_empty()) {}
            return Ok(body);
        }
        let start = body.len();
        body.resize(start + size, 0);
        reader.read_exact(&mut body[start..])?;
        let mut crlf = [0u8; 2];
        reader.read_exact(&mut crlf)?;
        if &crlf != b"\r\n" {
            return Err(bad_data("chunk not followed by CRLF"));
        }
    }
}

fn authorized(req: &Request, user: &str, password: &str) -> bool {
    let Some(value) = req.header("Authorization") else {
        return false;
    };
    let Some((scheme, encoded)) = value.split_once(' ') else {
        return false;
    };
    if !scheme.eq_ignore_ascii_case("basic") {
        return false;
    }
    let Some(decoded) = base64_decode(encoded.trim()) else {
        return false;
    };
    decoded == format!("{user}:{password}").as_bytes()
}

fn base64_decode(input: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(input.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in input.bytes().filter(|&c| c != b'=') {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn normalize_repo(repo: &str) -> String {
    repo.trim_matches('/').to_string()
}

/// The repository part of a request path: up to the first `*.git` segment, else everything before the
/// part git appends (`info/…`, `objects/…`, `HEAD`, `git-upload-pack`, `git-receive-pack`).
fn repo_of(path: &str) -> String {
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let end = match segments.iter().position(|s| s.ends_with(".git")) {
        Some(i) => i + 1,
        None => segments
            .iter()
            .position(|s| {
                matches!(
                    *s,
                    "info" | "objects" | "HEAD" | "git-upload-pack" | "git-receive-pack"
                )
            })
            .unwrap_or(segments.len()),
    };
    segments[..end].join("/")
}

fn reason(code: u16) -> &'static str {
    match code {
        200 => "OK",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    }
}

fn write_simple(out: &mut impl Write, code: u16) -> io::Result<()> {
    let body = format!("{code} {}\n", reason(code));
    let auth = if code == 401 {
        "WWW-Authenticate: Basic realm=\"git\"\r\n"
    } else {
        ""
    };
    let response = format!(
        "HTTP/1.1 {code} {}\r\n{auth}Content-Type: text/plain\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{body}",
        reason(code),
        body.len()
    );
    out.write_all(response.as_bytes())?;
    out.flush()
}

fn run_cgi(shared: &Shared, req: &Request, out: &mut impl Write) -> io::Result<()> {
    let stderr = OpenOptions::new().append(true).open(&shared.log)?;
    let mut cmd = Command::new(&shared.backend);
    cmd.env_clear()
        .env("PATH", env::var_os("PATH").unwrap_or_default())
        .env("HOME", &shared.home)
        .env("LC_ALL", "C")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .envs(super::server_git_config(&[("http.receivepack", "true")]))
        .env("GIT_PROJECT_ROOT", &shared.root)
        .env("GIT_HTTP_EXPORT_ALL", "1")
        .env("GATEWAY_INTERFACE", "CGI/1.1")
        .env("SERVER_PROTOCOL", "HTTP/1.1")
        .env("REQUEST_METHOD", &req.method)
        .env("PATH_INFO", &req.path)
        .env("QUERY_STRING", &req.query)
        .env("REMOTE_USER", &shared.user)
        .env("REMOTE_ADDR", "127.0.0.1")
        .env("CONTENT_LENGTH", req.body.len().to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(stderr);
    if let Some(v) = req.header("Content-Type") {
        cmd.env("CONTENT_TYPE", v);
    }
    if let Some(v) = req.header("Git-Protocol") {
        cmd.env("GIT_PROTOCOL", v);
    }
    if let Some(v) = req.header("Content-Encoding") {
        cmd.env("HTTP_CONTENT_ENCODING", v);
    }
    let mut child = match cmd.spawn() {
        Ok(child) => child,
        Err(e) => {
            shared.note(&format!("cannot run {}: {e}", shared.backend.display()));
            return write_simple(out, 500);
        }
    };
    let mut stdin = child.stdin.take().expect("CGI stdin is piped");
    let stdout = child.stdout.take().expect("CGI stdout is piped");
    let result = thread::scope(|scope| {
        // Feeding stdin from the relaying thread could deadlock against a CGI that answers early.
        scope.spawn(move || {
            let _ = stdin.write_all(&req.body);
        });
        let result = relay_cgi_output(BufReader::new(stdout), out);
        if result.is_err() {
            // The client is gone: unblock the backend (and with it the stdin feeder) right away.
            let _ = child.kill();
        }
        result
    });
    let _ = child.wait();
    result
}

/// Turns CGI output (headers, blank line, body) into an HTTP response, streaming the body.
fn relay_cgi_output(mut cgi: impl BufRead, out: &mut impl Write) -> io::Result<()> {
    let mut status = "200 OK".to_string();
    let mut headers = String::new();
    let mut has_length = false;
    loop {
        let Some(line) = read_line(&mut cgi)? else {
            write_simple(out, 502)?;
            return Err(bad_data("CGI ended before its headers did"));
        };
        if line.is_empty() {
            break;
        }
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        if name.eq_ignore_ascii_case("Status") {
            status = value.to_string();
            continue;
        }
        if name.eq_ignore_ascii_case("Content-Length") {
            has_length = true;
        }
        if name.eq_ignore_ascii_case("Connection") || name.eq_ignore_ascii_case("Transfer-Encoding")
        {
            continue;
        }
        headers.push_str(&format!("{name}: {value}\r\n"));
    }
    // Chunked framing lets the client tell a complete body from a truncated one.
    let chunked = !has_length;
    let head = format!(
        "HTTP/1.1 {status}\r\n{headers}Connection: close\r\n{}\r\n",
        if chunked {
            "Transfer-Encoding: chunked\r\n"
        } else {
            ""
        }
    );
    out.write_all(head.as_bytes())?;
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = cgi.read(&mut buf)?;
        if n == 0 {
            break;
        }
        if chunked {
            let mut chunk = Vec::with_capacity(n + 16);
            chunk.extend_from_slice(format!("{n:x}\r\n").as_bytes());
            chunk.extend_from_slice(&buf[..n]);
            chunk.extend_from_slice(b"\r\n");
            out.write_all(&chunk)?;
        } else {
            out.write_all(&buf[..n])?;
        }
    }
    if chunked {
        out.write_all(b"0\r\n\r\n")?;
    }
    out.flush()
}

fn bad_data(msg: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_decodes_basic_credentials() {
        assert_eq!(base64_decode("YWxpY2U6czNjcmV0").unwrap(), b"alice:s3cret");
        assert_eq!(base64_decode("YTpi").unwrap(), b"a:b");
        assert_eq!(base64_decode("YTpiYw==").unwrap(), b"a:bc");
        assert!(base64_decode("a!b").is_none());
    }

    #[test]
    fn repo_is_the_path_before_what_git_appends() {
        assert_eq!(repo_of("/team/app.git/info/refs"), "team/app.git");
        assert_eq!(repo_of("/app.git/git-receive-pack"), "app.git");
        assert_eq!(repo_of("/team/app/info/refs"), "team/app");
        assert_eq!(repo_of("/team/app/git-upload-pack"), "team/app");
        assert_eq!(normalize_repo("/team/app.git/"), "team/app.git");
    }

    #[test]
    fn chunked_bodies_are_dechunked() {
        let raw = b"4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\nTrailer: x\r\n\r\nrest";
        let mut reader = BufReader::new(&raw[..]);
        assert_eq!(read_chunked(&mut reader).unwrap(), b"Wikipedia");
        let mut rest = String::new();
        reader.read_to_string(&mut rest).unwrap();
        assert_eq!(rest, "rest");
    }

    #[test]
    fn fail_times_counts_down_then_clears() {
        let mut faults = HashMap::from([("r".to_string(), Fault::FailTimes(2, 503))]);
        assert_eq!(effective_fault(&mut faults, "r"), Some(Fault::Status(503)));
        assert_eq!(effective_fault(&mut faults, "r"), Some(Fault::Status(503)));
        assert_eq!(effective_fault(&mut faults, "r"), None);
        assert!(faults.is_empty());
    }
}
