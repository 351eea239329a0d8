//! PNG from SVG with resvg and tiny-skia, and the fonts it draws with.
//!
//! resvg draws no text at all when the families an SVG asks for are missing, without
//! any error. So the font database always holds the shipped DejaVu Sans, and the
//! generic families (`serif`, `sans-serif`, …) all point to it: a `Times, serif` or
//! `Arial` label falls back to it too. System fonts are loaded after it, for scripts
//! DejaVu lacks (CJK, for instance).

use super::style::{FONT_DATA, FONT_FAMILY};
use resvg::tiny_skia;
use resvg::usvg::{self, fontdb};
use std::sync::{Arc, OnceLock};

/// The longest side of a PNG, in pixels.
pub(crate) const MAX_SIDE: f64 = 4096.0;
/// Pixels per SVG px for pictures small enough: sharp on high-density screens.
pub(crate) const PREFERRED_SCALE: f64 = 2.0;

fn fonts() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_font_data(FONT_DATA.to_vec());
        db.load_system_fonts();
        db.set_serif_family(FONT_FAMILY);
        db.set_sans_serif_family(FONT_FAMILY);
        db.set_monospace_family(FONT_FAMILY);
        db.set_cursive_family(FONT_FAMILY);
        db.set_fantasy_family(FONT_FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// The scale at which an SVG of this size is rasterised.
pub(crate) fn scale_for(width: f64, height: f64) -> f64 {
    let longest = width.max(height).max(1.0);
    (MAX_SIDE / longest).min(PREFERRED_SCALE)
}

/// Pixel size of the PNG for an SVG of this size.
pub(crate) fn pixel_size(width: f64, height: f64) -> (u32, u32) {
    let s = scale_for(width, height);
    (
        ((width * s).ceil() as u32).max(1),
        ((height * s).ceil() as u32).max(1),
    )
}

/// Rasterises an SVG on a white background. Returns the PNG and its pixel size.
pub(crate) fn to_png(svg: &str) -> Result<(Vec<u8>, u32, u32), String> {
    let opt = usvg::Options {
        font_family: FONT_FAMILY.to_string(),
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &opt).map_err(|e| format!("SVG not readable: {e}"))?;
    let size = tree.size();
    let (w, h) = pixel_size(f64::from(size.width()), f64::from(size.height()));
    let scale = scale_for(f64::from(size.width()), f64::from(size.height())) as f32;
    let mut pixmap =
        tiny_skia::Pixmap::new(w, h).ok_or_else(|| format!("cannot allocate a {w}×{h} image"))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let png = encode(pixmap).map_err(|e| format!("PNG encoding failed: {e}"))?;
    Ok((png, w, h))
}

/// Encodes a pixmap as PNG with the png crate's `Fast` compression (fdeflate, made for
/// PNG). tiny-skia's own `encode_png` takes the crate's default, `Balanced`, whose
/// deflate was 8 % of a `build -f all` run (issue 16); `Fast` is several times quicker
/// for files a little larger (the figures are in the commit that made this change).
fn encode(pixmap: tiny_skia::Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let (w, h) = (pixmap.width(), pixmap.height());
    // PNG stores straight alpha; the pixmap holds premultiplied pixels
    let rgba = pixmap.take_demultiplied();
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&rgba)?;
    writer.finish()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dark_pixels(png: &[u8]) -> usize {
        let img = tiny_skia::Pixmap::decode_png(png).unwrap();
        img.pixels()
            .iter()
            .filter(|p| (p.red() as u32 + p.green() as u32 + p.blue() as u32) < 300)
            .count()
    }

    #[test]
    fn text_in_families_that_do_not_exist_is_still_drawn() {
        for family in ["Times, serif", "Arial", "No Such Font", "monospace"] {
            let svg = format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="5" y="30" font-family="{family}" font-size="24">Hello</text></svg>"#
            );
            let (png, w, h) = to_png(&svg).unwrap();
            assert_eq!((w, h), (400, 80));
            assert!(dark_pixels(&png) > 100, "no text drawn for {family}");
        }
    }

    #[test]
    fn fast_encoding_keeps_every_pixel() {
        let mut pixmap = tiny_skia::Pixmap::new(7, 5).unwrap();
        for (i, p) in pixmap.pixels_mut().iter_mut().enumerate() {
            let v = (i * 37 % 256) as u8;
            *p = tiny_skia::ColorU8::from_rgba(v, 255 - v, v / 2, 255).premultiply();
        }
        let before: Vec<_> = pixmap.pixels().to_vec();
        let png = encode(pixmap).unwrap();
        let after = tiny_skia::Pixmap::decode_png(&png).unwrap();
        assert_eq!((after.width(), after.height()), (7, 5));
        assert_eq!(after.pixels(), &before[..]);
    }

    #[test]
    fn scale_keeps_big_pictures_under_the_cap() {
        assert_eq!(scale_for(100.0, 50.0), 2.0);
        assert_eq!(pixel_size(10_000.0, 2_000.0), (4096, 820));
    }
}
