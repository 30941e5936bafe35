//! A tiny in-process HTTP server on 127.0.0.1 for host-API tests: a closure answers each request, and every
//! request is recorded so tests can check exactly what was sent. The provider tests (`provider_api`) and the
//! command tests share it; src never includes it.
#![allow(dead_code)]

use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or(serde_json::Value::Null)
    }

    /// `METHOD /path?query`
    pub fn line(&self) -> String {
        format!("{} {}", self.method, self.url)
    }
}

/// What the handler answers.
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    pub fn json(status: u16, body: serde_json::Value) -> Answer {
        Answer {
            status,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: body.to_string(),
        }
    }

    pub fn raw(status: u16, body: &str) -> Answer {
        Answer {
            status,
            headers: Vec::new(),
            body: body.to_string(),
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Answer {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }
}

type Handler = dyn Fn(&Seen, usize) -> Answer + Send + Sync;

pub struct FakeApi {
    pub url: String,
    server: Arc<tiny_http::Server>,
    seen: Arc<Mutex<Vec<Seen>>>,
    thread: Option<JoinHandle<()>>,
    /// Dropped first on drop: lets go of requests a never-answering host holds.
    release: Option<std::sync::mpsc::Sender<()>>,
}

impl FakeApi {
    /// Serves `handler(request, index_of_this_request)` on a fresh loopback port until dropped.
    pub fn start(handler: impl Fn(&Seen, usize) -> Answer + Send + Sync + 'static) -> FakeApi {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1"));
        let port = server.server_addr().to_ip().expect("ip listener").port();
        let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let handler: Arc<Handler> = Arc::new(handler);
        let thread = {
            let server = Arc::clone(&server);
            let seen = Arc::clone(&seen);
            std::thread::spawn(move || {
                for mut request in server.incoming_requests() {
                    let mut body = String::new();
                    let _ = request.as_reader().read_to_string(&mut body);
                    let record = Seen {
                        method: request.method().as_str().to_string(),
                        url: request.url().to_string(),
                        headers: request
                            .headers()
                            .iter()
                            .map(|h| {
                                (
                                    h.field.as_str().as_str().to_string(),
                                    h.value.as_str().to_string(),
                                )
                            })
                            .collect(),
                        body,
                    };
                    let index = {
                        let mut all = seen.lock().unwrap();
                        all.push(record.clone());
                        all.len() - 1
                    };
                    let answer = handler(&record, index);
                    let mut response = tiny_http::Response::from_string(answer.body)
                        .with_status_code(answer.status);
                    for (k, v) in answer.headers {
                        response.add_header(
                            tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()).unwrap(),
                        );
                    }
                    let _ = request.respond(response);
                }
            })
        };
        FakeApi {
            url: format!("http://127.0.0.1:{port}"),
            server,
            seen,
            thread: Some(thread),
            release: None,
        }
    }

    /// A host whose API accepts every connection and request and never answers, until it is dropped.
    pub fn never_answering() -> FakeApi {
        let (release, held) = std::sync::mpsc::channel::<()>();
        let held = Mutex::new(held);
        let mut fake = FakeApi::start(move |_, _| {
            // Returns only once the sender is gone, i.e. when the test drops this host.
            let _ = held.lock().unwrap().recv();
            Answer::raw(503, "")
        });
        fake.release = Some(release);
        fake
    }

    /// Every request so far, in arrival order.
    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    /// The first request sent with `method`; panics, listing every request, when there is none.
    #[track_caller]
    pub fn first(&self, method: &str) -> Seen {
        let seen = self.seen();
        let lines: Vec<String> = seen.iter().map(Seen::line).collect();
        seen.into_iter()
            .find(|s| s.method == method)
            .unwrap_or_else(|| panic!("no {method} among {lines:?}"))
    }

    pub fn lines(&self) -> Vec<String> {
        self.seen().iter().map(Seen::line).collect()
    }
}

impl Drop for FakeApi {
    fn drop(&mut self) {
        self.release.take();
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
