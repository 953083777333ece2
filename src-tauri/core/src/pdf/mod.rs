//! The budget and RACI reports as PDF, for finance to forward unedited.
//!
//! A4 landscape with 15 mm margins. DejaVu Sans is embedded (never the
//! unembedded built-in fonts), so every reader shows the same glyphs and
//! the text stays selectable. Amounts are the budget's presented amounts,
//! written with `Money::grouped()`; floating point only places bars and
//! lines on charts. Tables repeat their header on every page they run onto,
//! and every page has a "Page k of N" footer.

mod budget;
mod charts;
mod compare;
mod doc;
mod incidents;
mod pictures;
mod raci;
mod table;

pub use budget::{budget_pdf, budget_pdf_with};
pub use compare::comparison_pdf;
pub use incidents::incidents_pdf;
pub use raci::raci_pdf;

#[cfg(test)]
mod tests {
    use printpdf::PdfDocument;

    use super::charts::Axis;
    use super::doc::{Face, REGULAR_TTF};

    #[test]
    fn axes_step_in_round_whole_numbers() {
        let steps = |max: f32| {
            let a = Axis::new(max);
            (a.step, a.ticks)
        };
        assert_eq!(steps(15_155_333.33), (5_000_000, 4));
        assert_eq!(steps(260_000.0), (100_000, 3));
        assert_eq!(steps(12_000.0), (2_500, 5));
        assert_eq!(steps(0.0), (1, 1));
        assert_eq!(Axis::new(5_049_434_000.0).label(3), "6,000,000,000");
    }

    #[test]
    fn text_is_cut_to_fit_its_column_by_the_font_s_own_advances() {
        let mut pdf = PdfDocument::new("test");
        let face = Face::load(&mut pdf, REGULAR_TTF);
        let long = "ecommerce-platform-with-a-very-long-name";
        let cut = face.fit(long, 9.0, 100.0);
        assert!(cut.ends_with('…') && long.starts_with(cut.trim_end_matches('…')), "{cut}");
        assert!(face.width(&cut, 9.0) <= 100.0);
        assert_eq!(face.fit("bedroom", 9.0, 100.0), "bedroom");
        assert_eq!(face.wrap("A for product-funded services", 9.0, 100.0), ["A for product-funded", "services"]);
    }
}
