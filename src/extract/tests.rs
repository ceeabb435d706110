//! Rule-family tests on the real sentences that motivated each rule: numerals
//! and qualifiers in context, exclusions, zeros in words, enumerations,
//! tables, targets and periods, consistency checks.

use super::*;
use crate::catalog::Catalog;
use crate::locate::{self, Gazetteer};
use std::path::Path;
use std::sync::LazyLock;

static ENGINE: LazyLock<(Extractor, Gazetteer)> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets");
    let catalog = Catalog::load_dir(&root.join("catalog"), &[]).unwrap();
    (Extractor::new(catalog), Gazetteer::load(&root.join("regions/regions.csv")).unwrap())
});

/// Facts of a text as (indicator, value, qualifier, kind, year).
fn facts(text: &str) -> Vec<(String, f64, &'static str, &'static str, Option<i32>)> {
    let (ex, g) = &*ENGINE;
    let doc = Document::from_text("t.txt", text);
    let (meta, _) = locate::locate(&doc, g);
    let (fs, _) = ex.extract(&doc, &meta);
    fs.into_iter()
        .map(|f| (f.indicator.to_string(), f.value, f.qualifier.as_str(), f.kind.as_str(), f.year))
        .collect()
}

fn diagnostics(text: &str) -> Vec<String> {
    let (ex, g) = &*ENGINE;
    let doc = Document::from_text("t.txt", text);
    let (meta, _) = locate::locate(&doc, g);
    ex.extract(&doc, &meta).1.into_iter().map(|d| d.code.as_str().to_string()).collect()
}

const LAW: &str = "常州市民政局2022年法治政府建设情况报告\n";
const WORK: &str = "2026年辽宁省政府工作报告\n各位代表:\n";

fn has(fs: &[(String, f64, &str, &str, Option<i32>)], id: &str, v: f64) -> bool {
    fs.iter().any(|f| f.0 == id && (f.1 - v).abs() < 1e-9)
}

#[test]
fn numerals_and_qualifiers_in_sentences() {
    let fs = facts(&format!("{LAW}全年公开政务信息230余条,办理行政复议5件。"));
    assert!(
        fs.iter().any(|f| f.0 == "info_published" && f.1 == 230.0 && f.2 == "at_least"),
        "{fs:?}"
    );
    assert!(has(&fs, "admin_reconsideration_cases", 5.0), "{fs:?}");
    // 3万余份 = at least 30,000
    let fs = facts(&format!("{LAW}发放宣传资料3万余份。"));
    assert!(
        fs.iter().any(|f| f.0 == "publicity_materials" && f.1 == 30000.0 && f.2 == "at_least"),
        "{fs:?}"
    );
}

#[test]
fn enumerations_share_one_verb() {
    // 分别: two cues, two values
    let fs = facts(&format!("{LAW}主办人大建议和政协提案分别为26件、23件。"));
    assert!(has(&fs, "npc_suggestions", 26.0) && has(&fs, "cppcc_proposals", 23.0), "{fs:?}");
}

#[test]
fn exclusions_dates_document_numbers_named_numbers() {
    // a document number, a congress, a named strategy: no values
    let fs = facts(&format!(
        "{LAW}根据国办公开办函〔2021〕30号和党的二十大精神,落实省委“1310”具体部署。"
    ));
    assert!(fs.is_empty(), "{fs:?}");
    // a figure that only sits near a catalog word: FAQ entries, not hotline tickets
    let fs = facts(&format!("{LAW}完善12345热线常见民政问题441件。"));
    assert!(!has(&fs, "hotline_tickets", 441.0), "{fs:?}");
    // 20个工作日 is a time limit, not a count of requests
    let fs = facts(&format!("{LAW}收到政府信息依申请公开申请1件,在20个工作日内答复。"));
    assert!(!has(&fs, "disclosure_requests", 20.0), "{fs:?}");
    // 每月安排1次 is a frequency
    let fs = facts(&format!("{LAW}19个党支部每月安排1次学法会议。"));
    assert!(!fs.iter().any(|f| f.0 == "legal_study_sessions"), "{fs:?}");
}

#[test]
fn zeros_stated_in_words() {
    let fs = facts(&format!("{LAW}本年度未收到政府信息公开申请。"));
    assert!(has(&fs, "disclosure_requests", 0.0), "{fs:?}");
    // an outcome (败诉) says nothing about how many cases there were
    let fs = facts(&format!("{LAW}全年办理行政许可36件,未发生行政复议或行政诉讼败诉案件。"));
    assert!(
        !fs.iter().any(|f| f.0 == "admin_reconsideration_cases" || f.0 == "admin_litigation_cases"),
        "{fs:?}"
    );
}

#[test]
fn vetoes_keep_neighbouring_measures_out() {
    let t = format!("{WORK}一、2025年工作回顾\n服务业对经济增长贡献率提升至59.1%,万元生产总值用水量下降22%,社会物流总费用与地区生产总值的比率下降至13.8%。");
    let fs = facts(&t);
    assert!(!fs.iter().any(|f| f.0 == "gdp_growth"), "{fs:?}");
}

#[test]
fn work_report_actuals_targets_and_periods() {
    let t = format!(
        "{WORK}一、2025年工作回顾和“十四五”时期发展成就\n\
         过去一年,全省地区生产总值增长3.7%,城镇新增就业48万人。\n\
         五年来,城镇新增就业452万人,一般公共预算收入从3826.5亿元增长到4398.6亿元。\n\
         二、“十五五”时期主要目标任务\n\
         地区生产总值年均增长5%左右。\n\
         三、2026年重点工作\n\
         今年经济社会发展主要预期目标是:地区生产总值增长4.5%左右,城镇新增就业45万人以上。\n\
         社会消费品零售总额增长4%左右。\n"
    );
    let fs = facts(&t);
    let find = |id: &str, v: f64| {
        fs.iter()
            .find(|f| f.0 == id && (f.1 - v).abs() < 1e-9)
            .unwrap_or_else(|| panic!("{id}={v} in {fs:?}"))
    };
    assert_eq!(find("gdp_growth", 3.7).3, "actual");
    assert_eq!(find("gdp_growth", 3.7).4, Some(2025));
    assert_eq!(find("urban_new_jobs", 48.0).3, "actual");
    // a five-year sum is a period, the end of a 从…到… change is last year's level
    assert_eq!(find("urban_new_jobs", 452.0).3, "period");
    assert_eq!(
        (find("general_budget_revenue", 4398.6).3, find("general_budget_revenue", 4398.6).4),
        ("actual", Some(2025))
    );
    assert!(!fs.iter().any(|f| f.0 == "general_budget_revenue"
        && f.1 == 3826.5
        && f.3 != "period"
        && f.4 == Some(2025)));
    // the plan section: a period, not a one-year target
    assert_eq!(find("gdp_growth", 5.0).3, "period");
    // this year's targets, in and after the 主要预期目标 paragraph
    let g = find("gdp_growth", 4.5);
    assert_eq!((g.2, g.3, g.4), ("approx", "target", Some(2026)));
    let j = find("urban_new_jobs", 45.0);
    assert_eq!((j.2, j.3), ("at_least", "target"));
    assert_eq!(find("retail_sales_growth", 4.0).3, "target");
}

#[test]
fn plans_yield_no_facts() {
    let t = "桂民发〔2022〕7号 自治区民政厅关于印发落实广西法治政府建设实施方案(2021—2025年)工作方案的通知\n到2025年,办理行政复议案件100件以上。";
    assert!(facts(t).is_empty());
}

#[test]
fn catalogs_read_their_own_document_kinds() {
    // a work report's 办理省人大代表建议396件 is not a department's own count
    let t = format!("{WORK}一、2025年工作回顾\n高质量办理省人大代表建议396件、省政协提案876件,开展职业技能培训23万人次。");
    let fs = facts(&t);
    assert!(
        !fs.iter().any(|f| f.0 == "npc_suggestions"
            || f.0 == "cppcc_proposals"
            || f.0 == "training_participants"),
        "{fs:?}"
    );
}

#[test]
fn consistency_checks_are_diagnostics() {
    let codes =
        diagnostics(&format!("{LAW}全市共有社会组织577家,其中社会团体373家,民办非企业单位404家。"));
    assert!(codes.contains(&Code::CheckSumMismatch.to_string()), "{codes:?}");
}

#[test]
fn milestones_horizons_flat_rates_and_lists() {
    let t = format!("{WORK}一、2025年工作回顾\n全省地区生产总值突破2万亿元、达到23562亿元。居民消费价格与上年持平。\n二、2026年主要工作\n到2030年，全社会研发投入强度达到3.5%，居民人均可支配收入达到9万元左右。\n");
    let fs = facts(&t);
    // the exact value after a milestone, not the milestone
    assert!(fs.iter().any(|f| f.0 == "gdp" && f.1 == 23562.0 && f.3 == "actual"), "{fs:?}");
    assert!(!fs.iter().any(|f| f.0 == "gdp" && f.1 == 20000.0), "{fs:?}");
    // 持平 is a zero change
    assert!(fs.iter().any(|f| f.0 == "cpi_growth" && f.1 == 0.0 && f.4 == Some(2025)), "{fs:?}");
    // a sentence opened with 到2030年 sets a horizon: periods, not 2026 targets
    assert!(
        fs.iter()
            .filter(|f| f.0 == "rd_intensity" || f.0 == "per_capita_disposable_income")
            .all(|f| f.3 == "period"),
        "{fs:?}"
    );
    // a cue in a list of topics counts nothing; 10个方面 are aspects; 1件正在办理 is a status
    let fs = facts(&format!("{LAW}围绕行政执法、普法宣传等重点内容专题研究2次。从依法履职、深化行政审批制度改革等10个方面汇报。收到12345热线工单166件,已答复165件,1件正在办理中。"));
    assert!(!fs.iter().any(|f| f.0 == "publicity_events" || f.0 == "admin_licenses"), "{fs:?}");
    assert!(!has(&fs, "hotline_tickets", 1.0) && has(&fs, "hotline_tickets", 166.0), "{fs:?}");
}

#[test]
fn figures_of_other_places_are_not_the_regions() {
    let (ex, g) = &*ENGINE;
    let text = format!(
        "{WORK}一、2025年工作回顾\n全省地区生产总值达到23562亿元。佛山成为我省第三个经济总量过万亿元的城市，荆州、黄冈经济总量突破2000亿元。全年新增城镇就业45万人。\n"
    );
    let doc = Document::from_text("t.txt", &text);
    let (meta, _) = locate::locate(&doc, g);
    let (facts, _) = ex.extract_in(&doc, &meta, Some(g));
    let gdp: Vec<f64> = facts.iter().filter(|f| &*f.indicator == "gdp").map(|f| f.value).collect();
    assert_eq!(gdp, vec![23562.0], "sub-regional totals are not the province's");
    // a place name inside a word (新增城镇 holds 增城) is no subject
    assert!(
        facts.iter().any(|f| &*f.indicator == "urban_new_jobs" && f.value == 45.0),
        "{facts:?}"
    );
}

#[test]
fn targets_listed_below_a_colon_and_under_a_marked_heading() {
    // 二&、 (a stray mark, as a source collection has it) still opens the section;
    // the targets paragraph ends in a colon and lists its targets on the next lines
    let t = format!(
        "{WORK}一、2025年工作回顾\n城镇新增就业50万人。\n二&、2026年政府工作总体考虑\n今年经济社会发展的主要预期目标是：\n地区生产总值增长5%左右。\n城镇新增就业45万人，城镇调查失业率5.5%左右。\n"
    );
    let fs = facts(&t);
    assert!(fs.iter().any(|f| f.0 == "urban_new_jobs" && f.1 == 45.0 && f.3 == "target"), "{fs:?}");
    assert!(fs.iter().any(|f| f.0 == "urban_new_jobs" && f.1 == 50.0 && f.3 == "actual"), "{fs:?}");
    assert!(fs.iter().any(|f| f.0 == "urban_unemployment_rate" && f.3 == "target"), "{fs:?}");
}

#[test]
fn two_cues_of_one_indicator_under_fenbie_keep_the_preferred_ones_value() {
    // 城镇登记失业率、调查失业率分别控制在4%、5.5%以内: the surveyed rate is the indicator's
    let t = format!(
        "{WORK}二、2026年主要预期目标\n城镇新增就业45万人，城镇登记失业率、调查失业率分别控制在4%、5.5%以内。\n"
    );
    let fs = facts(&t);
    let rates: Vec<f64> =
        fs.iter().filter(|f| f.0 == "urban_unemployment_rate").map(|f| f.1).collect();
    assert_eq!(rates, vec![5.5], "{fs:?}");
}

#[test]
fn a_targets_paragraph_under_another_name() {
    // 今年全省经济社会发展的主要指标是：… (not 主要预期目标)
    let t = format!(
        "{WORK}一、2025年工作回顾\n全省地区生产总值增长5.1%。\n今年全省经济社会发展的主要指标是：地区生产总值增长6%以上；一般公共预算收入增长4%以上。\n"
    );
    let fs = facts(&t);
    assert!(fs.iter().any(|f| f.0 == "gdp_growth" && f.1 == 6.0 && f.3 == "target"), "{fs:?}");
    assert!(fs.iter().any(|f| f.0 == "gdp_growth" && f.1 == 5.1 && f.3 == "actual"), "{fs:?}");
}

#[test]
fn headings_after_blank_lines_open_their_sections_and_flat_targets_are_relative() {
    // sections set off by blank lines (as reports are saved); 与上年持平 as a target has no number
    let t = format!(
        "{WORK}\n\n　　一、2025年工作回顾\n\n全省新增城镇就业50万人。\n\n　　三、2026年重点工作任务\n\n实施就业优先政策，城镇新增就业45万人。一般公共预算收入规模与上年持平。\n"
    );
    let fs = facts(&t);
    assert!(fs.iter().any(|f| f.0 == "urban_new_jobs" && f.1 == 45.0 && f.3 == "target"), "{fs:?}");
    assert!(!fs.iter().any(|f| f.0 == "general_budget_revenue_growth"), "{fs:?}");
}

#[test]
fn a_year_before_the_verb_keeps_the_carried_cue_and_a_heading_on_last_year_is_a_review() {
    // 全省生产总值提前1年实现…翻一番，2020年达到7.3万亿元: the year names when, not what
    let t = format!(
        "{WORK}一、关于去年和今年前4个月工作\n全省生产总值比上年增长5.6%，2025年达到7.3万亿元。新增城镇就业53.4万人。\n"
    );
    let fs = facts(&t);
    assert!(fs.iter().any(|f| f.0 == "gdp" && f.1 == 73000.0 && f.3 == "actual"), "{fs:?}");
    // a heading that names 去年 reviews it, even when it names 今年 too
    assert!(fs.iter().any(|f| f.0 == "urban_new_jobs" && f.3 == "actual"), "{fs:?}");
    assert!(!fs.iter().any(|f| f.0 == "urban_new_jobs" && f.3 == "target"), "{fs:?}");
}

#[test]
fn quarterly_figures_and_intensities_are_not_annual_growth() {
    let t = format!(
        "{WORK}一、2025年工作回顾\n第一季度地区生产总值累计同比下降3.6%。全社会研发经费支出相当于全市生产总值的比例达到4.5%。全年地区生产总值增长5.2%。\n"
    );
    let fs = facts(&t);
    let growth: Vec<f64> = fs.iter().filter(|f| f.0 == "gdp_growth").map(|f| f.1).collect();
    assert_eq!(growth, vec![5.2], "{fs:?}");
}

#[test]
fn estimates_in_the_review_are_marked_as_such() {
    let (ex, g) = &*ENGINE;
    let text = format!("{WORK}一、2025年工作回顾\n预计全省地区生产总值增长5.1%左右。\n");
    let doc = Document::from_text("t.txt", &text);
    let (meta, _) = locate::locate(&doc, g);
    let (facts, _) = ex.extract(&doc, &meta);
    let f = facts.iter().find(|f| &*f.indicator == "gdp_growth").expect("a growth fact");
    assert_eq!((f.kind, f.year, f.value), (FactKind::Actual, Some(2025), 5.1));
    assert_eq!(&*f.origin, "text (estimate: 预计)");
}

#[test]
fn communique_figures_keep_their_subject() {
    // 黔东南州 2016 communiqué: the urban residents' growth is not all residents'
    let text = "黔东南州2016年国民经济和社会发展统计公报\n2016年，全州城镇居民人均可支配收入25282元，比上年增长9.1%。\n全州人均地区生产总值26858元，比上年增长12.9%。\n人口自然增长率-6.51‰。\n";
    let fs = facts(text);
    assert!(has(&fs, "urban_per_capita_disposable_income", 25282.0), "{fs:?}");
    assert!(!fs.iter().any(|f| f.0.starts_with("per_capita_disposable_income")), "{fs:?}");
    assert!(has(&fs, "gdp_per_capita", 26858.0) && has(&fs, "gdp_per_capita_growth", 12.9));
    assert!(!fs.iter().any(|f| f.0 == "gdp" || f.0 == "gdp_growth"), "{fs:?}");
    assert!(has(&fs, "natural_growth_rate", -6.51), "{fs:?}");
    // 成都市 2021: a cue is not carried past its veto into the next clause
    let fs = facts("成都市2021年国民经济和社会发展统计公报\n亿元地区生产总值生产安全事故死亡率为0.013人，下降12.2%。\n");
    assert!(!fs.iter().any(|f| f.0 == "gdp_growth"), "{fs:?}");
    // 营口市 2025: the urban price index is not the city's CPI
    let fs =
        facts("营口市2025年国民经济和社会发展统计公报\n全市城市居民消费价格比上年下降0.3%。\n");
    assert!(
        has(&fs, "cpi_growth_urban_area", -0.3) && !fs.iter().any(|f| f.0 == "cpi_growth"),
        "{fs:?}"
    );
    // a work report reads none of the communiqué catalog's figures
    let fs = facts(&format!("{WORK}全年固定资产投资增长4%左右。\n"));
    assert!(!fs.iter().any(|f| f.0 == "fixed_asset_investment_growth"), "{fs:?}");
}

/// 石家庄 2025 communiqué: the cue 其中,出口 is written across a comma and
/// belongs to the clause it ends in.
#[test]
fn a_cue_across_a_comma_belongs_to_the_clause_it_ends_in() {
    let text = "石家庄市2025年国民经济和社会发展统计公报\n全年货物进出口总值1500.2亿元。其中，出口918.7亿元，增长13.4%。\n";
    assert!(has(&facts(text), "exports", 918.7), "{:?}", facts(text));
}

/// 黔东南 2016 communiqué: a price survey of one of its cities is that city's
/// CPI, not the prefecture's.
#[test]
fn a_figure_sourced_from_a_named_city_is_not_the_regions() {
    let (ex, g) = &*ENGINE;
    let cpi = |body: &str| -> Vec<f64> {
        let text = format!("黔东南苗族侗族自治州2016年国民经济和社会发展统计公报\n{body}\n");
        let doc = Document::from_text("t.txt", &text);
        let (meta, _) = locate::locate(&doc, g);
        let (facts, _) = ex.extract_in(&doc, &meta, Some(g));
        facts.iter().filter(|f| &*f.indicator == "cpi_growth").map(|f| f.value).collect()
    };
    assert_eq!(cpi("据凯里市城市物价抽样调查，居民消费价格比上年上涨1.5%。"), Vec::<f64>::new());
    assert_eq!(cpi("据抽样调查，全州居民消费价格比上年上涨1.5%。"), vec![1.5]);
}
