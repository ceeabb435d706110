//! The Fact: one value of one indicator, with where it came from — source,
//! span, sentence, rule, qualifier, kind and year — typed until written out.

use crate::catalog::Indicator;
pub use crate::catalog::Shared;
use crate::locate::Level;
use serde::Serialize;

/// Whether a value is a result, a target, or a multi-year figure.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    Actual,
    Target,
    /// a multi-year average or five-year-plan figure: not a one-year fact
    Period,
}

impl FactKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Actual => "actual",
            FactKind::Target => "target",
            FactKind::Period => "period",
        }
    }

    pub fn parse(s: &str) -> Option<FactKind> {
        Some(match s {
            "actual" => FactKind::Actual,
            "target" => FactKind::Target,
            "period" => FactKind::Period,
            _ => return None,
        })
    }
}

/// How a value is bounded: exact, a lower or upper bound, approximate, or a
/// range valued at its lower end.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    AtLeast,
    Approx,
    AtMost,
    Range,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::AtLeast => "at_least",
            Qualifier::Approx => "approx",
            Qualifier::AtMost => "at_most",
            Qualifier::Range => "range",
        }
    }

    pub fn parse(s: &str) -> Option<Qualifier> {
        Some(match s {
            "exact" => Qualifier::Exact,
            "at_least" => Qualifier::AtLeast,
            "approx" => Qualifier::Approx,
            "at_most" => Qualifier::AtMost,
            "range" => Qualifier::Range,
            _ => return None,
        })
    }

    /// The mark a chart or table puts before a value: ≥, ≈, ≤.
    pub fn mark(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::AtLeast | Qualifier::Range => "≥",
            Qualifier::Approx => "≈",
            Qualifier::AtMost => "≤",
        }
    }
}

/// Declares [`Rule`] with the name each rule is written as, once.
macro_rules! rules {
    ($($(#[$doc:meta])* $variant:ident = $name:literal,)*) => {
        /// The rule that produced a fact (written as `text.cue_before`, `sheet.wide`, …).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Rule {
            $($(#[$doc])* $variant,)*
        }

        impl Rule {
            /// Every rule, in the order declared.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The name a fact carries.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Rule::$variant => $name,)*
                }
            }
        }
    };
}

rules! {
    /// the cue words stand before the number (行政复议5件)
    CueBefore = "text.cue_before",
    /// the cue words follow the number (5件行政复议案件)
    CueAfter = "text.cue_after",
    /// the cue was named in an earlier clause of the sentence
    Carried = "text.carried",
    /// 分别为…: numbers paired with a list of cues in order
    Respectively = "text.respectively",
    /// a zero stated in words (未收到…申请)
    ZeroStated = "text.zero_stated",
    /// no change stated in words (与上年持平)
    FlatStated = "text.flat_stated",
    /// a part of a ratio stated in a sentence (三次产业结构为3.9:39.0:57.1)
    Ratio = "text.ratio",
    /// a cell of the national disclosure template
    TableTemplate = "table.template",
    /// a labelled row of a table in a text report
    TableRow = "table.row",
    /// the review and litigation columns of the disclosure template
    TableReviewLitigation = "table.review_litigation",
    /// a spreadsheet with regions down and indicators across
    SheetWide = "sheet.wide",
    /// a spreadsheet with indicators down and regions across
    SheetTransposed = "sheet.transposed",
    /// a spreadsheet of one value per row
    SheetLong = "sheet.long",
    /// added by the corrections file
    CorrectionAdd = "correction.add",
    /// overridden by the corrections file
    CorrectionOverride = "correction.override",
}

impl Rule {
    /// The rule a name written by [`Rule::as_str`] stands for.
    pub fn parse(name: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.as_str() == name)
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Rule {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Rule, D::Error> {
        let name = String::deserialize(d)?;
        Rule::parse(&name).ok_or_else(|| serde::de::Error::custom(format!("unknown rule {name}")))
    }
}

/// Where a rule's values come from, for the panel's precedence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RuleFamily {
    Correction,
    Sheet,
    /// the national disclosure template's cells: over a narrative that states
    /// them otherwise
    Template,
    Text,
}

impl Rule {
    /// Text rules and tables in text are `Text`; the disclosure template's cells
    /// `Template`; spreadsheet cells `Sheet`.
    pub fn family(self) -> RuleFamily {
        match self {
            Rule::CorrectionAdd | Rule::CorrectionOverride => RuleFamily::Correction,
            Rule::SheetWide | Rule::SheetTransposed | Rule::SheetLong => RuleFamily::Sheet,
            Rule::TableTemplate | Rule::TableReviewLitigation => RuleFamily::Template,
            _ => RuleFamily::Text,
        }
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whom a fact is about and which document stated it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Subject {
    pub source: Shared,
    pub doc_id: Shared,
    pub region_code: Shared,
    pub region_name: Shared,
    pub level: Option<Level>,
}

/// One extracted value with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Fact {
    pub source: Shared,
    pub doc_id: Shared,
    /// region the value is for (from the document, or from a table's own row/column)
    pub region_code: Shared,
    pub region_name: Shared,
    /// region level (None when unknown)
    pub level: Option<Level>,
    pub indicator: Shared,
    /// value in the catalog unit
    pub value: f64,
    pub unit: Shared,
    pub qualifier: Qualifier,
    pub kind: FactKind,
    pub year: Option<i32>,
    /// for period facts: "2021-2025"
    pub period: String,
    /// char span of the value in the decoded original text
    pub span_start: usize,
    pub span_end: usize,
    /// the sentence (or table row) as written; shared by the facts a sentence gives
    pub evidence: Shared,
    /// the rule that produced the value
    pub rule: Rule,
    /// text, a table row, a sheet cell (`book.xlsx!2023!D7`) or a correction
    pub origin: Shared,
}

impl Fact {
    /// The one way to make a fact: an exact one-year value with no span,
    /// evidence or origin yet (set them with the `with_*` methods).
    pub fn new(
        about: &Subject,
        indicator: &Indicator,
        value: f64,
        kind: FactKind,
        year: Option<i32>,
        rule: Rule,
    ) -> Fact {
        Fact {
            source: about.source.clone(),
            doc_id: about.doc_id.clone(),
            region_code: about.region_code.clone(),
            region_name: about.region_name.clone(),
            level: about.level,
            indicator: indicator.id.clone(),
            value,
            unit: indicator.unit.clone(),
            qualifier: Qualifier::Exact,
            kind,
            year,
            period: String::new(),
            span_start: 0,
            span_end: 0,
            evidence: Shared::default(),
            rule,
            origin: Shared::default(),
        }
    }

    pub fn with_qualifier(mut self, qualifier: Qualifier) -> Fact {
        self.qualifier = qualifier;
        self
    }

    pub fn with_period(mut self, period: String) -> Fact {
        self.period = period;
        self
    }

    pub fn with_span(mut self, start: usize, end: usize) -> Fact {
        self.span_start = start;
        self.span_end = end;
        self
    }

    pub fn with_evidence(mut self, evidence: Shared) -> Fact {
        self.evidence = evidence;
        self
    }

    pub fn with_origin(mut self, origin: Shared) -> Fact {
        self.origin = origin;
        self
    }

    /// Sort key that makes output independent of thread scheduling.
    pub fn sort_key(&self) -> (&str, usize, &str, i64, &str) {
        (&*self.source, self.span_start, &*self.indicator, (self.value * 1e6) as i64, &*self.origin)
    }
}

/// A zero stated in words gives way to a number for the same indicator; the
/// same value found twice at the same place (text and table) is one fact.
pub(crate) fn settle(facts: &mut Vec<Fact>) {
    let numbered: Vec<(Shared, Option<i32>, FactKind)> = facts
        .iter()
        .filter(|f| f.rule != Rule::ZeroStated && f.value != 0.0)
        .map(|f| (f.indicator.clone(), f.year, f.kind))
        .collect();
    facts.retain(|f| {
        f.rule != Rule::ZeroStated || !numbered.contains(&(f.indicator.clone(), f.year, f.kind))
    });
    facts.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    facts.dedup_by(|a, b| {
        a.indicator == b.indicator && a.span_start == b.span_start && a.value == b.value
    });
}
