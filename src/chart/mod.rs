//! Charts: comparison charts drawn with plotters as SVG and PNG, with Chinese
//! text from the bundled font. A chart is described by a [`ChartSpec`] (the
//! same TOML tables the scheduled-run job file uses) and drawn from a build
//! folder's panel ([`ChartInput`]).

pub mod input;
pub mod rank;
pub mod style;

pub use input::ChartInput;

use crate::normalise::CompareError;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The kinds of chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChartKind {
    /// ranked horizontal bars of one indicator across regions for one year
    Rank,
}

/// A repeatable chart: what to draw and where (TOML, unknown keys rejected).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ChartSpec {
    #[serde(default = "default_kind")]
    pub kind: ChartKind,
    /// catalog indicator id
    pub indicator: String,
    /// the year compared (default: the latest year with values)
    #[serde(default)]
    pub year: Option<i32>,
    /// `actual` or `target` (default: actual, else target when the year has only targets)
    #[serde(default)]
    pub value_kind: Option<String>,
    /// per-capita basis for counts and amounts: 10000 = per 10k residents
    #[serde(default)]
    pub per: Option<f64>,
    /// peer level: province, prefecture or county (default: the most common)
    #[serde(default)]
    pub level: Option<String>,
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

/// Draw a chart as SVG text (in memory).
pub fn render_svg(spec: &ChartSpec, input: &ChartInput) -> Result<String, ChartError> {
    match spec.kind {
        ChartKind::Rank => rank::svg(spec, input),
    }
}

/// Draw a chart as PNG bytes.
pub fn render_png(spec: &ChartSpec, input: &ChartInput) -> Result<Vec<u8>, ChartError> {
    match spec.kind {
        ChartKind::Rank => rank::png(spec, input),
    }
}

/// Draw a chart into `out_dir/spec.out` (atomically); returns the path written.
pub fn render_to_file(spec: &ChartSpec, input: &ChartInput, out_dir: &Path) -> Result<PathBuf, ChartError> {
    let path = out_dir.join(&spec.out);
    let ext = path.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase());
    let bytes = match ext.as_deref() {
        Some("svg") => render_svg(spec, input)?.into_bytes(),
        Some("png") => render_png(spec, input)?,
        _ => return Err(ChartError::Format(spec.out.clone())),
    };
    crate::frame::write_atomic(&path, |w| {
        w.write_all(&bytes).map_err(|source| crate::frame::FrameError::Io { path: path.clone(), source })
    })?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::frame::PanelRow;
    use crate::locate::Gazetteer;
    use crate::normalise::Population;

    fn row(code: &str, name: &str, value: f64, qualifier: &str) -> PanelRow {
        crate::frame::panel::test_row(code, name, "prefecture", 2022, "petitions", value, qualifier)
    }

    fn input() -> ChartInput {
        let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets");
        ChartInput {
            panel: vec![
                row("320100", "南京市", 900.0, "exact"),
                row("320200", "无锡市", 410.0, "at_least"),
                row("320400", "常州市", 248.0, "exact"),
                row("320500", "苏州市", 1300.0, "approx"),
            ],
            documents: Vec::new(),
            catalog: Catalog::load_dir(&d.join("catalog"), &[]).unwrap(),
            population: Population::load(&d.join("population")).unwrap(),
            gazetteer: Gazetteer::load(&d.join("regions/regions.csv")).unwrap(),
            font: style::load_font(&d.join("fonts/NotoSansSC-Regular-GB2312.ttf")).unwrap(),
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

    #[test]
    fn specs_parse_from_toml_and_reject_unknown_keys() {
        let specs = ChartSpec::parse_all("[[chart]]\nindicator = \"petitions\"\nper = 10000\nout = \"p.png\"\n").unwrap();
        assert_eq!(specs[0].per, Some(10000.0));
        assert!(ChartSpec::parse_all("[[chart]]\nindicator = \"x\"\nout = \"a.svg\"\ncolour = 1\n").is_err());
    }
}
