//! The statistics databases' exports (数据库：分省年度数据 …) and yearbook
//! tables: the indicator and its unit in a title row, years across, regions
//! (or indicators) down, notes and sources below.

use super::*;

const YEARS: [&str; 5] = ["2019年", "2018年", "2017年", "2016年", "2015年"];

#[test]
fn provinces_down_years_across_indicator_in_the_title() {
    let mut rows = vec![
        vec!["数据库：分省年度数据"],
        vec!["指标：地区生产总值(亿元)"],
        vec!["时间：最近5年"],
        [vec!["地区"], YEARS.to_vec()].concat(),
        vec!["北京市", "=35371.28", "=33105.97", "=28014.94", "=25669.13", "=23014.59"],
        vec!["天津市", "14104.28", "13362.92", "", "11477.2", "10879.51"],
        vec!["河北省", "=35104.52", "=32494.61", "=30640.76", "=28474.09", "=26398.4"],
        vec!["内蒙古自治区", "=17212.53", "=16140.76", "=14898.1", "=13789.25", "=12949.04"],
    ];
    rows.push(vec!["注：1.2019年数据为初步核算数。"]);
    rows.push(vec!["数据来源：国家统计局"]);
    let t = one(&grid(&rows));
    assert_eq!(t.shape, Some(Shape::Wide));
    assert_eq!(t.values.len(), 19, "4 provinces × 5 years, one cell empty");
    assert_eq!(
        t.values[0],
        RawValue {
            row: 4,
            col: 1,
            region: "北京市".into(),
            label: "地区生产总值".into(),
            unit: "亿元".into(),
            year: Some(2019),
            value: 35371.28,
            percent: false,
            part_of: None,
        }
    );
    let tianjin: Vec<Fact> = facts(&t.values).into_iter().filter(|v| v.0 == "天津市").collect();
    assert_eq!(
        tianjin,
        vec![
            f("天津市", "地区生产总值", "亿元", Some(2019), 14104.28),
            f("天津市", "地区生产总值", "亿元", Some(2018), 13362.92),
            f("天津市", "地区生产总值", "亿元", Some(2016), 11477.2),
            f("天津市", "地区生产总值", "亿元", Some(2015), 10879.51),
        ]
    );
    assert!(t.values.iter().all(|v| &*v.label == "地区生产总值" && &*v.unit == "亿元"));
    assert_nowhere(&t, &["年", "数据库", "注", "来源"]);
    assert_eq!((t.indicator.as_str(), t.year), ("地区生产总值", None));
    assert_eq!(t.notes, vec!["注：1.2019年数据为初步核算数。", "数据来源：国家统计局"]);
    assert_eq!(t.rows, 0..10);
}

#[test]
fn one_region_in_the_title_indicators_down_years_across() {
    let g = grid(&[
        vec!["数据库：分省年度数据"],
        vec!["地区：北京市"],
        vec!["时间：最近3年"],
        vec!["指标", "2021年", "2020年", "2019年"],
        vec!["地区生产总值(亿元)", "=41045.6", "=36102.6", "=35445.1"],
        vec!["第一产业增加值(亿元)", "=111.3", "=107.6", "=113.7"],
        vec!["人均地区生产总值(元)", "=187526", "=164889", "=161776"],
        vec!["数据来源：国家统计局"],
    ]);
    let t = one(&g);
    assert_eq!(t.shape, Some(Shape::Transposed));
    assert_eq!(t.values.len(), 9);
    let firsts: Vec<Fact> = facts(&t.values).into_iter().step_by(3).collect();
    assert_eq!(
        firsts,
        vec![
            f("北京市", "地区生产总值", "亿元", Some(2021), 41045.6),
            f("北京市", "第一产业增加值", "亿元", Some(2021), 111.3),
            f("北京市", "人均地区生产总值", "元", Some(2021), 187526.0),
        ]
    );
    assert_eq!(t.values[2].year, Some(2019));
    assert_eq!(t.scope_text, "北京市");
}

#[test]
fn national_series_names_no_region_and_a_fixed_year_names_the_year() {
    let g = grid(&[
        vec!["数据库：年度数据"],
        vec!["时间：最近2年"],
        vec!["指标", "2022年", "2021年"],
        vec!["国民总收入(亿元)", "=1197215.5", "=1141230.8"],
    ]);
    let t = one(&g);
    assert_eq!(
        facts(&t.values),
        vec![
            f("", "国民总收入", "亿元", Some(2022), 1197215.5),
            f("", "国民总收入", "亿元", Some(2021), 1141230.8),
        ]
    );
    let g = grid(&[
        vec!["数据库：分省年度数据"],
        vec!["时间：2019年"],
        vec!["地区", "地区生产总值(亿元)", "第一产业增加值(亿元)"],
        vec!["北京市", "=35371.3", "=113.7"],
    ]);
    let t = one(&g);
    assert_eq!(
        facts(&t.values),
        vec![
            f("北京市", "地区生产总值", "亿元", Some(2019), 35371.3),
            f("北京市", "第一产业增加值", "亿元", Some(2019), 113.7),
        ]
    );
}

#[test]
fn yearbook_table_numbered_title_unit_line_and_years_typed_as_numbers() {
    let g = grid(&[
        vec!["3-5 各市一般公共预算收入"],
        vec!["", "", "", "单位：亿元"],
        vec!["地　区", "=2021", "=2022", "=2023"],
        vec!["全　省", "=10015.2", "=9258.9", "=9930"],
        vec!["南　京", "=1729.5", "=1558.2", "=1575"],
        vec!["无　锡", "=1200.5", "＊", "1250.1¹"],
        vec!["资料来源：江苏省财政厅。"],
    ]);
    let t = one(&g);
    assert_eq!(
        facts(&t.values),
        vec![
            f("南京", "一般公共预算收入", "亿元", Some(2021), 1729.5),
            f("南京", "一般公共预算收入", "亿元", Some(2022), 1558.2),
            f("南京", "一般公共预算收入", "亿元", Some(2023), 1575.0),
            f("无锡", "一般公共预算收入", "亿元", Some(2021), 1200.5),
            f("无锡", "一般公共预算收入", "亿元", Some(2023), 1250.1),
        ]
    );
    assert_eq!(t.totals.len(), 3);
    assert_eq!(t.notes, vec!["资料来源：江苏省财政厅。"]);
}

#[test]
fn unknown_regions_down_years_across_under_a_titled_indicator() {
    // no corner word and no region the gazetteer knows: the title's indicator
    // says the rows are regions, not indicators
    let g = grid(&[
        vec!["指标：地区生产总值(亿元)"],
        vec!["", "2022年", "2023年"],
        vec!["火星县", "=1.5", "=2.5"],
    ]);
    let t = one(&g);
    assert_eq!(t.shape, Some(Shape::Wide));
    assert_eq!(
        facts(&t.values),
        vec![
            f("火星县", "地区生产总值", "亿元", Some(2022), 1.5),
            f("火星县", "地区生产总值", "亿元", Some(2023), 2.5),
        ]
    );
}

#[test]
fn bilingual_yearbook_table_with_hash_marked_parts() {
    let g = grid(&[
        vec!["3-9  分地区生产总值（2022年）"],
        vec!["Gross Regional Product by Region (2022)"],
        vec![
            "地  区\nRegion",
            "地区生产总值\n(亿元)\nGross Regional Product\n(100 million yuan)",
            "第一产业\n(亿元)\nPrimary Industry",
            "",
        ],
        vec!["全  国\nNational Total", "=1210207.2", "=88345.1", "China"],
        vec!["北  京 Beijing", "=41610.9", "=111.5", "Beijing"],
        vec!["天  津", "=16311.3", "=273.2", "Tianjin"],
    ]);
    let t = one(&g);
    let y = Some(2022);
    assert_eq!(
        facts(&t.values),
        vec![
            f("北京", "地区生产总值", "亿元", y, 41610.9),
            f("北京", "第一产业", "亿元", y, 111.5),
            f("天津", "地区生产总值", "亿元", y, 16311.3),
            f("天津", "第一产业", "亿元", y, 273.2),
        ]
    );
    assert_eq!(t.totals[0].region.as_ref(), "全国");
    assert_nowhere(&t, &["Region", "Beijing", "Industry"]);
    // indicators down: # marks a part, as 其中 does
    let g = grid(&[
        vec!["指标", "2022年"],
        vec!["年末常住人口(万人)", "=9515"],
        vec!["  #城镇", "=7000"],
        vec!["  #乡村", "=2515"],
    ]);
    let t = one(&g);
    let got: Vec<(&str, &str, Option<&str>)> =
        t.values.iter().map(|v| (&*v.label, &*v.unit, v.part_of.as_deref())).collect();
    let whole = Some("年末常住人口");
    assert_eq!(
        got,
        [("年末常住人口", "万人", None), ("城镇", "万人", whole), ("乡村", "万人", whole)]
    );
}
