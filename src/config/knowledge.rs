//! `[knowledge]`: the knowledge-base folder and how suggestions and fact questions behave.

use serde::Deserialize;
use std::path::PathBuf;

/// `[knowledge]`. Without `dir` there is no knowledge base (fact questions still work).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Knowledge {
    /// Folder of Markdown articles, relative to the config file ("kb"); drafts go to its
    /// `drafts/` subfolder. Absent: no knowledge base, no suggestions.
    pub dir: Option<PathBuf>,
    /// Most articles suggested in one acknowledgement (1–3).
    pub max_suggestions: usize,
    /// Lowest retrieval score an article needs to be suggested.
    pub threshold: f64,
    /// Ask for missing facts (start time, symptom, impact, contact, asset) in the
    /// acknowledgement.
    pub ask_missing_facts: bool,
}

impl Default for Knowledge {
    fn default() -> Self {
        Knowledge {
            dir: None,
            max_suggestions: 3,
            threshold: crate::knowledge::index::DEFAULT_THRESHOLD,
            ask_missing_facts: true,
        }
    }
}

impl super::Config {
    /// The knowledge-base folder, resolved against the config file's folder.
    pub fn knowledge_dir(&self) -> Option<PathBuf> {
        self.knowledge.dir.as_deref().map(|d| self.resolve(d))
    }

    /// Problems in `[knowledge]`.
    pub(super) fn validate_knowledge(&self) -> Vec<String> {
        let mut p = Vec::new();
        let k = &self.knowledge;
        if !(1..=3).contains(&k.max_suggestions) {
            p.push(format!(
                "knowledge.max_suggestions {} must be 1, 2 or 3",
                k.max_suggestions
            ));
        }
        if !(k.threshold.is_finite() && k.threshold >= 0.0) {
            p.push(format!(
                "knowledge.threshold {} must be 0 or more",
                k.threshold
            ));
        }
        if let Some(dir) = self.knowledge_dir() {
            if !dir.is_dir() {
                p.push(format!("knowledge.dir {} is not a folder", dir.display()));
            }
        }
        p
    }
}
