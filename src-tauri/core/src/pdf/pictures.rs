//! The domain map and the selector on the budget PDF's pages, drawn in
//! vector from the same shapes as the SVG pictures (`crate::drawing`).

use printpdf::{LineDashPattern, Op, PaintMode, Pt, Rect};

use super::doc::*;
use crate::drawing::{domain_boxes, headline, selector_scene, Rgb, SelectorLayout, Scene, Shape, BOX_W};
use crate::map::DomainMap;
use crate::selector_chart::SelectorChart;

/// Picture pixels to points: two domain boxes across the page, their 13 px service lines at 8 pt.
const MAP_SCALE: f32 = 0.62;
const MAP_GAP: f32 = 14.0;
/// The selector on a page: fewer names a cell than on a screen, under the page's own heading.
const PAGE_SELECTOR: SelectorLayout = SelectorLayout { cell_w: 300.0, names_per_cell: 8, title: false };

fn rgb(c: Rgb) -> Rgb3 {
    [f32::from(c[0]) / 255.0, f32::from(c[1]) / 255.0, f32::from(c[2]) / 255.0]
}

/// Draws `scene` with its top left at (`x`, `top`), `scale` points a pixel.
fn draw(doc: &mut Doc, scene: &Scene, x: f32, top: f32, scale: f32) {
    for shape in &scene.shapes {
        match shape {
            Shape::Rect { x: rx, y, w, h, fill, stroke, dashed, .. } => {
                let mode = if stroke.is_some() { PaintMode::FillStroke } else { PaintMode::Fill };
                let (bx, btop, bw, bh) = (x + rx * scale, top + y * scale, w * scale, h * scale);
                let rectangle = Rect { x: Pt(bx), y: Pt(PAGE_H - btop - bh), width: Pt(bw), height: Pt(bh), mode: Some(mode), winding_order: None };
                let dash = if *dashed { LineDashPattern::new(0.0, &[5.0, 3.0]) } else { LineDashPattern::solid() };
                let (line, width) = stroke.map(|(c, w)| (rgb(c), w * scale)).unwrap_or((rgb(*fill), 0.0));
                doc.ops().extend([
                    Op::SetFillColor { col: color(rgb(*fill)) },
                    Op::SetOutlineColor { col: color(line) },
                    Op::SetOutlineThickness { pt: Pt(width) },
                    Op::SetLineDashPattern { dash },
                    Op::DrawRectangle { rectangle },
                    Op::SetLineDashPattern { dash: LineDashPattern::solid() },
                ]);
            }
            Shape::Text { x: tx, y, size, bold, fill, text } => {
                doc.text(x + tx * scale, top + y * scale, text, Style { size: size * scale, bold: *bold, color: rgb(*fill) });
            }
        }
    }
}

/// "Domain map": every domain's box, two across, as many pages as they need.
pub(super) fn domain_map(doc: &mut Doc, map: &DomainMap, number: usize) {
    doc.new_page();
    doc.heading(&format!("{number}. Domain map"));
    doc.paragraph(&format!("{}. Each box is an on-call domain with who pays its on-call, its schedule and its warnings; then its teams and their services.", headline(map)));
    let width = BOX_W * MAP_SCALE;
    let columns = [MARGIN, MARGIN + width + MAP_GAP];
    let mut bottoms = [doc.y; 2];
    for b in domain_boxes(map) {
        let full = CONTENT_BOTTOM - MARGIN;
        // A domain taller than a page is drawn smaller rather than cut.
        let scale = MAP_SCALE.min(full / b.h);
        let h = b.h * scale;
        let mut col = if bottoms[0] <= bottoms[1] { 0 } else { 1 };
        if bottoms[col] + h > CONTENT_BOTTOM {
            doc.new_page();
            doc.text(MARGIN, MARGIN + 10.0, &format!("{number}. Domain map, continued"), Style { color: MUTED, ..CAPTION });
            bottoms = [MARGIN + 20.0; 2];
            col = 0;
        }
        draw(doc, &b, columns[col], bottoms[col], scale);
        bottoms[col] += h + MAP_GAP;
    }
    doc.y = bottoms[0].max(bottoms[1]);
}

/// "Operating model selector": the chart, fitted to one page.
pub(super) fn selector(doc: &mut Doc, chart: &SelectorChart, number: usize) {
    doc.new_page();
    doc.heading(&format!("{number}. Operating model selector"));
    // As large as the page allows; when its height decides, the cells widen to use the page's width.
    let first = selector_scene(chart, PAGE_SELECTOR);
    let scale = (CONTENT_W / first.w).min((CONTENT_BOTTOM - doc.y) / first.h);
    let columns = chart.columns.len().max(1) as f32;
    let cell_w = PAGE_SELECTOR.cell_w + (CONTENT_W / scale - first.w) / columns;
    let scene = selector_scene(chart, SelectorLayout { cell_w, ..PAGE_SELECTOR });
    let top = doc.y;
    draw(doc, &scene, MARGIN, top, scale);
    doc.y = top + scene.h * scale;
}
