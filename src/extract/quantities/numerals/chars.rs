//! Character classes and word lists of the numeral reader: Chinese digits (two
//! forms, daxie, traditional, 两/俩), the units 十百千 and the big units 万亿兆京…澗 of
//! the 万进 count method, CJK ideographs, and the lists of measure words, word
//! characters and fixed phrases that decide whether a run of numeral characters is a
//! number in its context.

/// Value of a Chinese digit character (two forms, daxie, traditional, 两/俩).
pub fn cn_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' | '弌' => 1,
        '二' | '两' | '兩' | '俩' | '倆' | '贰' | '貳' | '弍' => 2,
        '三' | '叁' | '參' | '叄' | '弎' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// 两 and its variants: 2 as a coefficient, never a digit of a digit string.
pub(super) fn is_liang(c: char) -> bool {
    matches!(c, '两' | '兩' | '俩' | '倆')
}

/// Power of ten of a unit below 万: 十 → 1, 百 → 2, 千 → 3.
pub(super) fn small_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 1,
        '百' | '佰' => 2,
        '千' | '仟' => 3,
        _ => return None,
    })
}

/// Power of ten of a big unit in the 万进 method: 万 → 4, 亿 → 8, 兆 → 12 …
pub(super) fn big_unit(c: char) -> Option<u32> {
    Some(match c {
        '万' | '萬' => 4,
        '亿' | '億' => 8,
        '兆' => 12,
        '京' => 16,
        '垓' => 20,
        '秭' => 24,
        '穰' => 28,
        '溝' | '沟' => 32,
        '澗' | '涧' => 36,
        _ => return None,
    })
}

/// A digit or unit character of a Chinese numeral.
pub fn is_cn_numeral_char(c: char) -> bool {
    cn_digit(c).is_some() || small_unit(c).is_some() || big_unit(c).is_some()
}

/// A CJK ideograph (the characters words are made of).
pub(super) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Daxie digits that are also common word characters (陆地, 队伍, 收拾, 參加).
/// Characters after which 负 is a minus sign (增速为负2.3%); after any other
/// ideograph it ends a word (减负2500亿元, 正负, 胜负).
pub(super) const NEGATIVE_AFTER: &str = "为為是至到达達由降";
pub(super) const DAXIE_WORDY: &str = "壹贰貳叁參叄肆伍陆陸柒捌玖拾佰仟";
/// Measure words and units that make a lone digit a count (一只, 三个, 十斤).
pub(super) const MEASURE1: &str =
    "个個只隻件条條次人名位元块塊圆圓斤吨噸米双雙对對打台臺辆輛套项項家所座栋棟幢\
部本册冊份张張篇批户戶处處起宗场場届屆年月日天周週岁歲号號期种種类類级級层層轮輪倍颗顆棵株头頭匹\
支枝根片间間门門道架艘列例亩畝克升秒季股群组組章节節款页頁版幅首句段声聲遍趟回";
/// Two-character units that start with a non-measure character.
pub(super) const MEASURE2: &[&str] = &[
    "公里",
    "公斤",
    "公顷",
    "公分",
    "平方",
    "立方",
    "厘米",
    "毫米",
    "千米",
    "千克",
    "千瓦",
    "兆瓦",
    "兆赫",
    "美元",
    "欧元",
    "英镑",
    "港元",
    "日元",
    "小时",
    "分钟",
    "摄氏",
    "季度",
    "年度",
    "百分点",
];
/// Measure words after which a lone 一 is usually part of a word (一起, 一道, 一块儿).
pub(super) const ONE_WORDS: &str = "起道头頭门門对對回段片声聲股群";
/// Characters before a lone 一 that make a word with it (统一, 唯一, 万一, 之一).
pub(super) const ONE_BEFORE: &str = "统統唯万萬专專同逐单單划劃不归歸合如之其任某另每";
/// Measure words that an adjacent-digit range (两三个, 十七八岁) may stand before.
pub(super) const RANGE_MEASURE: &str =
    "个個岁歲人名位次件条條家户戶天倍元块塊斤只隻双雙种種类類项項篇份张張所座台辆輛套层層成折%";
/// SI units after which 兆 (mega) and 千 (kilo) are prefixes, not numerals.
pub(super) const SI: &str = "米克瓦卡帕伏焦赫字比位欧歐安";
/// CJK characters that may follow X成 when it is a share (三成以上, 七成的).
pub(super) const CHENG_AFTER: &str = "以左多余的上下是和或至到及还";
/// CJK characters after which X折 is not a discount (折页, 折合, 折算, 折旧).
pub(super) const ZHE_NOT_AFTER: &str =
    "页頁叠疊合算旧舊射线線返腾騰磨服中断斷痕扇纸紙弯彎腰杆枝戟冲衝光衷抵现現让讓子";
/// Fixed phrases whose numeral characters are no numerals.
pub(super) const IDIOMS: &[&str] = &[
    "一波三折",
    "七折八扣",
    "不折不扣",
    "三番五次",
    "四面八方",
    "三天两头",
    "三三两两",
    "接二连三",
    "不三不四",
    "朝三暮四",
    "一五一十",
    "三令五申",
    "三言两语",
    "三长两短",
    "两面三刀",
    "一石二鸟",
    "一箭双雕",
    "四通八达",
    "五颜六色",
    "七零八落",
    "十有八九",
    "八九不离十",
    "一分为二",
    "合二为一",
    "千千万万",
    "九九归一",
    "五花八门",
    "七嘴八舌",
    "半斤八两",
    "一干二净",
    "三五成群",
    "一成不变",
    "千家万户",
    "百家争鸣",
    "百年大计",
    "万众一心",
    "一心一意",
    "三心二意",
];
/// Characters before 数 that make it the noun "number of" (人数, 总数, 指数):
/// 数 + unit is then no "several".
pub(super) const SHU_NOUN: &str = "人口总總指参參分系变變函乘基奇偶整约約倒序票字无無少多";
