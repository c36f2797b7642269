//! The graph's toolbar: layers, filters, the year, colour and size meanings, layout, focus and search.

use std::collections::BTreeSet;

use eframe::egui;

use super::GraphView;
use crate::model::{Commodity, Layer, Reliability, Scenario, TieKind};
use crate::scene::graph_layout::LayoutKind;
use crate::scene::graph_style::{ColourBy, SizeBy};
use crate::scene::grouping::GroupBy;
use crate::scene::link_thinning;
use crate::state::{Action, ViewState};

pub fn toolbar(
    ui: &mut egui::Ui,
    graph: &mut GraphView,
    scenario: &Scenario,
    sanctions_targets: &[String],
    view: &ViewState,
    actions: &mut Vec<Action>,
) {
    crate::ui::style::toolbar_row(ui, "graph_toolbar", |ui| {
        // An analysis result laid over the graph leads the row, so that taking it off never scrolls out of sight.
        if view.overlay.is_some() {
            let clear = ui.button("Clear overlay").on_hover_text("Take the analysis result off the graph");
            if clear.clicked() {
                actions.push(Action::SetOverlay(None));
            }
            ui.separator();
        }
        // Fit comes first, so that a narrow window scrolls the search box out of sight rather than it.
        if ui.button("Fit").on_hover_text("Fit the whole graph in view (F)").clicked() {
            graph.pending_fit = true;
        }
        ui.separator();
        // On a crowded graph, how many links are shown (and More, All) leads too: it says what is left out.
        if link_count_controls(ui, graph) {
            ui.separator();
        }
        layer_toggles(ui, view, actions);
        ui.separator();
        filters_menu(ui, scenario, view, actions);
        filter_chips(ui, view, actions);
        focus_controls(ui, view, actions);
        ui.separator();
        grouping_controls(ui, graph);
        ui.separator();
        display_menu(ui, graph, scenario, sanctions_targets, actions);
        ui.separator();
        search_box(ui, graph, scenario, actions);
    });
}

pub(crate) fn layer_toggles(ui: &mut egui::Ui, view: &ViewState, actions: &mut Vec<Action>) {
    ui.label("Layers");
    for (layer, label, tooltip) in [
        (Layer::Energy, "Energy", "Arrows from supplier to consumer; width by share, colour by commodity"),
        (Layer::Sanctions, "Sanctions", "Dashed arrows from the sanctioning actor to its target, colour by stance"),
        (Layer::Ties, "Ties", "Diplomatic ties, red (hostile) through grey to green (allied); dotted when negative"),
    ] {
        let shown = view.filters.shows_layer(layer);
        if ui.selectable_label(shown, label).on_hover_text(tooltip).clicked() {
            let mut filters = view.filters.clone();
            filters.set_layer(layer, !shown);
            actions.push(Action::SetFilters(filters));
        }
    }
}

pub(crate) fn filters_menu(ui: &mut egui::Ui, scenario: &Scenario, view: &ViewState, actions: &mut Vec<Action>) {
    crate::ui::style::choices_menu(ui, "Filters…", |ui| {
        let mut filters = view.filters.clone();
        ui.label(egui::RichText::new("Commodities").strong());
        for commodity in commodities(scenario) {
            let mut shown = !filters.hidden_commodities.contains(&commodity);
            if ui.checkbox(&mut shown, commodity.label()).changed() {
                if shown {
                    filters.hidden_commodities.remove(&commodity);
                } else {
                    filters.hidden_commodities.insert(commodity);
                }
            }
        }
        ui.label(egui::RichText::new("Tie kinds").strong());
        for kind in tie_kinds(scenario) {
            let mut shown = !filters.hidden_tie_kinds.contains(&kind);
            if ui.checkbox(&mut shown, kind.label()).changed() {
                if shown {
                    filters.hidden_tie_kinds.remove(&kind);
                } else {
                    filters.hidden_tie_kinds.insert(kind);
                }
            }
        }
        ui.separator();
        ui.add(egui::Slider::new(&mut filters.minimum_share, 0.0..=1.0).text("Minimum share").fixed_decimals(2));
        ui.add(
            egui::Slider::new(&mut filters.minimum_strength, 0.0..=1.0).text("Minimum tie strength").fixed_decimals(2),
        );
        minimum_grade_choice(ui, &mut filters.minimum_grade);
        if ui.button("Show everything").clicked() {
            filters = crate::state::GraphFilters {
                focus: filters.focus,
                focus_depth: filters.focus_depth,
                ..Default::default()
            };
        }
        if filters != view.filters {
            actions.push(Action::SetFilters(filters));
        }
    });
}

/// Hides records that rest only on sources graded below a level (admiralty code; ungraded counts as F). A row of
/// letters rather than a drop-down, which would close the menu it sits in.
fn minimum_grade_choice(ui: &mut egui::Ui, minimum: &mut Option<Reliability>) {
    ui.label(egui::RichText::new("Sources").strong()).on_hover_text(
        "Hides the records whose best cited source is graded below the letter chosen. A completely reliable, B \
         usually, C fairly, D not usually reliable, E unreliable; F (cannot be judged) and ungraded sources are \
         hidden by any letter.",
    );
    ui.horizontal(|ui| {
        ui.label("Best graded at least");
        ui.selectable_value(minimum, None, "Any").on_hover_text("Every record, however its sources are graded");
        for grade in &Reliability::ALL[..5] {
            ui.selectable_value(minimum, Some(*grade), grade.letter()).on_hover_text(format!(
                "{} or better: {} and above",
                grade.letter(),
                grade.words()
            ));
        }
    });
}

/// The filters in force, each as a chip that removes it when clicked, so that what is hidden stays in sight
/// once the Filters… menu has closed.
pub(crate) fn filter_chips(ui: &mut egui::Ui, view: &ViewState, actions: &mut Vec<Action>) {
    let filters = &view.filters;
    let mut removed = None;
    let mut chip = |ui: &mut egui::Ui, text: String, without: crate::state::GraphFilters| {
        let button = egui::Button::new(format!("{text}  ×")).small().corner_radius(8.0);
        if ui.add(button).on_hover_text("Remove this filter").clicked() {
            removed = Some(without);
        }
    };
    for commodity in &filters.hidden_commodities {
        let mut without = filters.clone();
        without.hidden_commodities.remove(commodity);
        chip(ui, format!("No {}", commodity.label().to_lowercase()), without);
    }
    for kind in &filters.hidden_tie_kinds {
        let mut without = filters.clone();
        without.hidden_tie_kinds.remove(kind);
        chip(ui, format!("No {} ties", kind.label().to_lowercase()), without);
    }
    if filters.minimum_share > 0.0 {
        let without = crate::state::GraphFilters { minimum_share: 0.0, ..filters.clone() };
        chip(ui, format!("Share ≥ {}", crate::format::percent(filters.minimum_share)), without);
    }
    if filters.minimum_strength > 0.0 {
        let without = crate::state::GraphFilters { minimum_strength: 0.0, ..filters.clone() };
        chip(ui, format!("Strength ≥ {:.2}", filters.minimum_strength), without);
    }
    if let Some(minimum) = filters.minimum_grade {
        let without = crate::state::GraphFilters { minimum_grade: None, ..filters.clone() };
        let text = match minimum {
            Reliability::A => "Sources graded A".to_owned(),
            grade => format!("Sources {} or better", grade.letter()),
        };
        chip(ui, text, without);
    }
    if let Some(without) = removed {
        actions.push(Action::SetFilters(without));
    }
}

pub(crate) fn focus_controls(ui: &mut egui::Ui, view: &ViewState, actions: &mut Vec<Action>) {
    let mut filters = view.filters.clone();
    ui.checkbox(&mut filters.focus, "Focus").on_hover_text("Show only the selected actors and their neighbours");
    if filters.focus {
        let label = ui.label("depth");
        ui.add(egui::DragValue::new(&mut filters.focus_depth).range(1..=5)).labelled_by(label.id);
    }
    if filters != view.filters {
        actions.push(Action::SetFilters(filters));
    }
}

/// Group by region, sub-region or bloc; expand or collapse every group at once.
fn grouping_controls(ui: &mut egui::Ui, graph: &mut GraphView) {
    let options = &mut graph.options;
    let label = ui.label("Group");
    let before = options.group_by;
    egui::ComboBox::from_id_salt("graph_group_by")
        .selected_text(options.group_by.label())
        .show_ui(ui, |ui| {
            for choice in GroupBy::ALL {
                ui.selectable_value(&mut options.group_by, choice, choice.label());
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text(
            "Draw the actors of each region, sub-region or bloc as one node; double-click a group to see its \
             members, double-click a member to fold it back",
        );
    let after = options.group_by;
    if after != before {
        options.expanded_groups.clear();
        // Groups read best in their own colours; the person's own choice of colours stays.
        match (before, after, options.colour_by) {
            (GroupBy::Nothing, _, ColourBy::Kind) => options.colour_by = ColourBy::Group,
            (_, GroupBy::Nothing, ColourBy::Group) => options.colour_by = ColourBy::Kind,
            _ => {}
        }
        // Fitted again once the new layout has settled.
        graph.fly_to(super::CameraGoal::Fit(Vec::new()));
    }
    if after == GroupBy::Nothing {
        return;
    }
    let group_ids: Vec<String> = graph.grouping.as_ref().map(|(_, grouping)| grouping.ids()).unwrap_or_default();
    let expanded = &graph.options.expanded_groups;
    let all_expanded = !group_ids.is_empty() && group_ids.iter().all(|id| expanded.contains(id));
    let clicked = if all_expanded {
        let clicked = ui.button("Collapse all").on_hover_text("Draw every group as one node again").clicked();
        clicked.then(BTreeSet::new)
    } else {
        let clicked = ui.button("Expand all").on_hover_text("Show the members of every group").clicked();
        clicked.then(|| group_ids.into_iter().collect())
    };
    if let Some(expanded) = clicked {
        graph.options.expanded_groups = expanded;
        graph.fly_to(super::CameraGoal::Fit(Vec::new()));
    }
}

/// "Showing 400 of 3,000 links", with buttons for more or all, while the strongest links only are drawn.
/// How many links a crowded graph shows, with More and All; or the offer to thin a crowded one. Whether it drew
/// anything.
fn link_count_controls(ui: &mut egui::Ui, graph: &mut GraphView) -> bool {
    let many = graph.scene().is_some_and(|scene| link_thinning::is_crowded(scene.nodes.len(), scene.edges.len()));
    let options = &mut graph.options;
    match (graph.link_count, options.links_per_node) {
        (Some(count), Some(per_node)) => {
            let text = format!("Showing {} of {} links", thousands(count.shown), thousands(count.total));
            ui.label(text).on_hover_text(format!(
                "With this many links, each actor shows its {per_node} strongest energy flows (largest shares), \
                 sanctions stances and ties (strongest either way); the selected actors show all of theirs"
            ));
            if ui.button("More").on_hover_text("Show two more links of each kind per actor").clicked() {
                options.links_per_node = Some(per_node + 2);
            }
            if ui.button("All").on_hover_text("Show every link (slower and busier)").clicked() {
                options.links_per_node = None;
            }
            true
        }
        (None, None) if many => {
            let strongest = ui.button("Strongest links only");
            let hint =
                format!("Show each actor's {} strongest links when there are many", link_thinning::DEFAULT_PER_NODE);
            if strongest.on_hover_text(hint).clicked() {
                options.links_per_node = Some(link_thinning::DEFAULT_PER_NODE);
            }
            true
        }
        _ => false,
    }
}

fn thousands(count: usize) -> String {
    crate::format::thousands(count as f64)
}

fn display_menu(
    ui: &mut egui::Ui,
    graph: &mut GraphView,
    scenario: &Scenario,
    sanctions_targets: &[String],
    actions: &mut Vec<Action>,
) {
    crate::ui::style::choices_menu(ui, "Display…", |ui| {
        let options = &mut graph.options;
        ui.label(egui::RichText::new("Colour nodes by").strong());
        for choice in ColourBy::ALL {
            ui.radio_value(&mut options.colour_by, choice, choice.label());
        }
        if options.colour_by == ColourBy::StanceTowardsTarget {
            stance_target_choice(ui, options, scenario, sanctions_targets);
        }
        ui.label(egui::RichText::new("Size nodes by").strong());
        for choice in SizeBy::ALL {
            ui.radio_value(&mut options.size_by, choice, choice.label());
        }
        ui.label(egui::RichText::new("Layout").strong());
        for choice in LayoutKind::ALL {
            ui.radio_value(&mut options.layout, choice, choice.label());
        }
        if ui.button("Reset layout").on_hover_text("Unpin every dragged node and arrange the graph again").clicked() {
            actions.push(Action::edit(crate::edit::Edit::ResetLayout));
        }
        ui.separator();
        ui.checkbox(&mut options.show_unconnected, "Show actors without visible links");
        ui.checkbox(&mut options.show_legend, "Show the legend");
    });
}

/// Which target's sanctions the stance colours refer to.
fn stance_target_choice(ui: &mut egui::Ui, options: &mut super::GraphOptions, scenario: &Scenario, targets: &[String]) {
    let current = options.stance_target.clone().or_else(|| targets.first().cloned());
    ui.horizontal(|ui| {
        let label = ui.label("Sanctions against");
        egui::ComboBox::from_id_salt("stance_target")
            .selected_text(current.as_deref().map_or("—", |id| scenario.actor_name(id)))
            .show_ui(ui, |ui| {
                for target in targets {
                    let chosen = current.as_deref() == Some(target.as_str());
                    if ui.selectable_label(chosen, scenario.actor_name(target)).clicked() {
                        options.stance_target = Some(target.clone());
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
}

fn search_box(ui: &mut egui::Ui, graph: &mut GraphView, scenario: &Scenario, actions: &mut Vec<Action>) {
    let label = ui.label("Find");
    let field = egui::TextEdit::singleline(&mut graph.search).hint_text("name, Enter").desired_width(110.0);
    let response = ui.add(field).labelled_by(label.id);
    if response.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter)) {
        let query = graph.search.trim().to_lowercase();
        let found = scenario.actors.iter().find(|actor| {
            actor.name.to_lowercase().contains(&query)
                || actor.id.to_lowercase() == query
                || actor.local_name.as_ref().is_some_and(|name| name.to_lowercase().contains(&query))
        });
        if let Some(actor) = found.filter(|_| !query.is_empty()) {
            actions.push(Action::Select { id: actor.id.clone(), additive: false });
            graph.pending_centre = Some(actor.id.clone());
        }
    }
}

fn commodities(scenario: &Scenario) -> Vec<Commodity> {
    let mut found: Vec<Commodity> = scenario.energy.iter().map(|flow| flow.commodity.clone()).collect();
    found.sort();
    found.dedup();
    found
}

fn tie_kinds(scenario: &Scenario) -> Vec<TieKind> {
    let mut found: Vec<TieKind> = scenario.ties.iter().map(|tie| tie.kind).collect();
    found.sort();
    found.dedup();
    found
}
