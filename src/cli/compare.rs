//! `yardstick compare <BUILD-DIR> --indicator ID [--year Y] [--per 10000] [--level L] [--within CODE] [--focus NAME]`

use std::io::Write;
use std::path::PathBuf;
use yardstick::frame;
use yardstick::normalise::{self, rollup, selection, table};
use yardstick::reference::{self, Reference};

#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// a folder written by `yardstick build`
    build_dir: PathBuf,
    /// catalog indicator id
    #[arg(long)]
    indicator: String,
    /// actual or target (default: actual, else target when the year has only targets)
    #[arg(long, value_parser = super::selection::parse_kind)]
    kind: Option<yardstick::extract::FactKind>,
    #[command(flatten)]
    select: super::selection::SelectionArgs,
    /// also print counties summed to their prefectures, with coverage
    #[arg(long)]
    rollup: bool,
    /// also write every compared region's series of this indicator (year-over-year change
    /// and growth, index = 100 in this year) to <base>_series.csv
    #[arg(long)]
    base_year: Option<i32>,
    /// terminal output
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// base path of the CSV and Parquet written (default: BUILD-DIR/compare/<indicator>_<year>)
    #[arg(long)]
    out: Option<PathBuf>,
    /// reference data folder
    #[arg(long)]
    datasets: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    Table,
    Json,
}

pub fn run(args: CompareArgs) -> Result<i32, Box<dyn std::error::Error>> {
    let datasets = reference::find_datasets(args.datasets.as_deref())?;
    yardstick::pipeline::install_vocabulary(&datasets)?;
    let Reference { catalog, population, gazetteer, .. } = Reference::load(&datasets, &[])?;
    let panel = frame::load_panel(&args.build_dir)?;
    let q = selection::query(&panel, &args.indicator, &args.select.selection(args.kind))
        .ok_or_else(|| {
            format!("no values of {} in {}", args.indicator, args.build_dir.display())
        })?;
    let (kind, year) = (q.kind, q.year);
    let cmp = normalise::compare(&panel, &catalog, &population, &gazetteer, &q)?;
    let base = args.out.clone().unwrap_or_else(|| {
        let per = args.select.per.map(|p| format!("_per{p}")).unwrap_or_default();
        args.build_dir.join("compare").join(format!(
            "{}_{}_{}{per}",
            args.indicator,
            year,
            kind.as_str()
        ))
    });
    let mut df = table::comparison_frame(&cmp)?;
    frame::write_csv(&mut df, &base.with_extension("csv"))?;
    frame::write_parquet(&df, &base.with_extension("parquet"))?;
    let mut stdout = std::io::stdout().lock();
    match args.format {
        Format::Table => write!(stdout, "{}", table::render_table(&cmp))?,
        Format::Json => writeln!(stdout, "{}", serde_json::to_string_pretty(&cmp)?)?,
    }
    if let Some(base_year) = args.base_year {
        write_series(&args, &cmp, &panel, &population, base_year, &base)?;
    }
    if args.rollup {
        for r in rollup::rollup(&panel, &catalog, &gazetteer, &args.indicator, year, kind) {
            writeln!(
                stdout,
                "rollup {} {}: {}{} ({})",
                r.prefecture_code,
                r.prefecture_name,
                r.qualifier.mark(),
                r.value,
                r.coverage
            )?;
        }
    }
    if let Some(f) = &args.select.focus {
        if !cmp.rows.iter().any(|r| r.is_focus) {
            eprintln!("yardstick: focus {f} has no value of {} in {year}", args.indicator);
        }
    }
    eprintln!(
        "yardstick: {} regions compared; written to {}.csv and .parquet",
        cmp.rows.len(),
        base.display()
    );
    Ok(super::exit::OK)
}

/// The compared regions' series with year-over-year change and an index
/// (`--base-year`), written beside the table as `…_series.csv`.
fn write_series(
    args: &CompareArgs,
    cmp: &normalise::Comparison,
    panel: &[frame::PanelRow],
    population: &normalise::Population,
    base_year: i32,
    base: &std::path::Path,
) -> Result<(), Box<dyn std::error::Error>> {
    let kind = cmp.kind;
    let codes: std::collections::BTreeSet<&str> =
        cmp.rows.iter().map(|r| r.region_code.as_str()).collect();
    let rows: Vec<frame::PanelRow> = panel
        .iter()
        .filter(|r| {
            r.indicator == args.indicator
                && r.kind == kind
                && codes.contains(r.region_code.as_str())
        })
        .cloned()
        .collect();
    let points = normalise::change::series(&rows, Some(base_year), &|c| {
        population.current_code(c).to_string()
    });
    let mut w = frame::csv_cell::bytes_writer();
    for p in &points {
        w.serialize(p)?;
    }
    let path = PathBuf::from(format!("{}_series.csv", base.display()));
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    frame::write_atomic(&path, |out| {
        out.write_all(&bytes).map_err(|source| frame::FrameError::Io { path: path.clone(), source })
    })?;
    eprintln!(
        "yardstick: {} series points (index {base_year} = 100) written to {}",
        points.len(),
        path.display()
    );
    Ok(())
}
