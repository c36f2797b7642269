//! `geodep shock`: what each consumer loses if a supplier is cut, a transit country closes or a route shuts.

use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::OutputFormat;
use super::inputs::{self, Refused};
use super::output::{Output, say, tell_user};
use crate::analysis::shock::{Disruption, Loss, shock};
use crate::format::percent;

/// What to disrupt, as given on the command line.
pub struct Asked<'a> {
    pub cut: Option<&'a str>,
    pub close_transit: Option<&'a str>,
    pub close_route: Option<&'a str>,
    pub commodity: Option<&'a str>,
}

#[derive(Serialize)]
struct Report<'a> {
    file: String,
    year: i32,
    disruption: &'a Disruption,
    description: String,
    losses: Vec<JsonLoss<'a>>,
}

#[derive(Serialize)]
struct JsonLoss<'a> {
    consumer_name: &'a str,
    #[serde(flatten)]
    loss: &'a Loss,
}

pub fn run(path: &Path, asked: Asked<'_>, year: Option<i32>, format: OutputFormat) -> ExitCode {
    match report(path, asked, year, format) {
        Ok(output) => output.finish(ExitCode::SUCCESS),
        Err(Refused) => ExitCode::FAILURE,
    }
}

fn report(path: &Path, asked: Asked<'_>, year: Option<i32>, format: OutputFormat) -> Result<Output, Refused> {
    let scenario = inputs::load(path)?;
    let year = inputs::year(&scenario, year, path)?;
    let disruption = match (asked.cut, asked.close_transit, asked.close_route) {
        (Some(supplier), None, None) => Disruption::CutSupplier {
            supplier: inputs::actor(&scenario, supplier)?,
            commodity: asked.commodity.map(inputs::commodity),
        },
        (None, Some(actor), None) => Disruption::CloseTransit { actor: inputs::actor(&scenario, actor)? },
        (None, None, Some(route)) => Disruption::CloseRoute { route: route.to_owned() },
        _ => {
            tell_user!("geodep: give exactly one of --cut, --close-transit or --close-route");
            return Err(Refused);
        }
    };
    let losses = shock(&scenario, &disruption, year);
    let description = disruption.describe(&scenario);
    let mut output = Output::stdout();
    match format {
        OutputFormat::Text => {
            say!(output, "{} in {year}:", capitalised(&description));
            if losses.is_empty() {
                say!(output, "  no consumer loses supply");
            }
            for loss in &losses {
                let basis = if loss.basis == crate::model::ShareBasis::Imports { " imports" } else { "" };
                say!(
                    output,
                    "  {} loses {} of its {}{basis}",
                    scenario.actor_name(&loss.consumer),
                    percent(loss.lost_share),
                    loss.commodity.label().to_lowercase()
                );
            }
        }
        OutputFormat::Json => {
            let losses = losses
                .iter()
                .map(|loss| JsonLoss { consumer_name: scenario.actor_name(&loss.consumer), loss })
                .collect();
            let report =
                Report { file: path.display().to_string(), year, disruption: &disruption, description, losses };
            inputs::print_json(&mut output, &report);
        }
    }
    Ok(output)
}

fn capitalised(text: &str) -> String {
    let mut characters = text.chars();
    characters.next().map_or_else(String::new, |first| first.to_uppercase().chain(characters).collect())
}
