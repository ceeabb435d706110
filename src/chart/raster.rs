//! PNG from a chart's SVG: resvg parses the SVG, shapes its text with
//! rustybuzz in the bundled font (no system fonts are looked up), and
//! rasterises it, so a PNG is exactly its SVG at `scale` pixels per point.

use super::style::FAMILY;
use super::ChartError;
use resvg::{tiny_skia, usvg};
use std::sync::{Arc, OnceLock};

static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();

/// The font database holding only the bundled font (loaded once per process).
fn fonts(font: &'static [u8]) -> Arc<usvg::fontdb::Database> {
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_font_data(font.to_vec());
            db.set_sans_serif_family(FAMILY);
            Arc::new(db)
        })
        .clone()
}

fn draw_err(what: &str, e: impl std::fmt::Display) -> ChartError {
    ChartError::Draw(format!("{what}: {e}"))
}

/// Render `svg` to PNG bytes at `scale` device pixels per logical pixel.
pub fn png_from_svg(svg: &str, scale: u32, font: &'static [u8]) -> Result<Vec<u8>, ChartError> {
    let options = usvg::Options {
        fontdb: fonts(font),
        font_family: FAMILY.to_string(),
        ..Default::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| draw_err("SVG", e))?;
    let s = scale.clamp(1, 4) as f32;
    let size = tree.size();
    let (w, h) = ((size.width() * s).ceil() as u32, (size.height() * s).ceil() as u32);
    let mut pixmap = tiny_skia::Pixmap::new(w.max(1), h.max(1))
        .ok_or_else(|| ChartError::Draw(format!("cannot allocate a {w}×{h} image")))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::from_scale(s, s), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| draw_err("PNG", e))
}
