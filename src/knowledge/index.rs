//! Ranked full-text retrieval over the articles: a small BM25 of our own (k1 = 1.2,
//! b = 0.75) over title (weight 3), keywords (weight 2) and body (weight 1). Chinese is
//! indexed as overlapping character bigrams (no segmenter, no dictionary: "连不上" gives
//! "连不", "不上", so unseen wordings still share bigrams with the article); Latin words
//! are lower-cased and reduced by a light suffix stemmer ("jammed", "jams" → "jam").
//! The ticket's category boosts matching articles, the requester's language is preferred,
//! one hit per topic (the zh and en versions of an article never both appear).
//! Pure: built from [`Article`]s, no I/O. Why not tantivy: see `docs/knowledge.md`.

use super::Article;
use crate::ticket::model::{Category, Language};
use std::collections::HashMap;

const K1: f64 = 1.2;
const B: f64 = 0.75;
const TITLE_WEIGHT: f64 = 3.0;
const KEYWORD_WEIGHT: f64 = 2.0;
/// Factor on the score of an article whose category is the ticket's.
pub const CATEGORY_BOOST: f64 = 1.3;
/// Default minimum score of a suggestion (`knowledge.threshold`): calibrated on the
/// labelled set, where the weakest right answer scores about 7 and noise about 3–5.
pub const DEFAULT_THRESHOLD: f64 = 6.0;
/// Factor on the score of an article in another language than the request.
const OTHER_LANGUAGE: f64 = 0.5;

/// Words that carry no topic.
const STOPWORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "from",
    "by", "is", "are", "was", "were", "be", "been", "am", "it", "its", "this", "that", "my", "me",
    "i", "we", "our", "you", "your", "he", "she", "they", "them", "do", "does", "did", "can",
    "could", "would", "should", "will", "have", "has", "had", "not", "no", "so", "if", "as", "how",
    "what", "why", "when", "where", "which", "who", "there", "here", "please", "hi", "hello",
    "thanks", "thank", "regards", "dear", "any", "some", "just", "get", "got", "again", "also",
    "still", "all", "out", "up", "into", "about", "after", "before", "now", "today", "any", "help",
    "need", "know", "tell", "one", "us", "im", "dont", "cant", "doesnt", "isnt", "won", "ve", "ll",
    "re",
];

/// Chinese characters (CJK unified ideographs and extension A).
fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// A light English stemmer: plural, -ing, -ed, -ly, -er, a final -e, a doubled consonant.
/// Not Porter: it only has to map a word and its inflections to the same key, on both the
/// article and the query side.
pub fn stem(word: &str) -> String {
    let mut w = word.to_string();
    if w.chars().count() <= 3 || !w.is_ascii() {
        return w;
    }
    let cut = |w: &mut String, suffix: &str, min_rest: usize| -> bool {
        if w.ends_with(suffix) && w.len() >= suffix.len() + min_rest {
            w.truncate(w.len() - suffix.len());
            true
        } else {
            false
        }
    };
    if w.ends_with("ies") && w.len() > 4 {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.ends_with("sses") {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.pop();
    }
    let inflected = cut(&mut w, "ing", 3) || cut(&mut w, "ed", 3);
    if !inflected {
        let _ = cut(&mut w, "ly", 3) || cut(&mut w, "er", 4);
    }
    if inflected {
        let b = w.as_bytes();
        if let [.., x, y] = b {
            if x == y && !matches!(x, b'l' | b's' | b'z') && !b"aeiou".contains(x) {
                w.pop();
            }
        }
    }
    if w.len() > 4 && w.ends_with('e') {
        w.pop();
    }
    if w.ends_with('y') && w.len() > 4 {
        w.pop();
        w.push('i');
    }
    w
}

/// The index terms of `text`: Chinese bigrams (a lone character as itself), stemmed Latin
/// words of two or more characters that are not stop words.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_token(text, |t| out.push(t.to_string()));
    out
}

/// [`tokens`] without collecting: `f` sees each term in order, in a reused buffer, so a
/// query costs no allocation per Chinese bigram (the query path only looks terms up).
fn each_token(text: &str, mut f: impl FnMut(&str)) {
    let mut han: Vec<char> = Vec::new();
    let mut word = String::new();
    let mut buf = String::new();
    let mut flush_han = |han: &mut Vec<char>, f: &mut dyn FnMut(&str)| {
        if let [c] = han.as_slice() {
            buf.clear();
            buf.push(*c);
            f(&buf);
        } else {
            for w in han.windows(2) {
                buf.clear();
                buf.extend(w);
                f(&buf);
            }
        }
        han.clear();
    };
    let flush_word = |word: &mut String, f: &mut dyn FnMut(&str)| {
        if word.is_empty() {
            return;
        }
        let w = std::mem::take(word);
        let w = w.trim_matches('\'');
        let plain: String = w.chars().filter(|c| *c != '\'').collect();
        if plain.chars().count() >= 2 && !STOPWORDS.contains(&plain.as_str()) {
            f(&stem(&plain));
        }
    };
    for c in text.chars().flat_map(char::to_lowercase) {
        if is_han(c) {
            flush_word(&mut word, &mut f);
            han.push(c);
        } else if c.is_alphanumeric() || c == '\'' {
            flush_han(&mut han, &mut f);
            word.push(c);
        } else {
            flush_han(&mut han, &mut f);
            flush_word(&mut word, &mut f);
        }
    }
    flush_han(&mut han, &mut f);
    flush_word(&mut word, &mut f);
}

#[derive(Debug, Clone)]
struct Posting {
    doc: usize,
    tf: f64,
}

/// The compiled index.
#[derive(Debug, Clone, Default)]
pub struct Index {
    articles: Vec<Article>,
    lengths: Vec<f64>,
    avg_len: f64,
    postings: HashMap<String, Vec<Posting>>,
}

/// What to search for.
#[derive(Debug, Clone, Copy)]
pub struct Query<'a> {
    pub text: &'a str,
    /// The ticket's category: matching articles are boosted.
    pub category: Option<Category>,
    /// The requester's language: articles in another language count half.
    pub language: Option<Language>,
}

/// One ranked article.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Hit {
    pub id: String,
    pub title: String,
    pub score: f64,
}

impl Index {
    /// Index `articles`.
    pub fn new(articles: Vec<Article>) -> Index {
        let mut postings: HashMap<String, Vec<Posting>> = HashMap::new();
        let mut lengths = Vec::with_capacity(articles.len());
        for (doc, a) in articles.iter().enumerate() {
            let mut tf: HashMap<String, f64> = HashMap::new();
            let fields = [
                (a.title.clone(), TITLE_WEIGHT),
                (a.keywords.join(" , "), KEYWORD_WEIGHT),
                (a.body.clone(), 1.0),
            ];
            let mut len = 0.0;
            for (text, weight) in fields {
                for t in tokens(&text) {
                    *tf.entry(t).or_default() += weight;
                    len += weight;
                }
            }
            lengths.push(len);
            for (term, tf) in tf {
                postings.entry(term).or_default().push(Posting { doc, tf });
            }
        }
        let avg_len = if lengths.is_empty() {
            1.0
        } else {
            (lengths.iter().sum::<f64>() / lengths.len() as f64).max(1.0)
        };
        Index {
            articles,
            lengths,
            avg_len,
            postings,
        }
    }

    /// The indexed articles.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// No articles.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// The article with this id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// Every article with a positive score, best first, one per topic.
    pub fn search(&self, q: &Query<'_>) -> Vec<Hit> {
        let n = self.articles.len() as f64;
        let mut scores = vec![0.0_f64; self.articles.len()];
        // Only the distinct query terms the index knows, in sorted order (as the scores
        // were always summed); unknown terms cost a lookup and no allocation.
        let mut terms: Vec<(&String, &Vec<Posting>)> = Vec::new();
        each_token(q.text, |t| {
            if let Some(kv) = self.postings.get_key_value(t) {
                terms.push(kv);
            }
        });
        terms.sort_by(|a, b| a.0.cmp(b.0));
        terms.dedup_by(|a, b| a.0 == b.0);
        for (_, list) in terms {
            let df = list.len() as f64;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            for p in list {
                let len = self.lengths.get(p.doc).copied().unwrap_or(self.avg_len);
                let norm = K1 * (1.0 - B + B * len / self.avg_len);
                if let Some(s) = scores.get_mut(p.doc) {
                    *s += idf * p.tf * (K1 + 1.0) / (p.tf + norm);
                }
            }
        }
        let mut hits: Vec<(f64, usize)> = Vec::new();
        for (doc, raw) in scores.into_iter().enumerate() {
            let Some(a) = self.articles.get(doc) else {
                continue;
            };
            if raw <= 0.0 {
                continue;
            }
            let mut s = raw;
            if let (Some(c), Some(ac)) = (q.category, a.category) {
                if c == ac && !matches!(c, Category::Other | Category::Request) {
                    s *= CATEGORY_BOOST;
                }
            }
            if let Some(lang) = q.language {
                if lang.template_lang() != a.language.template_lang() {
                    s *= OTHER_LANGUAGE;
                }
            }
            hits.push((s, doc));
        }
        hits.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        let mut out: Vec<Hit> = Vec::new();
        for (score, doc) in hits {
            let Some(a) = self.articles.get(doc) else {
                continue;
            };
            if out
                .iter()
                .any(|h| h.id.split('.').next() == Some(a.topic()))
            {
                continue;
            }
            out.push(Hit {
                id: a.id.clone(),
                title: a.title.clone(),
                score: (score * 100.0).round() / 100.0,
            });
        }
        out
    }

    /// At most `max` hits scoring at least `threshold`, and at least half the best score
    /// (a weak second hit beside a strong first one is noise).
    pub fn suggest(&self, q: &Query<'_>, threshold: f64, max: usize) -> Vec<Hit> {
        let hits = self.search(q);
        let best = hits.first().map_or(0.0, |h| h.score);
        hits.into_iter()
            .filter(|h| h.score >= threshold && h.score >= best * 0.5)
            .take(max)
            .collect()
    }
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
