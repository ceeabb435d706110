//! The words locate goes by besides the gazetteer's name rules
//! (`regions/names.toml`): the level a name's last character gives, the
//! suffixes short names are made by, the collectives a text calls itself by,
//! and the words around the years of titles, sessions and signatures. Read from
//! `regions/place_words.toml` of the datasets folder (see `crate::vocabulary`).

crate::word_lists!(
    /// Locate's fixed words (`regions/place_words.toml`).
    PlaceWords in "regions/place_words.toml" {
    /// the name of the national level (全国)
    national_name,
    /// last characters of province, prefecture and county names (省; 市 州 盟; 区 县 旗)
    province_ends,
    prefecture_ends,
    county_ends,
    /// the suffix of a municipality or city name (市)
    city_ends,
    /// words before an organisation word that make it a province's (自治区)
    province_marks,
    /// organisation words of provinces only (民政厅, 司法厅)
    province_orgs,
    /// a reference to the party committee and government above (市委、市政府)
    superior_references,
    /// the suffixes short names are made by taking off (自治州, 市, 县)
    name_suffixes,
    /// autonomous suffixes whose short form keeps a level character …
    autonomous_suffixes,
    /// … and that character, in the same order (凉山彝族自治州 → 凉山州)
    autonomous_short_ends,
    /// the collectives a province's, prefecture's and county's text calls itself by
    province_collectives,
    prefecture_collectives,
    county_collectives,
    /// words that end a title stating its year (2023年…报告, …公报)
    title_year_words,
    /// the congress a work report was delivered at (人民代表大会), and the word before it (在)
    congress_words,
    congress_marks,
    /// labels of a statistics period (统计期限：2023年1月1日…)
    period_labels,
    /// characters right after a paragraph's opening year (2023年以来, 2023年，)
    lead_year_marks,
    /// verbs after a paragraph's opening year (2023年，坚持…)
    lead_year_verbs,
    /// labels of a publication date (发布时间：2024-01-15)
    published_labels,
    /// words between the years of a range (2021至2025年)
    year_range_words,
});
