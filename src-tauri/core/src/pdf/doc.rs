//! The page: fonts, geometry, colours and a cursor that lays drawing out
//! top to bottom, with a "Page k of N" footer on every page.

use chrono::{Datelike, NaiveDate};
use printpdf::{Color, FontId, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem};

pub(super) const REGULAR_TTF: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
pub(super) const BOLD_TTF: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

pub(super) const BUDGET_TITLE: &str = "On-call budget";
pub(super) const RACI_TITLE: &str = "Responsibility (RACI) matrix";

// Geometry, in points (1/72 inch). Vertical positions are measured down
// from the top edge of the page, as people read; `Doc` flips them for PDF.
pub(super) const MM: f32 = 72.0 / 25.4;
pub(super) const PAGE_W: f32 = 297.0 * MM;
pub(super) const PAGE_H: f32 = 210.0 * MM;
pub(super) const MARGIN: f32 = 15.0 * MM;
pub(super) const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;
/// Content stops this far above the bottom margin, leaving room for the footer.
pub(super) const FOOTER_H: f32 = 22.0;
pub(super) const CONTENT_BOTTOM: f32 = PAGE_H - MARGIN - FOOTER_H;

// Table metrics: one 9 pt line per row unless a cell wraps.
pub(super) const CELL_PAD_X: f32 = 4.0;
pub(super) const CELL_PAD_Y: f32 = 2.5;
pub(super) const LINE_H: f32 = 11.0;
pub(super) const CAPTION_H: f32 = 18.0;
pub(super) const TABLE_GAP: f32 = 12.0;
/// Charts sit right of the table they illustrate.
pub(super) const CHART_X: f32 = MARGIN + 136.0 * MM;
pub(super) const CHART_H: f32 = 70.0 * MM;

pub(super) type Rgb3 = [f32; 3];
pub(super) const INK: Rgb3 = [0.13, 0.15, 0.18];
pub(super) const MUTED: Rgb3 = [0.40, 0.43, 0.48];
pub(super) const RULE: Rgb3 = [0.78, 0.80, 0.84];
pub(super) const WHITE: Rgb3 = [1.0, 1.0, 1.0];
pub(super) const HEADER_FILL: Rgb3 = [0.17, 0.25, 0.37];
pub(super) const ZEBRA: Rgb3 = [0.95, 0.96, 0.98];
pub(super) const GROUP_FILL: Rgb3 = [0.87, 0.91, 0.96];
pub(super) const TOTAL_FILL: Rgb3 = [0.90, 0.91, 0.93];

// Chart series: distinct in colour and still apart in greyscale print.
pub(super) const STANDBY: Rgb3 = [0.16, 0.36, 0.62];
pub(super) const CALLOUT: Rgb3 = [0.30, 0.66, 0.68];
pub(super) const SETUP: Rgb3 = [0.58, 0.46, 0.74];
pub(super) const LOSS: Rgb3 = [0.93, 0.55, 0.20];

// RACI cells: blue, amber, green, light grey.
pub(super) const R_FILL: Rgb3 = [0.20, 0.44, 0.76];
pub(super) const A_FILL: Rgb3 = [0.97, 0.70, 0.22];
pub(super) const C_FILL: Rgb3 = [0.52, 0.76, 0.47];
pub(super) const I_FILL: Rgb3 = [0.87, 0.88, 0.90];

#[derive(Clone, Copy)]
pub(super) struct Style {
    pub(super) size: f32,
    pub(super) bold: bool,
    pub(super) color: Rgb3,
}

pub(super) const BODY: Style = Style { size: 9.0, bold: false, color: INK };
pub(super) const SMALL: Style = Style { size: 7.5, bold: false, color: MUTED };
pub(super) const CAPTION: Style = Style { size: 10.0, bold: true, color: INK };


/// A font face, embedded in the document and measured with its own advances.
pub(super) struct Face {
    pub(super) font: ParsedFont,
    pub(super) id: FontId,
    pub(super) units_per_em: f32,
}

impl Face {
    pub(super) fn load(pdf: &mut PdfDocument, bytes: &[u8]) -> Face {
        let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("the bundled DejaVu fonts parse");
        let id = pdf.add_font(&font);
        let units_per_em = f32::from(font.pdf_font_metrics.units_per_em);
        Face { font, id, units_per_em }
    }

    pub(super) fn advance(&self, c: char) -> f32 {
        let glyph = self.font.lookup_glyph_index(c as u32).unwrap_or(0);
        f32::from(self.font.get_horizontal_advance(glyph))
    }

    /// The width of `text` in points. printpdf writes one glyph per char
    /// with the font's advances and no kerning, so this is exact.
    pub(super) fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size / self.units_per_em
    }

    /// `text`, cut short with "…" if it is wider than `max`.
    pub(super) fn fit(&self, text: &str, size: f32, max: f32) -> String {
        if self.width(text, size) <= max {
            return text.to_string();
        }
        let room = max * self.units_per_em / size - self.advance('…');
        let mut used = 0.0;
        let cut: String = text
            .chars()
            .take_while(|c| {
                used += self.advance(*c);
                used <= room
            })
            .collect();
        format!("{}…", cut.trim_end())
    }

    /// Greedy word wrap to `max`; a word longer than a line is cut with "…".
    pub(super) fn wrap(&self, text: &str, size: f32, max: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let joined = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
            if line.is_empty() || self.width(&joined, size) <= max {
                line = joined;
            } else {
                lines.push(std::mem::replace(&mut line, word.to_string()));
            }
        }
        lines.push(line);
        lines.iter().map(|l| self.fit(l, size, max)).collect()
    }
}

/// Pages of drawing operations, laid out top to bottom, with a cursor `y`.
pub(super) struct Doc {
    pub(super) pdf: PdfDocument,
    pub(super) regular: Face,
    pub(super) bold: Face,
    /// Left of every footer: the report and the workspace.
    pub(super) footer: String,
    pub(super) generated: NaiveDate,
    pub(super) pages: Vec<Vec<Op>>,
    /// The page drawing goes to; the footers revisit every page.
    pub(super) current: usize,
    /// The top of the free space on the current page.
    pub(super) y: f32,
}

impl Doc {
    pub(super) fn new(title: &str, workspace: &str, generated: NaiveDate) -> Doc {
        let mut pdf = PdfDocument::new(&format!("{title}: {workspace}"));
        let date = pdf_date(generated);
        let info = &mut pdf.metadata.info;
        info.creator = "opmodel".into();
        info.subject = format!("{title} for the workspace {workspace}");
        (info.creation_date, info.modification_date, info.metadata_date) = (date, date, date);
        let regular = Face::load(&mut pdf, REGULAR_TTF);
        let bold = Face::load(&mut pdf, BOLD_TTF);
        Doc { pdf, regular, bold, footer: format!("{title} · {workspace}"), generated, pages: vec![Vec::new()], current: 0, y: MARGIN }
    }

    pub(super) fn face(&self, bold: bool) -> &Face {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.current = self.pages.len() - 1;
        self.y = MARGIN;
    }

    pub(super) fn room(&self) -> f32 {
        CONTENT_BOTTOM - self.y
    }

    /// Starts a new page unless `h` points still fit on this one.
    pub(super) fn ensure(&mut self, h: f32) {
        if self.room() < h && self.y > MARGIN {
            self.new_page();
        }
    }

    pub(super) fn ops(&mut self) -> &mut Vec<Op> {
        &mut self.pages[self.current]
    }

    pub(super) fn text(&mut self, x: f32, baseline: f32, text: &str, style: Style) {
        let font = self.face(style.bold).id.clone();
        self.ops().extend([
            Op::SetFillColor { col: color(style.color) },
            Op::StartTextSection,
            Op::SetFont { font: PdfFontHandle::External(font), size: Pt(style.size) },
            Op::SetTextCursor { pos: point(x, baseline) },
            Op::ShowText { items: vec![TextItem::Text(text.to_string())] },
            Op::EndTextSection,
        ]);
    }

    /// Text aligned inside a box from `x`, `w` wide (not cut: callers fit it).
    pub(super) fn text_in(&mut self, x: f32, w: f32, baseline: f32, text: &str, style: Style, align: Align) {
        let width = self.face(style.bold).width(text, style.size);
        let left = match align {
            Align::Left => x,
            Align::Center => x + (w - width) / 2.0,
            Align::Right => x + w - width,
        };
        self.text(left, baseline, text, style);
    }

    pub(super) fn rect(&mut self, x: f32, top: f32, w: f32, h: f32, fill: Rgb3) {
        let rectangle = Rect { x: Pt(x), y: Pt(PAGE_H - top - h), width: Pt(w), height: Pt(h), mode: Some(PaintMode::Fill), winding_order: None };
        self.ops().extend([Op::SetFillColor { col: color(fill) }, Op::DrawRectangle { rectangle }]);
    }

    pub(super) fn line(&mut self, points: &[(f32, f32)], width: f32, stroke: Rgb3) {
        let points = points.iter().map(|&(x, y)| LinePoint { p: point(x, y), bezier: false }).collect();
        self.ops().extend([
            Op::SetOutlineColor { col: color(stroke) },
            Op::SetOutlineThickness { pt: Pt(width) },
            Op::DrawLine { line: Line { points, is_closed: false } },
        ]);
    }

    /// The first page's head: the title and the facts a reader checks first
    /// on the left, the headline figure on the right.
    pub(super) fn title_block(&mut self, title: &str, facts: &[(&str, String)], headline: (&str, String)) {
        self.text(MARGIN, MARGIN + 20.0, title, Style { size: 22.0, bold: true, color: INK });
        let mut baseline = MARGIN + 44.0;
        for (label, value) in facts {
            self.text(MARGIN, baseline, label, Style { color: MUTED, ..BODY });
            let value = self.bold.fit(value, BODY.size, CONTENT_W / 2.0);
            self.text(MARGIN + 80.0, baseline, &value, Style { bold: true, ..BODY });
            baseline += 13.0;
        }
        self.text_in(MARGIN, CONTENT_W, MARGIN + 44.0, headline.0, Style { color: MUTED, ..BODY }, Align::Right);
        self.text_in(MARGIN, CONTENT_W, MARGIN + 66.0, &headline.1, Style { size: 18.0, bold: true, color: INK }, Align::Right);
        self.y = baseline - 4.0;
        self.line(&[(MARGIN, self.y), (MARGIN + CONTENT_W, self.y)], 0.8, INK);
        self.y += 16.0;
    }

    pub(super) fn heading(&mut self, text: &str) {
        // A heading never ends a page.
        self.ensure(90.0);
        self.text(MARGIN, self.y + 13.0, text, Style { size: 13.0, bold: true, color: HEADER_FILL });
        self.y += 22.0;
    }

    pub(super) fn caption(&mut self, x: f32, text: &str) {
        self.text(x, self.y + 11.0, text, CAPTION);
        self.y += CAPTION_H;
    }

    pub(super) fn paragraph(&mut self, text: &str) {
        for line in self.regular.wrap(text, BODY.size, CONTENT_W) {
            self.ensure(LINE_H + 2.0);
            self.text(MARGIN, self.y + 9.0, &line, Style { color: MUTED, ..BODY });
            self.y += LINE_H + 2.0;
        }
        self.y += 8.0;
    }

    /// Every page's footer: report and workspace left, generation date in
    /// the middle, "Page k of N" right.
    pub(super) fn footer(&mut self, n: usize) {
        let baseline = PAGE_H - MARGIN;
        self.line(&[(MARGIN, baseline - 12.0), (MARGIN + CONTENT_W, baseline - 12.0)], 0.5, RULE);
        let left = self.regular.fit(&self.footer, SMALL.size, CONTENT_W * 0.4);
        self.text(MARGIN, baseline, &left, SMALL);
        self.text_in(MARGIN, CONTENT_W, baseline, &format!("Generated {}", self.generated), SMALL, Align::Center);
        self.text_in(MARGIN, CONTENT_W, baseline, &format!("Page {} of {n}", self.current + 1), SMALL, Align::Right);
    }

    pub(super) fn finish(mut self) -> Vec<u8> {
        let n = self.pages.len();
        for k in 0..n {
            self.current = k;
            self.footer(n);
        }
        let pages = self.pages.into_iter().map(|ops| PdfPage::new(Mm(297.0), Mm(210.0), ops)).collect();
        self.pdf.with_pages(pages).save(&PdfSaveOptions::default(), &mut Vec::new())
    }
}

pub(super) fn color(c: Rgb3) -> Color {
    Color::Rgb(Rgb::new(c[0], c[1], c[2], None))
}

/// A point given from the page's top edge, in PDF's bottom-up coordinates.
pub(super) fn point(x: f32, top: f32) -> Point {
    Point { x: Pt(x), y: Pt(PAGE_H - top) }
}

pub(super) fn pdf_date(d: NaiveDate) -> printpdf::OffsetDateTime {
    printpdf::DateTime {
        date: printpdf::Date { year: d.year(), month: d.month() as u8, day: d.day() as u8 },
        time: printpdf::Time { hour: 0, minute: 0, second: 0, millisecond: 0 },
        offset: printpdf::Offset { hours: 0, minutes: 0, seconds: 0, milliseconds: 0 },
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    Left,
    Center,
    Right,
}

/// The baseline that centres capitals in a band from `top`, `h` high
/// (DejaVu Sans' capitals are 0.73 em tall).
pub(super) fn centred_baseline(top: f32, h: f32, size: f32) -> f32 {
    top + h / 2.0 + 0.365 * size
}

/// Dark text on light fills, white on dark ones.
pub(super) fn text_on(fill: Rgb3) -> Rgb3 {
    let luminance = 0.299 * fill[0] + 0.587 * fill[1] + 0.114 * fill[2];
    if luminance < 0.55 {
        WHITE
    } else {
        INK
    }
}
