//! The knowledge-base part of the service report: how many tickets an article closed at
//! first contact, and which articles are suggested most and solve most. Pure; computed
//! from the suggestions made in the window (the store loads them).
//!
//! Definitions: *tickets with suggestions* = tickets whose acknowledgement in the window
//! suggested at least one article; *self-service* = those the requester closed by saying
//! an article solved it; *KB first-contact resolution* = self-service ÷ tickets with
//! suggestions; *KB deflection* = self-service ÷ tickets opened in the window (tickets no
//! engineer had to handle). Self-service tickets are resolved with no engineer reply, so
//! they also count in the overall first-contact resolution.

use crate::knowledge::intake::SuggestionRow;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// One article with a count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleCount {
    pub article: String,
    pub title: String,
    pub count: u64,
}

/// The knowledge-base figures of a report window.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct KnowledgeStats {
    pub tickets_with_suggestions: u64,
    pub suggestions: u64,
    pub self_service: u64,
    pub not_helped: u64,
    pub kb_first_contact_resolution_pct: Option<f64>,
    pub kb_deflection_pct: Option<f64>,
    /// At most five, most first.
    pub most_suggested: Vec<ArticleCount>,
    /// At most five, most first.
    pub most_successful: Vec<ArticleCount>,
}

fn pct(n: u64, d: u64) -> Option<f64> {
    (d > 0).then(|| (n as f64 * 1000.0 / d as f64).round() / 10.0)
}

fn top(counts: BTreeMap<(String, String), u64>) -> Vec<ArticleCount> {
    let mut v: Vec<ArticleCount> = counts
        .into_iter()
        .map(|((article, title), count)| ArticleCount {
            article,
            title,
            count,
        })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then(a.article.cmp(&b.article)));
    v.truncate(5);
    v
}

/// Compute the figures from the window's suggestions and the number of tickets opened.
pub fn build_knowledge(rows: &[SuggestionRow], opened: u64) -> KnowledgeStats {
    let mut tickets = BTreeSet::new();
    let mut solved = BTreeSet::new();
    let mut not_helped = BTreeSet::new();
    let mut suggested: BTreeMap<(String, String), u64> = BTreeMap::new();
    let mut successful: BTreeMap<(String, String), u64> = BTreeMap::new();
    for r in rows {
        tickets.insert(r.ticket);
        *suggested
            .entry((r.article.clone(), r.title.clone()))
            .or_default() += 1;
        match r.outcome.as_str() {
            "solved" => {
                solved.insert(r.ticket);
                *successful
                    .entry((r.article.clone(), r.title.clone()))
                    .or_default() += 1;
            }
            "not_solved" => {
                not_helped.insert(r.ticket);
            }
            _ => {}
        }
    }
    let with = tickets.len() as u64;
    let self_service = solved.len() as u64;
    KnowledgeStats {
        tickets_with_suggestions: with,
        suggestions: rows.len() as u64,
        self_service,
        not_helped: not_helped.len() as u64,
        kb_first_contact_resolution_pct: pct(self_service, with),
        kb_deflection_pct: pct(self_service, opened.max(with)),
        most_suggested: top(suggested),
        most_successful: top(successful),
    }
}

fn fmt_pct(p: Option<f64>) -> String {
    p.map_or("-".to_string(), |p| format!("{p:.1}%"))
}

/// The plain-text section.
pub fn render_text(k: &KnowledgeStats) -> String {
    let mut out = String::from("Knowledge base\n");
    let _ = writeln!(
        out,
        "  tickets with suggestions {}  suggestions {}  self-service {}  did not help {}",
        k.tickets_with_suggestions, k.suggestions, k.self_service, k.not_helped
    );
    let _ = writeln!(
        out,
        "  KB first-contact resolution {}  KB deflection {}",
        fmt_pct(k.kb_first_contact_resolution_pct),
        fmt_pct(k.kb_deflection_pct)
    );
    for (name, list) in [
        ("most suggested", &k.most_suggested),
        ("most successful", &k.most_successful),
    ] {
        let _ = writeln!(out, "  {name}:");
        if list.is_empty() {
            out.push_str("    -\n");
        }
        for a in list {
            let _ = writeln!(out, "    {:>4}  {:<22} {}", a.count, a.article, a.title);
        }
    }
    out
}

/// A second CSV block after a blank line: `metric,article,title,value`.
pub fn render_csv(k: &KnowledgeStats, field: impl Fn(&str) -> String) -> String {
    let mut out = String::from("\r\nmetric,article,title,value\r\n");
    let opt = |v: Option<f64>| v.map(|v| format!("{v:.1}")).unwrap_or_default();
    for (m, v) in [
        (
            "tickets_with_suggestions",
            k.tickets_with_suggestions.to_string(),
        ),
        ("suggestions", k.suggestions.to_string()),
        ("self_service", k.self_service.to_string()),
        ("not_helped", k.not_helped.to_string()),
        (
            "kb_first_contact_resolution_pct",
            opt(k.kb_first_contact_resolution_pct),
        ),
        ("kb_deflection_pct", opt(k.kb_deflection_pct)),
    ] {
        let _ = write!(out, "{m},,,{v}\r\n");
    }
    for (m, list) in [
        ("most_suggested", &k.most_suggested),
        ("most_successful", &k.most_successful),
    ] {
        for a in list {
            let _ = write!(
                out,
                "{m},{},{},{}\r\n",
                field(&a.article),
                field(&a.title),
                a.count
            );
        }
    }
    out
}

/// The HTML section (all data escaped by `escape`).
pub fn render_html(k: &KnowledgeStats, escape: impl Fn(&str) -> String) -> String {
    let mut out = String::from("<h2>Knowledge base</h2><div class=\"scroll\"><table><tbody>");
    for (label, v) in [
        (
            "Tickets with suggestions",
            k.tickets_with_suggestions.to_string(),
        ),
        (
            "Self-service (closed by an article)",
            k.self_service.to_string(),
        ),
        ("Did not help", k.not_helped.to_string()),
        (
            "KB first-contact resolution",
            fmt_pct(k.kb_first_contact_resolution_pct),
        ),
        ("KB deflection", fmt_pct(k.kb_deflection_pct)),
    ] {
        let _ = write!(
            out,
            "<tr><th>{}</th><td>{}</td></tr>",
            escape(label),
            escape(&v)
        );
    }
    out.push_str("</tbody></table></div>");
    for (name, list) in [
        ("Most suggested articles", &k.most_suggested),
        ("Most successful articles", &k.most_successful),
    ] {
        let _ = write!(out, "<h3>{}</h3><ol>", escape(name));
        for a in list {
            let _ = write!(
                out,
                "<li>{} <small>({}, {})</small></li>",
                escape(&a.title),
                escape(&a.article),
                a.count
            );
        }
        out.push_str("</ol>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(ticket: i64, article: &str, outcome: &str) -> SuggestionRow {
        SuggestionRow {
            ticket,
            article: article.into(),
            title: format!("T {article}"),
            score: 10.0,
            place: 1,
            outcome: outcome.into(),
            suggested_at: 0,
            answered_at: None,
        }
    }

    #[test]
    fn rates_and_rankings() {
        let rows = vec![
            row(1, "vpn.zh", "solved"),
            row(1, "wifi.zh", "not_used"),
            row(2, "vpn.zh", "not_solved"),
            row(3, "password-reset.en", "solved"),
            row(4, "vpn.zh", "pending"),
        ];
        let k = build_knowledge(&rows, 10);
        assert_eq!(k.tickets_with_suggestions, 4);
        assert_eq!(k.self_service, 2);
        assert_eq!(k.not_helped, 1);
        assert_eq!(k.kb_first_contact_resolution_pct, Some(50.0));
        assert_eq!(k.kb_deflection_pct, Some(20.0));
        assert_eq!(k.most_suggested[0].article, "vpn.zh");
        assert_eq!(k.most_suggested[0].count, 3);
        assert_eq!(k.most_successful.len(), 2);
        let text = render_text(&k);
        assert!(text.contains("KB first-contact resolution 50.0%"), "{text}");
        let html = render_html(&k, |s| s.replace('<', "&lt;"));
        assert!(html.contains("KB deflection"));
        let csv = render_csv(&k, str::to_string);
        assert!(csv.contains("self_service,,,2\r\n"));
        assert!(build_knowledge(&[], 0)
            .kb_first_contact_resolution_pct
            .is_none());
    }
}
