//! Unit tests of the numeral reader: the original module's two tests unchanged, then
//! 零 before units, 亿…万 compounds, elided units, traditional and daxie forms, signs,
//! malformed numerals, mixed forms, and the scanner on decimals, rates, approximations,
//! ranges, words that are no numerals, counts and char offsets, and the quantities
//! of a line (`line_quantities`, `whole_line`).

use super::*;

/// (value, high, percent, approx, per) of a numeral.
type Fields = (f64, Option<f64>, bool, Option<Approx>, Option<f64>);

/// The fields of every numeral in `s`.
fn scan(s: &str) -> Vec<Fields> {
    scan_numerals(s).into_iter().map(|n| (n.value, n.high, n.percent, n.approx, n.per)).collect()
}

/// Values of every numeral in `s`.
fn values(s: &str) -> Vec<f64> {
    scan_numerals(s).into_iter().map(|n| n.value).collect()
}

/// The original module's test of Chinese numerals, unchanged.
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

/// The original module's test of Arabic and mixed numerals, unchanged.
#[test]
fn arabic_and_mixed() {
    assert_eq!(parse_number("1,336"), Some(1336.0));
    assert_eq!(parse_number("87.4"), Some(87.4));
    assert_eq!(parse_number("1588.3万"), Some(15_883_000.0));
    assert_eq!(parse_number("10.3万亿"), Some(1.03e13));
    assert_eq!(parse_number("三万4000"), Some(34000.0));
    assert_eq!(parse_number("三万"), Some(30000.0));
}

/// 零 before 十/百 and superfluous 零 read right.
#[test]
fn ling_before_units() {
    assert_eq!(parse_chinese("一千零十"), Some(1010.0));
    assert_eq!(parse_chinese("一千零一十"), Some(1010.0));
    assert_eq!(parse_chinese("十万零十"), Some(100_010.0));
    assert_eq!(parse_chinese("一百零二"), Some(102.0));
    assert_eq!(parse_chinese("一万零百一十一"), Some(10111.0));
    assert_eq!(parse_chinese("一百零十万"), Some(1_100_000.0));
    assert_eq!(parse_chinese("四千万零六千"), Some(40_006_000.0));
    assert_eq!(parse_chinese("零十"), Some(10.0));
}

/// 亿…万 compounds, 万亿, 万万 and the big units above 亿.
#[test]
fn yi_wan_compounds() {
    assert_eq!(parse_chinese("一亿一千万"), Some(110_000_000.0));
    assert_eq!(parse_chinese("一亿五千万零六千三百五十五"), Some(150_006_355.0));
    assert_eq!(parse_chinese("四亿五千六百四十二万零一十五"), Some(456_420_015.0));
    assert_eq!(parse_chinese("十万亿"), Some(1e13));
    assert_eq!(parse_chinese("三百五十一万亿"), Some(3.51e14));
    assert_eq!(parse_chinese("四万万"), Some(4e8));
    let big = "一千一百一十一万一千一百一十一亿一千一百一十一万一千一百一十一";
    assert_eq!(parse_chinese(big), Some(1_111_111_111_111_111.0));
    assert_eq!(parse_chinese("五兆六十二亿四万五千二"), Some(5_006_200_045_200.0));
    assert_eq!(parse_chinese("九京零九千萬零九百億零九十萬零九"), Some(99_000_090_000_900_009.0));
}

/// One digit after a unit ≥ 百 is an elided unit.
#[test]
fn elided_units() {
    assert_eq!(parse_chinese("三万五"), Some(35000.0));
    assert_eq!(parse_chinese("一百二"), Some(120.0));
    assert_eq!(parse_chinese("两千三"), Some(2300.0));
    assert_eq!(parse_chinese("十三万五"), Some(135_000.0));
    assert_eq!(parse_chinese("一亿五"), Some(1.5e8));
    assert_eq!(parse_chinese("百三"), Some(130.0));
    assert_eq!(parse_chinese("千三"), Some(1300.0));
    assert_eq!(parse_chinese("一百二十万三"), Some(1_203_000.0));
}

/// Traditional, daxie and 两 forms, 廿, signs, digit strings, decimals.
#[test]
fn forms_and_signs() {
    assert_eq!(parse_chinese("兩千六"), Some(2600.0));
    assert_eq!(parse_chinese("參萬貳仟柒佰陸拾柒"), Some(32767.0));
    assert_eq!(parse_chinese("壹拾壹亿壹仟壹佰壹拾壹万壹仟壹佰壹拾壹"), Some(1_111_111_111.0));
    assert_eq!(parse_chinese("倆千两百贰拾二"), Some(2222.0));
    assert_eq!(parse_chinese("拾"), Some(10.0));
    assert_eq!(parse_chinese("廿二"), Some(22.0));
    assert_eq!(parse_chinese("负三十二"), Some(-32.0));
    assert_eq!(parse_chinese("負壹佰貳拾捌"), Some(-128.0));
    assert_eq!(parse_chinese("一七二零"), Some(1720.0));
    assert_eq!(parse_chinese("六点五"), Some(6.5));
    assert_eq!(parse_chinese("零点三"), Some(0.3));
    assert_eq!(parse_chinese("负零点一零"), Some(-0.1));
    assert_eq!(parse_chinese("两千万点五五四四"), Some(20_000_000.554_4));
    assert_eq!(parse_chinese("一兆"), Some(1e12));
}

/// Malformed numerals give `None`, never a wrong value.
#[test]
fn malformed_is_none() {
    for s in [
        "万万",
        "萬",
        "十十",
        "零零",
        "一百零",
        "壹佰貳拾佰",
        "十一十二",
        "负十一十二",
        "十七十八",
        "五十千",
        "一零零零十",
        "零点",
        "点零",
        "零点点",
        "零点零大",
        "负",
        "元整",
        "两两",
        "十三五",
        "十四五",
        "一二十三",
        "千千万万",
    ] {
        assert_eq!(parse_chinese(s), None, "{s}");
    }
    for s in ["10.1万零100", "10..1万", "3万4", "1千20", "1,23", "12,3456", "abc", "1^--2"] {
        assert_eq!(parse_number(s), None, "{s}");
    }
}

/// Arabic + Chinese forms, separators, full-width and k.
#[test]
fn mixed_forms() {
    assert_eq!(parse_number("1,100万"), Some(11_000_000.0));
    assert_eq!(parse_number("3万4000"), Some(34000.0));
    assert_eq!(parse_number("1万600"), Some(10600.0));
    assert_eq!(parse_number("200亿零四千230"), Some(20_000_004_230.0));
    assert_eq!(parse_number("1百01"), Some(101.0));
    assert_eq!(parse_number("2千零30万"), Some(20_300_000.0));
    assert_eq!(parse_number("5亿1万4千6百"), Some(500_014_600.0));
    assert_eq!(parse_number("7 万5 千4 百"), Some(75400.0));
    assert_eq!(parse_number("一百点123"), Some(100.123));
    assert_eq!(parse_number("10萬萬"), Some(1e9));
    assert_eq!(parse_number("-10.1万"), Some(-101_000.0));
    assert_eq!(parse_number("40k"), Some(40000.0));
    assert_eq!(parse_number("４，５６５"), Some(4565.0));
    assert_eq!(parse_arabic("1 336"), Some(1336.0));
    assert_eq!(parse_arabic("８７．４"), Some(87.4));
}

/// The scanner finds mixed numerals and decimals; times are no decimals.
#[test]
fn scan_mixed_and_decimals() {
    assert_eq!(values("补贴1588.3万元，达到10.3万亿元"), vec![15_883_000.0, 1.03e13]);
    assert_eq!(values("共1,100万人"), vec![11_000_000.0]);
    assert_eq!(values("增长六点五个百分点"), vec![6.5]);
    assert_eq!(values("参检率８７．４％"), vec![87.4]);
    assert_eq!(values("其中零点三为"), vec![0.3]);
    assert_eq!(values("下午六点五十分开会"), vec![50.0]);
}

/// Percentages, per-mille, fractions, 成 and 折, and words that only look like them.
#[test]
fn scan_rates() {
    assert_eq!(scan("百分之三十"), vec![(30.0, None, true, None, None)]);
    assert_eq!(scan("千分之五"), vec![(5.0, None, false, None, Some(1000.0))]);
    assert_eq!(scan("死亡率5‰"), vec![(5.0, None, false, None, Some(1000.0))]);
    assert_eq!(scan("万分之三"), vec![(3.0, None, false, None, Some(10000.0))]);
    assert_eq!(scan("三分之一"), vec![(1.0, None, false, None, Some(3.0))]);
    assert_eq!(scan("超过七成以上"), vec![(70.0, None, true, None, None)]);
    assert_eq!(scan("打八折"), vec![(80.0, None, true, None, None)]);
    assert_eq!(scan("打对折"), vec![(50.0, None, true, None, None)]);
    assert!(scan("对折").is_empty());
    assert!(scan("十折").is_empty());
    assert!(scan("一成不变").is_empty());
    assert!(scan("半成品").is_empty());
    assert!(scan("宣传折页三折页").is_empty());
    assert!(scan("一波三折").is_empty());
    assert_eq!(scan("负3.9%"), vec![(-3.9, None, true, None, None)]);
    assert_eq!(scan("三百五又三分之一"), vec![(1051.0, None, false, None, Some(3.0))]);
    assert_eq!(values("百分之七十百分位"), vec![70.0]);
    assert_eq!(values("壹拾壹元壹角壹分，五元三毛，50元6角三分"), vec![11.11, 5.3, 50.63]);
    assert_eq!(values("2e5，-12e-1，2^5，2.5^-1"), vec![200_000.0, -1.2, 32.0, 0.4]);
    assert!(values("-1.1^--23").is_empty());
    assert!(values("4K电视").is_empty());
    assert_eq!(values("PM2.5浓度下降10%，编号A2021-0033，COVID-19"), vec![10.0]);
    assert_eq!(values("5k-20k"), vec![5000.0, 20000.0]);
}

/// 余/多/几/来 marks, adjacent-digit ranges, 数/近/上 + unit.
#[test]
fn scan_approx_and_ranges() {
    assert_eq!(scan("十余万"), vec![(100_000.0, None, false, Some(Approx::AtLeast), None)]);
    assert_eq!(scan("500多亿"), vec![(5e10, None, false, Some(Approx::AtLeast), None)]);
    assert_eq!(scan("三十万多亿"), vec![(3e13, None, false, Some(Approx::AtLeast), None)]);
    assert_eq!(scan("230余条"), vec![(230.0, None, false, Some(Approx::AtLeast), None)]);
    assert_eq!(scan("十来个"), vec![(10.0, None, false, Some(Approx::About), None)]);
    let several = Some(Approx::Several);
    assert_eq!(scan("十几万"), vec![(100_000.0, Some(190_000.0), false, several, None)]);
    assert_eq!(scan("一百零几万"), vec![(1e6, Some(1_090_000.0), false, several, None)]);
    assert_eq!(scan("两三个"), vec![(2.0, Some(3.0), false, None, None)]);
    assert_eq!(scan("十七八岁"), vec![(17.0, Some(18.0), false, None, None)]);
    assert_eq!(scan("二三十万人"), vec![(200_000.0, Some(300_000.0), false, None, None)]);
    assert!(scan("“十四五”规划").is_empty());
    assert!(scan("十四五时期").is_empty());
    assert!(scan("十三五期间").is_empty());
    assert_eq!(scan("数百人"), vec![(100.0, Some(900.0), false, Some(Approx::Several), None)]);
    assert_eq!(scan("数十万人"), vec![(1e5, Some(9e5), false, Some(Approx::Several), None)]);
    assert_eq!(scan("近万人"), vec![(1e4, None, false, None, None)]);
    assert_eq!(scan("上亿元"), vec![(1e8, None, false, Some(Approx::AtLeast), None)]);
    assert_eq!(scan("上百家"), vec![(100.0, None, false, Some(Approx::AtLeast), None)]);
    assert_eq!(values("参保人数十万"), vec![100_000.0]);
    assert_eq!(values("占总数百分之三十"), vec![30.0]);
}

/// Words that contain numeral characters give no numeral.
#[test]
fn scan_words_are_no_numerals() {
    for s in [
        "一切",
        "万一",
        "统一部署",
        "唯一的",
        "四川",
        "我家在四川",
        "陆地上有许多动物",
        "我一看你就笑",
        "美味十足",
        "陽光九九是食物品牌",
        "小明拾起石子",
        "入伍時分總令人感傷",
        "请問伍仁怎麼賣",
        "这个人很肆无忌惮",
        "负增长",
        "千万不要",
        "两岸关系",
        "大陆",
        "五角大楼宣布了作战计划",
        "零售业",
        "一点一滴",
        "五险一金",
        "两学一做",
        "一起学习",
        "十分重要",
        "A202107211321363588510367",
        "https://www.test.com/search?q=30%25%2020%",
    ] {
        assert!(scan(s).is_empty(), "{s}: {:?}", scan(s));
    }
}

/// Counts, ordinals, SI prefixes, signs and char offsets.
#[test]
fn scan_counts_and_offsets() {
    assert_eq!(values("用户增长最快的三个城市"), vec![3.0]);
    assert_eq!(values("第十和第十五之间"), vec![10.0, 15.0]);
    assert_eq!(values("在一到二个月时间内"), vec![1.0, 2.0]);
    assert_eq!(values("二〇二三年"), vec![2023.0]);
    assert_eq!(values("巅峰赛两千分"), vec![2000.0]);
    assert_eq!(values("两千米"), vec![2000.0]);
    assert_eq!(values("全长12千米"), vec![12.0]);
    assert_eq!(values("装机100兆瓦"), vec![100.0]);
    assert_eq!(values("...9"), vec![9.0]);
    assert_eq!(values("－－9"), vec![9.0]);
    assert_eq!(values("电话:0473-8992090"), vec![473.0, 8_992_090.0]);
    let n = &scan_numerals("共 一 百 五 十 个")[0];
    assert_eq!((n.start, n.end, n.value), (2, 9, 150.0));
    let n = &scan_numerals("增长５．５％")[0];
    assert_eq!((n.start, n.end, n.value, n.percent), (2, 6, 5.5, true));
}

/// The quantities of a line: units, qualifiers, merged ranges and spans.
#[test]
fn line_quantities_and_whole_line() {
    use crate::extract::quantities::Qualifier::*;
    use crate::extract::wording::Wording;
    let w = Wording::shipped();
    let read = |line: &str| -> Vec<_> {
        let qs = line_quantities(line, w);
        qs.iter().map(|q| (q.value, q.unit_name(), q.qualifier, q.high, q.start, q.end)).collect()
    };
    assert_eq!(
        read("增长5%-5.5%，共3万余人，约十来个"),
        vec![
            (5.0, "%", Range, Some(5.5), 2, 9),
            (30000.0, "人", AtLeast, None, 11, 15),
            (10.0, "个", Approx, None, 17, 20),
        ]
    );
    assert_eq!(read("一年半"), vec![(1.5, "年", Exact, None, 0, 3)]);
    assert_eq!(read("办结20件以上"), vec![(20.0, "件", AtLeast, None, 2, 7)]);
    assert_eq!(read("两三件"), vec![(2.0, "件", Range, Some(3.0), 0, 3)]);
    assert_eq!(read("三成"), vec![(30.0, "%", Exact, None, 0, 2)]);
    let whole = whole_line(" 1,336 ");
    assert_eq!((whole[0].value, whole[0].unit, whole[0].start, whole[0].end), (1336.0, None, 1, 6));
    assert!(whole_line("共3万人").is_empty());
}

/// A digit run too long to be a number is no numeral, and no suffix of it is
/// one either (a hostile page's million-digit run was read from each digit).
#[test]
fn an_overlong_digit_run_is_skipped_whole() {
    let line = format!("办理案件{}件", "0123456789".repeat(2000));
    let found = scan_numerals(&line);
    assert!(found.iter().all(|n| n.start == 4), "{found:?}");
    let grouped = format!("共{}件", "999,".repeat(5000));
    assert!(scan_numerals(&grouped).iter().all(|n| n.start == 1));
}
