//! `git multi tui`: a full-screen dashboard of every remote — one more face over the same model, session and
//! operations as the commands. The screen draws from [`state::App`] only; keys, the operations' events and
//! their results arrive as messages on one channel, so the loop sleeps until something happens.

mod draw;
mod keys;
pub mod state;
mod work;

use std::io::IsTerminal;
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use crossterm::event::{self, Event as TermEvent, KeyEventKind};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

use crate::error::{Error, Exit, Result};
use crate::remote_set::RemoteSet;
use crate::session::Session;

use keys::Command;
use state::{Action, App, ConflictLine, Pane, RemoteRow, Standing, View};
use work::{Msg, Running};

pub use draw::draw;

/// The terminal as the dashboard found it, put back however the dashboard ends (a return, an error, a panic).
struct Restore;

impl Restore {
    fn take() -> std::io::Result<Restore> {
        terminal::enable_raw_mode()?;
        crossterm::execute!(std::io::stdout(), EnterAlternateScreen)?;
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            leave();
            previous(info);
        }));
        Ok(Restore)
    }
}

fn leave() {
    let _ = terminal::disable_raw_mode();
    let _ = crossterm::execute!(
        std::io::stdout(),
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

impl Drop for Restore {
    fn drop(&mut self) {
        leave();
    }
}

/// Appends `what` with the time since the start to the file `GIT_MULTI_TUI_TRACE` names (for bench/tui.sh).
struct Trace {
    file: Option<Mutex<std::fs::File>>,
    start: Instant,
}

impl Trace {
    fn new(start: Instant) -> Trace {
        let file = std::env::var_os("GIT_MULTI_TUI_TRACE")
            .and_then(|path| {
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(path)
                    .ok()
            })
            .map(Mutex::new);
        Trace { file, start }
    }

    fn mark(&self, what: &str) {
        if let Some(file) = &self.file {
            let micros = self.start.elapsed().as_micros();
            let mut file = file.lock().unwrap_or_else(|e| e.into_inner());
            let _ = std::io::Write::write_all(&mut *file, format!("{micros} {what}\n").as_bytes());
        }
    }
}

/// The rows of the set's enabled members, before anyone was asked.
fn rows(set: &RemoteSet) -> Vec<RemoteRow> {
    set.members
        .iter()
        .filter(|m| m.enabled)
        .map(|m| {
            let (kind, _) = m.provider();
            RemoteRow {
                name: m.name.clone(),
                host: match m.host() {
                    Some(host) => format!("{kind} · {host}"),
                    None => format!("{kind} · this machine"),
                },
                url: crate::redact::redact(m.url.as_deref().unwrap_or("(no url)")).into_owned(),
                api: m.effective_api_url(),
                standing: Standing::Checking,
                offline: false,
                last: None,
                activity: None,
            }
        })
        .collect()
}

/// Runs the dashboard until `q`.
pub fn run(session: &Session) -> Result<Exit> {
    let started = crate::clock::process_started();
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Error::usage("git multi tui needs a terminal")
            .hint("for scripts: `git multi status`, `git multi status --json`"));
    }
    let set = session.remote_set()?;
    let colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut app = App::new(work::header(&session.git, &set), rows(&set), colour);
    let members: Vec<&crate::remote_set::Member> =
        set.members.iter().filter(|m| m.enabled).collect();
    if let Some(comparison) = work::offline(&session.git, &set, &members) {
        let names: Vec<String> = members.iter().map(|m| m.name.clone()).collect();
        app.compared(&comparison, &names, true);
        for row in &mut app.remotes {
            if row.offline {
                row.standing = Standing::Checking;
                row.offline = true;
            }
        }
    }
    let trace = Trace::new(started);
    let restore =
        Restore::take().map_err(|e| Error::failed(format!("cannot take the terminal: {e}")))?;
    let mut terminal = Terminal::new(CrosstermBackend::new(std::io::stdout()))
        .map_err(|e| Error::failed(format!("cannot draw: {e}")))?;
    terminal
        .draw(|f| draw(f, &app))
        .map_err(|e| Error::failed(format!("cannot draw: {e}")))?;
    trace.mark("first-frame");

    let (tx, rx) = channel();
    spawn_input(tx.clone());
    let running: Running = Arc::new(Mutex::new(None));
    start(session, &set, Action::Refresh, &tx, &running, &mut app);
    let result = event_loop(
        session,
        &set,
        &mut app,
        &mut terminal,
        (&tx, &rx),
        &running,
        &trace,
        started,
    );
    drop(restore);
    result
}

/// Keys and resizes, read on a thread of their own (blocking: no polling while nothing happens).
fn spawn_input(tx: Sender<Msg>) {
    std::thread::spawn(move || loop {
        let message = match event::read() {
            Ok(TermEvent::Key(key)) if key.kind == KeyEventKind::Press => Msg::Key(key),
            Ok(TermEvent::Resize(..)) => Msg::Resize,
            Ok(_) => continue,
            Err(_) => return,
        };
        if tx.send(message).is_err() {
            return;
        }
    });
}

#[allow(clippy::too_many_arguments)]
fn event_loop(
    session: &Session,
    set: &RemoteSet,
    app: &mut App,
    terminal: &mut Terminal<CrosstermBackend<std::io::Stdout>>,
    (tx, rx): (&Sender<Msg>, &Receiver<Msg>),
    running: &Running,
    trace: &Trace,
    started: Instant,
) -> Result<Exit> {
    while !app.quit {
        let Ok(message) = rx.recv() else { break };
        let was_key = matches!(message, Msg::Key(_));
        let seconds = started.elapsed().as_secs();
        match message {
            Msg::Key(key) => {
                trace.mark("key");
                if let Some(action) = on_key(app, &key) {
                    start(session, set, action, tx, running, app);
                }
            }
            Msg::Resize => {}
            Msg::Event(verb, event) => app.event(&event, &verb, seconds),
            Msg::Compared {
                comparison,
                remotes,
                offline,
            } => app.compared(&comparison, &remotes, offline),
            Msg::Unreachable {
                remote,
                status,
                why,
            } => app.unreachable(&remote, status, why),
            Msg::Header(header) => app.header = header,
            Msg::Log(lines) => app.log = lines,
            Msg::Done(line) => {
                app.running = None;
                app.message = Some(line);
            }
            Msg::Checked => app.checking = false,
        }
        terminal
            .draw(|f| draw(f, app))
            .map_err(|e| Error::failed(format!("cannot draw: {e}")))?;
        if was_key {
            trace.mark("frame-after-key");
        }
    }
    // Work still running stops as on Ctrl-C: every git job is asked to stop (and a child git-multi too).
    if app.running.is_some() {
        crate::interrupt::request();
        if let Some(child) = running.lock().unwrap_or_else(|e| e.into_inner()).as_mut() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
    Ok(Exit::Success)
}

/// What a key does to the state, and the work it starts — unless other work runs (asking the remotes how they
/// stand runs beside anything).
fn on_key(app: &mut App, key: &crossterm::event::KeyEvent) -> Option<Action> {
    let action = react(app, key)?;
    match &app.running {
        Some(running) if !matches!(action, Action::Refresh | Action::Log) => {
            app.message = Some(format!("{running} is running: wait for it (q stops it)"));
            None
        }
        _ => Some(action),
    }
}

fn react(app: &mut App, key: &crossterm::event::KeyEvent) -> Option<Action> {
    if app.typing_filter {
        use crossterm::event::KeyCode;
        match key.code {
            KeyCode::Enter => app.typing_filter = false,
            KeyCode::Esc => {
                app.typing_filter = false;
                app.filter = None;
            }
            KeyCode::Backspace => {
                if let Some(f) = app.filter.as_mut() {
                    f.pop();
                }
            }
            KeyCode::Char(c) => app.filter.get_or_insert_with(String::new).push(c),
            _ => {}
        }
        app.matrix_scroll = 0;
        return None;
    }
    let command = keys::command(key)?;
    if let View::Confirm(_, action) = &app.view {
        let action = action.clone();
        app.view = View::Main;
        return (command == Command::Yes).then_some(action);
    }
    let selected = app.selected_remote().map(|r| r.name.clone());
    let work = Some;
    match command {
        Command::Quit if app.view != View::Main => app.view = View::Main,
        Command::Quit => app.quit = true,
        Command::Up => app.move_selection(-1),
        Command::Down => app.move_selection(1),
        Command::NextPane => {
            app.pane = match app.pane {
                Pane::Remotes => Pane::Matrix,
                Pane::Matrix => Pane::Activity,
                Pane::Activity => Pane::Remotes,
            }
        }
        Command::Details => app.view = View::Details,
        Command::Help => app.view = View::Help,
        Command::Filter => {
            app.typing_filter = true;
            app.filter.get_or_insert_with(String::new);
        }
        Command::PushAll => return work(Action::Push(None)),
        Command::PushSelected => return work(Action::Push(selected)),
        Command::FetchAll => return work(Action::Fetch(None)),
        Command::FetchSelected => return work(Action::Fetch(selected)),
        Command::SyncAll => return work(Action::Sync(None)),
        Command::SyncSelected => return work(Action::Sync(selected)),
        Command::Refresh if !app.checking => return Some(Action::Refresh),
        Command::Refresh => {}
        Command::Conflicts => {
            app.conflicts = conflicts(app);
            app.conflict_selected = 0;
            app.view = View::Conflicts;
        }
        Command::Log => {
            app.view = View::Log;
            return work(Action::Log);
        }
        Command::TakeLocal | Command::TakeRemote | Command::Merge
            if app.view == View::Conflicts =>
        {
            let line = app.conflicts.get(app.conflict_selected)?;
            let side = match command {
                Command::TakeLocal => Some("local".to_string()),
                Command::TakeRemote => Some(selected?),
                _ => None,
            };
            let question = match &side {
                Some(side) => format!(
                    "give every side {side}'s copy of {}? (what it overwrites is saved)",
                    line.name
                ),
                None => format!(
                    "merge every copy of {} and push the merge everywhere?",
                    line.name
                ),
            };
            app.view = View::Confirm(question, Action::Resolve(line.name.clone(), side));
        }
        Command::Undo if app.view == View::Log => {
            let entry = app.log.get(app.log_selected)?;
            app.view = View::Confirm(
                format!(
                    "undo {}? (remotes someone pushed to since are left alone)",
                    entry.text
                ),
                Action::Undo(entry.id.clone()),
            );
        }
        _ => {}
    }
    None
}

/// The refs whose copies differ, from the matrix: what the conflicts view lists.
fn conflicts(app: &App) -> Vec<ConflictLine> {
    app.matrix
        .iter()
        .filter(|(_, row)| row.values().any(|s| *s != Standing::InSync))
        .map(|(name, row)| ConflictLine {
            name: name.clone(),
            kind: row
                .values()
                .find(|s| **s != Standing::InSync)
                .map(|s| s.words())
                .unwrap_or_default(),
            sides: row
                .iter()
                .map(|(r, s)| format!("{r} {}", s.mark()))
                .collect(),
        })
        .collect()
}

/// Starts `action` on a thread of its own; its result comes back as messages.
fn start(
    session: &Session,
    set: &RemoteSet,
    action: Action,
    tx: &Sender<Msg>,
    running: &Running,
    app: &mut App,
) {
    if matches!(action, Action::Log) {
        let _ = tx.send(Msg::Log(work::log(&session.git)));
        return;
    }
    if matches!(action, Action::Refresh) {
        app.checking = true;
        for row in &mut app.remotes {
            row.standing = Standing::Checking;
        }
    } else {
        app.running = Some(action.verb().to_string());
    }
    let worker = session.for_worker();
    let set = set.clone();
    let tx = tx.clone();
    let running = Arc::clone(running);
    std::thread::spawn(move || {
        let pick = |only: &Option<String>| -> Vec<&crate::remote_set::Member> {
            set.members
                .iter()
                .filter(|m| m.enabled && only.as_ref().is_none_or(|o| *o == m.name))
                .collect()
        };
        let line = match &action {
            Action::Refresh => {
                work::refresh(&worker, &set, &pick(&None), &tx);
                let _ = tx.send(Msg::Checked);
                return;
            }
            Action::Push(only) => work::push(&worker, &set, &pick(only), &tx),
            Action::Fetch(only) => work::fetch(&worker, &set, &pick(only), &tx),
            Action::Sync(_) | Action::Resolve(..) | Action::Undo(_) => work::child(
                &worker.git,
                action.verb(),
                &work::child_args(&action),
                &running,
            ),
            Action::Log => unreachable!("read at once"),
        };
        if !matches!(action, Action::Refresh) {
            work::refresh(&worker, &set, &pick(&None), &tx);
        }
        let _ = tx.send(Msg::Done(line));
    });
}

#[cfg(test)]
mod screens {
    //! Every view and state of the dashboard, drawn on a test terminal and compared with its snapshot.

    use ratatui::backend::TestBackend;

    use super::*;
    use crate::model::{Compared, Comparison, Relation, State as RefState, Status};
    use state::Header;

    fn row(name: &str, standing: Standing) -> RemoteRow {
        RemoteRow {
            name: name.into(),
            host: format!("github · {name}.example"),
            url: format!("https://{name}.example/alice/app.git"),
            api: Some(format!("https://api.{name}.example")),
            standing,
            offline: false,
            last: None,
            activity: None,
        }
    }

    fn app(standings: &[(&str, Standing)]) -> App {
        let header = Header {
            repository: "/home/alice/app".into(),
            branch: Some("main".into()),
            head: Some("1234567890abcdef1234567890abcdef12345678".into()),
            primary: Some("github".into()),
            dirty: false,
        };
        let rows = standings.iter().map(|(n, s)| row(n, s.clone())).collect();
        App::new(header, rows, false)
    }

    fn compared(remote: &str, name: &str, state: RefState, ahead: u64, behind: u64) -> Compared {
        Compared {
            remote: remote.into(),
            name: name.into(),
            local: Some("a".repeat(40)),
            remote_oid: Some("b".repeat(40)),
            relation: Relation {
                state,
                ahead: Some(ahead),
                behind: Some(behind),
            },
        }
    }

    fn screen(app: &App) -> String {
        let mut terminal = Terminal::new(TestBackend::new(90, 28)).unwrap();
        terminal.draw(|f| draw(f, app)).unwrap();
        terminal.backend().to_string()
    }

    fn three_in_sync() -> App {
        let mut app = app(&[
            ("github", Standing::Checking),
            ("gitlab", Standing::Checking),
            ("codeberg", Standing::Checking),
        ]);
        let names: Vec<String> = app.remotes.iter().map(|r| r.name.clone()).collect();
        let mut entries = Vec::new();
        for remote in &names {
            for name in [
                "refs/heads/main",
                "refs/heads/topic",
                "refs/git-mile/tasks/T1",
            ] {
                entries.push(compared(remote, name, RefState::InSync, 0, 0));
            }
        }
        let comparison = Comparison::new(Default::default(), entries, &[]);
        app.compared(&comparison, &names, false);
        app
    }

    #[test]
    fn loading() {
        let app = app(&[
            ("github", Standing::Checking),
            ("gitlab", Standing::Checking),
        ]);
        insta::assert_snapshot!(screen(&app));
    }

    #[test]
    fn in_sync() {
        insta::assert_snapshot!(screen(&three_in_sync()));
    }

    #[test]
    fn behind_and_ahead_with_a_push_running() {
        let mut app = three_in_sync();
        let comparison = Comparison::new(
            Default::default(),
            vec![
                compared("gitlab", "refs/heads/main", RefState::Behind, 0, 2),
                compared("gitlab", "refs/heads/topic", RefState::InSync, 0, 0),
            ],
            &[],
        );
        app.compared(&comparison, &["gitlab".to_string()], false);
        let comparison = Comparison::new(
            Default::default(),
            vec![compared(
                "codeberg",
                "refs/heads/main",
                RefState::Ahead,
                3,
                0,
            )],
            &[],
        );
        app.compared(&comparison, &["codeberg".to_string()], false);
        app.running = Some("push".into());
        app.event(
            &crate::events::Event::Progress {
                remote: "codeberg".into(),
                progress: crate::git::Progress {
                    phase: "Writing objects".into(),
                    percent: 45,
                    done: Some(9),
                    total: Some(20),
                    bytes: Some(1_258_291),
                    rate: Some(3 * 1024 * 1024),
                },
            },
            "push",
            3,
        );
        insta::assert_snapshot!(screen(&app));
    }

    #[test]
    fn failed() {
        let mut app = three_in_sync();
        app.unreachable("gitlab", Status::Timeout, "no answer within 30s".into());
        app.unreachable(
            "codeberg",
            Status::Failed,
            "fatal: Authentication failed".into(),
        );
        app.message =
            Some("push: 1 ok, 1 timeout, 1 failed — codeberg: Authentication failed".into());
        insta::assert_snapshot!(screen(&app));
    }

    #[test]
    fn help() {
        let mut app = three_in_sync();
        app.view = View::Help;
        insta::assert_snapshot!(screen(&app));
    }

    #[test]
    fn details() {
        let mut app = three_in_sync();
        app.selected = 1;
        app.remotes[1].last = Some(("push".into(), Status::Ok, 12));
        app.view = View::Details;
        insta::assert_snapshot!(screen(&app));
    }

    #[test]
    fn conflicts_with_a_question() {
        let mut app = three_in_sync();
        let comparison = Comparison::new(
            Default::default(),
            vec![compared(
                "gitlab",
                "refs/heads/main",
                RefState::Diverged,
                1,
                2,
            )],
            &[],
        );
        app.compared(&comparison, &["gitlab".to_string()], false);
        app.conflicts = conflicts(&app);
        app.view = View::Conflicts;
        let conflict_screen = screen(&app);
        insta::assert_snapshot!(conflict_screen);
        let key = crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char('M'),
            crossterm::event::KeyModifiers::NONE,
        );
        assert_eq!(on_key(&mut app, &key), None);
        assert!(
            matches!(app.view, View::Confirm(..)),
            "destructive work asks first"
        );
        let yes = crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char('y'),
            crossterm::event::KeyModifiers::NONE,
        );
        assert_eq!(
            on_key(&mut app, &yes),
            Some(Action::Resolve("refs/heads/main".into(), None))
        );
    }

    #[test]
    fn small_terminals_still_draw() {
        let app = three_in_sync();
        let mut terminal = Terminal::new(TestBackend::new(60, 20)).unwrap();
        terminal.draw(|f| draw(f, &app)).unwrap();
        let text = terminal.backend().to_string();
        assert!(text.contains("github") && text.contains("q quit"), "{text}");
    }

    #[test]
    fn the_filter_narrows_the_matrix() {
        let mut app = three_in_sync();
        app.filter = Some("git-mile".into());
        assert_eq!(app.visible_refs(), ["refs/git-mile/tasks/T1"]);
    }
}
