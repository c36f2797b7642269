//! The Analysis tab's tables: dependence and concentration, consistency flags, and the network of ties. Each
//! row's actor is a link that selects it everywhere.

use eframe::egui::{self, RichText};

use crate::analysis::dependence::Dependence;
use crate::analysis::flags::Flag;
use crate::analysis::network::ActorMeasures;
use crate::derived::Derived;
use crate::format::percent;
use crate::model::{Scenario, ShareBasis};
use crate::state::{Action, ViewState};
use crate::ui::style::section_heading;

/// The usual competition-authority reading of the Herfindahl–Hirschman index.
pub fn concentration_words(hhi: f64) -> &'static str {
    if hhi > 2_500.0 {
        "highly concentrated"
    } else if hhi >= 1_500.0 {
        "moderately concentrated"
    } else {
        "unconcentrated"
    }
}

fn actor_link(ui: &mut egui::Ui, name: &str, selected: bool, id: &str, actions: &mut Vec<Action>) {
    let text = if selected { RichText::new(name).strong() } else { RichText::new(name) };
    if ui.link(text).on_hover_text("Select (shift-click adds)").clicked() {
        actions.push(Action::Select { id: id.to_owned(), additive: ui.input(|input| input.modifiers.shift) });
    }
}

/// A table with a header and only the rows in view drawn (there may be thousands), each cell's text cut to its
/// column with the whole text on hover.
fn long_table(
    ui: &mut egui::Ui,
    id: &str,
    headings: &[&str],
    row_count: usize,
    mut row_ui: impl FnMut(usize, &mut egui_extras::TableRow<'_, '_>),
) {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    // The last column (all suppliers, a long list) is as wide as its text; the table scrolls sideways when that
    // is wider than the view, rather than cutting it off. Its scroll bar is solid and always shown when needed
    // (egui's floating one appears only on hover, and the cut-off column looked like the table's end).
    let sideways = egui::ScrollArea::horizontal()
        .id_salt((id, "sideways"))
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::VisibleWhenNeeded);
    ui.scope(|ui| {
        ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
        sideways.show(ui, |ui| table_ui(ui, id, headings, row_count, row_height, &mut row_ui));
    });
}

/// The table itself, inside `long_table`'s sideways scroll area.
fn table_ui(
    ui: &mut egui::Ui,
    id: &str,
    headings: &[&str],
    row_count: usize,
    row_height: f32,
    row_ui: &mut impl FnMut(usize, &mut egui_extras::TableRow<'_, '_>),
) {
    let mut table = egui_extras::TableBuilder::new(ui)
        .id_salt(id)
        .striped(true)
        .resizable(true)
        .auto_shrink([false, false])
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for _ in 1..headings.len() {
        table = table.column(egui_extras::Column::auto().at_least(90.0).clip(true));
    }
    table
        .column(egui_extras::Column::auto().at_least(120.0))
        .header(row_height, |mut header| {
            for heading in headings {
                header.col(|ui| {
                    ui.label(RichText::new(*heading).strong());
                });
            }
        })
        .body(|body| body.rows(row_height, row_count, |mut row| row_ui(row.index(), &mut row)));
}

/// A cell as wide as its text: the columns size to what they hold, and the table scrolls sideways (a truncated
/// label would report no width, and every column would shrink to its least).
fn text_cell(row: &mut egui_extras::TableRow<'_, '_>, text: String) {
    row.col(|ui| {
        ui.add(egui::Label::new(&text).extend());
    });
}

pub fn dependence_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    derived: &Derived,
    view: &ViewState,
    dependences: &[Dependence],
    actions: &mut Vec<Action>,
) {
    section_heading(ui, "Dependence and concentration");
    ui.weak(
        "Concentration is the Herfindahl–Hirschman index of the suppliers' recorded shares: from near 0 (many small \
         suppliers) to 10,000 (one supplier of everything); above 2,500 counts as highly concentrated. Where the \
         records cover under 90% of a consumer's supply, the rest may be one supplier or many, so the index is \
         only a lower bound (\"at least\"). Sources gives the weakest grade the row's figures rest on (A \
         completely reliable … E unreliable, F cannot be judged or ungraded); D and below are marked low. Hover \
         a grade for its meaning.",
    );
    if dependences.is_empty() {
        ui.label("No energy records in this year.");
        return;
    }
    let name = |id: &'_ str| derived.actor_name(scenario, id).to_owned();
    let headings =
        ["Consumer", "Commodity", "Top supplier", "Records cover", "Sources", "Concentration (HHI)", "All suppliers"];
    long_table(ui, "dependence_table", &headings, dependences.len(), |index, row| {
        let dependence = &dependences[index];
        row.col(|ui| {
            let consumer = &dependence.consumer;
            actor_link(ui, &name(consumer), view.is_selected(consumer), consumer, actions);
        });
        let basis = if dependence.basis == ShareBasis::Imports { " (share of imports)" } else { "" };
        text_cell(row, format!("{}{basis}", dependence.commodity.label()));
        let top = dependence.top().map(|top| top.words(&name(&top.supplier)));
        text_cell(row, top.unwrap_or_else(|| "none above 0%".to_owned()));
        text_cell(
            row,
            format!("{} of its {}", percent(dependence.coverage), dependence.commodity.label().to_lowercase()),
        );
        grade_cell(row, dependence);
        let hhi = match dependence.hhi_lower_bound {
            false => format!("{}, {}", dependence.hhi_words(), concentration_words(dependence.hhi)),
            true => dependence.hhi_words(),
        };
        text_cell(row, hhi);
        let all: Vec<String> = dependence
            .suppliers
            .iter()
            .map(|share| {
                let supplier =
                    if share.supplier == dependence.consumer { "own".to_owned() } else { name(&share.supplier) };
                match share.grade.is_low() {
                    true => format!("{} (source {})", share.words(&supplier), share.grade.letter()),
                    false => share.words(&supplier),
                }
            })
            .collect();
        text_cell(row, all.join(", "));
    });
}

pub fn flags_ui(ui: &mut egui::Ui, scenario: &Scenario, flags: &[Flag], actions: &mut Vec<Action>) {
    section_heading(ui, "Consistency flags");
    ui.weak(
        "Places where an actor's sanctions stance and its dependence, or a friendly tie and its votes, pull \
         different ways. Click one to see its records in the Inspector.",
    );
    if flags.is_empty() {
        ui.label("Nothing to flag in this year.");
    }
    for flag in flags {
        ui.add_space(4.0);
        let response = ui.add(egui::Button::new(RichText::new(&flag.text).size(16.0)).frame(false).wrap());
        if response.on_hover_text("Show the records behind this flag").clicked()
            && let Some(first) = flag.records.first()
        {
            actions.push(Action::SelectRecord(*first));
        }
        let names: Vec<&str> = [flag.actor.as_str(), flag.other.as_str()].map(|id| scenario.actor_name(id)).to_vec();
        ui.weak(format!("{} records behind it; actors: {}", flag.records.len(), names.join(", ")));
    }
}

pub fn network_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    derived: &Derived,
    view: &ViewState,
    network: &[ActorMeasures],
    actions: &mut Vec<Action>,
) {
    section_heading(ui, "The network of diplomatic ties");
    ui.weak(
        "Degree: how many actors one has ties with. Weighted degree: the sum of the ties' strengths, friendly or \
         hostile. Betweenness: how often it lies on the shortest path between two others (0 to 1).",
    );
    if network.is_empty() {
        ui.label("No ties in this year.");
        return;
    }
    let headings = ["Actor", "Ties", "Weighted degree", "Betweenness"];
    long_table(ui, "network_table", &headings, network.len(), |index, row| {
        let measured = &network[index];
        row.col(|ui| {
            let name = derived.actor_name(scenario, &measured.actor);
            actor_link(ui, name, view.is_selected(&measured.actor), &measured.actor, actions);
        });
        text_cell(row, measured.degree.to_string());
        text_cell(row, format!("{:.1}", measured.weighted_degree));
        text_cell(row, crate::format::significant(measured.betweenness, 3));
    });
}

/// The weakest source grade a dependence row rests on: the letter, with its words and the warning colour when it
/// is D or below.
fn grade_cell(row: &mut egui_extras::TableRow<'_, '_>, dependence: &Dependence) {
    let Some(grade) = dependence.weakest_grade() else {
        text_cell(row, String::new());
        return;
    };
    row.col(|ui| {
        let text = match grade.is_low() {
            true => egui::RichText::new(format!("{} (low)", grade.letter())).color(ui.visuals().warn_fg_color),
            false => egui::RichText::new(grade.letter()),
        };
        ui.add(egui::Label::new(text).extend()).on_hover_text(format!(
            "The weakest of the sources these figures rest on: {}. Each record counts its best-graded source.",
            grade.label()
        ));
    });
}
