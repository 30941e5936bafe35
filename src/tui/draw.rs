//! Drawing the dashboard from its state: the header, the remotes, the ref × remote matrix, the activity of
//! running work, the key hints, and the views over them (help, details, conflicts, log, a question).

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Clear, Paragraph, Row, Table, Wrap};
use ratatui::Frame;

use super::keys::BINDINGS;
use super::state::{App, Pane, Standing, View};
use crate::git::refname;

/// The whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let activity_height = (app.remotes.len().min(4) as u16) + 2;
    let remotes_height = (app.remotes.len().min(8) as u16) + 3;
    let [header, remotes, matrix, activity, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(remotes_height),
        Constraint::Min(3),
        Constraint::Length(activity_height),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(header_line(app)), header);
    draw_remotes(frame, app, remotes);
    draw_matrix(frame, app, matrix);
    draw_activity(frame, app, activity);
    frame.render_widget(Paragraph::new(hint_line(app)), hints);
    match &app.view {
        View::Main => {}
        View::Help => draw_help(frame, app, area),
        View::Details => draw_details(frame, app, area),
        View::Conflicts => draw_conflicts(frame, app, area),
        View::Log => draw_log(frame, app, area),
        View::Confirm(question, _) => draw_question(frame, question, area),
    }
}

fn style(app: &App, colour: Color) -> Style {
    if app.colour {
        Style::default().fg(colour)
    } else {
        Style::default()
    }
}

fn bold(app: &App) -> Style {
    if app.colour {
        Style::default().add_modifier(Modifier::BOLD)
    } else {
        Style::default()
    }
}

fn standing_colour(standing: &Standing) -> Color {
    match standing {
        Standing::InSync => Color::Green,
        Standing::Ahead(_) | Standing::Behind(_) | Standing::Checking => Color::Yellow,
        Standing::Missing => Color::Cyan,
        Standing::Diverged(..) | Standing::Unreachable(_) | Standing::Timeout => Color::Red,
    }
}

fn header_line(app: &App) -> Line<'static> {
    let h = &app.header;
    let branch = match (&h.branch, &h.head) {
        (Some(b), Some(head)) => format!("{b} @ {}", crate::git::short_oid(head)),
        (Some(b), None) => format!("{b} (no commits yet)"),
        (None, Some(head)) => format!("detached @ {}", crate::git::short_oid(head)),
        (None, None) => "no commits yet".to_string(),
    };
    let mut spans = vec![
        Span::styled(h.repository.clone(), bold(app)),
        Span::raw("  "),
        Span::raw(branch),
        Span::raw("  primary: "),
        Span::raw(h.primary.clone().unwrap_or_else(|| "none".into())),
        Span::raw("  "),
    ];
    spans.push(if h.dirty {
        Span::styled("dirty", style(app, Color::Yellow))
    } else {
        Span::styled("clean", style(app, Color::Green))
    });
    if let Some(running) = &app.running {
        spans.push(Span::raw(format!("  [{running}…]")));
    }
    Line::from(spans)
}

fn pane_block(app: &App, pane: Pane, title: &str) -> Block<'static> {
    let focused = app.pane == pane && app.view == View::Main;
    let title = if focused {
        format!("[{title}]")
    } else {
        title.to_string()
    };
    Block::default().borders(Borders::ALL).title(title)
}

fn draw_remotes(frame: &mut Frame, app: &App, area: Rect) {
    let rows: Vec<Row> = app
        .remotes
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let pointer = if i == app.selected { "›" } else { " " };
            let mut words = r.standing.words();
            if r.offline && !matches!(r.standing, Standing::Checking) {
                words.push_str(" (last fetch)");
            }
            let last = match &r.last {
                Some((verb, status, at)) => format!("{verb} {} ({at}s)", status.as_str()),
                None => String::new(),
            };
            Row::new(vec![
                Cell::from(format!("{pointer} {}", r.name)),
                Cell::from(r.host.clone()),
                Cell::from(Span::styled(
                    format!("{} {words}", r.standing.mark()),
                    style(app, standing_colour(&r.standing)),
                )),
                Cell::from(last),
            ])
        })
        .collect();
    let table = Table::new(
        rows,
        [
            Constraint::Percentage(22),
            Constraint::Percentage(30),
            Constraint::Percentage(26),
            Constraint::Percentage(22),
        ],
    )
    .header(Row::new(vec!["  remote", "host", "branch", "last"]).style(bold(app)))
    .block(pane_block(app, Pane::Remotes, "remotes"));
    frame.render_widget(table, area);
}

fn draw_matrix(frame: &mut Frame, app: &App, area: Rect) {
    let names: Vec<&str> = app.remotes.iter().map(|r| r.name.as_str()).collect();
    let refs = app.visible_refs();
    let height = area.height.saturating_sub(3) as usize;
    let start = app
        .matrix_scroll
        .min(refs.len().saturating_sub(height.max(1)));
    let rows: Vec<Row> = refs
        .iter()
        .skip(start)
        .take(height)
        .enumerate()
        .map(|(i, name)| {
            let marker = if app.pane == Pane::Matrix && start + i == app.matrix_scroll {
                "›"
            } else {
                " "
            };
            let mut cells = vec![Cell::from(format!("{marker} {}", refname::short(name)))];
            for remote in &names {
                let standing = app.matrix.get(*name).and_then(|row| row.get(*remote));
                cells.push(match standing {
                    Some(s) => Cell::from(Span::styled(
                        format!("{} {}", s.mark(), s.words()),
                        style(app, standing_colour(s)),
                    )),
                    None => Cell::from("·"),
                });
            }
            Row::new(cells)
        })
        .collect();
    let mut widths = vec![Constraint::Percentage(30)];
    let each = (70 / names.len().max(1)) as u16;
    widths.extend(names.iter().map(|_| Constraint::Percentage(each)));
    let mut header = vec!["  ref".to_string()];
    header.extend(names.iter().map(|n| n.to_string()));
    let title = match &app.filter {
        Some(filter) if app.typing_filter => format!("refs /{filter}▏"),
        Some(filter) if !filter.is_empty() => format!("refs /{filter}"),
        _ => "refs".to_string(),
    };
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(bold(app)))
        .block(pane_block(app, Pane::Matrix, &title));
    frame.render_widget(table, area);
}

fn draw_activity(frame: &mut Frame, app: &App, area: Rect) {
    let mut lines: Vec<Line> = app
        .remotes
        .iter()
        .filter_map(|r| {
            r.activity
                .as_ref()
                .map(|a| Line::from(format!("{}: {a}", r.name)))
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::from(match &app.message {
            Some(message) => message.clone(),
            None => "idle".to_string(),
        }));
    }
    let paragraph = Paragraph::new(lines).block(pane_block(app, Pane::Activity, "activity"));
    frame.render_widget(paragraph, area);
}

fn hint_line(app: &App) -> Line<'static> {
    let text = match &app.view {
        View::Main if app.typing_filter => "type to filter, Enter to keep, Esc to clear",
        View::Main => {
            "? help  q quit  p push  f fetch  s sync  c conflicts  l log  r refresh  / filter"
        }
        View::Help | View::Details => "Esc close",
        View::Conflicts => "L take local  T take remote  M merge  ↑↓ select  Esc close",
        View::Log => "u undo  ↑↓ select  Esc close",
        View::Confirm(..) => "y yes  n no",
    };
    Line::from(Span::styled(text.to_string(), bold(app)))
}

/// A box in the middle of `area`, `width` × `height` at most.
fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

fn popup(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line>) {
    frame.render_widget(Clear, area);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false }).block(
        Block::default()
            .borders(Borders::ALL)
            .title(title.to_string()),
    );
    frame.render_widget(paragraph, area);
}

fn draw_help(frame: &mut Frame, _app: &App, area: Rect) {
    let lines: Vec<Line> = BINDINGS
        .iter()
        .map(|(keys, what, _)| Line::from(format!("{keys:<9} {what}")))
        .collect();
    let height = lines.len() as u16 + 2;
    popup(frame, centred(area, 64, height), "keys", lines);
}

fn draw_details(frame: &mut Frame, app: &App, area: Rect) {
    let Some(r) = app.selected_remote() else {
        return;
    };
    let mut lines = vec![
        Line::from(format!("url       {}", r.url)),
        Line::from(format!("host      {}", r.host)),
        Line::from(format!("api       {}", r.api.as_deref().unwrap_or("none"))),
        Line::from(format!(
            "branch    {} {}",
            r.standing.mark(),
            r.standing.words()
        )),
    ];
    if let Standing::Unreachable(why) = &r.standing {
        lines.push(Line::from(format!("why       {why}")));
    }
    if let Some((verb, status, at)) = &r.last {
        lines.push(Line::from(format!(
            "last      {verb} {} ({at}s)",
            status.as_str()
        )));
    }
    lines.push(Line::from("refs"));
    for (name, row) in &app.matrix {
        if let Some(s) = row.get(&r.name) {
            lines.push(Line::from(format!(
                "  {:<28} {} {}",
                refname::short(name),
                s.mark(),
                s.words()
            )));
        }
    }
    let height = (lines.len() as u16 + 2).min(area.height);
    popup(frame, centred(area, 72, height), &r.name, lines);
}

fn draw_conflicts(frame: &mut Frame, app: &App, area: Rect) {
    let mut lines: Vec<Line> = Vec::new();
    if app.conflicts.is_empty() {
        lines.push(Line::from("every ref agrees everywhere"));
    }
    for (i, c) in app.conflicts.iter().enumerate() {
        let pointer = if i == app.conflict_selected {
            "›"
        } else {
            " "
        };
        lines.push(Line::from(format!(
            "{pointer} {:<28} {:<9} {}",
            refname::short(&c.name),
            c.kind,
            c.sides.join("  ")
        )));
    }
    let height = (lines.len() as u16 + 2).min(area.height);
    popup(frame, centred(area, 76, height), "conflicts", lines);
}

fn draw_log(frame: &mut Frame, app: &App, area: Rect) {
    let mut lines: Vec<Line> = Vec::new();
    if app.log.is_empty() {
        lines.push(Line::from("nothing has changed a remote yet"));
    }
    for (i, entry) in app.log.iter().enumerate() {
        let pointer = if i == app.log_selected { "›" } else { " " };
        lines.push(Line::from(format!("{pointer} {}", entry.text)));
    }
    let height = (lines.len() as u16 + 2).min(area.height);
    popup(frame, centred(area, 76, height), "log", lines);
}

fn draw_question(frame: &mut Frame, question: &str, area: Rect) {
    let lines = vec![Line::from(question.to_string()), Line::from("y/N")];
    popup(frame, centred(area, 60, 5), "confirm", lines);
}
