//! The PDF reports, read back with poppler (pdffonts, pdfinfo, pdftotext)
//! the way a reader's software sees them.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use opmodel_core::budget::budget;
use opmodel_core::model::{BudgetHolder, Funding, Team};
use opmodel_core::pdf::{budget_pdf, raci_pdf};
use opmodel_core::portfolio::Portfolio;
use opmodel_core::premiums::premiums;
use opmodel_core::Workspace;

const WORKSPACE: &str = "furniture.opmodel";

fn generated() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 4).unwrap()
}

/// The playbook's example: three services.
fn example() -> Portfolio {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join(WORKSPACE)).unwrap();
    opmodel_core::demo::write_example(&mut ws, false).unwrap();
    Portfolio::load(&ws).unwrap()
}

/// The example grown to `n` services by copying its services under new names.
fn grown(n: usize) -> Portfolio {
    let mut p = example();
    let originals = p.services.clone();
    for i in 0..n - originals.len() {
        let mut s = originals[i % originals.len()].clone();
        s.name = format!("{}-{:04}", s.name, i + 1);
        p.services.push(s);
    }
    p
}

/// A workshop's portfolio: `n` services over 40 teams in 15 domains (the
/// example's services, teams and domains copied under new names).
fn workshop(n: usize) -> Portfolio {
    let mut p = grown(n);
    let (team, domain) = (p.teams[0].clone(), p.domains[0].clone());
    p.teams = (0..40).map(|i| opmodel_core::model::Team { name: format!("team-{i:02}"), ..team.clone() }).collect();
    p.domains = (0..15).map(|i| opmodel_core::model::Domain { name: format!("domain-{i:02}"), ..domain.clone() }).collect();
    for (i, s) in p.services.iter_mut().enumerate() {
        s.team = format!("team-{:02}", i % 40);
        s.domain = Some(format!("domain-{:02}", i % 40 % 15));
    }
    p
}

/// Runs a poppler tool, failing clearly when it is not installed.
fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool).args(args).arg(pdf).args(if tool == "pdftotext" { &["-"][..] } else { &[][..] }).output();
    let out = match out {
        Ok(out) => out,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            panic!("{tool} is not installed; these tests read the PDFs with poppler: apt-get install poppler-utils")
        }
        Err(e) => panic!("running {tool}: {e}"),
    };
    assert!(out.status.success(), "{tool} {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8 from poppler")
}

struct Pdf {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Pdf {
    fn write(bytes: &[u8]) -> Pdf {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.pdf");
        std::fs::write(&path, bytes).unwrap();
        Pdf { _dir: dir, path }
    }

    fn pages(&self) -> usize {
        let info = poppler("pdfinfo", &[], &self.path);
        let line = info.lines().find(|l| l.starts_with("Pages:")).expect("pdfinfo prints the page count");
        line["Pages:".len()..].trim().parse().unwrap()
    }

    fn title(&self) -> String {
        let info = poppler("pdfinfo", &[], &self.path);
        info.lines().find_map(|l| l.strip_prefix("Title:")).expect("a title").trim().to_string()
    }

    fn text(&self) -> String {
        poppler("pdftotext", &["-layout"], &self.path)
    }

    fn page(&self, k: usize) -> String {
        let k = k.to_string();
        poppler("pdftotext", &["-layout", "-f", &k, "-l", &k], &self.path)
    }

    /// Every font is embedded: pdffonts' "emb" column says yes.
    fn assert_fonts_embedded(&self) {
        let listing = poppler("pdffonts", &[], &self.path);
        let header = listing.lines().next().expect("pdffonts header");
        let emb = header.find("emb").expect("an emb column");
        let fonts: Vec<&str> = listing.lines().skip(2).filter(|l| !l.trim().is_empty()).collect();
        assert!(!fonts.is_empty(), "no fonts at all:\n{listing}");
        for font in fonts {
            assert_eq!(&font[emb..emb + 3], "yes", "not embedded:\n{listing}");
            assert!(font.contains("DejaVu"), "an unexpected font:\n{listing}");
        }
    }

    fn assert_footers(&self, title: &str) {
        let n = self.pages();
        for k in [1, n] {
            let page = self.page(k);
            assert!(page.contains(&format!("Page {k} of {n}")), "page {k} footer:\n{page}");
            assert!(page.contains(&format!("{title} · {WORKSPACE}")), "page {k} footer:\n{page}");
        }
    }

    /// The pages from the one showing `start` up to, not including, the one showing `end`.
    fn pages_between(&self, start: &str, end: Option<&str>) -> Vec<(usize, String)> {
        let pages: Vec<(usize, String)> = (1..=self.pages()).map(|k| (k, self.page(k))).collect();
        let first = pages.iter().position(|(_, t)| t.contains(start)).expect("the section starts");
        let last = end.map_or(pages.len(), |e| pages.iter().position(|(_, t)| t.contains(e)).expect("the next section"));
        pages[first..last].to_vec()
    }
}

/// A line that holds every one of the words, in order, as a header row does.
fn has_row(text: &str, words: &[&str]) -> bool {
    text.lines().any(|l| {
        let mut rest = l;
        words.iter().all(|w| match rest.find(w) {
            Some(i) => {
                rest = &rest[i + w.len()..];
                true
            }
            None => false,
        })
    })
}

const LINE_ITEM_HEADER: [&str; 6] = ["Service", "Schedule", "Category", "Standby (USD)", "Callout (USD)", "Amount (USD)"];
const RACI_HEADER: [&str; 3] = ["Service", "Team", "Operating model"];

#[test]
fn the_budget_pdf_embeds_its_fonts_and_reads_back_with_the_presented_amounts() {
    let p = example();
    let pdf = Pdf::write(&budget_pdf(&p, WORKSPACE, generated()));
    pdf.assert_fonts_embedded();
    assert_eq!(pdf.title(), format!("On-call budget: {WORKSPACE}"));
    pdf.assert_footers("On-call budget");

    let text = pdf.text();
    for expected in ["On-call budget", WORKSPACE, "USD", "2026-04-01 to 2027-03-30, 364 days", "2026-05-04"] {
        assert!(pdf.page(1).contains(expected), "{expected:?} on the first page");
    }
    let b = budget(&p);
    assert!(b.total.amount > opmodel_core::money::Money::ZERO);
    assert!(text.contains(&b.total.amount.grouped()), "the total {}", b.total.amount.grouped());
    for h in [BudgetHolder::HeadOfProduct, BudgetHolder::HeadOfOperations] {
        assert!(text.contains(&b.holder_total(h).grouped()), "{h:?}");
    }
    for li in &b.line_items {
        assert!(has_row(&text, &[&li.service, &li.amount.grouped()]), "line item {li:?}");
    }
    let pr = premiums(&p);
    for total in [pr.ops_run_it.total, pr.you_build_it_you_run_it.total] {
        assert!(text.contains(&total.grouped()), "premium total {}", total.grouped());
    }
    for section in ["1. Summary per budget holder", "2. Before and after the transfer", "3. Line items", "4. Premium comparison", "5. Domain map", "6. Operating model selector", "7. Assumptions"] {
        assert!(text.contains(section), "{section}");
    }
    assert!(text.contains("Developer standby rate"), "the assumptions appendix");
    assert!(has_row(&text, &LINE_ITEM_HEADER));
}

#[test]
fn the_budget_pdf_draws_the_domain_map_and_the_selector_with_every_name_as_text() {
    let p = workshop(150);
    let pdf = Pdf::write(&budget_pdf(&p, WORKSPACE, generated()));
    std::fs::copy(&pdf.path, std::env::temp_dir().join("opmodel-workshop-budget.pdf")).unwrap();
    let map: String = pdf.pages_between("5. Domain map", Some("6. Operating model selector")).into_iter().map(|(_, t)| t).collect();
    for d in &p.domains {
        assert!(map.contains(&d.name), "the domain {} on the map", d.name);
    }
    for t in &p.teams {
        assert!(map.contains(&format!("Team {}", t.name)), "the team {} on the map", t.name);
    }
    for s in &p.services {
        assert!(map.contains(&format!("{} ·", s.name)), "the service {} on the map", s.name);
    }
    let selector: String = pdf.pages_between("6. Operating model selector", Some("7. Assumptions")).into_iter().map(|(_, t)| t).collect();
    assert_eq!(pdf.pages_between("6. Operating model selector", Some("7. Assumptions")).len(), 1, "the selector fits one page");
    for level in &opmodel_core::selector_chart::selector_chart(&p).rows {
        assert!(selector.contains(&format!("{level}%")), "{level}% on the selector");
    }
    assert!(selector.contains("deploys daily"), "the demand bands under the chart");
}

#[test]
fn a_thousand_services_paginate_with_the_header_on_every_line_item_page() {
    let small = Pdf::write(&budget_pdf(&example(), WORKSPACE, generated()));
    let p = grown(1000);
    let started = std::time::Instant::now();
    let bytes = budget_pdf(&p, WORKSPACE, generated());
    eprintln!("budget pdf for 1,000 services: {:?}, {} bytes", started.elapsed(), bytes.len());
    let large = Pdf::write(&bytes);
    let (s, l) = (small.pages(), large.pages());
    eprintln!("budget pdf pages: 3 services {s}, 1,000 services {l}");
    assert!(l > s + 20, "pages grow with the portfolio: {s} then {l}");
    large.assert_fonts_embedded();
    large.assert_footers("On-call budget");

    let item_pages = large.pages_between("3. Line items", Some("4. Premium comparison"));
    assert!(item_pages.len() > 10, "{} line item pages", item_pages.len());
    for (k, text) in &item_pages {
        assert!(has_row(text, &LINE_ITEM_HEADER), "the header row on page {k}:\n{text}");
    }
    let last_items = &item_pages.last().unwrap().1;
    assert!(last_items.contains(&budget(&p).total.amount.grouped()), "the grand total ends the line items");
    for (k, text) in large.pages_between("Premium and expected loss per service", Some("5. Domain map")).iter().skip(1) {
        assert!(has_row(text, &["Service", "YBIYRI premium"]), "the premium header on page {k}");
    }
}

#[test]
fn an_empty_portfolio_still_makes_complete_reports() {
    let mut p = example();
    p.services.clear();
    for bytes in [budget_pdf(&p, WORKSPACE, generated()), raci_pdf(&p, WORKSPACE, generated())] {
        let pdf = Pdf::write(&bytes);
        pdf.assert_fonts_embedded();
        assert!(pdf.text().contains("Page 1 of"));
    }
}

#[test]
fn long_names_are_cut_with_an_ellipsis_rather_than_overlapping() {
    let mut p = example();
    let long = "a-service-with-a-name-far-too-long-for-its-column-".repeat(4);
    p.services[1].name = long.clone();
    let text = Pdf::write(&budget_pdf(&p, WORKSPACE, generated())).text();
    assert!(!text.contains(&long));
    assert!(text.contains("a-service-with-a-name-far-too-long"));
    assert!(text.contains('…'));
}

#[test]
fn the_raci_pdf_has_both_matrices_a_legend_and_a_header_on_every_page() {
    let small = Pdf::write(&raci_pdf(&example(), WORKSPACE, generated()));
    small.assert_fonts_embedded();
    assert_eq!(small.title(), format!("Responsibility (RACI) matrix: {WORKSPACE}"));
    small.assert_footers("Responsibility (RACI) matrix");
    let text = small.text();
    for expected in [
        "Responsibility (RACI) matrix",
        "2026-04-01 to 2027-03-30, 364 days",
        "Responsible:",
        "Accountable:",
        "Informed:",
        "Digital services reliability",
        "Foundational systems reliability",
        "availability, support, telemetry, reporting",
    ] {
        assert!(text.contains(expected), "{expected:?}");
    }
    // ecommerce-platform runs Ops Run It: Head of Operations accountable, App Support responsible.
    assert!(has_row(&text, &["ecommerce-platform", "app-support", "Ops Run It", "A", "R", "I", "I", "I"]), "{text}");
    assert!(has_row(&text, &["bedroom", "bedroom-team", "You Build It You Run It", "I", "I", "A", "I", "R"]), "{text}");
    // No cell is C, so the legend leaves C out; services are grouped by team.
    assert!(!text.contains("Consulted:"), "{text}");
    assert!(text.find("Team app-support").unwrap() < text.find("Team bedroom-team").unwrap(), "{text}");
    // An overridden model is marked in its row, and its reason listed.
    let mut overridden = example();
    let bedroom = overridden.services.iter_mut().find(|s| s.name == "bedroom").unwrap();
    bedroom.model_override = Some(opmodel_core::model::Override { model: opmodel_core::selector::OperatingModel::OpsRunIt, reason: "team not formed until Q3".into() });
    let text = Pdf::write(&raci_pdf(&overridden, WORKSPACE, generated())).text();
    assert!(text.contains("Ops Run It (overridden)") && text.contains("team not formed until Q3"), "{text}");

    let large = Pdf::write(&raci_pdf(&grown(1000), WORKSPACE, generated()));
    let (s, l) = (small.pages(), large.pages());
    eprintln!("raci pdf pages: 3 services {s}, 1,000 services {l}");
    assert!(l > s + 20, "pages grow with the portfolio: {s} then {l}");
    large.assert_footers("Responsibility (RACI) matrix");
    for (k, text) in large.pages_between("2. Per service", None) {
        assert!(has_row(&text, &RACI_HEADER), "the header row on page {k}:\n{text}");
    }
}

/// Not a check: writes sample reports for people to look at, e.g.
/// `PDF_SAMPLES=/tmp/pdfcheck cargo test -p opmodel-core --test pdf -- --ignored`.
/// "stress" has 60 product teams, long names and a long workspace name.
#[test]
#[ignore]
fn write_samples() {
    let dir = PathBuf::from(std::env::var("PDF_SAMPLES").unwrap_or_else(|_| "/tmp/pdfcheck".into()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut stress = grown(200);
    for (i, s) in stress.services.iter_mut().enumerate().filter(|(_, s)| s.team == "bedroom-team") {
        s.team = format!("product-team-with-a-rather-long-name-{:02}", i % 60);
        s.name = format!("{}-a-service-whose-name-goes-on-and-on-and-on", s.name);
    }
    for i in 0..60 {
        stress.teams.push(Team { name: format!("product-team-with-a-rather-long-name-{i:02}"), funding: Funding::Product, on_call_participants: 5 });
    }
    let long_name = "quarterly-planning-workspace-for-the-furniture-retailer-with-a-very-long-file-name.opmodel";
    for (name, p, workspace) in [("3", example(), WORKSPACE), ("1000", grown(1000), WORKSPACE), ("stress", stress, long_name)] {
        std::fs::write(dir.join(format!("budget-{name}.pdf")), budget_pdf(&p, workspace, generated())).unwrap();
        std::fs::write(dir.join(format!("raci-{name}.pdf")), raci_pdf(&p, workspace, generated())).unwrap();
    }
}
