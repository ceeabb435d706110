//! What a chart is drawn from: a build folder's panel and documents, plus the
//! catalog, population and gazetteer from the datasets folder.

use super::ChartError;
use crate::catalog::Catalog;
use crate::frame::{self, DocRecord, PanelRow};
use crate::locate::Gazetteer;
use crate::normalise::Population;
use std::path::Path;

pub struct ChartInput {
    pub panel: Vec<PanelRow>,
    pub documents: Vec<DocRecord>,
    pub catalog: Catalog,
    pub population: Population,
    pub gazetteer: Gazetteer,
    /// the font bytes (datasets/fonts), registered with plotters on first use
    pub font: &'static [u8],
}

impl ChartInput {
    /// Load `build_dir/{panel_long,documents}.csv` and the datasets.
    pub fn load(build_dir: &Path, datasets: &Path) -> Result<ChartInput, ChartError> {
        let e = |m: String| ChartError::Input(m);
        let panel = frame::load_panel(build_dir).map_err(|x| e(x.to_string()))?;
        let docs_path = build_dir.join("documents.csv");
        let mut r = csv::Reader::from_path(&docs_path)
            .map_err(|x| e(format!("{}: {x}", docs_path.display())))?;
        let documents = r
            .deserialize()
            .collect::<Result<Vec<DocRecord>, _>>()
            .map_err(|x| e(format!("{}: {x}", docs_path.display())))?;
        Ok(ChartInput {
            panel,
            documents,
            catalog: Catalog::load_dir(&datasets.join("catalog"), &[])
                .map_err(|x| e(x.to_string()))?,
            population: Population::load(&datasets.join("population"))
                .map_err(|x| e(x.to_string()))?,
            gazetteer: Gazetteer::load(&datasets.join("regions/regions.csv"))
                .map_err(|x| e(x.to_string()))?,
            font: super::style::load_font(&datasets.join("fonts/NotoSansSC-Regular-GB2312.ttf"))
                .map_err(e)?,
        })
    }

    /// "来源：5份报告（2022–2024年）" for the sources that fed some panel rows.
    pub fn source_line(&self, sources: &[&str]) -> String {
        let mut used: Vec<&str> = sources.to_vec();
        used.sort();
        used.dedup();
        let mut years: Vec<i32> = self
            .documents
            .iter()
            .filter(|d| used.contains(&d.source.as_str()))
            .filter_map(|d| d.report_year)
            .collect();
        years.sort();
        years.dedup();
        let span = match (years.first(), years.last()) {
            (Some(a), Some(b)) if a == b => format!("（{a}年）"),
            (Some(a), Some(b)) => format!("（{a}–{b}年）"),
            _ => String::new(),
        };
        format!("来源：{}份报告{span}，yardstick 提取", used.len())
    }
}
