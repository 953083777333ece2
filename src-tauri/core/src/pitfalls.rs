//! The pitfalls the tool detects, each naming its services and the practice
//! that avoids it (wording from the playbook's pitfalls).

use crate::budget::{Budget, Category};
use crate::model::{BudgetHolder, DomainKind};
use crate::oncall::OutOfHours;
use crate::portfolio::Portfolio;
use crate::raci::{responsible_but_unaccountable, service_raci};
use crate::schedules::{cover, Scenario, Schedules};
use crate::selector::{OperatingModel, ServiceKind};
use crate::settings::Remuneration;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub pitfall: &'static str,
    pub services: Vec<String>,
    pub detail: String,
    pub advice: &'static str,
}

fn names(p: &Portfolio, idx: impl IntoIterator<Item = usize>) -> Vec<String> {
    let mut v: Vec<String> = idx.into_iter().map(|i| p.services[i].name.clone()).collect();
    v.sort();
    v.dedup();
    v
}

/// The pitfalls of a portfolio, given its budget.
pub fn pitfalls(p: &Portfolio, b: &Budget) -> Vec<Finding> {
    let plan: &Schedules = &b.schedules;
    let mut out = Vec::new();
    let s = &p.settings;
    let covers: Vec<_> = p.services.iter().map(|svc| cover(svc, svc.exposure_per_hour, s, Scenario::Planned)).collect();

    // Linear run cost: on a normal day, team schedules cover most of the
    // YBIYRI services on call out of hours.
    let ybiyri = |c: &crate::schedules::Cover| c.model == OperatingModel::YouBuildItYouRunIt;
    let on_team: Vec<usize> = covers.iter().enumerate().filter(|(_, c)| ybiyri(c) && c.out_of_hours == OutOfHours::Team).map(|(i, _)| i).collect();
    let mut teams: Vec<&str> = on_team.iter().map(|i| p.services[*i].team.as_str()).collect();
    teams.sort();
    teams.dedup();
    let on_call = covers.iter().filter(|c| ybiyri(c) && c.out_of_hours != OutOfHours::None).count();
    if teams.len() >= 2 && on_team.len() * 2 > on_call {
        out.push(Finding {
            pitfall: "linear_run_cost",
            services: names(p, on_team.iter().copied()),
            detail: format!("{} team schedules cover {} of the {} services on call out of hours: standby grows as R(n) with teams", teams.len(), on_team.len(), on_call),
            advice: "Select availability targets and out-of-hours schedules on financial exposure, so product teams at scale share domain schedules instead of producing linear run costs.",
        });
    }

    // Responsible but unaccountable: accountable Head of Operations, or on-call paid from operations opex.
    let raci = service_raci(p);
    let mut unaccountable = responsible_but_unaccountable(p, &raci);
    for li in &b.line_items {
        let digital_ybiyri = p.services[li.index].kind == ServiceKind::Digital && covers[li.index].model == OperatingModel::YouBuildItYouRunIt;
        if digital_ybiyri && li.budget_holder == BudgetHolder::HeadOfOperations && li.category == Category::Opex {
            unaccountable.push(li.service.clone());
        }
    }
    unaccountable.sort();
    unaccountable.dedup();
    if !unaccountable.is_empty() {
        out.push(Finding {
            pitfall: "responsible_but_unaccountable",
            services: unaccountable,
            detail: "digital services run You Build It You Run It with the Head of Operations accountable, or on-call funded from operations opex".into(),
            advice: "Make product team budget holders accountable for business outcomes, and fund on-call costs from product team budgets.",
        });
    }

    // Limited on-call schedule: fewer than three people in a rotation.
    for x in &plan.schedules {
        if x.participants < 3 {
            out.push(Finding {
                pitfall: "limited_on_call_schedule",
                services: names(p, x.services.iter().copied()),
                detail: format!("the {} has {} participants: each is on call one week in {}", x.name(), x.participants, x.participants.max(1)),
                advice: "Craft a sustainable on-call schedule of at least three people, prepare them for on-call from day one, and pay them fairly.",
            });
        }
    }

    // Inflated availability targets: most services at 99.9% or more, or on
    // their own team's schedule out of hours.
    let high: Vec<usize> = p.services.iter().enumerate()
        .filter(|(i, svc)| {
            s.exposure_bands.target(svc.exposure_per_hour).level >= crate::availability::Level::THREE_NINES
                || (ybiyri(&covers[*i]) && covers[*i].out_of_hours == OutOfHours::Team)
        })
        .map(|(i, _)| i)
        .collect();
    if high.len() >= 2 && high.len() * 2 > p.services.len() {
        out.push(Finding {
            pitfall: "inflated_availability_targets",
            services: names(p, high.iter().copied()),
            detail: format!("{} of {} services have a target of 99.9% or more, or a team schedule out of hours", high.len(), p.services.len()),
            advice: "Revalidate financial exposure bands each quarter and select targets on exposure, so product managers balance availability with engineering effort.",
        });
    }

    // Callout-only remuneration.
    if s.remuneration_model == Remuneration::CalloutOnly {
        let covered: Vec<usize> = covers.iter().enumerate().filter(|(_, c)| c.out_of_hours != OutOfHours::None).map(|(i, _)| i).collect();
        out.push(Finding {
            pitfall: "callout_only_remuneration",
            services: names(p, covered),
            detail: "on-call people are paid only when called out: unfair remuneration, not recommended".into(),
            advice: "Ensure fair remuneration for on-call people: pay standby, and callout on top.",
        });
    }

    // Domains grouped by geography or tool.
    for d in p.domains.iter().filter(|d| matches!(d.kind, DomainKind::Geography | DomainKind::Technology)) {
        let members = p.services.iter().enumerate().filter(|(_, svc)| svc.domain.as_deref() == Some(d.name.as_str())).map(|(i, _)| i);
        out.push(Finding {
            pitfall: "domain_by_geography_or_tool",
            services: names(p, members),
            detail: format!("domain {} is grouped by {}: not recommended", d.name, d.kind.as_str()),
            advice: "Group domains by customer journey (product) or technology capability (architecture), to keep on-call cognitive load low.",
        });
    }

    // Digital services with low demand and a low target: the selector's own warning.
    let low: Vec<usize> = p.services.iter().enumerate()
        .filter(|(_, svc)| crate::assess::assess(svc, s).selection.warning.is_some())
        .map(|(i, _)| i)
        .collect();
    if !low.is_empty() {
        out.push(Finding {
            pitfall: "low_demand_digital_service",
            services: names(p, low),
            detail: "digital services with low feature demand and the lowest availability target: are we building the right thing?".into(),
            advice: "Revisit the product strategy for these services: retire, merge or re-fund them before choosing how to run them.",
        });
    }

    if !plan.without_domain.is_empty() {
        out.push(Finding {
            pitfall: "domain_level_without_domain",
            services: names(p, plan.without_domain.iter().copied()),
            detail: "services that need a domain schedule out of hours but belong to no domain: nobody is on call for them".into(),
            advice: "Put each service at the domain level into a product or architecture domain, so sibling teams share its out-of-hours schedule.",
        });
    }
    out
}
