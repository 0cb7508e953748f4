//! The arguments of engineer commands: priority, category, status, assignee, `#cc` addresses
//! and the rest, each parsed into typed values or an [`ArgError`] with a suggestion (split out
//! of `command.rs`, which keeps the grammar, the line scanner, the near-miss suggestions and
//! the help text). Pure, never panics on input.

use super::*;

pub(super) fn parse_argument(name: Name, arg: &str) -> Result<Vec<Command>, ArgError> {
    // "#close." / "#priority P1。": sentence punctuation is not part of a value.
    let arg = arg
        .trim_end_matches(|c: char| SENTENCE_END.contains(&c))
        .trim_end();
    let folded: String = arg.chars().map(fold_char).collect();
    let one = |c: Command| Ok(vec![c]);
    let bare = |c: Command| {
        if arg.is_empty() {
            Ok(vec![c])
        } else {
            let n = canonical(name);
            Err((format!("`#{n}` takes no argument"), Some(format!("#{n}"))))
        }
    };
    if arg.is_empty()
        && !matches!(
            name,
            Name::Reopen
                | Name::Close
                | Name::Help
                | Name::Internal
                | Name::List
                | Name::Approve
                | Name::Reject
                | Name::Kb
        )
    {
        return Err(missing_reason(name));
    }
    match name {
        Name::Assign => one(Command::Assign(parse_assignee(arg)?)),
        Name::Priority | Name::Category | Name::Status => {
            let mut words = folded.split_whitespace();
            let value = words.next().unwrap_or_default();
            let command = match name {
                Name::Priority => value.parse::<Priority>().ok().map(Command::Priority),
                Name::Category => pick(CATEGORY_NAMES, value).map(Command::Category),
                _ => pick(STATUS_NAMES, value).map(Command::Status),
            };
            match command {
                Some(_) if words.next().is_some() => Err((
                    format!(
                        "`#{}` takes a single value; write comments on the next line",
                        canonical(name)
                    ),
                    Some(format!("#{} {value}", canonical(name))),
                )),
                Some(c) => one(c),
                None => Err(bad_value(name, value)),
            }
        }
        Name::Cc => parse_cc(arg),
        Name::Show => {
            let digits = folded.trim_start_matches('#');
            match digits.parse::<u64>() {
                Ok(n) if n > 0 => one(Command::Show(n)),
                _ => Err((
                    "ticket number must be a positive whole number".to_string(),
                    Some("#show 42".into()),
                )),
            }
        }
        Name::Reopen => bare(Command::Reopen),
        Name::Close => bare(Command::Close),
        Name::Help => bare(Command::Help),
        Name::Internal => bare(Command::Internal),
        Name::List => bare(Command::List),
        Name::Approve => bare(Command::Approve),
        Name::Reject => one(Command::Reject(arg.to_string())),
        Name::Plan => one(Command::Plan(arg.to_string())),
        Name::Kb => match folded.as_str() {
            "" | "draft" | "草稿" => one(Command::Kb(KbAction::Draft)),
            "publish" | "发布" => one(Command::Kb(KbAction::Publish)),
            _ => Err((
                "`#kb` takes nothing (write a draft) or `publish`".to_string(),
                Some("#kb publish".into()),
            )),
        },
        // Handled by the caller because they read following lines.
        Name::Note => one(Command::Note(arg.to_string())),
        Name::Resolve => one(Command::Resolve(arg.to_string())),
    }
}

fn bad_value(name: Name, value: &str) -> ArgError {
    match name {
        Name::Priority => ("priority must be P1–P4".to_string(), None),
        Name::Category => (
            "category must be one of hardware, software, network, account, request, other"
                .to_string(),
            near(CATEGORY_NAMES, value).map(|s| format!("#category {s}")),
        ),
        _ => (
            "status must be one of open, waiting, resolved, closed".to_string(),
            near(STATUS_NAMES, value).map(|s| format!("#status {s}")),
        ),
    }
}

fn parse_assignee(arg: &str) -> Result<AssigneeRef, ArgError> {
    // "#assign to bob", "#指派给 张三".
    let lower = arg.to_ascii_lowercase();
    let arg = match lower.strip_prefix("to ") {
        Some(_) => arg.get(3..).unwrap_or(arg),
        None => arg.strip_prefix('给').unwrap_or(arg),
    }
    .trim();
    let folded: String = arg.chars().map(fold_char).collect();
    if folded == "me" || arg == "我" || arg == "自己" {
        return Ok(AssigneeRef::Me);
    }
    let bare = unwrap_address(arg);
    if bare.contains('@') && !bare.starts_with('@') {
        return validate_email(bare)
            .map(|e| AssigneeRef::Email(e.to_string()))
            .map_err(|reason| (reason, Some("#assign bob@example.com".into())));
    }
    // "@bob" is a chat habit; the name is still bob.
    let name = arg.trim_start_matches('@').trim();
    if name.is_empty() || name.contains('@') || name.chars().count() > MAX_NAME_CHARS {
        return Err((
            "assignee must be `me`, a name or an email address".to_string(),
            Some("#assign me".into()),
        ));
    }
    Ok(AssigneeRef::Name(name.to_string()))
}

fn parse_cc(arg: &str) -> Result<Vec<Command>, ArgError> {
    let mut out = Vec::new();
    let parts = arg
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '，' | '；' | '、'))
        .filter(|p| !p.is_empty());
    for part in parts {
        let address = unwrap_address(part);
        match validate_email(address) {
            Ok(a) => out.push(Command::Cc(a.to_string())),
            Err(reason) => return Err((reason, Some("#cc alice@example.com".into()))),
        }
    }
    if out.is_empty() {
        return Err(missing_reason(Name::Cc));
    }
    Ok(out)
}

/// `<a@b>` or `mailto:a@b` → `a@b`.
fn unwrap_address(s: &str) -> &str {
    let s = s.trim();
    let s = s
        .strip_prefix('<')
        .and_then(|r| r.strip_suffix('>'))
        .unwrap_or(s);
    s.strip_prefix("mailto:").unwrap_or(s)
}

/// A deliberately plain check: it keeps header injection and junk out, not RFC 5322 in full.
fn validate_email(address: &str) -> Result<&str, String> {
    let bad = |why: &str| Err(format!("`{address}` is not an email address: {why}"));
    if address.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return bad("no spaces or line breaks allowed");
    }
    if address.chars().filter(|&c| c == '@').count() != 1 {
        return bad("it needs exactly one @");
    }
    let Some((local, domain)) = address.split_once('@') else {
        return bad("it needs exactly one @");
    };
    if local.is_empty() || domain.is_empty() {
        return bad("something is missing around the @");
    }
    if address.chars().any(|c| {
        matches!(
            c,
            '<' | '>' | '(' | ')' | ',' | ';' | ':' | '"' | '[' | ']' | '\\'
        )
    }) {
        return bad("it contains characters not allowed in an address");
    }
    if domain.starts_with('.') || domain.ends_with('.') || domain.contains("..") {
        return bad("the domain is malformed");
    }
    Ok(address)
}

fn pick<T: Copy>(table: &[(&str, T)], folded: &str) -> Option<T> {
    let key = folded.trim();
    table.iter().find(|(n, _)| *n == key).map(|&(_, v)| v)
}
