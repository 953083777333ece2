//! Tables of fixed-width columns that repeat their caption, header and
//! group heading on every page they run onto.

use super::doc::*;


pub(super) struct Col {
    pub(super) header: String,
    pub(super) width: f32,
    pub(super) align: Align,
    /// Wrap long text onto more lines instead of cutting it with "…".
    pub(super) wrap: bool,
}

impl Col {
    pub(super) fn new(header: impl Into<String>, width_mm: f32, align: Align) -> Col {
        Col { header: header.into(), width: width_mm * MM, align, wrap: false }
    }

    pub(super) fn wrapped(mut self) -> Col {
        self.wrap = true;
        self
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Body,
    /// A heading row spanning the table, e.g. a budget holder.
    Group,
    Subtotal,
    Total,
}

#[derive(Clone)]
pub(super) struct Cell {
    pub(super) text: String,
    /// A cell's own background, drawn as a tile (RACI letters).
    pub(super) fill: Option<Rgb3>,
    pub(super) bold: bool,
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell { text: text.to_string(), fill: None, bold: false }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell { text, fill: None, bold: false }
    }
}

#[derive(Clone)]
pub(super) struct Row {
    pub(super) kind: Kind,
    pub(super) cells: Vec<Cell>,
}

impl Row {
    pub(super) fn new<T: Into<Cell>>(kind: Kind, cells: impl IntoIterator<Item = T>) -> Row {
        Row { kind, cells: cells.into_iter().map(Into::into).collect() }
    }

    pub(super) fn body<T: Into<Cell>>(cells: impl IntoIterator<Item = T>) -> Row {
        Row::new(Kind::Body, cells)
    }

    /// A group heading repeated at the top of the next page.
    pub(super) fn continued(&self) -> Row {
        let mut row = self.clone();
        row.cells[0].text.push_str(" (continued)");
        row
    }
}

/// Columns of fixed width. Draws a caption and a header row, then the rows;
/// on a page break it starts the next page with the caption "(continued)",
/// the header again and, inside a group, the group heading again.
pub(super) struct Table {
    pub(super) x: f32,
    pub(super) cols: Vec<Col>,
}

impl Table {
    pub(super) fn new(cols: Vec<Col>) -> Table {
        Table { x: MARGIN, cols }
    }

    pub(super) fn width(&self) -> f32 {
        self.cols.iter().map(|c| c.width).sum()
    }

    /// How much of the table must fit on the page it starts on: a short
    /// table whole, a long one its caption and header with two rows.
    pub(super) fn start_height(&self, doc: &Doc, rows: &[Row]) -> f32 {
        let head = CAPTION_H + self.header_height(doc);
        let mut whole = head;
        for row in rows {
            whole += self.row_height(doc, row);
            if whole > (CONTENT_BOTTOM - MARGIN) / 2.0 {
                return head + rows.iter().take(2).map(|r| self.row_height(doc, r)).sum::<f32>();
            }
        }
        whole
    }

    pub(super) fn draw(&self, doc: &mut Doc, caption: &str, rows: &[Row]) {
        doc.ensure(self.start_height(doc, rows));
        doc.caption(self.x, caption);
        self.draw_header(doc);
        let mut group: Option<&Row> = None;
        let mut zebra = false;
        for row in rows {
            let lines = self.row_lines(doc, row);
            let h = Table::height(&lines);
            // A group heading never ends a page: it keeps its first row.
            let keep = if row.kind == Kind::Group { 2.0 * h } else { h };
            if doc.room() < keep {
                doc.new_page();
                doc.caption(self.x, &format!("{caption} (continued)"));
                self.draw_header(doc);
                zebra = false;
                if let (Some(g), true) = (group, row.kind != Kind::Group) {
                    let g = g.continued();
                    self.draw_row(doc, &g, &self.row_lines(doc, &g), false);
                }
            }
            match row.kind {
                Kind::Group => group = Some(row),
                Kind::Subtotal | Kind::Total => group = None,
                Kind::Body => {}
            }
            self.draw_row(doc, row, &lines, zebra);
            zebra = row.kind == Kind::Body && !zebra;
        }
        doc.y += TABLE_GAP;
    }

    /// The lines each cell is drawn as: wrapped, or cut to one line with "…".
    pub(super) fn layout(&self, doc: &Doc, cells: &[Cell], bold: bool, wrap: bool) -> Vec<Vec<String>> {
        self.cols
            .iter()
            .zip(cells)
            .map(|(col, cell)| {
                let face = doc.face(bold || cell.bold);
                let max = col.width - 2.0 * CELL_PAD_X;
                if wrap || col.wrap {
                    face.wrap(&cell.text, BODY.size, max)
                } else {
                    vec![face.fit(&cell.text, BODY.size, max)]
                }
            })
            .collect()
    }

    /// A group heading spans the whole table rather than its first column.
    pub(super) fn spanning(&self) -> Table {
        Table { x: self.x, cols: vec![Col { header: String::new(), width: self.width(), align: Align::Left, wrap: false }] }
    }

    pub(super) fn row_lines(&self, doc: &Doc, row: &Row) -> Vec<Vec<String>> {
        match row.kind {
            Kind::Group => self.spanning().layout(doc, &row.cells[..1], true, false),
            _ => self.layout(doc, &row.cells, row.kind != Kind::Body, false),
        }
    }

    pub(super) fn height(lines: &[Vec<String>]) -> f32 {
        lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * LINE_H + 2.0 * CELL_PAD_Y
    }

    pub(super) fn row_height(&self, doc: &Doc, row: &Row) -> f32 {
        Table::height(&self.row_lines(doc, row))
    }

    pub(super) fn header_cells(&self) -> Vec<Cell> {
        self.cols.iter().map(|c| Cell::from(c.header.as_str())).collect()
    }

    pub(super) fn header_height(&self, doc: &Doc) -> f32 {
        Table::height(&self.layout(doc, &self.header_cells(), true, true))
    }

    pub(super) fn draw_header(&self, doc: &mut Doc) {
        let cells = self.header_cells();
        // Headers wrap, so narrow columns can still carry a long heading.
        let lines = self.layout(doc, &cells, true, true);
        let h = Table::height(&lines);
        doc.rect(self.x, doc.y, self.width(), h, HEADER_FILL);
        self.draw_cells(doc, h, &cells, &lines, Style { bold: true, color: WHITE, ..BODY });
        doc.y += h;
    }

    pub(super) fn draw_row(&self, doc: &mut Doc, row: &Row, lines: &[Vec<String>], zebra: bool) {
        let h = Table::height(lines);
        let (x, w, top) = (self.x, self.width(), doc.y);
        match row.kind {
            Kind::Body if zebra => doc.rect(x, top, w, h, ZEBRA),
            Kind::Body => {}
            Kind::Group => doc.rect(x, top, w, h, GROUP_FILL),
            Kind::Subtotal => doc.line(&[(x, top), (x + w, top)], 0.6, MUTED),
            Kind::Total => {
                doc.rect(x, top, w, h, TOTAL_FILL);
                doc.line(&[(x, top), (x + w, top)], 1.0, INK);
            }
        }
        let style = Style { bold: row.kind != Kind::Body, ..BODY };
        match row.kind {
            Kind::Group => self.spanning().draw_cells(doc, h, &row.cells[..1], lines, style),
            _ => self.draw_cells(doc, h, &row.cells, lines, style),
        }
        doc.y += h;
    }

    /// Writes each cell's lines, vertically centred in a row of height `h`
    /// starting at the current position.
    pub(super) fn draw_cells(&self, doc: &mut Doc, h: f32, cells: &[Cell], lines: &[Vec<String>], style: Style) {
        let top = doc.y;
        let mut x = self.x;
        for ((col, cell), cell_lines) in self.cols.iter().zip(cells).zip(lines) {
            let mut style = Style { bold: style.bold || cell.bold, ..style };
            if let Some(fill) = cell.fill {
                // Inset, so neighbouring coloured cells read as separate tiles.
                doc.rect(x + 1.0, top + 1.0, col.width - 2.0, h - 2.0, fill);
                style.color = text_on(fill);
            }
            let first = top + (h - cell_lines.len() as f32 * LINE_H) / 2.0;
            for (i, line) in cell_lines.iter().enumerate() {
                let baseline = centred_baseline(first + i as f32 * LINE_H, LINE_H, style.size);
                doc.text_in(x + CELL_PAD_X, col.width - 2.0 * CELL_PAD_X, baseline, line, style, col.align);
            }
            x += col.width;
        }
    }
}
