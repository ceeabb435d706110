//! A comparison as a polars frame (for CSV and Parquet) and as a terminal table.

use super::peers::Comparison;
use polars::prelude::*;

/// Columns of a comparison table, in order.
pub const COMPARE_COLUMNS: &[&str] = &[
    "rank",
    "region_code",
    "region_name",
    "level",
    "year",
    "indicator",
    "kind",
    "value",
    "unit",
    "qualifier",
    "measure",
    "measure_unit",
    "population",
    "population_year",
    "percentile",
    "z_score",
    "diff_from_median",
    "yoy_growth",
    "is_focus",
    "note",
    "source",
    "evidence",
];

pub fn comparison_frame(c: &Comparison) -> PolarsResult<DataFrame> {
    let r = &c.rows;
    let s = |f: &dyn Fn(&super::PeerRow) -> String| r.iter().map(f).collect::<Vec<_>>();
    DataFrame::new(
        r.len(),
        vec![
            Column::new("rank".into(), r.iter().map(|x| x.rank).collect::<Vec<_>>()),
            Column::new("region_code".into(), s(&|x| x.region_code.clone())),
            Column::new("region_name".into(), s(&|x| x.region_name.clone())),
            Column::new("level".into(), s(&|x| crate::frame::level_str(x.level).to_string())),
            Column::new("year".into(), r.iter().map(|x| x.year).collect::<Vec<_>>()),
            Column::new("indicator".into(), s(&|x| x.indicator.clone())),
            Column::new("kind".into(), s(&|x| x.kind.as_str().to_string())),
            Column::new("value".into(), r.iter().map(|x| x.value).collect::<Vec<_>>()),
            Column::new("unit".into(), s(&|x| x.unit.clone())),
            Column::new("qualifier".into(), s(&|x| x.qualifier.as_str().to_string())),
            Column::new("measure".into(), r.iter().map(|x| x.measure).collect::<Vec<_>>()),
            Column::new("measure_unit".into(), s(&|x| x.measure_unit.clone())),
            Column::new("population".into(), r.iter().map(|x| x.population).collect::<Vec<_>>()),
            Column::new(
                "population_year".into(),
                r.iter().map(|x| x.population_year).collect::<Vec<_>>(),
            ),
            Column::new("percentile".into(), r.iter().map(|x| x.percentile).collect::<Vec<_>>()),
            Column::new("z_score".into(), r.iter().map(|x| x.z_score).collect::<Vec<_>>()),
            Column::new(
                "diff_from_median".into(),
                r.iter().map(|x| x.diff_from_median).collect::<Vec<_>>(),
            ),
            Column::new("yoy_growth".into(), r.iter().map(|x| x.yoy_growth).collect::<Vec<_>>()),
            Column::new("is_focus".into(), r.iter().map(|x| x.is_focus).collect::<Vec<_>>()),
            Column::new("note".into(), s(&|x| x.note.clone())),
            Column::new("source".into(), s(&|x| x.source.clone())),
            Column::new("evidence".into(), s(&|x| x.evidence.clone())),
        ],
    )
}

/// Terminal columns: CJK characters take two.
fn display_width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(display_width(s))))
}

fn num(v: Option<f64>, digits: usize) -> String {
    v.filter(|x| x.is_finite()).map(|x| format!("{x:.digits$}")).unwrap_or_else(|| "—".into())
}

/// A readable ranked table with the focus region marked >.
pub fn render_table(c: &Comparison) -> String {
    let head = ["rank", "region", "value", "measure", "pct", "z", "Δmedian", "yoy%"];
    let rows: Vec<Vec<String>> = c
        .rows
        .iter()
        .map(|r| {
            let mark = r.qualifier.mark();
            vec![
                format!("{}{}", if r.is_focus { ">" } else { " " }, r.rank),
                r.region_name.clone(),
                format!("{mark}{}", num(Some(r.value), 2)),
                format!("{mark}{}", num(Some(r.measure), 3)),
                num(Some(r.percentile), 1),
                num(r.z_score, 2),
                num(Some(r.diff_from_median), 3),
                num(r.yoy_growth, 1),
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..head.len())
        .map(|i| {
            rows.iter()
                .map(|r| display_width(&r[i]))
                .chain([display_width(head[i])])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = format!(
        "{} {} — {} ({}), {}{}; median {}\n",
        c.indicator_name,
        c.year,
        c.kind.as_str(),
        c.measure_unit,
        c.level.map(|l| l.as_str()).unwrap_or("all levels"),
        c.per.map(|p| format!(", per {p} residents")).unwrap_or_default(),
        num(c.median, 3)
    );
    let line = |cells: Vec<String>| {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| pad(c, *w))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
            + "\n"
    };
    out.push_str(&line(head.iter().map(|s| s.to_string()).collect()));
    for r in rows {
        out.push_str(&line(r));
    }
    if !c.missing_population.is_empty() {
        out.push_str(&format!("no population for: {}\n", c.missing_population.join(", ")));
    }
    if c.rows.iter().any(|r| !r.note.is_empty()) {
        out.push_str("≥ lower bound, ≈ approximate, ≤ upper bound: ranks from bounds are marked in the note column\n");
    }
    out
}
