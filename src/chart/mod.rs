//! Charts: comparison charts drawn with plotters as SVG and PNG, with Chinese
//! text from the bundled font. A chart is described by a [`ChartSpec`] (the
//! same TOML tables the scheduled-run job file uses) and drawn from a build
//! folder's panel ([`ChartInput`]).

pub mod canvas;
pub mod heatmap;
pub mod input;
pub mod multiples;
pub mod rank;
mod raster;
pub mod style;
pub mod target;
pub mod trend;

pub use input::ChartInput;

use crate::extract::FactKind;
use crate::locate::Level;
use crate::normalise::CompareError;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The kinds of chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChartKind {
    /// ranked horizontal bars of one indicator across regions for one year
    Rank,
    /// one indicator over the years for chosen regions
    Trend,
    /// regions × indicators coloured by percentile, values in the cells
    Heatmap,
    /// one small ranked panel per indicator
    Multiples,
    /// last year's actual beside this year's target, per region
    Target,
}

/// A repeatable chart: what to draw and where (TOML, unknown keys rejected).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ChartSpec {
    #[serde(default = "default_kind")]
    pub kind: ChartKind,
    /// catalog indicator id (rank, trend, target)
    #[serde(default)]
    pub indicator: String,
    /// indicators of a heatmap or small multiples (default: all with values that year)
    #[serde(default)]
    pub indicators: Vec<String>,
    /// regions of a trend chart, names or codes (default: the focus and the highest)
    #[serde(default)]
    pub regions: Vec<String>,
    /// the year compared (default: the latest year with values)
    #[serde(default)]
    pub year: Option<i32>,
    /// `actual` or `target` (default: actual, else target when the year has only targets)
    #[serde(default)]
    pub value_kind: Option<FactKind>,
    /// per-capita basis for counts and amounts: 10000 = per 10k residents
    #[serde(default)]
    pub per: Option<f64>,
    /// peer level: province, prefecture or county (default: the most common)
    #[serde(default)]
    pub level: Option<Level>,
    /// only regions within this code (e.g. 440000)
    #[serde(default)]
    pub within: Option<String>,
    /// region to highlight (name or code)
    #[serde(default)]
    pub focus: Option<String>,
    /// chart title (default: indicator name, year and basis)
    #[serde(default)]
    pub title: Option<String>,
    /// output file name, `.svg` or `.png`
    pub out: PathBuf,
    /// width in pixels (height grows with the number of regions)
    #[serde(default = "default_width")]
    pub width: u32,
    /// PNG pixel scale (2 = twice the pixels, same layout)
    #[serde(default = "default_scale")]
    pub scale: u32,
}

fn default_kind() -> ChartKind {
    ChartKind::Rank
}
fn default_width() -> u32 {
    960
}
fn default_scale() -> u32 {
    2
}

impl ChartSpec {
    /// A rank chart of one indicator with default settings.
    pub fn rank(indicator: &str, out: &str) -> ChartSpec {
        ChartSpec {
            kind: ChartKind::Rank,
            indicator: indicator.into(),
            indicators: Vec::new(),
            regions: Vec::new(),
            year: None,
            value_kind: None,
            per: None,
            level: None,
            within: None,
            focus: None,
            title: None,
            out: out.into(),
            width: default_width(),
            scale: default_scale(),
        }
    }

    /// Parse chart specs from TOML: `[[chart]]` tables.
    pub fn parse_all(text: &str) -> Result<Vec<ChartSpec>, ChartError> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct File {
            chart: Vec<ChartSpec>,
        }
        let f: File = toml::from_str(text).map_err(|e| ChartError::Spec(e.to_string()))?;
        Ok(f.chart)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("chart spec: {0}")]
    Spec(String),
    #[error("cannot read the build folder: {0}")]
    Input(String),
    #[error(transparent)]
    Compare(#[from] CompareError),
    #[error("no values of {indicator} for {year} to draw")]
    Empty { indicator: String, year: String },
    #[error("cannot draw: {0}")]
    Draw(String),
    #[error("output must end in .svg or .png: {0}")]
    Format(PathBuf),
    #[error(transparent)]
    Write(#[from] crate::frame::FrameError),
}

fn needs_indicator(spec: &ChartSpec) -> Result<(), ChartError> {
    let single = matches!(spec.kind, ChartKind::Rank | ChartKind::Trend | ChartKind::Target);
    if single && spec.indicator.is_empty() {
        return Err(ChartError::Spec(
            format!("a {:?} chart needs an indicator", spec.kind).to_lowercase(),
        ));
    }
    Ok(())
}

/// Draw a chart as SVG text (in memory).
pub fn render_svg(spec: &ChartSpec, input: &ChartInput) -> Result<String, ChartError> {
    needs_indicator(spec)?;
    style::register_font(input.reference.font).map_err(ChartError::Draw)?;
    match spec.kind {
        ChartKind::Rank => rank::svg(spec, input),
        ChartKind::Trend => trend::svg(spec, input),
        ChartKind::Heatmap => heatmap::svg(spec, input),
        ChartKind::Multiples => multiples::svg(spec, input),
        ChartKind::Target => target::svg(spec, input),
    }
}

/// Draw a chart as PNG bytes.
pub fn render_png(spec: &ChartSpec, input: &ChartInput) -> Result<Vec<u8>, ChartError> {
    needs_indicator(spec)?;
    style::register_font(input.reference.font).map_err(ChartError::Draw)?;
    match spec.kind {
        ChartKind::Rank => rank::png(spec, input),
        ChartKind::Trend => trend::png(spec, input),
        ChartKind::Heatmap => heatmap::png(spec, input),
        ChartKind::Multiples => multiples::png(spec, input),
        ChartKind::Target => target::png(spec, input),
    }
}

/// Draw a chart into `out_dir/spec.out` (atomically); returns the path written.
pub fn render_to_file(
    spec: &ChartSpec,
    input: &ChartInput,
    out_dir: &Path,
) -> Result<PathBuf, ChartError> {
    let path = out_dir.join(&spec.out);
    let ext = path.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase());
    let bytes = match ext.as_deref() {
        Some("svg") => render_svg(spec, input)?.into_bytes(),
        Some("png") => render_png(spec, input)?,
        _ => return Err(ChartError::Format(spec.out.clone())),
    };
    crate::frame::write_atomic(&path, |w| {
        w.write_all(&bytes)
            .map_err(|source| crate::frame::FrameError::Io { path: path.clone(), source })
    })?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frame::PanelRow;
    use crate::reference::Reference;
    use std::sync::LazyLock;

    static REFERENCE: LazyLock<Reference> = LazyLock::new(|| {
        Reference::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets"), &[]).unwrap()
    });

    fn row(code: &str, name: &str, value: f64, qualifier: &str) -> PanelRow {
        crate::frame::panel::test_row(code, name, "prefecture", 2022, "petitions", value, qualifier)
    }

    fn input() -> ChartInput<'static> {
        ChartInput {
            panel: vec![
                row("320100", "南京市", 900.0, "exact"),
                row("320200", "无锡市", 410.0, "at_least"),
                row("320400", "常州市", 248.0, "exact"),
                row("320500", "苏州市", 1300.0, "approx"),
            ],
            documents: Vec::new(),
            reference: &REFERENCE,
        }
    }

    #[test]
    fn rank_chart_svg_has_names_marks_median_and_focus() {
        let input = input();
        let mut spec = ChartSpec::rank("petitions", "p.svg");
        spec.per = Some(10_000.0);
        spec.focus = Some("常州".into());
        let svg = render_svg(&spec, &input).unwrap();
        for name in ["南京市", "无锡市", "常州市", "苏州市"] {
            assert!(svg.contains(name), "{name} missing");
        }
        assert!(svg.contains("信访事项 (2022年): 每万常住人口"), "title");
        assert!(svg.contains("件/万人"), "unit in the axis title");
        assert!(svg.contains("2020年常住人口"), "population year");
        assert!(svg.contains("中位数"), "median line label");
        assert!(svg.contains('≥') && svg.contains('≈'), "bound marks");
        assert!(svg.contains("常州市排第"), "focus position");
        assert!(svg.contains("#D55E00"), "focus colour");
        assert!(!svg.contains("NaN"));
        // the same data and spec give the same bytes
        assert_eq!(svg, render_svg(&spec, &input).unwrap());
    }

    #[test]
    fn png_is_a_png_and_empty_data_is_an_error() {
        let input = input();
        let png = render_png(&ChartSpec::rank("petitions", "p.png"), &input).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        let err = render_svg(&ChartSpec::rank("gdp", "g.svg"), &input).unwrap_err();
        assert!(matches!(err, ChartError::Empty { .. }), "{err}");
    }

    fn many(input: &mut ChartInput) {
        let t = |code: &str, name: &str, year: i32, ind: &str, kind: &str, v: f64, q: &str| {
            let mut r = crate::frame::panel::test_row(code, name, "province", year, ind, v, q);
            r.kind = FactKind::parse(kind).unwrap();
            r.unit = "%".into();
            r
        };
        input.panel = vec![
            t("130000", "河北省", 2025, "gdp_growth", "actual", 5.6, "exact"),
            t("130000", "河北省", 2026, "gdp_growth", "target", 5.0, "at_least"),
            t("210000", "辽宁省", 2025, "gdp_growth", "actual", 3.7, "exact"),
            t("210000", "辽宁省", 2026, "gdp_growth", "target", 4.5, "approx"),
            t("460000", "海南省", 2026, "gdp_growth", "target", 6.0, "approx"),
            t("130000", "河北省", 2024, "gdp_growth", "actual", 5.4, "exact"),
            t("130000", "河北省", 2025, "retail_sales_growth", "actual", 5.6, "exact"),
            t("210000", "辽宁省", 2025, "retail_sales_growth", "actual", 1.4, "exact"),
            t("460000", "海南省", 2025, "cpi_growth", "actual", -0.1, "exact"),
            t("210000", "辽宁省", 2025, "cpi_growth", "actual", 0.2, "exact"),
        ];
    }

    fn kind(k: ChartKind, indicator: &str) -> ChartSpec {
        ChartSpec { kind: k, ..ChartSpec::rank(indicator, "x.svg") }
    }

    #[test]
    fn target_chart_pairs_last_year_actuals_with_this_years_targets() {
        let mut input = input();
        many(&mut input);
        let svg = render_svg(&kind(ChartKind::Target, "gdp_growth"), &input).unwrap();
        assert!(svg.contains("2025年实际") && svg.contains("2026年目标"));
        for name in ["河北省", "辽宁省", "海南省"] {
            assert!(svg.contains(name), "{name}");
        }
        assert!(svg.contains("≥5") && svg.contains("≈4.5") && svg.contains("≈6"), "bound marks");
        assert!(svg.contains("无2025年实际值"), "a missing actual is said, not drawn as 0");
        assert!(!svg.contains("NaN"));
    }

    #[test]
    fn trend_heatmap_and_multiples_render_their_content() {
        let mut input = input();
        many(&mut input);
        let mut trend = kind(ChartKind::Trend, "gdp_growth");
        trend.focus = Some("河北".into());
        let svg = render_svg(&trend, &input).unwrap();
        assert!(
            svg.contains("2024–2025年") && svg.contains("河北省 5.6") && svg.contains("#D55E00"),
            "trend"
        );
        let heat =
            render_svg(&ChartSpec { year: Some(2025), ..kind(ChartKind::Heatmap, "") }, &input)
                .unwrap();
        for s in ["地区生产", "社会消费品零", "河北省", "海南省", "—", "-0.1"] {
            assert!(heat.contains(s), "heatmap lacks {s}");
        }
        let multi =
            render_svg(&ChartSpec { year: Some(2025), ..kind(ChartKind::Multiples, "") }, &input)
                .unwrap();
        for s in ["地区生产总值增速", "社会消费品零售总额增速", "居民消费价格涨幅", "中位数"]
        {
            assert!(multi.contains(s), "multiples lacks {s}");
        }
        assert!(!heat.contains("NaN") && !multi.contains("NaN"));
        // a kind that needs an indicator says so
        assert!(matches!(
            render_svg(&kind(ChartKind::Trend, ""), &input),
            Err(ChartError::Spec(_))
        ));
    }

    #[test]
    fn three_hundred_counties_stay_readable() {
        let mut input = input();
        let counties: Vec<(String, String)> = input
            .reference
            .gazetteer
            .regions()
            .iter()
            .filter(|r| r.level == crate::locate::Level::County)
            .take(300)
            .map(|r| (r.code.clone(), r.name.clone()))
            .collect();
        input.panel = counties
            .iter()
            .enumerate()
            .map(|(i, (c, n))| {
                crate::frame::panel::test_row(
                    c,
                    n,
                    "county",
                    2023,
                    "petitions",
                    (i * 37 % 500) as f64,
                    "exact",
                )
            })
            .collect();
        let svg = render_svg(&ChartSpec::rank("petitions", "c.svg"), &input).unwrap();
        for (_, n) in &counties {
            assert!(svg.contains(n.as_str()), "{n} missing");
        }
        // the chart grows: 300 rows of 24 px
        let height: f64 = svg
            .split("height=\"")
            .nth(1)
            .and_then(|h| h.split('"').next())
            .and_then(|h| h.parse().ok())
            .unwrap();
        assert!(height >= 300.0 * 24.0, "{height}");
    }

    #[test]
    fn specs_parse_from_toml_and_reject_unknown_keys() {
        let specs = ChartSpec::parse_all(
            "[[chart]]\nindicator = \"petitions\"\nper = 10000\nout = \"p.png\"\n",
        )
        .unwrap();
        assert_eq!(specs[0].per, Some(10000.0));
        assert!(ChartSpec::parse_all(
            "[[chart]]\nindicator = \"x\"\nout = \"a.svg\"\ncolour = 1\n"
        )
        .is_err());
    }
}
