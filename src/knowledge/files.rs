//! EDGE: the article folder on disk. Loads `*.md` from the knowledge directory (not its
//! `drafts/` subfolder: drafts are never suggested), writes drafts, publishes a draft by
//! moving it up into the folder. Every other part of `knowledge` is pure.

use super::{check_articles, parse_article, Article, ArticleProblem};
use std::path::{Path, PathBuf};

/// The articles that parsed, and the problems (bad front matter, duplicate titles, files
/// that could not be read). A problem article is left out, the rest still work.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub problems: Vec<ArticleProblem>,
}

/// Read every `*.md` directly in `dir`, sorted by file name.
pub fn load_dir(dir: &Path) -> std::io::Result<Loaded> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "md"))
        .collect();
    names.sort();
    let mut out = Loaded::default();
    for path in names {
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        match std::fs::read_to_string(&path) {
            Ok(text) => match parse_article(&id, &text) {
                Ok(a) => out.articles.push(a),
                Err(p) => out.problems.push(p),
            },
            Err(e) => out.problems.push(ArticleProblem {
                file: format!("{id}.md"),
                reason: format!("cannot read: {e}"),
            }),
        }
    }
    let dups = check_articles(&out.articles);
    // The later of two articles with one title is left out: suggesting both helps nobody.
    out.articles
        .retain(|a| !dups.iter().any(|d| d.file == format!("{}.md", a.id)));
    out.problems.extend(dups);
    Ok(out)
}

/// The drafts folder of a knowledge directory.
pub fn drafts_dir(dir: &Path) -> PathBuf {
    dir.join("drafts")
}

/// Write a draft (replacing an older draft of the same ticket); returns its path.
pub fn write_draft(dir: &Path, file_name: &str, text: &str) -> std::io::Result<PathBuf> {
    let drafts = drafts_dir(dir);
    std::fs::create_dir_all(&drafts)?;
    let path = drafts.join(file_name);
    let tmp = drafts.join(format!(".{file_name}.tmp{}", std::process::id()));
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, &path)?;
    Ok(path)
}

/// Why a draft cannot be published.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("{0} is not a draft in {1}")]
    NotADraft(String, String),
    #[error("{0}")]
    Invalid(ArticleProblem),
    #[error("an article {0} already exists; rename the draft first")]
    Exists(String),
    #[error("article title {0:?} is already used by {1}.md")]
    DuplicateTitle(String, String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Publish a draft: `file` names a file in `dir/drafts/` (a bare name or a path to it).
/// It must parse as an article and its title must be new; it is then moved to `dir`.
pub fn publish(dir: &Path, file: &Path) -> Result<PathBuf, PublishError> {
    let drafts = drafts_dir(dir);
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let source = drafts.join(&name);
    if name.is_empty() || !name.ends_with(".md") || !source.is_file() {
        return Err(PublishError::NotADraft(
            file.display().to_string(),
            drafts.display().to_string(),
        ));
    }
    let text = std::fs::read_to_string(&source)?;
    let id = name.trim_end_matches(".md");
    let article = parse_article(id, &text).map_err(PublishError::Invalid)?;
    let target = dir.join(&name);
    if target.exists() {
        return Err(PublishError::Exists(target.display().to_string()));
    }
    let existing = load_dir(dir)?;
    if let Some(a) = existing
        .articles
        .iter()
        .find(|a| a.title.trim().eq_ignore_ascii_case(article.title.trim()))
    {
        return Err(PublishError::DuplicateTitle(article.title, a.id.clone()));
    }
    std::fs::rename(&source, &target)?;
    Ok(target)
}

/// The drafts of ticket `number` (`ticket-N.*.md`).
pub fn ticket_drafts(dir: &Path, number: i64) -> Vec<PathBuf> {
    let prefix = format!("ticket-{number}.");
    let mut v: Vec<PathBuf> = std::fs::read_dir(drafts_dir(dir))
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
                && p.extension().is_some_and(|e| e == "md")
        })
        .collect();
    v.sort();
    v
}
