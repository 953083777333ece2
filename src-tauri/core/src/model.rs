//! The things a workspace holds: teams, domains and services.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::money::Money;
use crate::selector::{OperatingModel, ServiceKind};

/// Who funds a team, and so who holds its budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Funding {
    /// Product-funded: Head of Product.
    Product,
    /// IT-funded: Head of Delivery.
    It,
    /// An application support team: Head of Operations.
    Operations,
}

impl Funding {
    pub const EXPECTED: &'static str = "product, it or operations";

    pub fn parse(text: &str) -> Option<Funding> {
        match text.trim().to_ascii_lowercase().as_str() {
            "product" => Some(Funding::Product),
            "it" => Some(Funding::It),
            "operations" => Some(Funding::Operations),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Funding::Product => "product",
            Funding::It => "it",
            Funding::Operations => "operations",
        }
    }

    pub fn budget_holder(self) -> BudgetHolder {
        match self {
            Funding::Product => BudgetHolder::HeadOfProduct,
            Funding::It => BudgetHolder::HeadOfDelivery,
            Funding::Operations => BudgetHolder::HeadOfOperations,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BudgetHolder {
    HeadOfProduct,
    HeadOfDelivery,
    HeadOfOperations,
}

impl BudgetHolder {
    /// In the order reports list them.
    pub const ALL: [BudgetHolder; 3] = [BudgetHolder::HeadOfProduct, BudgetHolder::HeadOfDelivery, BudgetHolder::HeadOfOperations];

    pub fn as_str(self) -> &'static str {
        match self {
            BudgetHolder::HeadOfProduct => "head_of_product",
            BudgetHolder::HeadOfDelivery => "head_of_delivery",
            BudgetHolder::HeadOfOperations => "head_of_operations",
        }
    }

    /// For people: "Head of Product".
    pub fn label(self) -> &'static str {
        match self {
            BudgetHolder::HeadOfProduct => "Head of Product",
            BudgetHolder::HeadOfDelivery => "Head of Delivery",
            BudgetHolder::HeadOfOperations => "Head of Operations",
        }
    }

    /// A domain's on-call budget holder is a product or delivery head.
    pub fn parse_domain_holder(text: &str) -> Option<BudgetHolder> {
        // The code, or the words: "Head of Delivery".
        match text.trim().to_ascii_lowercase().replace(' ', "_").as_str() {
            "head_of_product" => Some(BudgetHolder::HeadOfProduct),
            "head_of_delivery" => Some(BudgetHolder::HeadOfDelivery),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DomainKind {
    /// Grouped by customer journey (recommended).
    Product,
    /// Grouped by technology capability (recommended).
    Architecture,
    /// Grouped by region: allowed, flagged as not recommended.
    Geography,
    /// Grouped by tool: allowed, flagged as not recommended.
    Technology,
}

impl DomainKind {
    pub const EXPECTED: &'static str = "product, architecture, geography or technology";

    pub fn parse(text: &str) -> Option<DomainKind> {
        match text.trim().to_ascii_lowercase().as_str() {
            "product" => Some(DomainKind::Product),
            "architecture" => Some(DomainKind::Architecture),
            "geography" => Some(DomainKind::Geography),
            "technology" => Some(DomainKind::Technology),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DomainKind::Product => "product",
            DomainKind::Architecture => "architecture",
            DomainKind::Geography => "geography",
            DomainKind::Technology => "technology",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Team {
    pub name: String,
    pub funding: Funding,
    pub on_call_participants: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Domain {
    pub name: String,
    pub kind: DomainKind,
    pub on_call_budget_holder: BudgetHolder,
}

/// An ISO date (YYYY-MM-DD) in the years 1900 to 9999, so that a year's
/// worth of days after it is always a date.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    let d = NaiveDate::parse_from_str(t, "%Y-%m-%d").ok()?;
    (t.len() == 10 && (1900..=9999).contains(&chrono::Datelike::year(&d))).then_some(d)
}

/// An inclusive range of calendar days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateRange {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl DateRange {
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }

    /// `2026-11-23..2026-11-29;2026-12-14..2026-12-24`; empty for none.
    pub fn parse_list(text: &str) -> Option<Vec<DateRange>> {
        let t = text.trim();
        if t.is_empty() {
            return Some(Vec::new());
        }
        t.split(';')
            .map(|r| {
                let (a, b) = r.trim().split_once("..")?;
                let start = parse_date(a)?;
                let end = parse_date(b)?;
                (start <= end).then_some(DateRange { start, end })
            })
            .collect()
    }

    pub fn format_list(ranges: &[DateRange]) -> String {
        ranges.iter().map(|r| format!("{}..{}", r.start, r.end)).collect::<Vec<_>>().join(";")
    }
}

/// A peak exposure and the days it applies (Black Friday week).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Peak {
    pub exposure_per_hour: Money,
    pub periods: Vec<DateRange>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Override {
    pub model: OperatingModel,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Service {
    pub id: i64,
    pub name: String,
    pub kind: ServiceKind,
    pub team: String,
    pub domain: Option<String>,
    pub exposure_per_hour: Money,
    /// A demand band label, lower-case.
    pub feature_demand: String,
    pub peak: Option<Peak>,
    pub out_of_hours_incidents_per_year: Decimal,
    pub model_override: Option<Override>,
}

impl Service {
    /// The hourly exposure that applies on a day: the peak one inside a peak range.
    pub fn exposure_on(&self, day: NaiveDate) -> Money {
        match &self.peak {
            Some(p) if p.periods.iter().any(|r| r.contains(day)) => p.exposure_per_hour,
            _ => self.exposure_per_hour,
        }
    }
}
