//! What every CLI test needs: the binary run on a workspace, its output and its reports.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

pub fn opmodel(ws: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .arg("--workspace")
        .arg(ws)
        .args(args)
        .env_remove("OPMODEL_WORKSPACE")
        .output()
        .expect("run opmodel")
}

pub fn ok(out: Output) -> String {
    assert!(out.status.success(), "status {:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn services(ws: &Path) -> Vec<Value> {
    let v: Value = serde_json::from_str(&ok(opmodel(ws, &["report", "services", "--format", "json"]))).unwrap();
    v.as_array().unwrap().clone()
}

pub fn find<'a>(all: &'a [Value], name: &str) -> &'a Value {
    all.iter().find(|s| s["name"] == name).unwrap_or_else(|| panic!("no service {name}"))
}

pub fn report(ws: &Path, what: &str, format: &str) -> String {
    ok(opmodel(ws, &["report", what, "--format", format]))
}

/// Parses a CSV export (with its BOM) into a header and rows.
pub fn parse_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    assert!(text.starts_with('\u{feff}'), "UTF-8 with BOM");
    let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r.records().map(|x| x.unwrap().iter().map(str::to_string).collect()).collect();
    (header, rows)
}

/// The playbook's example in a workspace of its own, with the folder that holds it (removed when dropped).
pub fn demo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.opmodel");
    ok(opmodel(&ws, &["demo"]));
    (dir, ws)
}

/// A PDF's text, as poppler's pdftotext reads it.
pub fn pdf_text(pdf: &Path) -> String {
    String::from_utf8(Command::new("pdftotext").arg(pdf).arg("-").output().expect("pdftotext (poppler-utils)").stdout).unwrap()
}
