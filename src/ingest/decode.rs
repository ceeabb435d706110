//! Bytes → text: BOM, `<meta charset>`, strict UTF-8, then detected legacy
//! encodings (GBK is decoded as GB18030, its superset).

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

/// Decoded text and what it took to get it.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// number of malformed sequences replaced by U+FFFD
    pub malformed: usize,
}

/// Why bytes are not text at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("file is empty")]
    Empty,
    #[error("file looks binary ({0} NUL or control bytes in the first 8 KiB)")]
    Binary(usize),
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(finish(enc, &bytes[bom_len..]));
    }
    let head = &bytes[..bytes.len().min(8192)];
    let control =
        head.iter().filter(|&&b| b == 0 || (b < 0x09) || (0x0e..0x1a).contains(&b)).count();
    if control > head.len() / 100 + 1 {
        return Err(DecodeError::Binary(control));
    }
    if let Some(enc) = meta_charset(head) {
        return Ok(finish(enc, bytes));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded { text: text.to_string(), encoding: "UTF-8", malformed: 0 });
    }
    // Not valid UTF-8: a UTF-8 file cut mid-character is still UTF-8.
    if let Err(e) = std::str::from_utf8(bytes) {
        if e.error_len().is_none() && e.valid_up_to() + 4 > bytes.len() {
            return Ok(finish(UTF_8, bytes));
        }
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    // a file cut mid-character must not tip the guess: leave its last bytes out
    detector.feed(&bytes[..bytes.len().saturating_sub(4).max(bytes.len().min(4))], true);
    let mut enc = detector.guess(Some(b"cn"), chardetng::Utf8Detection::Allow); // the reports are Chinese: bias toward GBK
    if enc == encoding_rs::GBK || enc == GB18030 {
        enc = GB18030;
    }
    Ok(finish(enc, bytes))
}

fn finish(enc: &'static Encoding, bytes: &[u8]) -> Decoded {
    let enc = if enc == encoding_rs::GBK { GB18030 } else { enc };
    let (text, _) = enc.decode_without_bom_handling(bytes);
    let malformed = text.chars().filter(|&c| c == '\u{FFFD}').count();
    let name = if enc == UTF_16LE || enc == UTF_16BE { "UTF-16" } else { enc.name() };
    Decoded { text: text.into_owned(), encoding: name, malformed }
}

/// The charset an HTML head declares (`<meta charset=gbk>` or http-equiv content).
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let needle = b"charset=";
    let pos = lower.windows(needle.len()).position(|w| w == needle)?;
    let rest = &lower[pos + needle.len()..];
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))
        .unwrap_or(rest.len());
    let enc = Encoding::for_label(&rest[..end])?;
    Some(if enc == encoding_rs::GBK { GB18030 } else { enc })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("行政复议5件".as_bytes()).unwrap().text, "行政复议5件");
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("信访248件".as_bytes());
        let d = decode(&b).unwrap();
        assert_eq!(d.text, "信访248件");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn gbk_is_detected_and_decoded() {
        let (bytes, _, _) = GB18030
            .encode("辽宁省民政厅2023年法治政府建设情况报告，全年行政复议5件，行政诉讼5件。");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "gb18030");
        assert!(d.text.contains("行政复议5件"));
        assert_eq!(d.malformed, 0);
    }

    #[test]
    fn truncated_gbk_keeps_what_it_can() {
        let text = "常州市民政局2022年法治政府建设情况报告。2022年，在市委、市政府的坚强领导下，市民政局笃学践行习近平法治思想，紧紧围绕法治政府建设决策部署，认真贯彻落实全国民政法治工作会议精神。截至11月底，共办理行政许可295件，办理12345热线21件。民政";
        let (bytes, _, _) = GB18030.encode(text);
        let cut = &bytes[..bytes.len() - 1];
        let d = decode(cut).unwrap();
        assert!(d.text.contains("行政许可295件"), "{} {}", d.encoding, d.text);
        assert_eq!(d.malformed, 1);
    }

    #[test]
    fn meta_charset_wins() {
        let mut bytes = b"<html><head><meta charset=\"gbk\"></head><body>".to_vec();
        let (body, _, _) = GB18030.encode("信访248件");
        bytes.extend_from_slice(&body);
        assert!(decode(&bytes).unwrap().text.contains("信访248件"));
    }

    #[test]
    fn empty_and_binary_are_refused() {
        assert_eq!(decode(b"").unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(b"  \n").unwrap_err(), DecodeError::Empty);
        let bin: Vec<u8> = (0..4096u32).map(|i| (i % 7) as u8).collect();
        assert!(matches!(decode(&bin), Err(DecodeError::Binary(_))));
    }
}
