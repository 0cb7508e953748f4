//! The knowledge base: Markdown articles in a folder (`[knowledge] dir`), ranked retrieval
//! for the acknowledgement, the self-service step on the requester's "did the article help?"
//! answer (read by `ticket::reply::read_kb_answer`), drafts written
//! from solved tickets, and the quality check `kb eval`. Everything here is pure except
//! [`files`] (reading and writing the article folder), [`live`] (reloading it in a running
//! daemon) and [`cli`] (the `supportbot kb`
//! command), the edges; the worker calls [`intake`] between `decide` and the commit.
//!
//! Article format: optional front matter between `---` lines (`category`, `keywords`,
//! `language`; nothing else), then the first `# ` line is the title, the rest the body.
//! The article's id is its file name without `.md` (`vpn.zh`); its *topic* is the id up
//! to the first dot (`vpn`), so the zh and en versions of one article share a topic.

pub mod cli;
pub mod draft;
pub mod eval;
pub mod files;
pub mod index;
pub mod intake;
pub mod live;

use crate::ticket::model::{Category, Language};

/// One article.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Article {
    /// File name without `.md`, e.g. `vpn.zh`.
    pub id: String,
    pub title: String,
    pub category: Option<Category>,
    pub keywords: Vec<String>,
    /// `zh` or `en`; guessed from the text when the front matter does not say.
    pub language: Language,
    /// Markdown after the title line.
    pub body: String,
}

impl Article {
    /// The id up to the first dot: what the zh and en versions share.
    pub fn topic(&self) -> &str {
        self.id.split('.').next().unwrap_or(&self.id)
    }

    /// The first paragraph of the body (without Markdown emphasis), at most `max` chars.
    pub fn excerpt(&self, max: usize) -> String {
        let para = self
            .body
            .split("\n\n")
            .map(str::trim)
            .find(|p| !p.is_empty())
            .unwrap_or_default();
        let flat: String = para
            .replace("**", "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        clip_chars(&flat, max)
    }
}

/// `text` cut to `max` characters (never inside a character), with `…` when cut.
pub fn clip_chars(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut s: String = text.chars().take(max).collect();
    s.push('…');
    s
}

/// A problem with one article file, as `kb check` prints it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {reason}")]
pub struct ArticleProblem {
    pub file: String,
    pub reason: String,
}

/// Parse one article. `id` is the file name without `.md`. Problems in the front matter
/// are errors (the article is not used); an article must have a `# ` title line.
pub fn parse_article(id: &str, text: &str) -> Result<Article, ArticleProblem> {
    let bad = |reason: String| ArticleProblem {
        file: format!("{id}.md"),
        reason,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut category = None;
    let mut keywords = Vec::new();
    let mut language = None;
    let mut rest = text;
    let first = text.lines().next().unwrap_or_default();
    if first.trim_end() == "---" {
        let after = text.get(first.len()..).unwrap_or_default();
        let after = after.strip_prefix('\n').unwrap_or(after);
        let Some(end) = find_front_matter_end(after) else {
            return Err(bad("front matter is not closed by a `---` line".into()));
        };
        let (front, body) = end;
        rest = body;
        for (n, line) in front.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((key, value)) = line.split_once(':') else {
                return Err(bad(format!(
                    "front matter line {}: expected `key: value`, got {line:?}",
                    n + 2
                )));
            };
            let value = value.trim();
            match key.trim() {
                "category" => {
                    category = Some(value.parse::<Category>().map_err(|e| bad(e.to_string()))?)
                }
                "keywords" => {
                    let list = value.trim_start_matches('[').trim_end_matches(']');
                    keywords = list
                        .split([',', '，', '、'])
                        .map(|k| k.trim().trim_matches(['"', '\'']).to_string())
                        .filter(|k| !k.is_empty())
                        .collect();
                }
                "language" => {
                    language = Some(match value.to_ascii_lowercase().as_str() {
                        "zh" | "zh-cn" | "zh-hans" | "chinese" => Language::Zh,
                        "en" | "english" => Language::En,
                        other => {
                            return Err(bad(format!("language {other:?} must be zh or en")));
                        }
                    })
                }
                other => {
                    return Err(bad(format!(
                        "unknown front matter key {other:?} (expected category, keywords, language)"
                    )))
                }
            }
        }
    }
    let mut title = None;
    let mut body = String::new();
    for line in rest.lines() {
        if title.is_none() {
            if let Some(t) = line.strip_prefix("# ") {
                title = Some(t.trim().to_string());
                continue;
            }
            if line.trim().is_empty() {
                continue;
            }
            return Err(bad("the first line must be the `# ` title".into()));
        }
        body.push_str(line);
        body.push('\n');
    }
    let Some(title) = title.filter(|t| !t.is_empty()) else {
        return Err(bad("no `# ` title line".into()));
    };
    let language = language.unwrap_or_else(|| {
        match crate::ticket::classify::detect_language(&format!("{title}\n{body}")) {
            Language::En => Language::En,
            Language::Zh | Language::Mixed => Language::Zh,
        }
    });
    Ok(Article {
        id: id.to_string(),
        title,
        category,
        keywords,
        language,
        body: body.trim().to_string(),
    })
}

/// Split `text` (after the opening `---`) at the closing `---` line.
fn find_front_matter_end(text: &str) -> Option<(&str, &str)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let front = text.get(..offset)?;
            let body = text.get(offset + line.len()..)?;
            return Some((front, body));
        }
        offset += line.len();
    }
    None
}

/// Problems across a set of articles: duplicate titles (case-insensitive) and duplicate ids.
pub fn check_articles(articles: &[Article]) -> Vec<ArticleProblem> {
    let mut problems = Vec::new();
    let mut seen: Vec<(String, &str)> = Vec::new();
    for a in articles {
        let key = a.title.trim().to_lowercase();
        if let Some((_, first)) = seen.iter().find(|(t, _)| *t == key) {
            problems.push(ArticleProblem {
                file: format!("{}.md", a.id),
                reason: format!("duplicate title {:?} (also in {first}.md)", a.title),
            });
        } else {
            seen.push((key, &a.id));
        }
    }
    problems
}

#[cfg(test)]
mod tests;
