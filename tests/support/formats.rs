//! Input files of every format the engine reads, made in code: a .docx
//! (paragraphs, a header and a footer part), an .xlsx statistics table, a
//! web page with spanned table cells, a CSV — for the Word tests and as the
//! seeds the hostile-input harness mutates.

#![allow(dead_code)]

use std::io::Write;
use std::path::Path;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

pub fn paragraph(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>", escape(text))
}

/// Write a .docx: `body` is WordprocessingML, plus a header and a footer part.
pub fn write_docx(path: &Path, body: &str, header: &str, footer: &str) {
    let f = std::fs::File::create(path).unwrap();
    let mut z = zip::ZipWriter::new(f);
    let o = zip::write::SimpleFileOptions::default();
    let ct = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let parts = [
        (
            "[Content_Types].xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="{ct}.document.main+xml"/><Override PartName="/word/header1.xml" ContentType="{ct}.header+xml"/><Override PartName="/word/footer1.xml" ContentType="{ct}.footer+xml"/></Types>"#
            ),
        ),
        (
            "_rels/.rels",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{R}/officeDocument" Target="word/document.xml"/></Relationships>"#
            ),
        ),
        (
            "word/_rels/document.xml.rels",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{R}/header" Target="header1.xml"/><Relationship Id="rId2" Type="{R}/footer" Target="footer1.xml"/></Relationships>"#
            ),
        ),
        (
            "word/document.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}<w:sectPr><w:headerReference w:type="default" r:id="rId1"/><w:footerReference w:type="default" r:id="rId2"/></w:sectPr></w:body></w:document>"#
            ),
        ),
        (
            "word/header1.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="{W}">{}</w:hdr>"#,
                paragraph(header)
            ),
        ),
        (
            "word/footer1.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><w:ftr xmlns:w="{W}">{}</w:ftr>"#,
                paragraph(footer)
            ),
        ),
    ];
    for (name, xml) in parts {
        z.start_file(name, o).unwrap();
        z.write_all(xml.as_bytes()).unwrap();
    }
    z.finish().unwrap();
}

/// A prefecture statistics table as .xlsx (title, header with units, rows).
pub fn write_xlsx(path: &Path) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("2023").unwrap();
    ws.write_string(0, 0, "2023年江苏省各设区市民政主要指标").unwrap();
    for (c, h) in ["地区", "信访(件)", "行政复议(件)"].iter().enumerate() {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    for (r, (name, a, b)) in [("南京市", 120.0, 30.0), ("常州市", 248.0, 12.0)].iter().enumerate()
    {
        ws.write_string(r as u32 + 2, 0, *name).unwrap();
        ws.write_number(r as u32 + 2, 1, *a).unwrap();
        ws.write_number(r as u32 + 2, 2, *b).unwrap();
    }
    wb.save(path).unwrap();
}

/// A government page: charset meta, navigation, a table with spans, a footer.
pub fn page_html() -> String {
    r#"<html><head><meta charset="utf-8"><title>重庆市渝中区民政局2023年法治政府建设情况报告</title></head>
<body><nav>首页 | 政府信息公开 | 政府工作报告</nav>
<h1>重庆市渝中区民政局2023年法治政府建设情况报告</h1>
<p>2023年，全年办理行政复议案件12件，行政诉讼5件。</p>
<table><tr><td rowspan="2">项目</td><td colspan="2">本年</td></tr>
<tr><td>新收</td><td>办结</td></tr><tr><td>行政复议</td><td>12</td><td>11</td></tr></table>
<footer>网站标识码5001030001 渝ICP备12345678号</footer></body></html>"#
        .to_string()
}

/// A long-format CSV of two regions.
pub fn table_csv() -> String {
    "地区,年份,指标,数值,单位\n南京市,2023,信访,120,件\n常州市,2023,信访,248,件\n".to_string()
}
