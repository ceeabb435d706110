//! What the title rows above a table say. A title is not a header: it gives
//! the year (江苏省2022年…, 时间：2019年), the region scope (江苏省…, 地区：北京市),
//! the unit (单位：万元, 计量单位：件, …（亿元）) and sometimes the indicator
//! (指标：地区生产总值(亿元), 2022年各市地区生产总值（亿元）).

use super::super::labels::{
    clean, ignored_keys, indicator_keys, is_unit_word, region_keys, single_year, split_unit,
    unit_keys, year_keys,
};
use super::subject::{looks_like_title, subject, trim_value, BRACKETS};

/// The metadata of one table's title rows.
#[derive(Debug, Clone, Default)]
pub(super) struct TitleMeta {
    /// the title lines as written
    pub lines: Vec<String>,
    pub year: Option<i32>,
    /// unit of the whole table (单位：万元, a title's trailing （亿元）)
    pub unit: String,
    /// indicator the title names ("" none)
    pub indicator: String,
    /// unit of that indicator (指标：地区生产总值(亿元))
    pub indicator_unit: String,
    /// region the title names (地区：北京市, or the region a title starts with)
    pub region: String,
    /// set by a "key：value" line, which beats a free title
    keyed: [bool; 3],
}

#[derive(Debug, Clone, Copy, PartialEq)]
/// What a key：value title line gives.
enum Key {
    Unit,
    Indicator,
    Year,
    Region,
    Ignore,
}

/// The key a line's text before a colon ends with (单位负责人 before 单位):
/// the longest of every key list.
fn key_before(before: &str) -> Option<(&'static str, Key)> {
    let lists = [
        (ignored_keys(), Key::Ignore),
        (unit_keys(), Key::Unit),
        (indicator_keys(), Key::Indicator),
        (year_keys(), Key::Year),
        (region_keys(), Key::Region),
    ];
    let keys = lists.into_iter().flat_map(|(ks, key)| ks.iter().map(move |k| (*k, key)));
    keys.filter(|(k, _)| before.ends_with(k)).max_by_key(|(k, _)| k.len())
}

/// Is a text a "key：value" title line (单位：万元, 填报单位：…, 表号：…)?
pub(super) fn is_metadata(s: &str) -> bool {
    !split_keys(s).1.is_empty()
}

/// A line's text before its first key, and its key/value pairs.
fn split_keys(line: &str) -> (&str, Vec<(Key, &str)>) {
    let mut marks: Vec<(usize, usize, Key)> = Vec::new();
    for (p, ch) in line.char_indices().filter(|(_, c)| *c == '：' || *c == ':') {
        let before = line[..p].trim_end();
        if let Some((k, key)) = key_before(before) {
            marks.push((before.len() - k.len(), p + ch.len_utf8(), key));
        }
    }
    let free = marks.first().map_or(line, |m| &line[..m.0]);
    let pairs = marks
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let end = marks.get(i + 1).map_or(line.len(), |n| n.0);
            (m.2, trim_value(&line[m.1..end.max(m.1)]))
        })
        .collect();
    (trim_value(free), pairs)
}

impl TitleMeta {
    /// Read one title line.
    pub fn add(&mut self, text: &str, is_region: &dyn Fn(&str) -> bool) {
        let text = text.trim();
        if text.is_empty() || self.lines.iter().any(|l| l == text) {
            return;
        }
        self.lines.push(text.to_string());
        let line = clean(text);
        let (free, pairs) = split_keys(&line);
        for (key, value) in pairs {
            self.keyed(key, value);
        }
        if !free.is_empty() {
            self.free(free, is_region);
        }
    }

    /// A key：value pair; a keyed year, region or indicator beats a free title's.
    fn keyed(&mut self, key: Key, value: &str) {
        match key {
            Key::Unit if self.unit.is_empty() => self.unit = value.to_string(),
            Key::Indicator if !self.keyed[0] => {
                let (label, unit) = split_unit(value);
                (self.indicator, self.indicator_unit) = (label.to_string(), unit.to_string());
                self.keyed[0] = true;
            }
            Key::Year if !self.keyed[1] => {
                if let Some(y) = single_year(value) {
                    self.year = Some(y);
                    self.keyed[1] = true;
                }
            }
            Key::Region if !self.keyed[2] && !value.is_empty() => {
                self.region = value.to_string();
                self.keyed[2] = true;
            }
            _ => {}
        }
    }

    /// A free title: 江苏省2022年各设区市民政法治建设主要指标, 2022年各市地区生产总值（亿元）.
    fn free(&mut self, text: &str, is_region: &dyn Fn(&str) -> bool) {
        if is_unit_word(text) {
            if self.unit.is_empty() {
                self.unit = text.trim_matches(BRACKETS).to_string();
            }
            return;
        }
        let (text, unit) = split_unit(text);
        if !unit.is_empty() && self.unit.is_empty() {
            self.unit = unit.to_string();
        }
        if self.year.is_none() {
            self.year = single_year(text);
        }
        let (region, indicator) = subject(text, is_region);
        if self.region.is_empty() {
            self.region = region.to_string();
        }
        // only a line that reads as a title names an indicator (not 附件2, not a subtitle)
        if self.indicator.is_empty() && looks_like_title(text) {
            self.indicator = indicator.to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(s: &str) -> bool {
        ["江苏省", "江苏", "北京市", "常州市", "常州"].contains(&s)
    }

    fn meta(lines: &[&str]) -> TitleMeta {
        let mut m = TitleMeta::default();
        for l in lines {
            m.add(l, &region);
        }
        m
    }

    #[test]
    fn keyed_lines_of_statistics_database_exports() {
        let m = meta(&["数据库：分省年度数据", "指标：地区生产总值(亿元)", "时间：最近5年"]);
        assert_eq!((m.indicator.as_str(), m.indicator_unit.as_str()), ("地区生产总值", "亿元"));
        assert_eq!((m.year, m.unit.as_str(), m.region.as_str()), (None, "", ""));
        let m = meta(&["数据库：分省年度数据", "地区：北京市", "时间：2019年"]);
        assert_eq!((m.region.as_str(), m.year), ("北京市", Some(2019)));
        let m = meta(&["填报单位：常州市民政局  计量单位：件  时间：2023年"]);
        assert_eq!((m.unit.as_str(), m.year, m.region.as_str()), ("件", Some(2023), ""));
        assert_eq!(meta(&["（单位：万元）"]).unit, "万元");
        let m = meta(&["江苏省2022年各设区市民政法治建设主要指标（单位：件）"]);
        assert_eq!((m.unit.as_str(), m.region.as_str(), m.year), ("件", "江苏省", Some(2022)));
        assert_eq!(meta(&["单位:亿元"]).unit, "亿元");
        assert!(is_metadata("计量单位: 件") && is_metadata("表号：A101") && !is_metadata("信访"));
    }
}
