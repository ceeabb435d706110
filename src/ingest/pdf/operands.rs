//! A cheap pre-scan of a content stream that finds where some operator would
//! take more than a given number of operands, so that the stream can be cut
//! there before `lopdf` collects an absurd operand run into one `Vec`.

/// Length of the prefix of a content stream in which no operator has more
/// than `max` operand objects (counting array elements and string starts).
pub(super) fn operand_safe_prefix(b: &[u8], max: usize) -> usize {
    let ws = |c: u8| matches!(c, 0 | 9 | 10 | 12 | 13 | 32);
    let delim = |c: u8| ws(c) || b"()<>[]{}/%".contains(&c);
    let (mut i, mut count, mut run_start) = (0, 0usize, 0);
    while i < b.len() {
        let c = b[i];
        if ws(c) || b"])>}".contains(&c) {
            i += 1;
            continue;
        }
        if c == b'%' {
            while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                i += 1;
            }
            continue;
        }
        let start = i;
        match c {
            b'(' => {
                let mut depth = 0;
                while i < b.len() {
                    match b[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            b'<' if b.get(i + 1) == Some(&b'<') => i += 2,
            b'<' => i = b[i..].iter().position(|&x| x == b'>').map_or(b.len(), |p| i + p + 1),
            b'[' | b'{' => i += 1,
            _ => {
                i += 1;
                while i < b.len() && !delim(b[i]) {
                    i += 1;
                }
                let tok = &b[start..i];
                if c != b'/'
                    && (c.is_ascii_alphabetic() || c == b'\'' || c == b'"')
                    && tok != b"true"
                    && tok != b"false"
                    && tok != b"null"
                {
                    count = 0;
                    run_start = i;
                    if tok == b"ID" {
                        // inline image data runs to the next whitespace-delimited EI
                        let end = b[i..]
                            .windows(4)
                            .position(|w| ws(w[0]) && &w[1..3] == b"EI" && (ws(w[3]) || w[3] == 0));
                        i = end.map_or(b.len(), |p| i + p + 3);
                    }
                    continue;
                }
            }
        }
        count += 1;
        if count > max {
            return run_start;
        }
    }
    b.len()
}
