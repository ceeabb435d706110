//! Tests of the docx reader on fixtures made in code (see `fixture.rs`).

use super::fixture::{self, docx, p, parts, tbl, tc, zip_parts};
use super::*;
use std::time::{Duration, Instant};

mod stress;

fn read(body: &str) -> WordText {
    read_docx(&docx(body), &Limits::default()).expect("fixture reads")
}

fn r(text: &str) -> String {
    format!("<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

/// The disclosure-report table: 申请人情况 spans three columns, 信息内容 and
/// 总计 span two rows.
fn disclosure_table() -> String {
    tbl(&[
        vec![
            tc(r#"<w:vMerge w:val="restart"/>"#, "信息内容"),
            tc(r#"<w:gridSpan w:val="3"/>"#, "申请人情况"),
            tc(r#"<w:vMerge w:val="restart"/>"#, "总计"),
        ],
        vec![
            tc("<w:vMerge/>", ""),
            tc("", "自然人"),
            tc("", "商业企业"),
            tc("", "科研机构"),
            tc(r#"<w:vMerge w:val="continue"/>"#, ""),
        ],
        vec![
            tc("", "一、本年新收政府信息公开申请数量"),
            tc("", "30"),
            tc("", "5"),
            tc("", "1"),
            tc("", "36"),
        ],
    ])
}

#[test]
fn chinese_paragraph_split_over_runs() {
    let body = format!(
        r#"<w:p><w:r><w:t>2023年，全市共办理</w:t></w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="a"/><w:r><w:rPr><w:b/></w:rPr><w:t>行政复议</w:t></w:r><w:bookmarkEnd w:id="0"/><w:r><w:t>案件125件。</w:t></w:r></w:p>{}"#,
        p("二、主动公开政府信息情况")
    );
    let t = read(&body);
    assert_eq!(t.body, "2023年，全市共办理行政复议案件125件。\n二、主动公开政府信息情况\n");
    assert_eq!(t.paragraphs, 2);
    assert_eq!(t.tables, 0);
}

#[test]
fn disclosure_table_with_merged_cells_like_html_reader() {
    let t = read(&format!(
        "{}{}{}",
        p("三、收到和处理政府信息公开申请情况"),
        disclosure_table(),
        p("四、其他")
    ));
    let expected = "三、收到和处理政府信息公开申请情况\n\n\
        信息内容 | 申请人情况 | 申请人情况 | 申请人情况 | 总计\n\
        信息内容 | 自然人 | 商业企业 | 科研机构 | 总计\n\
        一、本年新收政府信息公开申请数量 | 30 | 5 | 1 | 36\n\n\
        四、其他\n";
    assert_eq!(t.body, expected);
    assert_eq!((t.paragraphs, t.tables), (2, 1));
}

#[test]
fn grid_before_after_hmerge_pipes_and_empty_rows() {
    let t = read(&tbl(&[
        vec![
            r#"<w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>"#.to_string(),
            tc("", "a|b"),
            tc("", "  c \t d "),
        ],
        vec![
            tc(r#"<w:hMerge w:val="restart"/>"#, "合计"),
            tc("<w:hMerge/>", ""),
            tc("", "9"),
            tc("", ""),
        ],
        vec![tc("", ""), tc("", ""), tc("", "")],
    ]));
    assert_eq!(t.body, " | a/b | c d | \n合计 | 合计 | 9 | \n");
}

#[test]
fn nested_table_flattens_into_its_cell() {
    let inner = tbl(&[vec![tc("", "x"), tc("", "y")], vec![tc("", "1"), tc("", "2")]]);
    let outer =
        tbl(&[vec![tc("", "外"), format!("<w:tc>{}{inner}<w:p/></w:tc>", p("前")), tc("", "后")]]);
    let t = read(&outer);
    assert_eq!(t.body, "外 | 前 x / y 1 / 2 | 后\n");
    assert_eq!(t.tables, 2);
}

#[test]
fn fields_revisions_and_containers() {
    let body = format!(
        r#"<w:p><w:r><w:t>共</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> =SUM(ABOVE) </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>125</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>件</w:t></w:r></w:p>
<w:p><w:fldSimple w:instr=" DATE \@ &quot;yyyy&quot; "><w:r><w:t>2023</w:t></w:r></w:fldSimple><w:r><w:t>年</w:t></w:r></w:p>
<w:p><w:del w:id="1" w:author="a"><w:r><w:delText>删除的</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>新增的</w:t></w:r></w:ins><w:moveFrom w:id="3"><w:r><w:t>移走</w:t></w:r></w:moveFrom><w:moveTo w:id="4"><w:r><w:t>移来</w:t></w:r></w:moveTo></w:p>
<w:p><w:smartTag w:uri="u" w:element="place"><w:r><w:t>沈阳市</w:t></w:r></w:smartTag><w:sdt><w:sdtPr><w:alias w:val="x"/><w:placeholder><w:docPart w:val="y"/></w:placeholder></w:sdtPr><w:sdtContent><w:r><w:t>司法局</w:t></w:r></w:sdtContent></w:sdt><w:hyperlink r:id="rId4"><w:r><w:t>网站</w:t></w:r></w:hyperlink><w:customXml w:element="c"><w:r><w:t>！</w:t></w:r></w:customXml></w:p>
<w:sdt><w:sdtContent>{}</w:sdtContent></w:sdt>"#,
        p("块级内容控件")
    );
    let t = read(&body);
    assert_eq!(t.body, "共125件\n2023年\n新增的移来\n沈阳市司法局网站！\n块级内容控件\n");
    for hidden in ["SUM", "DATE", "删除", "移走", "alias"] {
        assert!(!t.body.contains(hidden), "{hidden} leaked: {}", t.body);
    }
}

#[test]
fn breaks_tabs_symbols_and_hyphens() {
    let body = format!(
        "<w:p>{}<w:r><w:br/></w:r>{}<w:r><w:br/><w:t>Word</w:t><w:cr/><w:t>report</w:t></w:r></w:p>\
         <w:p>{}<w:r><w:br w:type=\"page\"/></w:r>{}</w:p>\
         <w:p>{}<w:r><w:tab/></w:r>{}<w:r><w:sym w:font=\"Symbol\" w:char=\"F0B3\"/><w:noBreakHyphen/><w:softHyphen/><w:t>1</w:t></w:r>\
         <w:r><w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/><w:sym w:char=\"2116\"/></w:r></w:p>",
        r("行政复议"),
        r("案件"),
        r("第一页"),
        r("第二页"),
        r("件数"),
        r("125"),
    );
    let t = read(&body);
    assert_eq!(t.body, "行政复议案件 Word report\n第一页\n第二页\n件数\t125≥-1№\n");
}

#[test]
fn text_box_read_once_and_math_text() {
    let body = r#"<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><m:oMath><m:r><m:t>x=2</m:t></m:r></m:oMath></w:p>"#;
    let t = read(body);
    assert_eq!(t.body, "文本框\n正文x=2\n");
}

#[test]
fn ruby_entities_and_cdata() {
    let body = r#"<w:p><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>fù yì</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>复议</w:t></w:r></w:rubyBase></w:ruby></w:r><w:r><w:t>&lt;A&amp;B&gt; &#20013;&#x6587;</w:t></w:r></w:p>"#;
    assert_eq!(read(body).body, "复议<A&B> 中文\n");
}

#[test]
fn headers_footers_footnotes() {
    let t = read(&p("正文"));
    assert_eq!(t.headers, vec!["某市人民政府2023年政府信息公开工作年度报告"]);
    assert_eq!(t.footers, vec!["第 1 页"]);
    assert_eq!(t.footnotes, vec!["数据来源：市司法局。"]);
    assert!(!t.body.contains("PAGE"));
}

#[test]
fn docm_strict_and_unbound_prefix() {
    let mut ps = parts(&p("宏文档"));
    ps[0].1 = fixture::content_types(fixture::DOCM_MAIN).into_bytes();
    assert_eq!(read_docx(&zip_parts(&ps), &Limits::default()).unwrap().body, "宏文档\n");
    assert_eq!(sniff_office(&zip_parts(&ps)), Some("docx"));

    let strict = fixture::document(&p("严格格式"))
        .replace(fixture::W, "http://purl.oclc.org/ooxml/wordprocessingml/main");
    let mut ps = parts("");
    ps[2].1 = strict.into_bytes();
    let rels = String::from_utf8(ps[1].1.clone()).unwrap().replace(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
    );
    ps[1].1 = rels.into_bytes();
    assert_eq!(read_docx(&zip_parts(&ps), &Limits::default()).unwrap().body, "严格格式\n");

    let bare =
        r#"<w:document><w:body><w:p><w:r><w:t>无命名空间</w:t></w:r></w:p></w:body></w:document>"#;
    ps[2].1 = bare.as_bytes().to_vec();
    assert_eq!(read_docx(&zip_parts(&ps), &Limits::default()).unwrap().body, "无命名空间\n");
}

#[test]
fn utf16_part_and_missing_rels() {
    let xml = fixture::document(&p("十六位"));
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(xml.replace("UTF-8", "UTF-16").encode_utf16().flat_map(u16::to_le_bytes));
    let ps = vec![("word/document.xml".to_string(), utf16)];
    let t = read_docx(&zip_parts(&ps), &Limits::default()).unwrap();
    assert_eq!(t.body, "十六位\n");
    assert!(t.headers.is_empty());
}

#[test]
fn errors_say_what_is_wrong() {
    let l = Limits::default();
    assert_eq!(read_docx(b"hello, not a zip", &l), Err(DocxError::NotZip));
    assert_eq!(read_docx(&[], &l), Err(DocxError::NotZip));
    let only_types = vec![parts("").remove(0)];
    assert_eq!(
        read_docx(&zip_parts(&only_types), &l),
        Err(DocxError::MissingPart("word/document.xml".into()))
    );
    let mut ps = parts(&p("好"));
    ps[2].1 = b"<w:document xmlns:w=\"x\"><w:body><w:p></w:body>".to_vec();
    match read_docx(&zip_parts(&ps), &l) {
        Err(DocxError::Malformed(m)) => {
            assert!(m.starts_with("word/document.xml: ") && m.contains("at byte"), "{m}")
        }
        other => panic!("{other:?}"),
    }
    ps[2].1 = vec![b'<', 0xFF, 0xFE, b'>'];
    assert!(
        matches!(read_docx(&zip_parts(&ps), &l), Err(DocxError::Malformed(m)) if m.contains("UTF-8"))
    );
    let sheet = vec![
        ("_rels/.rels".to_string(), parts("")[1].1.clone()),
        ("word/document.xml".to_string(), b"<workbook/>".to_vec()),
    ];
    assert!(
        matches!(read_docx(&zip_parts(&sheet), &l), Err(DocxError::Malformed(m)) if m.contains("<workbook"))
    );
    assert_eq!(
        DocxError::LegacyWord.to_string(),
        "a legacy Word (.doc/.wps) file: save it as .docx"
    );
}

#[test]
fn limits_are_enforced() {
    let big = docx(&p(&"数".repeat(10_000)));
    let small = |f: fn(&mut Limits)| {
        let mut l = Limits::default();
        f(&mut l);
        read_docx(&big, &l)
    };
    assert!(matches!(
        small(|l| l.max_part_bytes = 20_000),
        Err(DocxError::TooLarge { limit: 20_000, .. })
    ));
    assert!(matches!(small(|l| l.max_total_bytes = 30_000), Err(DocxError::TooLarge { .. })));
    assert!(matches!(small(|l| l.max_entries = 3), Err(DocxError::TooLarge { .. })));
    assert!(matches!(small(|l| l.max_text_chars = 5_000), Err(DocxError::TooLarge { .. })));
    let wide = docx(&disclosure_table());
    let mut l = Limits { max_table_cells: 10, ..Limits::default() };
    assert!(
        matches!(read_docx(&wide, &l), Err(DocxError::TooLarge { part, .. }) if part == "table cells")
    );
    l.max_table_cells = 15;
    assert!(read_docx(&wide, &l).is_ok());
}

#[test]
fn merged_cells_cannot_blow_up_text() {
    // one big cell repeated down 2000 rows by vMerge: 2000 × 60 KB of text
    let first = vec![tc(r#"<w:vMerge w:val="restart"/>"#, &"长".repeat(20_000))];
    let mut rows = vec![first];
    rows.extend((0..2000).map(|_| vec![tc("<w:vMerge/>", "")]));
    let limits = Limits { max_text_chars: 1 << 20, ..Limits::default() };
    let start = Instant::now();
    let got = read_docx(&docx(&tbl(&rows)), &limits);
    assert!(
        matches!(got, Err(DocxError::TooLarge { ref part, .. }) if part == "text (chars)"),
        "{got:?}"
    );
    assert!(start.elapsed() < Duration::from_secs(5));
}

#[test]
fn zip_bomb_of_a_gigabyte_is_refused_quickly() {
    let zeros = fixture::deflate_zeros(1 << 30);
    let start = Instant::now();
    let bomb = fixture::raw_zip("word/document.xml", &zeros, 8, 1 << 30);
    let got = read_docx(&bomb, &Limits::default());
    assert!(
        matches!(got, Err(DocxError::TooLarge { ref part, limit }) if part.starts_with("word/document.xml") && limit == 64 << 20),
        "{got:?}"
    );
    // the same stream under a header that claims 50 KB (ratio check passes,
    // so it is inflated): stops just past the claim
    let liar = fixture::raw_zip("word/document.xml", &zeros, 8, 50_000);
    let got = read_docx(&liar, &Limits::default());
    assert!(matches!(got, Err(DocxError::Malformed(ref m)) if m.contains("declared")), "{got:?}");
    // 60 MiB claimed from 100 KB of deflate: refused by the ratio check
    // before anything is inflated
    let ratio = fixture::raw_zip("word/document.xml", &zeros[..100_000], 8, 60 << 20);
    assert!(
        matches!(read_docx(&ratio, &Limits::default()), Err(DocxError::TooLarge { ref part, .. }) if part.contains("ratio"))
    );
    assert!(start.elapsed() < Duration::from_secs(10), "{:?}", start.elapsed());
}

#[test]
fn sniffing_zip_kinds() {
    let one = |name: &str, data: &[u8]| zip_parts(&[(name.to_string(), data.to_vec())]);
    assert_eq!(sniff_office(&docx("")), Some("docx"));
    assert_eq!(sniff_office(&one("xl/workbook.xml", b"<workbook/>")), Some("xlsx"));
    assert_eq!(sniff_office(&one("ppt/presentation.xml", b"<p/>")), Some("pptx"));
    assert_eq!(
        sniff_office(&one("mimetype", b"application/vnd.oasis.opendocument.text")),
        Some("odt")
    );
    assert_eq!(
        sniff_office(&one("mimetype", b"application/vnd.oasis.opendocument.spreadsheet")),
        Some("ods")
    );
    let custom = content_types_only(fixture::DOCX_MAIN.replace("document.main", "document"));
    assert_eq!(sniff_office(&custom), Some("docx"));
    assert_eq!(sniff_office(&one("a.txt", b"x")), None);
    assert_eq!(sniff_office(b"PK\x03\x04 not really"), None);
    assert_eq!(sniff_office(b"plain text"), None);
}

fn content_types_only(main: String) -> Vec<u8> {
    zip_parts(&[("[Content_Types].xml".to_string(), fixture::content_types(&main).into_bytes())])
}

#[test]
fn broken_side_parts_become_warnings() {
    let mut ps = parts(&p("正文照读"));
    ps[4].1 = b"<w:hdr xmlns:w=\"x\"><w:p></w:hdr>".to_vec();
    ps.remove(5); // footer1.xml referenced but gone
    let t = read_docx(&zip_parts(&ps), &Limits::default()).unwrap();
    assert_eq!(t.body, "正文照读\n");
    assert!(t.headers.is_empty());
    assert_eq!(t.footnotes, vec!["数据来源：市司法局。"]);
    assert_eq!(t.warnings.len(), 2, "{:?}", t.warnings);
    let all = t.warnings.join("\n");
    assert!(all.contains("word/header1.xml: ") && all.contains("at byte"), "{all}");
    assert!(all.contains("word/footer1.xml: referenced but not in the package"), "{all}");
}

#[test]
fn entry_count_checked_before_parsing_and_names_ignore_case() {
    let mut z = docx(&p("大小写"));
    let eocd = z.len() - 22;
    z[eocd + 10..eocd + 12].copy_from_slice(&60_000u16.to_le_bytes());
    let got = read_docx(&z, &Limits::default());
    assert!(
        matches!(got, Err(DocxError::TooLarge { ref part, limit: 10_000 }) if part == "zip entries")
    );

    let mut ps = parts(&p("大小写"));
    ps[2].0 = "Word/Document.XML".to_string();
    assert_eq!(read_docx(&zip_parts(&ps), &Limits::default()).unwrap().body, "大小写\n");
}
