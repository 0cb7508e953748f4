//! Language of the sender's newest text (guide §6): zh, en or mixed. Pure.

use super::super::model::Language;

/// Whether a character is a CJK ideograph (Simplified or Traditional).
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2ffff}')
}

/// Language of the sender's text (guide §6): `zh` when Chinese carries the text even
/// with English product names inside; `mixed` when whole English clauses appear next
/// to Chinese ones; `en` otherwise.
pub fn detect_language(text: &str) -> Language {
    let cjk = text.chars().filter(|c| is_cjk(*c)).count();
    if cjk == 0 {
        return Language::En;
    }
    // English clause: a run of ≥3 consecutive English words, at least one a common
    // function word or verb, with no CJK in between. Product names, error strings and
    // codes ("ERR_PROXY_CONNECTION_FAILED", "SAP", "runtime error 1004") stay zh.
    let mut english_clauses = 0usize;
    for line in text.lines() {
        let mut run: Vec<String> = Vec::new();
        let mut flush = |run: &mut Vec<String>| {
            let clause = (run.len() >= 2 && run.iter().any(|w| is_function_word(w)))
                || (run.len() == 1 && run.iter().any(|w| is_greeting(w)));
            if clause {
                english_clauses += 1;
            }
            run.clear();
        };
        let mut word = String::new();
        let mut in_quote = false;
        for c in line.chars().chain(std::iter::once('\n')) {
            if c == '"' || c == '“' || c == '”' || c == '「' || c == '」' {
                // Quoted error messages are not the sender's own clauses.
                in_quote = !in_quote;
                word.clear();
                run.clear();
                continue;
            }
            if in_quote {
                continue;
            }
            if c.is_ascii_alphabetic() || (c == '\'' && !word.is_empty()) {
                word.push(c.to_ascii_lowercase());
            } else {
                if !word.is_empty() {
                    run.push(std::mem::take(&mut word));
                }
                if is_cjk(c) || matches!(c, '，' | '。' | '！' | '？' | '：' | '；' | '\n') {
                    flush(&mut run);
                }
            }
        }
    }
    if english_clauses >= 1 {
        Language::Mixed
    } else {
        Language::Zh
    }
}

/// One-word English clauses that open or close a mail ("Hi，…", "Thanks!").
fn is_greeting(w: &str) -> bool {
    matches!(
        w,
        "hi" | "hello" | "thanks" | "thx" | "cheers" | "please" | "sorry" | "dear"
    )
}

/// Words that make a run of English words a clause rather than a name or code.
fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "i" | "you"
            | "we"
            | "it"
            | "is"
            | "are"
            | "was"
            | "please"
            | "help"
            | "thanks"
            | "thank"
            | "could"
            | "can"
            | "check"
            | "let"
            | "me"
            | "know"
            | "the"
            | "to"
            | "my"
            | "not"
            | "still"
            | "when"
            | "possible"
            | "asap"
            | "tried"
            | "and"
            | "of"
            | "for"
            | "with"
            | "need"
            | "don't"
            | "doesn't"
            | "can't"
    )
}
