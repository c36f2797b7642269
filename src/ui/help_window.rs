//! The help window (F1): every keyboard shortcut and mouse gesture.

use eframe::egui;

use crate::state::Action;
use crate::ui::commands::Command;

/// Gestures and keys of the graph, which are not menu commands.
const GRAPH_GESTURES: [(&str, &str); 9] = [
    ("Click a node", "Select the actor (in every view)"),
    ("Shift-click a node", "Add it to, or remove it from, the selection"),
    ("Drag a node", "Move it and pin it there (saved with the scenario)"),
    ("Ctrl-drag from a node to another", "Create an energy flow, sanctions stance or tie between them"),
    ("Drag the background", "Pan"),
    ("Mouse wheel or pinch", "Zoom around the pointer"),
    ("F", "Fit the whole graph in view"),
    ("Hover a node or an arrow", "Show its key facts, route and sources"),
    ("Click the background", "Clear the selection"),
];

/// Gestures and keys of the map.
const MAP_GESTURES: [(&str, &str); 8] = [
    ("Click a country or marker", "Select the actor (Shift adds)"),
    ("Double-click a country", "Zoom to it (elsewhere: zoom in twofold)"),
    ("Drag", "Pan"),
    ("Mouse wheel or pinch", "Zoom around the pointer"),
    ("F", "Fit the whole scenario in view"),
    ("Hover a country, marker or route", "Show its key facts, the measure's value, the route and sources"),
    ("Hover a bloc in the strip", "Outline its members on the map"),
    ("Colour (toolbar)", "Colour the countries by a measure: dependence, HHI, votes, shock loss, stance"),
];

/// Gestures of the charts, matrices and timeline.
const CHART_GESTURES: [(&str, &str); 7] = [
    ("Click a bar, band or cell", "Select its actor and show its record in the Inspector"),
    ("Click or drag in a matrix's whole-matrix picture", "Move the grid there"),
    ("Hover a bar, band, cell or marker", "Show its figures, period and sources"),
    ("Drag a chart", "Pan"),
    ("Ctrl + mouse wheel", "Zoom a chart"),
    ("Double-click a chart", "Reset its zoom and pan"),
    ("Click the timeline", "Choose the year clicked, in every view"),
];

/// Keys while a story plays as slides (F5), chosen so that presentation clickers work.
const PRESENTING_KEYS: [(&str, &str); 7] = [
    ("Right, Down, Space or Page Down", "Next step"),
    ("Left, Up, Backspace or Page Up", "Previous step"),
    ("Home / End", "First / last step"),
    ("N", "Open or close the speaker notes window"),
    ("P", "Pause or play a step's span of years"),
    ("Esc", "Leave, back to the view as it was"),
    ("Ctrl + / Ctrl - / Ctrl 0", "Everything larger / smaller / normal (remembered)"),
];

pub fn ui(ctx: &egui::Context, actions: &mut Vec<Action>) {
    // Esc closes it, as it closes dialogs; it is taken here so that it does not also clear the selection.
    if ctx.input_mut(|input| input.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        actions.push(Action::ShowHelp(false));
        return;
    }
    let mut open = true;
    // Within the window whatever its size, scrolling what does not fit; above the views' legends.
    let room = ctx.content_rect().size() - egui::vec2(40.0, 120.0);
    let window = egui::Window::new("Keyboard shortcuts and gestures")
        .open(&mut open)
        .resizable(false)
        .collapsible(false)
        .order(egui::Order::Foreground)
        .max_width(room.x.max(200.0))
        .anchor(egui::Align2::CENTER_TOP, [0.0, 80.0]);
    window.show(ctx, |ui| {
        // The tables scroll; the Close button stays in view below them.
        let tables_height = (room.y - 60.0).max(120.0);
        egui::ScrollArea::both().max_height(tables_height).auto_shrink([true, true]).show(ui, |ui| tables(ui, ctx));
        ui.add_space(6.0);
        if ui.button("Close").clicked() {
            actions.push(Action::ShowHelp(false));
        }
    });
    if !open {
        actions.push(Action::ShowHelp(false));
    }
}

/// The commands with their shortcuts beside the gestures of each view.
fn tables(ui: &mut egui::Ui, ctx: &egui::Context) {
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.label(egui::RichText::new("Commands").strong());
            egui::Grid::new("help_commands").num_columns(2).striped(true).show(ui, |ui| {
                for command in Command::ALL {
                    ui.label(ctx.format_shortcut(&command.shortcut()));
                    ui.label(command.label().trim_end_matches('…'));
                    ui.end_row();
                }
            });
        });
        ui.add_space(16.0);
        ui.vertical(|ui| {
            gestures_ui(ui, "Graph", &GRAPH_GESTURES);
            gestures_ui(ui, "Map", &MAP_GESTURES);
            gestures_ui(ui, "Charts, matrices and timeline", &CHART_GESTURES);
            gestures_ui(ui, "Presenting", &PRESENTING_KEYS);
        });
    });
}

/// A titled two-column table of gestures and what they do.
fn gestures_ui(ui: &mut egui::Ui, title: &str, gestures: &[(&str, &str)]) {
    ui.add_space(6.0);
    ui.label(egui::RichText::new(title).strong());
    egui::Grid::new(title).num_columns(2).striped(true).show(ui, |ui| {
        for (gesture, effect) in gestures {
            ui.label(*gesture);
            ui.label(*effect);
            ui.end_row();
        }
    });
}
