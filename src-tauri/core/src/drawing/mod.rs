//! The domain map and the selector as pictures: laid out once as shapes
//! (`scene`), written as SVG, as PNG through resvg with our own fonts, and
//! onto the budget PDF's pages. Coordinates are geometry; every figure
//! written is a presented amount.

mod domain_map;
mod scene;
mod selector;

pub use domain_map::{domain_boxes, domain_map_scene, headline, BOX_W, GAP};
pub use scene::{Rgb, Scene, Shape};
pub use selector::{selector_scene, SelectorLayout};

use crate::map::DomainMap;
use crate::selector_chart::SelectorChart;

const REGULAR_TTF: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

pub fn domain_map_svg(map: &DomainMap) -> String {
    domain_map_scene(map).to_svg()
}

pub fn selector_svg(chart: &SelectorChart) -> String {
    selector_scene(chart, selector::SCREEN).to_svg()
}

/// An SVG of ours as a PNG, at twice its size so it stays sharp on a projector.
pub fn png(svg: &str) -> Vec<u8> {
    let mut fonts = resvg::usvg::fontdb::Database::new();
    fonts.load_font_data(REGULAR_TTF.to_vec());
    fonts.load_font_data(BOLD_TTF.to_vec());
    let options = resvg::usvg::Options { fontdb: std::sync::Arc::new(fonts), font_family: scene::FONT.to_string(), ..Default::default() };
    let tree = resvg::usvg::Tree::from_str(svg, &options).expect("our own SVG parses");
    let scale = 2.0;
    let size = tree.size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new((size.width() * scale).ceil() as u32, (size.height() * scale).ceil() as u32).expect("a picture of a sensible size");
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().expect("PNG encoding")
}
