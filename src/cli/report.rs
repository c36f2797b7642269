//! `geodep report`: a scenario's dependence measures, sanctions coalitions, consistency flags, network measures
//! and vote alignment for one year, as text, JSON or CSV (the dependence table).

use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::inputs::{self, Refused};
use super::output::{Output, say};
use crate::analysis::{alignment, coalition, dependence, flags, network};
use crate::format::percent;
use crate::model::Scenario;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
    Csv,
}

#[derive(Serialize)]
struct Report {
    file: String,
    year: i32,
    dependence: Vec<dependence::Dependence>,
    /// Each supplier's customers for each commodity, most dependent first.
    customers: Vec<Customers>,
    coalitions: Vec<coalition::Coalition>,
    flags: Vec<flags::Flag>,
    network: Vec<network::ActorMeasures>,
    /// Agreement with the most sanctioned actor, when it voted.
    alignment: Option<Alignment>,
    /// Every source's reliability grade (admiralty code), `null` where the file gives none. Each dependence
    /// supplier's `grade` is the weakest of the records it rests on, each record counting its best source.
    sources: Vec<SourceGrade>,
}

#[derive(Serialize)]
struct SourceGrade {
    id: String,
    reliability: Option<crate::model::Reliability>,
}

#[derive(Serialize)]
struct Customers {
    supplier: String,
    commodity: crate::model::Commodity,
    consumers: Vec<Customer>,
}

#[derive(Serialize)]
struct Customer {
    consumer: String,
    share: f64,
    basis: crate::model::ShareBasis,
}

/// Every supplier's customers for every commodity it supplies in `year`.
fn customers(scenario: &Scenario, year: i32) -> Vec<Customers> {
    let commodities = crate::charts::commodities(scenario);
    let mut rankings = crate::charts::exposure::all_rankings(scenario, year);
    crate::charts::suppliers(scenario)
        .into_iter()
        .flat_map(|supplier| commodities.iter().map(move |commodity| (supplier.clone(), commodity.clone())))
        .filter_map(|(supplier, commodity)| {
            let ranking = rankings.remove(&(supplier.clone(), commodity.clone())).unwrap_or_default();
            let consumers: Vec<Customer> = ranking
                .into_iter()
                .map(|exposure| Customer {
                    consumer: exposure.consumer,
                    share: exposure.dependence.share,
                    basis: exposure.dependence.basis,
                })
                .collect();
            (!consumers.is_empty()).then_some(Customers { supplier, commodity, consumers })
        })
        .collect()
}

#[derive(Serialize)]
struct Alignment {
    reference: String,
    scores: Vec<Score>,
}

#[derive(Serialize)]
struct Score {
    actor: String,
    score: f64,
    votes: usize,
}

pub fn run(path: &Path, year: Option<i32>, format: ReportFormat) -> ExitCode {
    let Ok((scenario, report)) = build(path, year) else { return ExitCode::FAILURE };
    let mut output = Output::stdout();
    match format {
        ReportFormat::Text => print_text(&mut output, &scenario, &report),
        ReportFormat::Json => inputs::print_json(&mut output, &report),
        ReportFormat::Csv => print_csv(&mut output, &scenario, &report),
    }
    output.finish(ExitCode::SUCCESS)
}

fn build(path: &Path, year: Option<i32>) -> Result<(Scenario, Report), Refused> {
    let scenario = inputs::load(path)?;
    let year = inputs::year(&scenario, year, path)?;
    let targets = coalition::targets(&scenario, year);
    let alignment = targets
        .first()
        .map(|reference| Alignment {
            reference: reference.clone(),
            scores: alignment::agreement_with(&scenario, reference)
                .into_iter()
                .map(|(actor, agreement)| Score { actor, score: agreement.score, votes: agreement.votes })
                .collect(),
        })
        .filter(|alignment| !alignment.scores.is_empty());
    let report = Report {
        file: path.display().to_string(),
        year,
        dependence: dependence::dependences(&scenario, year),
        customers: customers(&scenario, year),
        coalitions: targets.iter().map(|target| coalition::coalition(&scenario, target, year)).collect(),
        flags: flags::flags(&scenario, year),
        network: network::tie_network(&scenario, year),
        alignment,
        sources: scenario
            .sources
            .iter()
            .map(|source| SourceGrade { id: source.id.clone(), reliability: source.reliability })
            .collect(),
    };
    Ok((scenario, report))
}

fn print_text(output: &mut Output, scenario: &Scenario, report: &Report) {
    let name = |id: &str| scenario.actor_name(id).to_owned();
    say!(output, "{} ({}), {}", scenario.title, report.file, report.year);
    say!(output, "");
    say!(output, "Dependence (top supplier; how much of the supply the records cover; concentration as HHI from 0");
    say!(output, "to 10,000, a lower bound where the records cover under 90%; figures resting on sources graded D or");
    say!(output, "below, or not graded, are marked):");
    for row in &report.dependence {
        let top = row
            .top()
            .map_or_else(|| "no supplier with a share above 0%".to_owned(), |top| top.words(&name(&top.supplier)));
        let basis = if row.basis == crate::model::ShareBasis::Imports { " imports" } else { "" };
        let weak = match row.weakest_grade().filter(|grade| grade.is_low()) {
            Some(grade) => format!("; weakest source {}", grade.label()),
            None => String::new(),
        };
        say!(
            output,
            "  {}, {}{basis}: {top}; {}; HHI {}{weak}",
            name(&row.consumer),
            row.commodity.label().to_lowercase(),
            row.coverage_words(),
            row.hhi_words()
        );
    }
    say!(output, "");
    say!(output, "Customers, most dependent first:");
    for group in &report.customers {
        let consumers: Vec<String> = group
            .consumers
            .iter()
            .map(|customer| format!("{} {}", name(&customer.consumer), percent(customer.share)))
            .collect();
        say!(
            output,
            "  {}'s {}: {}",
            name(&group.supplier),
            group.commodity.label().to_lowercase(),
            consumers.join(", ")
        );
    }
    for found in &report.coalitions {
        say!(output, "");
        say!(output, "Sanctions on {}:", name(&found.target));
        for (stance, actors) in &found.stances {
            let names: Vec<String> = actors.iter().map(|id| name(id)).collect();
            say!(output, "  {} ({}): {}", stance.label(), actors.len(), names.join(", "));
        }
        for bloc in &found.blocs {
            say!(output, "  {}: {} of {} members take part", name(&bloc.bloc), bloc.taking_part, bloc.members);
        }
    }
    say!(output, "");
    say!(output, "Consistency flags:");
    if report.flags.is_empty() {
        say!(output, "  none");
    }
    for flag in &report.flags {
        say!(output, "  {}", flag.text);
    }
    say!(output, "");
    say!(output, "Diplomatic network (ties of {}):", report.year);
    for measured in &report.network {
        say!(
            output,
            "  {}: {}, weighted degree {:.1}, betweenness {}",
            name(&measured.actor),
            crate::format::count(measured.degree, "tie"),
            measured.weighted_degree,
            crate::format::significant(measured.betweenness, 3)
        );
    }
    if let Some(alignment) = &report.alignment {
        say!(output, "");
        say!(output, "Agreement with {} in votes:", name(&alignment.reference));
        for score in &alignment.scores {
            say!(
                output,
                "  {}: {} over {}",
                name(&score.actor),
                percent(score.score),
                crate::format::count(score.votes, "vote")
            );
        }
    }
}

/// The dependence table, one row per consumer and commodity.
fn print_csv(output: &mut Output, scenario: &Scenario, report: &Report) {
    say!(
        output,
        "consumer,consumer_name,commodity,basis,year,top_supplier,top_share,hhi,coverage,hhi_lower_bound,weakest_grade"
    );
    for row in &report.dependence {
        let (supplier, share) =
            row.top().map_or((String::new(), String::new()), |top| (top.supplier.clone(), format!("{:.4}", top.share)));
        let basis = match row.basis {
            crate::model::ShareBasis::Consumption => "consumption",
            crate::model::ShareBasis::Imports => "imports",
        };
        say!(
            output,
            "{},{},{},{basis},{},{},{share},{:.1},{:.4},{},{}",
            csv_field(&row.consumer),
            csv_field(scenario.actor_name(&row.consumer)),
            csv_field(row.commodity.label()),
            row.year,
            csv_field(&supplier),
            row.hhi,
            row.coverage,
            row.hhi_lower_bound,
            row.weakest_grade().map_or("", |grade| grade.letter())
        );
    }
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_owned() }
}

#[cfg(test)]
mod tests {
    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(super::csv_field("Serbia"), "Serbia");
        assert_eq!(super::csv_field("Bosnia, and \"H\""), "\"Bosnia, and \"\"H\"\"\"");
    }
}
