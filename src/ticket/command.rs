//! Engineer commands: the `#assign me` / `#priority P2` / `#resolve …` lines at the top of an
//! engineer's reply, parsed into typed [`Command`]s, with every problem kept as data
//! ([`CommandError`]) so the bot can answer with what it did not understand.
//!
//! This module owns the command grammar and its aliases; it never applies a command (that is
//! `lifecycle`'s job), does no I/O and never panics on input. Quoted history and signatures are cut
//! with [`super::reply::fresh_lines`], so a `#close` quoted from an older mail is never obeyed.
//!
//! Grammar. Command lines start with `#` or full-width `＃` directly followed by a letter (leading
//! whitespace, NBSP and zero-width characters are ignored); blank lines between them are fine,
//! because HTML→text conversions (Outlook, Gmail, Thunderbird, Foxmail) put a blank line after
//! every paragraph. The first other non-blank line ends the commands; from there up to the quoted
//! history or signature is the public text. Names are case-insensitive, full-width letters, digits
//! and colons are folded to ASCII, and a `:` after the name is optional (`#priority: P1`,
//! `＃优先级：Ｐ１`). `#note` and `#resolve` continue on the following lines up to a blank line or
//! the next command; when they have no text at all, the next paragraph is taken instead (that is
//! how an HTML mail renders `#resolve` on its own line above the solution).
//!
//! | command | aliases | argument |
//! |---|---|---|
//! | `#assign` | `#指派` `#分配` | `me`/`我`, a name, or an email address |
//! | `#priority` | `#优先级` | `P1`..`P4`, `1`..`4` |
//! | `#category` | `#分类` `#类别` | hardware software network account request other, 硬件 软件 网络 账号/账户 请求/咨询 其他 |
//! | `#status` | `#状态` | open waiting resolved closed, 处理中 等待 已解决 已关闭 |
//! | `#note` | `#备注` | text (internal, never sent to the requester) |
//! | `#resolve` | `#解决` | the solution |
//! | `#reopen` | `#重开` `#重新打开` | — |
//! | `#close` | `#关闭` | — |
//! | `#cc` | `#抄送` | one or more addresses, separated by spaces, commas or semicolons |
//! | `#help` | `#帮助` | — |
//! | `#internal` | `#内部` | — (the public text becomes an internal comment) |
//! | `#list` | `#列表` | — |
//! | `#show` | `#查看` | a ticket number (`42` or `#42`) |
//! | `#plan` | `#方案` | the plan, then optional `risk:`/`rollback:`/`window:` lines (`风险：` `回退：` `窗口：`) |
//! | `#approve` | `#批准` `#同意` | — (an approver's answer; see `ticket::approval`) |
//! | `#reject` | `#驳回` `#不同意` | the reason |

use super::model::{Category, Priority, Status};
use super::reply::{fold_char, fresh_lines, is_blank, is_invisible, strip_lead};
use std::fmt;

/// Who `#assign` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssigneeRef {
    /// `#assign me`: the engineer who sent the reply.
    Me,
    /// A display name or login, as written (`#assign bob`, `#指派 张三`).
    Name(String),
    /// An email address, as written (compare case-insensitively).
    Email(String),
}

/// One engineer command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `#assign`: give the ticket to someone (or take it).
    Assign(AssigneeRef),
    /// `#priority`.
    Priority(Priority),
    /// `#category`.
    Category(Category),
    /// Never [`Status::New`]: a ticket cannot be sent back to untriaged.
    Status(Status),
    /// Internal note; never shown to the requester. Lines are joined with `\n`; no other
    /// control character (no `\r`) survives.
    Note(String),
    /// Resolve with this solution (sent to the requester with the "is it fixed?" question).
    /// Multi-line like [`Command::Note`]; every other argument is a single clean line.
    Resolve(String),
    /// `#reopen` a resolved or closed ticket.
    Reopen,
    /// `#close` without asking the requester.
    Close,
    /// Add a validated address to the ticket's Cc list.
    Cc(String),
    /// `#help`: answer with [`help_text`].
    Help,
    /// The reply's public text is an internal comment, not a message to the requester.
    Internal,
    /// `#list`: the engineer's open tickets.
    List,
    /// `#show N`: one ticket's summary.
    Show(u64),
    /// `#plan`: a written plan for risky work (text with its `risk:`/`rollback:`/`window:`
    /// lines, read by [`super::approval::parse_plan`]).
    Plan(String),
    /// `#approve`: an approver signs the ticket's pending plan off.
    Approve,
    /// `#reject <reason>`: an approver refuses the pending plan.
    Reject(String),
    /// `#kb` / `#知识库`: write a knowledge-base draft from the ticket; `#kb publish`:
    /// publish the ticket's draft.
    Kb(KbAction),
}

/// The internal note `#kb` leaves on the ticket; the shell writes the draft when it sees it.
pub const KB_DRAFT_NOTE: &str = "#kb: knowledge-base draft requested";
/// The internal note `#kb publish` leaves on the ticket.
pub const KB_PUBLISH_NOTE: &str = "#kb publish: knowledge-base draft to be published";

/// What `#kb` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KbAction {
    Draft,
    Publish,
}

/// A command line that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandError {
    /// The offending line, cleaned of control characters and cut to 200 chars.
    pub line: String,
    /// English explanation, e.g. "priority must be P1–P4".
    pub reason: String,
    /// A corrected command line or usage form to offer, e.g. `#priority P1`.
    pub suggestion: Option<String>,
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`: {}", self.line, self.reason)?;
        if let Some(s) = &self.suggestion {
            write!(f, "; did you mean `{s}`?")?;
        }
        Ok(())
    }
}

/// Everything read from the top of an engineer's reply.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommandBlock {
    /// Commands in the order written.
    pub commands: Vec<Command>,
    /// Command lines that were not understood, in order; the other commands still count.
    pub errors: Vec<CommandError>,
    /// The free text after the commands, up to the quoted history or signature, trimmed.
    pub public_text: String,
    /// `#internal` was given: `public_text` must not be sent to the requester.
    pub internal: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Name {
    Assign,
    Priority,
    Category,
    Status,
    Note,
    Resolve,
    Reopen,
    Close,
    Cc,
    Help,
    Internal,
    List,
    Show,
    Plan,
    Approve,
    Reject,
    Kb,
}

/// Every accepted spelling, folded. English names first: suggestions prefer them on ties.
const NAMES: &[(&str, Name)] = &[
    ("assign", Name::Assign),
    ("priority", Name::Priority),
    ("category", Name::Category),
    ("status", Name::Status),
    ("note", Name::Note),
    ("resolve", Name::Resolve),
    ("reopen", Name::Reopen),
    ("close", Name::Close),
    ("cc", Name::Cc),
    ("help", Name::Help),
    ("internal", Name::Internal),
    ("list", Name::List),
    ("show", Name::Show),
    ("plan", Name::Plan),
    ("approve", Name::Approve),
    ("reject", Name::Reject),
    ("kb", Name::Kb),
    ("指派", Name::Assign),
    ("分配", Name::Assign),
    ("优先级", Name::Priority),
    ("分类", Name::Category),
    ("类别", Name::Category),
    ("状态", Name::Status),
    ("备注", Name::Note),
    ("解决", Name::Resolve),
    ("重开", Name::Reopen),
    ("重新打开", Name::Reopen),
    ("关闭", Name::Close),
    ("抄送", Name::Cc),
    ("帮助", Name::Help),
    ("内部", Name::Internal),
    ("列表", Name::List),
    ("查看", Name::Show),
    ("方案", Name::Plan),
    ("批准", Name::Approve),
    ("同意", Name::Approve),
    ("驳回", Name::Reject),
    ("不同意", Name::Reject),
    ("知识库", Name::Kb),
];

const CATEGORY_NAMES: &[(&str, Category)] = &[
    ("hardware", Category::Hardware),
    ("software", Category::Software),
    ("network", Category::Network),
    ("account", Category::Account),
    ("request", Category::Request),
    ("other", Category::Other),
    ("硬件", Category::Hardware),
    ("软件", Category::Software),
    ("网络", Category::Network),
    ("账号", Category::Account),
    ("账户", Category::Account),
    ("帐号", Category::Account),
    ("帐户", Category::Account),
    ("请求", Category::Request),
    ("咨询", Category::Request),
    ("申请", Category::Request),
    ("其他", Category::Other),
    ("其它", Category::Other),
];

const STATUS_NAMES: &[(&str, Status)] = &[
    ("open", Status::Open),
    ("waiting", Status::Waiting),
    ("resolved", Status::Resolved),
    ("closed", Status::Closed),
    ("处理中", Status::Open),
    ("打开", Status::Open),
    ("等待", Status::Waiting),
    ("等待中", Status::Waiting),
    ("已解决", Status::Resolved),
    ("已关闭", Status::Closed),
];

const MAX_ERROR_LINE_CHARS: usize = 200;
const SENTENCE_END: &[char] = &['.', ',', ';', '!', '。', '，', '；', '！', '、'];
const MAX_NAME_CHARS: usize = 64;

/// Parse the command block at the top of an engineer's reply (plain text; HTML already converted;
/// quoted history may still be present). Never fails: problems are in `errors`.
pub fn parse_commands(text: &str) -> CommandBlock {
    let lines = fresh_lines(text);
    let mut block = CommandBlock::default();
    let mut i = 0;
    while let Some(&line) = lines.get(i) {
        if is_blank(line) {
            i += 1;
            continue;
        }
        let Some(body) = command_body(line) else {
            break;
        };
        i += 1;
        let (raw_name, raw_arg) = split_name(body);
        let Some((name, arg)) = lookup(&raw_name, raw_arg) else {
            let error = unknown_command(line, &raw_name, raw_arg);
            // A mistyped `#note` must not leak its wrapped lines into the public text.
            let note_like = error.suggestion.as_deref().is_some_and(|s| {
                ["#note", "#resolve", "#备注", "#解决"]
                    .iter()
                    .any(|p| s == *p || s.starts_with(&format!("{p} ")))
            });
            if note_like {
                i = take_continuation(&lines, i, &mut String::new());
            }
            block.errors.push(error);
            continue;
        };
        if matches!(name, Name::Note | Name::Resolve | Name::Plan) {
            let mut text = clean(&arg);
            i = take_continuation(&lines, i, &mut text);
            if name == Name::Plan {
                i = take_plan_fields(&lines, i, &mut text);
            }
            if text.is_empty() {
                // `#resolve` alone, then a blank line, then the solution: the HTML rendering.
                let mut j = i;
                while lines.get(j).is_some_and(|l| is_blank(l)) {
                    j += 1;
                }
                if lines.get(j).is_some_and(|l| command_body(l).is_none()) {
                    i = take_continuation(&lines, j, &mut text);
                }
            }
            match (name, text.is_empty()) {
                (_, true) => block.errors.push(missing(line, name)),
                (Name::Note, false) => block.commands.push(Command::Note(text)),
                (Name::Plan, false) => block.commands.push(Command::Plan(text)),
                _ => block.commands.push(Command::Resolve(text)),
            }
            continue;
        }
        match parse_argument(name, &clean(&arg)) {
            Ok(commands) => block.commands.extend(commands),
            Err((reason, suggestion)) => block.errors.push(CommandError {
                line: error_line(line),
                reason,
                suggestion,
            }),
        }
    }
    block.public_text = lines
        .get(i..)
        .unwrap_or_default()
        .join("\n")
        .trim()
        .to_string();
    block.internal = block.commands.contains(&Command::Internal);
    block
}

/// The text after `#`/`＃` when the line is a command line: the marker must be followed by a
/// letter, so "#42 is down again" or "# heading" are ordinary text.
fn command_body(line: &str) -> Option<&str> {
    let s = strip_lead(line);
    let body = s.strip_prefix('#').or_else(|| s.strip_prefix('＃'))?;
    body.chars()
        .next()
        .is_some_and(char::is_alphabetic)
        .then_some(body)
}

/// Split "name[:] arg" where the name's letters end ("#close." is `close`); the name comes back
/// folded.
fn split_name(body: &str) -> (String, &str) {
    let end = body
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .map_or(body.len(), |(i, _)| i);
    let name: String = body
        .get(..end)
        .unwrap_or(body)
        .chars()
        .map(fold_char)
        .collect();
    let rest = body.get(end..).unwrap_or_default();
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || is_invisible(c));
    let rest = rest
        .strip_prefix(':')
        .or_else(|| rest.strip_prefix('：'))
        .unwrap_or(rest);
    (name, rest)
}

/// Find the command; a Chinese name may be glued to its argument (`#优先级P1`, `#指派张三`).
fn lookup<'a>(name: &str, arg: &'a str) -> Option<(Name, std::borrow::Cow<'a, str>)> {
    if let Some(&(_, n)) = NAMES.iter().find(|(alias, _)| *alias == name) {
        return Some((n, arg.into()));
    }
    let (alias, n) = NAMES
        .iter()
        .filter(|(alias, _)| !alias.is_ascii() && name.starts_with(alias))
        .max_by_key(|(alias, _)| alias.len())?;
    let glued = name.get(alias.len()..).unwrap_or_default();
    let glued = glued.trim_start_matches([':', '：']);
    Some((*n, format!("{glued} {arg}").trim().to_string().into()))
}

/// `risk:`/`rollback:`/`window:` paragraphs after a `#plan` (HTML mails put a blank line after
/// every line) still belong to the plan.
fn take_plan_fields(lines: &[&str], i: usize, text: &mut String) -> usize {
    let mut j = i;
    while lines.get(j).is_some_and(|l| is_blank(l)) {
        j += 1;
    }
    match lines.get(j) {
        Some(l) if super::approval::is_plan_field(l) => {
            let next = take_continuation(lines, j, text);
            take_plan_fields(lines, next, text)
        }
        _ => i,
    }
}

fn take_continuation(lines: &[&str], mut i: usize, text: &mut String) -> usize {
    while let Some(&next) = lines.get(i) {
        if is_blank(next) || command_body(next).is_some() {
            break;
        }
        let more = clean(next);
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&more);
        i += 1;
    }
    i
}

type ArgError = (String, Option<String>);

#[path = "command_args.rs"]
mod args;
use args::parse_argument;

/// The closest spelling in `table`, if close enough to be a typo.
fn near<T>(table: &[(&'static str, T)], word: &str) -> Option<&'static str> {
    let word: Vec<char> = word.trim().chars().collect();
    if word.is_empty() {
        return None;
    }
    let mut best: Option<(usize, &'static str)> = None;
    for &(candidate, _) in table {
        let c: Vec<char> = candidate.chars().collect();
        let limit = if c.len() <= 4 { 1 } else { 2 };
        let d = edit_distance(&word, &c);
        if d <= limit && d < c.len() && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Optimal string alignment distance: Levenshtein plus adjacent transpositions, so `stauts` is one
/// edit from `status`.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    let at = |i: usize, j: usize| i * width + j;
    for (i, cell) in d.iter_mut().enumerate() {
        let (row, col) = (i / width, i % width);
        if row == 0 {
            *cell = col;
        } else if col == 0 {
            *cell = row;
        }
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let ai = a.get(i - 1);
            let bj = b.get(j - 1);
            let cost = usize::from(ai != bj);
            let get = |d: &Vec<usize>, i, j| d.get(at(i, j)).copied().unwrap_or(usize::MAX / 2);
            let mut v = (get(&d, i - 1, j) + 1)
                .min(get(&d, i, j - 1) + 1)
                .min(get(&d, i - 1, j - 1) + cost);
            if i > 1 && j > 1 && ai == b.get(j - 2) && a.get(i - 2) == bj {
                v = v.min(get(&d, i - 2, j - 2) + 1);
            }
            if let Some(cell) = d.get_mut(at(i, j)) {
                *cell = v;
            }
        }
    }
    d.last().copied().unwrap_or(0)
}

fn canonical(name: Name) -> &'static str {
    NAMES
        .iter()
        .find(|(_, n)| *n == name)
        .map_or("help", |(alias, _)| alias)
}

fn usage(name: Name) -> &'static str {
    match name {
        Name::Assign => "#assign me",
        Name::Priority => "#priority P2",
        Name::Category => "#category network",
        Name::Status => "#status waiting",
        Name::Note => "#note <text for engineers only>",
        Name::Resolve => "#resolve <what fixed it>",
        Name::Cc => "#cc alice@example.com",
        Name::Show => "#show 42",
        Name::Reopen => "#reopen",
        Name::Close => "#close",
        Name::Help => "#help",
        Name::Internal => "#internal",
        Name::List => "#list",
        Name::Plan => "#plan <what will be done>",
        Name::Approve => "#approve",
        Name::Reject => "#reject <reason>",
        Name::Kb => "#kb",
    }
}

fn missing_reason(name: Name) -> ArgError {
    (
        format!("`#{}` needs an argument", canonical(name)),
        Some(usage(name).to_string()),
    )
}

fn missing(line: &str, name: Name) -> CommandError {
    let (reason, suggestion) = missing_reason(name);
    CommandError {
        line: error_line(line),
        reason,
        suggestion,
    }
}

fn unknown_command(line: &str, name: &str, arg: &str) -> CommandError {
    let arg = clean(arg);
    let suggestion = near(NAMES, name).map(|n| {
        if arg.is_empty() {
            format!("#{n}")
        } else {
            format!("#{n} {arg}")
        }
    });
    CommandError {
        line: error_line(line),
        reason: format!("unknown command `#{name}` (send `#help` for the list)"),
        suggestion,
    }
}

/// Argument text with control and invisible characters removed: nothing here may carry CR/LF
/// into a header, a subject or a log line.
fn clean(s: &str) -> String {
    let s: String = s
        .chars()
        .filter_map(|c| match c {
            '\t' | '\u{00A0}' | '\u{2028}' | '\u{2029}' | '\u{3000}' => Some(' '),
            c if c.is_control() || is_invisible(c) => None,
            c => Some(c),
        })
        .collect();
    s.trim().to_string()
}

fn error_line(line: &str) -> String {
    clean(line).chars().take(MAX_ERROR_LINE_CHARS).collect()
}

/// A cheat-sheet of the commands for notification mails: Chinese for `zh…`, English otherwise.
pub fn help_text(lang: &str) -> String {
    if lang.trim().to_ascii_lowercase().starts_with("zh") {
        HELP_ZH.to_string()
    } else {
        HELP_EN.to_string()
    }
}

const HELP_EN: &str = "\
Reply with commands at the top of your mail, one per line, then your message:
  #assign me | <name> | <email>   take or hand over the ticket
  #priority P1..P4               change the priority (P1 = urgent)
  #category <name>               hardware, software, network, account, request, other
  #status <state>                open, waiting, resolved, closed
  #resolve <solution>            resolve; the requester is asked to confirm
  #note <text>                   internal note, never sent to the requester
  #internal                      keep this reply's text internal
  #cc <email>                    copy someone on the ticket
  #reopen   #close               reopen or close the ticket
  #list   #show <number>         your open tickets, or one ticket
  #plan <plan>                   risky work: plan + risk:/rollback:/window: lines;
                                 medium/high risk waits for approval before #resolve
  #approve   #reject <reason>    answer an approval request (plain approve/reject works)
  #kb   #kb publish              write a knowledge-base draft from the ticket, or publish it
  #help                          this list
Everything below the commands is sent to the requester (unless #internal).
Chinese names work too: #指派 #优先级 #分类 #状态 #解决 #备注 #抄送 #关闭.";

const HELP_ZH: &str = "\
在回复邮件的最上方写命令，每行一条，下面再写正文：
  #指派 我 | 姓名 | 邮箱          接单或转派（#assign）
  #优先级 P1..P4                 修改优先级，P1 最紧急（#priority）
  #分类 类别                     硬件 软件 网络 账号 请求 其他（#category）
  #状态 状态                     处理中 等待 已解决 已关闭（#status）
  #解决 解决方案                 标记已解决，并请提交人确认（#resolve）
  #备注 内容                     内部备注，不发给提交人（#note）
  #内部                          本次回复正文仅内部可见（#internal）
  #抄送 邮箱                     抄送他人（#cc）
  #重开   #关闭                  重新打开或关闭工单（#reopen #close）
  #列表   #查看 编号             查看我的工单或某个工单（#list #show）
  #方案 内容                     有风险的操作：方案 + 风险：/回退：/窗口：，中高风险须审批（#plan）
  #批准   #驳回 原因             答复审批请求，也可直接回复 同意 / 不同意（#approve #reject）
  #知识库   #知识库 发布          根据工单写知识库草稿，或发布草稿（#kb #kb publish）
  #帮助                          显示本说明（#help）
命令下方的正文会发给提交人（除非使用 #内部）。全角＃、全角数字和冒号均可。";

#[cfg(test)]
#[path = "command_tests.rs"]
mod tests;
