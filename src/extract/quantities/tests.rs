//! The build's quantities of report sentences.
use super::*;
use crate::ingest::fold::normalize;

fn qs(s: &str) -> Vec<(f64, &'static str, Qualifier)> {
    let n = normalize(s);
    find_quantities(&n.text, &Wording::bundled())
        .into_iter()
        .map(|q| (q.value, q.unit, q.qualifier))
        .collect()
}

#[test]
fn counts_with_qualifiers() {
    assert_eq!(qs("行政复议5件"), vec![(5.0, "件", Qualifier::Exact)]);
    assert_eq!(qs("公开政务信息230余条"), vec![(230.0, "条", Qualifier::AtLeast)]);
    assert_eq!(qs("发放宣传册3万余份"), vec![(30000.0, "份", Qualifier::AtLeast)]);
    assert_eq!(qs("接受咨询12300人次左右"), vec![(12300.0, "人次", Qualifier::Approx)]);
    assert_eq!(qs("学法10余次"), vec![(10.0, "次", Qualifier::AtLeast)]);
    assert_eq!(qs("学法十余次"), vec![(10.0, "次", Qualifier::AtLeast)]);
    assert_eq!(qs("约200件"), vec![(200.0, "件", Qualifier::Approx)]);
    assert_eq!(qs("超过30部"), vec![(30.0, "部", Qualifier::AtLeast)]);
    assert_eq!(qs("失业率5%以内"), vec![(5.0, "%", Qualifier::AtMost)]);
    assert_eq!(qs("社会团体 | 个 | 1,336"), vec![]);
    assert_eq!(qs("收到1,336件"), vec![(1336.0, "件", Qualifier::Exact)]);
}

#[test]
fn multipliers_and_money() {
    assert_eq!(qs("补贴1588.3万元"), vec![(15_883_000.0, "元", Qualifier::Exact)]);
    assert_eq!(qs("达到10.3万亿元"), vec![(1.03e13, "元", Qualifier::Exact)]);
    assert_eq!(qs("为15.8万名老年人"), vec![(158_000.0, "名", Qualifier::Exact)]);
    assert_eq!(qs("城镇新增就业110万人以上"), vec![(1_100_000.0, "人", Qualifier::AtLeast)]);
    assert_eq!(qs("参检率８７．４％"), vec![(87.4, "%", Qualifier::Exact)]);
}

#[test]
fn mixed_forms_and_words_are_read_by_the_shared_scanner() {
    // held-out numeral cases written into report sentences: the build read
    // 3万4000 as 4000 and 2千零30万 as 30万 before it used the shared scanner
    assert_eq!(qs("全年办理行政许可3万4000件"), vec![(34_000.0, "件", Qualifier::Exact)]);
    assert_eq!(qs("全年办理行政许可1万600件"), vec![(10_600.0, "件", Qualifier::Exact)]);
    assert_eq!(qs("补贴2千零30万元"), vec![(20_300_000.0, "元", Qualifier::Exact)]);
    assert_eq!(qs("比例为零点四三二一%"), vec![(0.4321, "%", Qualifier::Exact)]);
    assert_eq!(qs("地区生产总值增长百分之五左右"), vec![(5.0, "%", Qualifier::Approx)]);
    assert_eq!(qs("发放一万零十二点一五元"), vec![(10_012.15, "元", Qualifier::Exact)]);
}

#[test]
fn a_minus_glued_after_a_word_is_a_negative_value() {
    // 营口市 2025 communiqué: 人口自然增长率-6.51‰
    assert_eq!(qs("人口自然增长率-6.51‰"), vec![(-6.51, "‰", Qualifier::Exact)]);
    assert_eq!(qs("增长4.5-5%"), vec![(4.5, "%", Qualifier::Range)]);
}

#[test]
fn ranges() {
    assert_eq!(qs("增长4.5-5%"), vec![(4.5, "%", Qualifier::Range)]);
    assert_eq!(qs("增长5%—5.5%"), vec![(5.0, "%", Qualifier::Range)]);
    assert_eq!(qs("按40%-60%比例"), vec![(40.0, "%", Qualifier::Range)]);
}

#[test]
fn not_values() {
    assert!(qs("2023年").is_empty());
    assert!(qs("2024年1月26日").is_empty());
    assert!(qs("国办公开办函〔2021〕30号").is_empty());
    assert!(qs("民政部令第60号").is_empty());
    assert!(qs("党的二十大").is_empty());
    assert!(qs("“十四五”").is_empty());
    assert!(qs("三项制度、一件事").is_empty());
    assert!(qs("第一次").is_empty());
    assert!(qs("电话:0473-8992090").is_empty());
    assert!(qs("省委“1310”具体部署").is_empty());
}

/// 减负 is a word, not a minus sign: "为企业减负2500亿元" (a work report's tax
/// cut) is 2500亿元; 增速为负2.3% is negative.
#[test]
fn a_minus_word_is_no_sign() {
    assert_eq!(qs("全年为企业减负2500亿元"), vec![(2.5e11, "元", Qualifier::Exact)]);
    assert_eq!(qs("增速为负2.3%"), vec![(-2.3, "%", Qualifier::Exact)]);
}

/// Figures in words become values like figures in digits (地区生产总值增长百分之五左右,
/// 两三件, 三万五).
#[test]
fn figures_in_words() {
    assert_eq!(qs("地区生产总值增长百分之五左右"), vec![(5.0, "%", Qualifier::Approx)]);
    assert_eq!(qs("一点五亿元"), vec![(1.5e8, "元", Qualifier::Exact)]);
    let range = find_quantities("办理两三件", &Wording::bundled());
    assert_eq!(
        (range[0].value, range[0].high, range[0].qualifier),
        (2.0, Some(3.0), Qualifier::Range)
    );
    assert_eq!(qs("参与群众三万五千人"), vec![(35000.0, "人", Qualifier::Exact)]);
}

/// The build's quantities of every line of the seed reports are the ones the
/// `quantities` command marks as taken: one reading of numbers.
#[test]
fn the_build_takes_what_quantities_prints() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("reports");
    let wording = Wording::bundled();
    for entry in std::fs::read_dir(seeds).unwrap().flatten() {
        let Ok(text) = std::fs::read_to_string(entry.path()) else { continue };
        let norm = normalize(&text);
        for line in norm.text.split('\n') {
            let built: Vec<(f64, &str)> =
                find_quantities(line, &wording).iter().map(|q| (q.value, q.unit)).collect();
            let printed: Vec<(f64, &str)> = line_values(line, &wording)
                .iter()
                .filter(|(_, v)| v.is_ok())
                .map(|(q, _)| (q.value, q.unit_name()))
                .collect();
            assert_eq!(built, printed, "{line}");
        }
    }
}
