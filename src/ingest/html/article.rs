//! The article of a saved page, by density of text: the deepest element that
//! holds most of the page's text outside links is the report; its title is
//! the nearest heading before it (or the page's `<title>` without the site's
//! name). Date banners, the site's name, related-link boxes, navigation and
//! footers stand outside that block, or are link lists inside it, and are
//! left out. Measured in one iterative pass (no recursion, whatever the nesting).

use super::{chrome, is_site_furniture, SKIP};
use ego_tree::iter::Edge;
use ego_tree::NodeId;
use scraper::{ElementRef, Node};
use std::collections::HashMap;

/// Visible characters below one element: all, and those inside links.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Measure {
    text: usize,
    link: usize,
}

impl Measure {
    fn own(self) -> usize {
        self.text - self.link
    }
}

pub(crate) type Measures = HashMap<NodeId, Measure>;

/// The share of its parent's text outside links each step down to the article holds at least.
const ARTICLE_SHARE: f64 = 0.6;
/// A <div> of text alone holding most of the page is one paragraph of the
/// article when its sibling <div>s hold at least this share of its text.
const PARAGRAPH_SIBLINGS_SHARE: f64 = 0.1;
/// A block whose text is at least this share link text is a list of links.
const LINK_LIST_SHARE: f64 = 0.6;
/// ... once it has this many visible characters.
const LINK_LIST_MIN_CHARS: usize = 12;
/// The longest title taken from before the article block.
const MAX_TITLE_CHARS: usize = 120;

/// Measure every element below `root` (skipped and furniture elements count nothing).
pub(crate) fn measure(root: ElementRef) -> Measures {
    let mut out = Measures::new();
    let mut stack: Vec<(NodeId, Measure, bool)> = Vec::new();
    let mut hidden = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if let Some(el) = ElementRef::wrap(node) {
                    let skip = SKIP.contains(&el.value().name()) || is_site_furniture(&el);
                    hidden += usize::from(skip);
                    stack.push((node.id(), Measure::default(), skip));
                } else if let (Node::Text(t), 0) = (node.value(), hidden) {
                    if let Some(top) = stack.last_mut() {
                        top.1.text += t.chars().filter(|c| !c.is_whitespace()).count();
                    }
                }
            }
            Edge::Close(node) => {
                let Some(el) = ElementRef::wrap(node) else { continue };
                let Some((id, mut m, skip)) = stack.pop() else { continue };
                hidden -= usize::from(skip);
                if el.value().name() == "a" {
                    m.link = m.text;
                }
                out.insert(id, m);
                if let Some(parent) = stack.last_mut() {
                    parent.1.text += m.text;
                    parent.1.link += m.link;
                }
            }
        }
    }
    out
}

fn get(m: &Measures, el: &ElementRef) -> Measure {
    m.get(&el.id()).copied().unwrap_or_default()
}

/// A block made mostly of links (related articles, friend links, a menu).
pub(crate) fn is_link_list(el: &ElementRef, m: &Measures) -> bool {
    let name = el.value().name();
    if matches!(name, "a" | "td" | "th" | "tr" | "table" | "body" | "html") {
        return false;
    }
    let x = get(m, el);
    x.text >= LINK_LIST_MIN_CHARS && x.link as f64 >= LINK_LIST_SHARE * x.text as f64
}

/// Where the report sits: its block and its title element.
pub(crate) struct Scope<'a> {
    pub block: ElementRef<'a>,
    pub title: Option<ElementRef<'a>>,
}

/// The article block and its title.
pub(crate) fn find<'a>(root: ElementRef<'a>, m: &Measures) -> Scope<'a> {
    let (mut at, mut block) = (root, root);
    // down to the child that holds most of its parent's text; a layout table
    // is walked through to the cell that holds the article; a data table is
    // never the block (its cells each hold little)
    while let Some(child) = at
        .children()
        .filter_map(ElementRef::wrap)
        .find(|c| get(m, c).own() as f64 >= ARTICLE_SHARE * get(m, &at).own() as f64)
    {
        at = child;
        if !matches!(at.value().name(), "table" | "thead" | "tbody" | "tfoot" | "tr") {
            block = at;
        }
    }
    // a paragraph that holds most of a short report: its container is the
    // block (a <p>, or a <div> of text alone whose sibling <div>s hold a
    // tenth of its text)
    let paragraph = |b: &ElementRef| {
        let name = b.value().name();
        let siblings = b.prev_siblings().chain(b.next_siblings()).filter_map(ElementRef::wrap);
        let same: usize =
            siblings.filter(|e| e.value().name() == name).map(|e| get(m, &e).own()).sum();
        let leaf = !b
            .children()
            .filter_map(ElementRef::wrap)
            .any(|c| matches!(c.value().name(), "p" | "div" | "table" | "section" | "ul" | "ol"));
        let share = same as f64 >= PARAGRAPH_SIBLINGS_SHARE * get(m, b).own() as f64;
        same > 0 && (name != "div" || leaf && share)
    };
    if block != root && paragraph(&block) {
        block = block.parent().and_then(ElementRef::wrap).unwrap_or(root);
    }
    let title = if block == root { None } else { title_before(block, m) };
    Scope { block, title }
}

/// Is this element a heading or named like a title?
fn is_title(el: &ElementRef) -> bool {
    let e = el.value();
    // whole words of the class (news-title, biaoti), or a word naming a title (newstitle)
    let named = |v: &str| {
        v.split(|c: char| c.is_whitespace() || c == '-' || c == '_').any(|w| {
            let w = w.to_ascii_lowercase();
            w.contains("title") || chrome().title_class_words.contains(&w)
        })
    };
    matches!(e.name(), "h1" | "h2" | "h3")
        || e.attr("class").is_some_and(named)
        || e.attr("id").is_some_and(named)
}

/// The nearest title before `block`: a heading among the elements before it
/// (its own earlier siblings first, then its parents' earlier siblings).
fn title_before<'a>(block: ElementRef<'a>, m: &Measures) -> Option<ElementRef<'a>> {
    let mut at = block;
    while let Some(parent) = at.parent().and_then(ElementRef::wrap) {
        let before = at.prev_siblings().filter_map(ElementRef::wrap);
        for sibling in before {
            let found = std::iter::once(sibling)
                .chain(sibling.descendants().filter_map(ElementRef::wrap))
                .filter(|e| is_title(e) && !is_link_list(e, m))
                .find(|e| (1..=MAX_TITLE_CHARS).contains(&get(m, e).own()));
            if found.is_some() {
                return found;
            }
        }
        at = parent;
    }
    None
}

/// The title element's text on one line, unless it is only the site's name.
pub(crate) fn text_of(title: &ElementRef) -> Option<String> {
    let text: String = title.text().collect::<Vec<_>>().join("");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let site = chrome().site_name_ends.iter().any(|w| text.ends_with(w.as_str()));
    (!text.is_empty() && !site).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::super::read_page;

    /// A county report as a city's site serves it: a date banner with another
    /// year, the host's name, a related-links box of other places' reports,
    /// the title outside the article block.
    const PAGE: &str = r##"<html><head><title>某县2023年法治政府建设情况报告_济南市人民政府</title></head><body>
        <div class="fl">今天是2022年2月28日 星期一 济南 小雨</div>
        <div class="top"><h1 class="site-name">济南市人民政府</h1></div>
        <div class="wrap"><div class="left">
          <div class="hd">热点推荐</div>
          <ul><li><a href="#">2019年海口市民政事业发展统计公报</a></li>
              <li><a href="#">2018年福州市法治政府建设年度报告</a></li></ul>
        </div>
        <div class="main"><div class="title">桐庐县2023年法治政府建设情况报告</div>
          <div class="sub-info">发布时间：2024-03-19 来源：建德市生态环境局</div>
          <div class="view TRS_UEDITOR"><p>2023年，我县深入推进法治政府建设，坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党中央、国务院关于法治政府建设的决策部署，各项工作取得明显成效。</p>
            <p>全年办理行政复议案件35件，行政应诉案件12件，依法化解矛盾纠纷。</p>
            <p>全年公开政府信息2300余条，答复依申请公开56件。</p>
            <p>桐庐县人民政府</p><p>2024年3月1日</p></div>
          <div class="related"><a href="#">成都市2021年法治政府建设情况报告</a> <a href="#">2022年昆明市政府信息公开工作年度报告</a></div>
        </div></div>
        <div class="bottom-info">主办单位：济南市人民政府办公室</div></body></html>"##;

    #[test]
    fn the_article_and_its_title_are_read_and_the_site_is_not() {
        let page = read_page(PAGE);
        let text = &page.text;
        assert!(text.starts_with("桐庐县2023年法治政府建设情况报告\n"), "{text}");
        assert!(text.contains("全年办理行政复议案件35件"), "{text}");
        assert!(text.contains("桐庐县人民政府\n\n2024年3月1日"), "{text}");
        for furniture in ["今天是", "济南", "海口市", "福州市", "成都市", "昆明市", "建德市"]
        {
            assert!(!text.contains(furniture), "{furniture} kept:\n{text}");
        }
        assert!(page.furniture_chars > 50, "{}", page.furniture_chars);
    }

    #[test]
    fn a_paragraph_holding_most_of_a_short_report_is_read_with_the_others() {
        let long = "受理行政复议申请56件，目前已办结38件，撤回申请13件。".repeat(8);
        let html = format!(
            "<html><body><div class=\"fl\">今天是2024年12月2日 星期一</div><div class=\"article\">\
             <p>现就2020年政务公开年度工作情况报告如下：</p><p>{long}</p><p>咸宁市司法局</p></div></body></html>"
        );
        let text = read_page(&html).text;
        assert!(text.starts_with("现就2020年政务公开年度工作情况报告如下"), "{text}");
        assert!(text.contains("咸宁市司法局"), "{text}");
    }

    #[test]
    fn a_page_that_is_all_article_keeps_everything() {
        let html =
            "<html><body><p>全年办理行政复议案件35件。</p><p>行政应诉案件12件。</p></body></html>";
        let page = read_page(html);
        assert_eq!(page.text, "全年办理行政复议案件35件。\n\n行政应诉案件12件。\n");
        assert_eq!(page.furniture_chars, 0);
    }
}
