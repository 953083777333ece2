//! A picture as plain shapes, laid out once and written out twice: as SVG
//! (and PNG from it) for the CLI and the app, and onto PDF pages by
//! `pdf::pictures`. Coordinates are pixels from the top left.

use std::fmt::Write;

pub type Rgb = [u8; 3];

pub const INK: Rgb = [0x21, 0x26, 0x2e];
pub const MUTED: Rgb = [0x5f, 0x6b, 0x7a];
pub const AMBER: Rgb = [0xb4, 0x53, 0x09];
pub const WHITE: Rgb = [0xff, 0xff, 0xff];

/// The font both renderers use: DejaVu Sans, embedded.
pub const FONT: &str = "DejaVu Sans";

#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Rect { x: f32, y: f32, w: f32, h: f32, radius: f32, fill: Rgb, stroke: Option<(Rgb, f32)>, dashed: bool },
    /// `y` is the baseline.
    Text { x: f32, y: f32, size: f32, bold: bool, fill: Rgb, text: String },
}

#[derive(Clone, Debug, Default)]
pub struct Scene {
    pub w: f32,
    pub h: f32,
    pub shapes: Vec<Shape>,
}

impl Scene {
    pub fn new(w: f32, h: f32) -> Scene {
        Scene { w, h, shapes: Vec::new() }
    }

    pub fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, fill: Rgb, text: impl Into<String>) {
        self.shapes.push(Shape::Text { x, y, size, bold, fill, text: text.into() });
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, radius: f32, fill: Rgb, stroke: Option<(Rgb, f32)>) {
        self.shapes.push(Shape::Rect { x, y, w, h, radius, fill, stroke, dashed: false });
    }

    pub fn dashed_rect(&mut self, x: f32, y: f32, w: f32, h: f32, radius: f32, fill: Rgb, stroke: (Rgb, f32)) {
        self.shapes.push(Shape::Rect { x, y, w, h, radius, fill, stroke: Some(stroke), dashed: true });
    }

    /// Draws `other` with its top left at (`dx`, `dy`).
    pub fn place(&mut self, other: &Scene, dx: f32, dy: f32) {
        self.shapes.extend(other.shapes.iter().map(|s| match s.clone() {
            Shape::Rect { x, y, w, h, radius, fill, stroke, dashed } => Shape::Rect { x: x + dx, y: y + dy, w, h, radius, fill, stroke, dashed },
            Shape::Text { x, y, size, bold, fill, text } => Shape::Text { x: x + dx, y: y + dy, size, bold, fill, text },
        }));
    }

    pub fn to_svg(&self) -> String {
        let mut body = String::new();
        for s in &self.shapes {
            let _ = match s {
                Shape::Rect { x, y, w, h, radius, fill, stroke, dashed } => {
                    let stroke = stroke.map(|(c, width)| format!(r#" stroke="{}" stroke-width="{width}""#, hex(c))).unwrap_or_default();
                    let dash = if *dashed { r#" stroke-dasharray="8 5""# } else { "" };
                    writeln!(body, r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="{radius}" fill="{}"{stroke}{dash}/>"#, hex(*fill))
                }
                Shape::Text { x, y, size, bold, fill, text } => {
                    let weight = if *bold { r#" font-weight="bold""# } else { "" };
                    writeln!(body, r#"<text x="{x:.1}" y="{y:.1}" font-size="{size}"{weight} fill="{}">{}</text>"#, hex(*fill), esc(text))
                }
            };
        }
        let (w, h) = (self.w, self.h);
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.0} {h:.0}\" font-family=\"{FONT}\">\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n{body}</svg>\n"
        )
    }
}

fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

/// Text safe inside SVG.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// DejaVu Sans averages about 0.55 em a character: text is cut to fit on that.
pub fn fit(text: &str, size: f32, width: f32) -> String {
    let max = (width / (size * 0.56)) as usize;
    if text.chars().count() <= max {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(max.saturating_sub(1)).collect::<String>())
    }
}

/// Stacks boxes of one width into `columns` columns, each box into the
/// shortest column so far. Returns each box's top left and the height used.
pub fn masonry(heights: &[f32], columns: usize, width: f32, gap: f32, top: f32) -> (Vec<(f32, f32)>, f32) {
    let columns = columns.max(1);
    let mut bottoms = vec![top; columns];
    let places = heights
        .iter()
        .map(|h| {
            let col = (0..columns).min_by(|a, b| bottoms[*a].total_cmp(&bottoms[*b])).unwrap_or(0);
            let at = (gap + col as f32 * (width + gap), bottoms[col]);
            bottoms[col] += h + gap;
            at
        })
        .collect();
    (places, bottoms.into_iter().fold(top, f32::max))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxes_go_to_the_shortest_column() {
        let (at, bottom) = masonry(&[100.0, 50.0, 30.0], 2, 200.0, 10.0, 0.0);
        assert_eq!(at, vec![(10.0, 0.0), (220.0, 0.0), (220.0, 60.0)]);
        assert_eq!(bottom, 110.0);
    }

    #[test]
    fn a_placed_scene_moves_with_its_offset_and_text_is_escaped() {
        let mut inner = Scene::new(10.0, 10.0);
        inner.text(1.0, 2.0, 12.0, false, INK, "R&D <core>");
        let mut outer = Scene::new(100.0, 100.0);
        outer.place(&inner, 10.0, 20.0);
        assert_eq!(outer.shapes[0], Shape::Text { x: 11.0, y: 22.0, size: 12.0, bold: false, fill: INK, text: "R&D <core>".into() });
        assert!(outer.to_svg().contains(">R&amp;D &lt;core&gt;</text>"));
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        assert_eq!(fit("short", 10.0, 100.0), "short");
        assert_eq!(fit("a much longer name than fits", 10.0, 56.0), "a much lo…", "ten characters at most");
    }
}
