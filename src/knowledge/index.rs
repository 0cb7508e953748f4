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

/// Words that carry no topic, sorted (looked up by binary search).
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "been", "before", "but", "by", "can", "cant", "could", "dear", "did", "do", "does",
    "doesnt", "dont", "for", "from", "get", "got", "had", "has", "have", "he", "hello", "help",
    "here", "hi", "how", "i", "if", "im", "in", "into", "is", "isnt", "it", "its", "just", "know",
    "ll", "me", "my", "need", "no", "not", "now", "of", "on", "one", "or", "our", "out", "please",
    "re", "regards", "she", "should", "so", "some", "still", "tell", "thank", "thanks", "that",
    "the", "them", "there", "they", "this", "to", "today", "up", "us", "ve", "was", "we", "were",
    "what", "when", "where", "which", "who", "why", "will", "with", "won", "would", "you", "your",
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
    stem_in_place(&mut w);
    w
}

/// [`stem`] on a reused buffer.
fn stem_in_place(w: &mut String) {
    if w.chars().count() <= 3 || !w.is_ascii() {
        return;
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
    let inflected = cut(w, "ing", 3) || cut(w, "ed", 3);
    if !inflected {
        let _ = cut(w, "ly", 3) || cut(w, "er", 4);
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
}

/// One index term as the tokeniser sees it: a Chinese bigram or lone character packed
/// into a `u64` (no string is built for it), or a stemmed Latin word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Term<'a> {
    Han(u64),
    Word(&'a str),
}

/// Not a `char`: marks the second half of a lone Chinese character's key.
const LONE: u64 = 0x11_0000;

fn han_key(a: char, b: Option<char>) -> u64 {
    (u64::from(a) << 32) | b.map_or(LONE, u64::from)
}

impl Term<'_> {
    fn to_text(self) -> String {
        match self {
            Term::Word(w) => w.to_string(),
            Term::Han(k) => [k >> 32, k & 0xffff_ffff]
                .into_iter()
                .filter_map(|c| u32::try_from(c).ok().and_then(char::from_u32))
                .collect(),
        }
    }
}

/// The longest stop word: longer words need no look-up.
const MAX_STOPWORD: usize = 7;

/// The index terms of `text`: Chinese bigrams (a lone character as itself), stemmed Latin
/// words of two or more characters that are not stop words.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_token(text, |t| out.push(t.to_text()));
    out
}

/// [`tokens`] without collecting: `f` sees each term in order. Chinese terms are keys,
/// Latin words come in one reused buffer, so a query allocates nothing per term.
fn each_token(text: &str, mut f: impl FnMut(Term<'_>)) {
    let mut prev: Option<char> = None;
    let mut run = 0usize;
    let mut word = String::new();
    let mut buf = String::new();
    let end_han = |prev: &mut Option<char>, run: &mut usize, f: &mut dyn FnMut(Term<'_>)| {
        if let (Some(c), 1) = (*prev, *run) {
            f(Term::Han(han_key(c, None)));
        }
        *prev = None;
        *run = 0;
    };
    let mut end_word = |word: &mut String, f: &mut dyn FnMut(Term<'_>)| {
        if word.is_empty() {
            return;
        }
        buf.clear();
        buf.extend(word.chars().filter(|c| *c != '\''));
        word.clear();
        if buf.chars().count() >= 2
            && (buf.len() > MAX_STOPWORD || STOPWORDS.binary_search(&buf.as_str()).is_err())
        {
            stem_in_place(&mut buf);
            f(Term::Word(&buf));
        }
    };
    for c in text.chars().flat_map(lowered) {
        if is_han(c) {
            end_word(&mut word, &mut f);
            if let Some(p) = prev {
                f(Term::Han(han_key(p, Some(c))));
            }
            prev = Some(c);
            run += 1;
        } else if c.is_alphanumeric() || c == '\'' {
            end_han(&mut prev, &mut run, &mut f);
            word.push(c);
        } else {
            end_han(&mut prev, &mut run, &mut f);
            end_word(&mut word, &mut f);
        }
    }
    end_han(&mut prev, &mut run, &mut f);
    end_word(&mut word, &mut f);
}

/// `c` lower-cased. Chinese characters have no case: they skip the case table's search.
fn lowered(c: char) -> impl Iterator<Item = char> {
    let han = is_han(c);
    let other = (!han).then(|| c.to_lowercase());
    han.then_some(c)
        .into_iter()
        .chain(other.into_iter().flatten())
}

/// A small multiplicative hasher (FxHash's constant) for the term tables: the keys are
/// short and not attacker-chosen in a way that matters (a slow query is the worst case).
#[derive(Debug, Clone, Copy, Default)]
struct TermHasher(u64);

impl std::hash::Hasher for TermHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b.iter_mut().zip(chunk).for_each(|(d, s)| *d = *s);
            self.write_u64(u64::from_le_bytes(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type TermMap<K> = HashMap<K, u32, std::hash::BuildHasherDefault<TermHasher>>;

/// One article's share of a term: its BM25 contribution, precomputed at build time.
#[derive(Debug, Clone, Copy)]
struct Posting {
    doc: u32,
    weight: f64,
}

/// The compiled index. Terms are interned: ids follow the terms' sorted text order, so a
/// query that sums its terms by id sums them in the order the scores were always summed.
#[derive(Debug, Clone, Default)]
pub struct Index {
    articles: Vec<Article>,
    han: TermMap<u64>,
    words: TermMap<String>,
    /// By term id.
    postings: Vec<Vec<Posting>>,
    /// By term id: the largest weight in its postings (the max-score bound).
    max_weight: Vec<f64>,
    /// By article: what an acknowledgement shows of it, built once here rather than per mail.
    shown: Vec<Shown>,
}

/// Articles whose body is at most this long are shown in full as the first suggestion;
/// the others as an excerpt of this many characters.
const FULL_TEXT_CHARS: usize = 1200;
const EXCERPT_CHARS: usize = 240;

#[derive(Debug, Clone)]
struct Shown {
    /// The body without Markdown emphasis, when it is short enough to send whole.
    full: Option<String>,
    excerpt: String,
}

impl Shown {
    fn of(a: &Article) -> Shown {
        Shown {
            full: (a.body.chars().count() <= FULL_TEXT_CHARS).then(|| a.body.replace("**", "")),
            excerpt: a.excerpt(EXCERPT_CHARS),
        }
    }
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

/// Scores are shown and compared with two decimals.
fn rounded(score: f64) -> f64 {
    (score * 100.0).round() / 100.0
}

impl Index {
    /// Index `articles`.
    pub fn new(articles: Vec<Article>) -> Index {
        let mut term_tf: HashMap<String, Vec<(u32, f64)>> = HashMap::new();
        let mut lengths = Vec::with_capacity(articles.len());
        for (doc, a) in articles.iter().enumerate() {
            let doc = u32::try_from(doc).unwrap_or(u32::MAX);
            let mut tf: TermMap<String> = TermMap::default();
            let mut weights: Vec<f64> = Vec::new();
            let keywords = a.keywords.join(" , ");
            let mut len = 0.0;
            for (text, weight) in [
                (a.title.as_str(), TITLE_WEIGHT),
                (keywords.as_str(), KEYWORD_WEIGHT),
                (a.body.as_str(), 1.0),
            ] {
                each_token(text, |t| {
                    let key = t.to_text();
                    let next = u32::try_from(weights.len()).unwrap_or(u32::MAX);
                    let i = *tf.entry(key).or_insert(next) as usize;
                    match weights.get_mut(i) {
                        Some(w) => *w += weight,
                        None => weights.push(weight),
                    }
                    len += weight;
                });
            }
            lengths.push(len);
            for (term, i) in tf {
                let w = weights.get(i as usize).copied().unwrap_or_default();
                term_tf.entry(term).or_default().push((doc, w));
            }
        }
        let avg_len = if lengths.is_empty() {
            1.0
        } else {
            (lengths.iter().sum::<f64>() / lengths.len() as f64).max(1.0)
        };
        let n = articles.len() as f64;
        let mut terms: Vec<(String, Vec<(u32, f64)>)> = term_tf.into_iter().collect();
        terms.sort_by(|a, b| a.0.cmp(&b.0));
        let mut index = Index {
            shown: articles.iter().map(Shown::of).collect(),
            articles,
            ..Index::default()
        };
        for (id, (term, mut list)) in terms.into_iter().enumerate() {
            let id = u32::try_from(id).unwrap_or(u32::MAX);
            list.sort_by_key(|(doc, _)| *doc);
            let df = list.len() as f64;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            let postings: Vec<Posting> = list
                .into_iter()
                .map(|(doc, tf)| {
                    let len = lengths.get(doc as usize).copied().unwrap_or(avg_len);
                    let norm = K1 * (1.0 - B + B * len / avg_len);
                    Posting {
                        doc,
                        weight: idf * tf * (K1 + 1.0) / (tf + norm),
                    }
                })
                .collect();
            index
                .max_weight
                .push(postings.iter().map(|p| p.weight).fold(0.0, f64::max));
            index.postings.push(postings);
            let mut chars = term.chars();
            match (chars.next(), chars.next(), chars.next()) {
                (Some(a), b, None) if is_han(a) && b.is_none_or(is_han) => {
                    index.han.insert(han_key(a, b), id);
                }
                _ => {
                    index.words.insert(term, id);
                }
            }
        }
        index
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

    /// The article with this id and the text an acknowledgement shows of it: the whole
    /// (short) body for the `first` suggestion, else the excerpt.
    pub fn shown(&self, id: &str, first: bool) -> Option<(&Article, &str)> {
        let doc = self.articles.iter().position(|a| a.id == id)?;
        let (a, s) = self.articles.get(doc).zip(self.shown.get(doc))?;
        let text = match &s.full {
            Some(full) if first => full,
            _ => &s.excerpt,
        };
        Some((a, text))
    }

    /// The distinct ids of the query's terms the index knows, in order.
    fn term_ids(&self, text: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        each_token(text, |t| {
            let id = match t {
                Term::Han(k) => self.han.get(&k),
                Term::Word(w) => self.words.get(w),
            };
            ids.extend(id.copied());
        });
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// `(score, doc)` of every article with a positive score, best first, one per topic.
    fn ranked(&self, q: &Query<'_>, ids: &[u32]) -> Vec<(f64, usize)> {
        let mut scores = vec![0.0_f64; self.articles.len()];
        for list in ids.iter().filter_map(|i| self.postings.get(*i as usize)) {
            for p in list {
                if let Some(s) = scores.get_mut(p.doc as usize) {
                    *s += p.weight;
                }
            }
        }
        let mut hits: Vec<(f64, usize)> = Vec::new();
        for ((doc, raw), a) in scores.into_iter().enumerate().zip(&self.articles) {
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
        let mut seen: Vec<&str> = Vec::new();
        hits.retain(|(_, doc)| {
            let Some(topic) = self.articles.get(*doc).map(Article::topic) else {
                return false;
            };
            let first = !seen.contains(&topic);
            seen.push(topic);
            first
        });
        hits
    }

    fn hit(&self, score: f64, doc: usize) -> Option<Hit> {
        self.articles.get(doc).map(|a| Hit {
            id: a.id.clone(),
            title: a.title.clone(),
            score: rounded(score),
        })
    }

    /// Every article with a positive score, best first, one per topic.
    pub fn search(&self, q: &Query<'_>) -> Vec<Hit> {
        let ids = self.term_ids(q.text);
        self.ranked(q, &ids)
            .into_iter()
            .filter_map(|(s, doc)| self.hit(s, doc))
            .collect()
    }

    /// At most `max` hits scoring at least `threshold`, and at least half the best score
    /// (a weak second hit beside a strong first one is noise). When even an article that
    /// held every query term at its best weight could not reach `threshold`, nothing is
    /// scored: the bound sums the same weights in the same order, so it never misses a hit.
    pub fn suggest(&self, q: &Query<'_>, threshold: f64, max: usize) -> Vec<Hit> {
        let ids = self.term_ids(q.text);
        let bound: f64 = ids
            .iter()
            .filter_map(|i| self.max_weight.get(*i as usize))
            .fold(0.0, |sum, w| sum + w);
        if rounded(bound * CATEGORY_BOOST.max(1.0)) < threshold {
            return Vec::new();
        }
        let ranked = self.ranked(q, &ids);
        let best = ranked.first().map_or(0.0, |(s, _)| rounded(*s));
        ranked
            .into_iter()
            .filter(|(s, _)| rounded(*s) >= threshold && rounded(*s) >= best * 0.5)
            .take(max)
            .filter_map(|(s, doc)| self.hit(s, doc))
            .collect()
    }
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
