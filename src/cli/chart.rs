//! `yardstick chart <BUILD-DIR> --indicator ID --out FILE.svg|png`, or `--spec charts.toml`.

use std::path::PathBuf;
use yardstick::chart::{self, ChartInput, ChartKind, ChartSpec};
use yardstick::reference::{self, Reference};

#[derive(Debug, clap::Args)]
pub struct ChartArgs {
    /// a folder written by `yardstick build`
    build_dir: PathBuf,
    /// chart kind
    #[arg(long, value_enum, default_value = "rank")]
    kind: KindArg,
    /// catalog indicator id (e.g. petitions, gdp_growth): rank, trend, target
    #[arg(long)]
    indicator: Option<String>,
    /// indicators of a heatmap or small multiples, comma separated (default: all with values)
    #[arg(long, value_delimiter = ',')]
    indicators: Vec<String>,
    /// regions of a trend chart, names or codes, comma separated (default: the focus and the highest)
    #[arg(long, value_delimiter = ',')]
    regions: Vec<String>,
    /// actual or target (default: actual, else target when the year has only targets)
    #[arg(long, value_parser = super::selection::parse_kind)]
    value_kind: Option<yardstick::extract::FactKind>,
    #[command(flatten)]
    select: super::selection::SelectionArgs,
    /// chart title
    #[arg(long)]
    title: Option<String>,
    /// output file, .svg or .png
    #[arg(long, required_unless_present = "spec")]
    out: Option<PathBuf>,
    /// width in pixels
    #[arg(long, default_value_t = 960)]
    width: u32,
    /// PNG pixel scale
    #[arg(long, default_value_t = 2)]
    scale: u32,
    /// a TOML file of [[chart]] tables; each is drawn into the build folder (or --out-dir)
    #[arg(long, conflicts_with_all = ["indicator", "out"])]
    spec: Option<PathBuf>,
    /// where --spec charts go (default: BUILD-DIR/charts)
    #[arg(long)]
    out_dir: Option<PathBuf>,
    /// reference data folder
    #[arg(long)]
    datasets: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum KindArg {
    Rank,
    Trend,
    Heatmap,
    Multiples,
    Target,
}

pub fn run(args: ChartArgs) -> Result<i32, Box<dyn std::error::Error>> {
    let datasets = reference::find_datasets(args.datasets.as_deref())?;
    yardstick::pipeline::install_vocabulary(&datasets)?;
    let reference = Reference::load(&datasets, &[])?;
    let input = ChartInput::load(&args.build_dir, &reference)?;
    let (specs, dir) = match &args.spec {
        Some(path) => {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let specs =
                ChartSpec::parse_all(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            (specs, args.out_dir.clone().unwrap_or_else(|| args.build_dir.join("charts")))
        }
        None => {
            let out = args.out.clone().expect("clap requires --out without --spec");
            let file = out.file_name().map(PathBuf::from).unwrap_or_else(|| out.clone());
            let dir = out.parent().map(PathBuf::from).unwrap_or_default();
            let spec = ChartSpec {
                kind: match args.kind {
                    KindArg::Rank => ChartKind::Rank,
                    KindArg::Trend => ChartKind::Trend,
                    KindArg::Heatmap => ChartKind::Heatmap,
                    KindArg::Multiples => ChartKind::Multiples,
                    KindArg::Target => ChartKind::Target,
                },
                indicators: args.indicators.clone(),
                regions: args.regions.clone(),
                year: args.select.year,
                value_kind: args.value_kind,
                per: args.select.per,
                level: args.select.level,
                within: args.select.within.clone(),
                focus: args.select.focus.clone(),
                title: args.title.clone(),
                width: args.width,
                scale: args.scale,
                ..ChartSpec::rank(
                    args.indicator.as_deref().unwrap_or_default(),
                    &file.to_string_lossy(),
                )
            };
            (vec![spec], dir)
        }
    };
    for spec in &specs {
        let path = chart::render_to_file(spec, &input, &dir)?;
        eprintln!("yardstick: chart written to {}", path.display());
    }
    Ok(super::exit::OK)
}
