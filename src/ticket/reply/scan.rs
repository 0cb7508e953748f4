//! Leftmost-longest phrase matching over folded chars, the one matching engine every reader in
//! `reply/` uses, so "not solved" and "没有解决" always win over "solved" and "解决". Pure.

/// A phrase found in folded text, as a char range.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit<K> {
    pub(super) kind: K,
    pub(super) phrase: &'static str,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// Leftmost-longest phrase matching over folded chars. Tables hold `|`-separated phrase lists
/// (so they stay compact) of folded text; a space matches one or more whitespace chars; a leading
/// `^` means "only at the start of a sentence"; ASCII words only match whole words. Longest-first is what makes "not solved" and "没有解决" win over
/// "solved" and "解决": the negation starts earlier and is consumed first.
pub(super) fn scan<K: Copy>(text: &[char], table: &[(&'static str, K)]) -> Vec<Hit<K>> {
    let phrases: Vec<(&'static str, K)> = table
        .iter()
        .flat_map(|&(list, kind)| list.split('|').map(move |p| (p, kind)))
        .collect();
    let mut hits = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let mut best: Option<(usize, &'static str, K)> = None;
        for &(phrase, kind) in &phrases {
            if let Some(end) = match_at(text, i, phrase) {
                if best.is_none_or(|(e, _, _)| end > e) {
                    best = Some((end, phrase, kind));
                }
            }
        }
        match best {
            Some((end, phrase, kind)) => {
                hits.push(Hit {
                    kind,
                    phrase: phrase.trim_start_matches('^'),
                    start: i,
                    end,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    hits
}

pub(super) fn match_at(text: &[char], i: usize, phrase: &str) -> Option<usize> {
    let (anchored, phrase) = match phrase.strip_prefix('^') {
        Some(p) => (true, p),
        None => (false, phrase),
    };
    // Cheap rejection first: this runs for every phrase at every position.
    if phrase.chars().next() != text.get(i).copied() {
        return None;
    }
    if anchored && !at_sentence_start(text, i) {
        return None;
    }
    let word_char = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    if phrase.starts_with(|c: char| c.is_ascii_alphanumeric())
        && i > 0
        && word_char(text.get(i - 1))
    {
        return None;
    }
    let mut j = i;
    for pc in phrase.chars() {
        if pc == ' ' {
            if !text.get(j).is_some_and(|c| c.is_whitespace()) {
                return None;
            }
            while text.get(j).is_some_and(|c| c.is_whitespace()) {
                j += 1;
            }
        } else {
            if text.get(j) != Some(&pc) {
                return None;
            }
            j += 1;
        }
    }
    if phrase.ends_with(|c: char| c.is_ascii_alphanumeric()) && word_char(text.get(j)) {
        return None;
    }
    Some(j)
}

fn at_sentence_start(text: &[char], i: usize) -> bool {
    let mut k = i;
    while k > 0 && text.get(k - 1).is_some_and(|c| c.is_whitespace()) {
        k -= 1;
    }
    k == 0 || text.get(k - 1).is_some_and(|c| !c.is_alphanumeric())
}

/// Content not explained by any phrase, in half-words: an ASCII word is 2, a CJK char is 1.
pub(super) fn uncovered_weight<K>(text: &[char], hits: &[Hit<K>]) -> usize {
    let covered = |i: usize| hits.iter().any(|h| h.start <= i && i < h.end);
    let mut weight = 0;
    let mut in_word = false;
    for (i, c) in text.iter().enumerate() {
        if covered(i) {
            in_word = false;
            continue;
        }
        if c.is_ascii_alphanumeric() {
            if !in_word {
                weight += 2;
            }
            in_word = true;
        } else {
            in_word = false;
            if c.is_alphabetic() {
                weight += 1;
            }
        }
    }
    weight
}
