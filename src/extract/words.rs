//! The words the text rules read besides the wording's (`rules/wording.toml`,
//! which a user's rules file extends): period and target words of time
//! placement, the plan names, list joiners, the words `discover` strips. Read
//! from `rules/text_words.toml` of the datasets folder (see `crate::vocabulary`).

crate::word_lists!(
    /// The text rules' fixed words (`rules/text_words.toml`).
    TextWords in "rules/text_words.toml" {
    /// words that make a figure a period's (年均, 五年来, 十四五)
    period_words,
    /// in a work report, words of sums over the plan period (累计, 连续五年)
    work_report_period_words,
    /// words that make a work report's figure this year's target (力争, 预期目标)
    target_words,
    /// words that name the report's own year (今年)
    this_year_words,
    /// the five-year plans in order, the first being 2006–2010's
    plan_names,
    /// words of a five-year span in a heading (五年)
    five_year_words,
    /// words of a heading that looks back (回顾)
    looking_back_words,
    /// a work report's address to the congress that may open a paragraph (各位代表)
    address_words,
    /// words that open a horizon year (到2025年)
    horizon_words,
    /// words of a cause after a negation (因…未…)
    cause_words,
    /// words that state no change (持平)
    flat_words,
    /// words that pair cues and numbers in order (分别)
    respectively_words,
    /// words that end a list of topics (…等重点内容)
    list_end_words,
    /// words that join the items of a list (、, 和, 及, 与)
    list_joiners,
    /// measure words after which duration words make a span of time (20个工作日)
    duration_measure_words,
    /// words that open a phrase without naming anything, stripped by `discover`
    discover_fillers,
    /// the word an estimate's origin names (text (estimate: 预计))
    estimate_marks,
    /// the name of a table's total column (总计)
    total_columns,
});
