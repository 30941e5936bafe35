//! The man pages, from the clap definitions: `git-multi.1` and one page per visible subcommand, nested ones
//! named as git names them (`git-multi-remote-add.1`), so `git multi remote add --help` can open one.

/// `(file name, roff text)` for the top page and every visible subcommand; `root` is the command tree as the
/// installed binary presents itself.
pub fn pages(mut root: clap::Command) -> Vec<(String, Vec<u8>)> {
    root.build();
    let mut pages = Vec::new();
    collect(&root, "git-multi", "git multi", &mut pages);
    pages
}

/// `name` is the page (`git-multi-remote-add`), `usage` how it is typed (`git multi remote add`).
fn collect(command: &clap::Command, name: &str, usage: &str, pages: &mut Vec<(String, Vec<u8>)>) {
    let page = command
        .clone()
        .name(name.to_string())
        .bin_name(usage.to_string());
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .title(name.to_uppercase())
        .section("1")
        .manual("Git Multi Manual")
        .render(&mut roff)
        .expect("rendering to memory cannot fail");
    pages.push((format!("{name}.1"), roff));
    for sub in command
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        collect(
            sub,
            &format!("{name}-{}", sub.get_name()),
            &format!("{usage} {}", sub.get_name()),
            pages,
        );
    }
}
