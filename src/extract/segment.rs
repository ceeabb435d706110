//! Sentences and clauses of a normalised text, as char ranges.
//! Sentences end at 。！？；, line breaks; clauses also at ，,：and around (…).
//! A run without such marks (a one-line megabyte text) is cut every
//! [`MAX_SENTENCE_CHARS`] / [`MAX_CLAUSE_CHARS`], so the work and the evidence
//! of one sentence stay bounded whatever the input.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clause {
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    /// inside parentheses (a breakdown or aside)
    pub aside: bool,
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';' | '\n' | '！' | '？' | '；')
}

/// A comma between digits with exactly three digits after it is a thousands separator.
fn is_thousands_comma(chars: &[char], i: usize) -> bool {
    i > 0
        && chars[i - 1].is_ascii_digit()
        && chars.len() > i + 3
        && chars[i + 1..i + 4].iter().all(|c| c.is_ascii_digit())
        && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
}

/// The longest sentence: a longer run is cut here (no report writes one).
pub const MAX_SENTENCE_CHARS: usize = 2000;
/// The longest clause: a longer run is cut here.
pub const MAX_CLAUSE_CHARS: usize = 500;

pub fn segment(chars: &[char]) -> (Vec<Span>, Vec<Clause>) {
    let mut sentences = Vec::new();
    let mut clauses = Vec::new();
    let mut s_start = 0;
    let mut c_start = 0;
    let mut depth = 0i32;
    let push_clause = |clauses: &mut Vec<Clause>, s: usize, e: usize, sent: usize, aside: bool| {
        if e > s {
            clauses.push(Clause { start: s, end: e, sentence: sent, aside });
        }
    };
    for (i, &c) in chars.iter().enumerate() {
        if i - s_start >= MAX_SENTENCE_CHARS {
            // an unpunctuated run: cut before this char
            push_clause(&mut clauses, c_start, i, sentences.len(), depth > 0);
            sentences.push(Span { start: s_start, end: i });
            (s_start, c_start, depth) = (i, i, 0);
        } else if i - c_start >= MAX_CLAUSE_CHARS {
            push_clause(&mut clauses, c_start, i, sentences.len(), depth > 0);
            c_start = i;
        }
        if is_sentence_end(c) {
            push_clause(&mut clauses, c_start, i, sentences.len(), depth > 0);
            if i > s_start {
                sentences.push(Span { start: s_start, end: i });
            } else {
                // empty sentence: keep clause indices consistent
                for cl in clauses.iter_mut().rev() {
                    if cl.sentence == sentences.len() && cl.start >= s_start {
                        cl.sentence = sentences.len();
                    } else {
                        break;
                    }
                }
            }
            s_start = i + 1;
            c_start = i + 1;
            depth = 0;
            continue;
        }
        let boundary = match c {
            ',' => !is_thousands_comma(chars, i),
            '，' | ':' | '：' => true,
            '(' | ')' => true,
            _ => false,
        };
        if boundary {
            push_clause(&mut clauses, c_start, i, sentences.len(), depth > 0);
            c_start = i + 1;
            if c == '(' {
                depth += 1;
            } else if c == ')' {
                depth = (depth - 1).max(0);
            }
        }
    }
    push_clause(&mut clauses, c_start, chars.len(), sentences.len(), depth > 0);
    if chars.len() > s_start {
        sentences.push(Span { start: s_start, end: chars.len() });
    }
    // clauses of an empty trailing sentence point past the end: clamp
    let last = sentences.len().saturating_sub(1);
    for cl in &mut clauses {
        cl.sentence = cl.sentence.min(last);
    }
    (sentences, clauses)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unpunctuated_megabyte_line_is_cut_into_bounded_sentences() {
        let chars: Vec<char> = "办理行政复议案件12件".repeat(100_000).chars().collect();
        let (sentences, clauses) = segment(&chars);
        assert!(sentences.iter().all(|s| s.end - s.start <= MAX_SENTENCE_CHARS));
        assert!(clauses.iter().all(|c| c.end - c.start <= MAX_CLAUSE_CHARS));
        assert_eq!(sentences.last().map(|s| s.end), Some(chars.len()));
        assert!(clauses.iter().all(|c| {
            let s = sentences[c.sentence];
            s.start <= c.start && c.end <= s.end
        }));
    }

    #[test]
    fn clauses_and_sentences() {
        let chars: Vec<char> =
            "我市有社会组织577家,其中社会团体1,336家。主办人大建议26件(主办件15件,协办件11件)"
                .chars()
                .collect();
        let (s, c) = segment(&chars);
        assert_eq!(s.len(), 2);
        let texts: Vec<String> = c.iter().map(|c| chars[c.start..c.end].iter().collect()).collect();
        assert_eq!(
            texts,
            vec![
                "我市有社会组织577家",
                "其中社会团体1,336家",
                "主办人大建议26件",
                "主办件15件",
                "协办件11件"
            ]
        );
        assert!(c[3].aside && !c[2].aside);
        assert_eq!(c[4].sentence, 1);
    }
}
