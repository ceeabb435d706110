//! Unit tests of the layout: page-number shapes, sentence ends, running
//! headers/footers with a paragraph joined across page breaks, and aligned
//! columns turned into table rows.

use super::chrome::is_page_number;
use super::*;

#[test]
fn page_numbers() {
    for s in [
        "- 1 -",
        "—12—",
        "－ 3 －",
        "第1页",
        "第 2 页",
        "第3页 共9页",
        "第3页/共9页",
        "3/9",
        "3 / 9",
        "Page 4",
        "page 4 of 10",
        "１２",
    ] {
        assert!(is_page_number(s, true), "{s}");
    }
    assert!(is_page_number("- 7 -", false));
    assert!(!is_page_number("12", false));
    for s in ["2023年", "第一章", "一、总体情况", "-", "12.5%", "1/2/3", "第1条"] {
        assert!(!is_page_number(s, true), "{s}");
    }
}

#[test]
fn hard_ends() {
    assert!(ends_hard("报告如下。") && ends_hard("“很好！”") && ends_hard("是否？"));
    assert!(!ends_hard("其中维持89件，") && !ends_hard("问题8") && !ends_hard("如下："));
}

fn line_glyphs(text: &str, x: f32, y: f32, size: f32) -> Vec<Glyph> {
    let mut x = x;
    text.chars()
        .map(|ch| {
            let w = if wide(ch) { size } else { size / 2.0 };
            let g = Glyph { x, y, w, size, ch };
            x += w;
            g
        })
        .collect()
}

#[test]
fn running_headers_page_numbers_and_page_break_join() {
    let body = "全年办理行政复议案件一百二十五件其中维持八十九件撤销十二件确认违法七件";
    let mut pages = Vec::new();
    for p in 0..3 {
        let mut g = line_glyphs("某某市人民政府办公室", 250.0, 800.0, 10.0);
        g.extend(line_glyphs(&format!("第{}页", p + 1), 280.0, 40.0, 10.0));
        for k in 0..5 {
            let t = format!(
                "{}{}",
                "一二三四五六七八九十甲乙丙丁戊".chars().nth(p * 5 + k).unwrap_or('零'),
                body
            );
            let x = if k == 0 && p == 0 { 96.0 } else { 72.0 };
            let t: String = if x > 72.0 { t.chars().skip(2).collect() } else { t };
            g.extend(line_glyphs(&t, x, 700.0 - 20.0 * k as f32, 12.0));
        }
        if p == 2 {
            g.extend(line_glyphs("结束。", 72.0, 600.0, 12.0));
        }
        pages.push(g);
    }
    let (text, removed, tables) =
        assemble(pages.iter().enumerate().map(|(i, g)| lines_of(i, g)).collect());
    assert_eq!(removed, 6);
    assert!(tables.is_empty());
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.ends_with("七件结束。\n"), "{text}");
    assert!(!text.contains("办公室") && !text.contains('页'), "{text}");
}

#[test]
fn aligned_columns_become_rows() {
    let mut g = Vec::new();
    for (k, row) in [
        ["项目", "2022年", "2023年"],
        ["行政复议案件", "98", "125"],
        ["行政诉讼案件", "210", "187"],
    ]
    .iter()
    .enumerate()
    {
        for (c, cell) in row.iter().enumerate() {
            g.extend(line_glyphs(cell, 72.0 + 150.0 * c as f32, 700.0 - 20.0 * k as f32, 12.0));
        }
    }
    g.extend(line_glyphs("表后的一段文字。", 72.0, 600.0, 12.0));
    let (text, _, tables) = assemble(vec![lines_of(0, &g)]);
    assert_eq!(text, "项目 | 2022年 | 2023年\n行政复议案件 | 98 | 125\n行政诉讼案件 | 210 | 187\n表后的一段文字。\n");
    assert_eq!(tables[0].rows.len(), 3);
}
