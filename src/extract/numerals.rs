//! Numerals as reports write them: Arabic (with thousands separators and
//! decimals), Chinese (一百二十, 两千, 十余), and mixed (1588.3万, 三万4000).

/// Value of a Chinese digit character.
pub fn cn_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Value of a Chinese unit character below 万.
fn cn_small_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

pub fn is_cn_numeral_char(c: char) -> bool {
    cn_digit(c).is_some() || cn_small_unit(c).is_some() || c == '万' || c == '亿'
}

/// Parse a pure Chinese numeral: 一百二十 → 120, 十 → 10, 两千两百二十五 → 2225,
/// 一万五千 → 15000. Digit strings (二〇二三) read positionally.
pub fn parse_chinese(s: &str) -> Option<f64> {
    let chars: Vec<char> = s.chars().collect();
    if chars.is_empty() {
        return None;
    }
    if chars.len() > 1 && chars.iter().all(|&c| cn_digit(c).is_some()) {
        let mut v = 0u64;
        for c in chars {
            v = v * 10 + cn_digit(c)?;
        }
        return Some(v as f64);
    }
    let mut total: u64 = 0; // completed 亿 groups
    let mut section: u64 = 0; // completed 万 group
    let mut current: u64 = 0; // below 万
    let mut digit: Option<u64> = None;
    for c in chars {
        if let Some(d) = cn_digit(c) {
            digit = Some(d);
        } else if let Some(u) = cn_small_unit(c) {
            current += digit.unwrap_or(1) * u;
            digit = None;
        } else if c == '万' {
            section += (current + digit.unwrap_or(0)) * 10_000;
            if section == 0 {
                section = 10_000;
            }
            current = 0;
            digit = None;
        } else if c == '亿' {
            total += (section + current + digit.unwrap_or(0)).max(1) * 100_000_000;
            section = 0;
            current = 0;
            digit = None;
        } else {
            return None;
        }
    }
    Some((total + section + current + digit.unwrap_or(0)) as f64)
}

/// Parse an Arabic number with optional thousands separators: "1,336" → 1336.
pub fn parse_arabic(s: &str) -> Option<f64> {
    let cleaned: String = s.chars().filter(|&c| c != ',' && c != ' ').collect();
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Parse any numeral form: Arabic, Chinese, or Arabic followed by 万/亿 (1588.3万).
pub fn parse_number(s: &str) -> Option<f64> {
    if let Some(v) = parse_arabic(s) {
        return Some(v);
    }
    let trimmed = s.trim();
    for (suffix, mult) in [("万亿", 1e12), ("亿", 1e8), ("万", 1e4)] {
        if let Some(head) = trimmed.strip_suffix(suffix) {
            if let Some(v) = parse_arabic(head).or_else(|| parse_chinese(head)) {
                return Some(v * mult);
            }
        }
    }
    // mixed 三万4000: Chinese head with an Arabic tail
    if let Some(pos) = trimmed.find(|c: char| c.is_ascii_digit()) {
        let (head, tail) = trimmed.split_at(pos);
        if !head.is_empty() {
            if let (Some(h), Some(t)) = (parse_chinese(head), parse_arabic(tail)) {
                return Some(h + t);
            }
        }
    }
    parse_chinese(trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        assert_eq!(parse_chinese("一百二十"), Some(120.0));
        assert_eq!(parse_chinese("十"), Some(10.0));
        assert_eq!(parse_chinese("十二"), Some(12.0));
        assert_eq!(parse_chinese("两"), Some(2.0));
        assert_eq!(parse_chinese("两千两百二十五"), Some(2225.0));
        assert_eq!(parse_chinese("一百九十万零三千九百七十一"), Some(1_903_971.0));
        assert_eq!(parse_chinese("一万五千亿"), Some(1.5e12));
        assert_eq!(parse_chinese("二〇二三"), Some(2023.0));
        assert_eq!(parse_chinese("百"), Some(100.0));
        assert_eq!(parse_chinese("abc"), None);
    }

    #[test]
    fn arabic_and_mixed() {
        assert_eq!(parse_number("1,336"), Some(1336.0));
        assert_eq!(parse_number("87.4"), Some(87.4));
        assert_eq!(parse_number("1588.3万"), Some(15_883_000.0));
        assert_eq!(parse_number("10.3万亿"), Some(1.03e13));
        assert_eq!(parse_number("三万4000"), Some(34000.0));
        assert_eq!(parse_number("三万"), Some(30000.0));
    }
}
