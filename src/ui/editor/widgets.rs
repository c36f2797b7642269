//! The form's building blocks: a labelled row that shows its field's problems underneath, and pickers for ids,
//! enumerations, shares, strengths, periods and lists. Each returns whether it changed its value.

use eframe::egui::{self, RichText};

use crate::diagnostic::Diagnostic;
use crate::format::percent;
use crate::model::{GeoPoint, Scenario, Unit, Volume, VoteTotals};
use crate::ui::style::severity_colour;

/// One record's form: the scenario it belongs to, the problems found in it, and which field changed.
pub struct Form<'a> {
    pub scenario: &'a Scenario,
    /// Problems of this record, by path within it ("share", "via[1]"; "" for the record as a whole).
    pub problems: Vec<(String, &'a Diagnostic)>,
    /// The field changed this frame, which names the undo step.
    pub changed: Option<&'static str>,
}

impl<'a> Form<'a> {
    /// A form for the record whose diagnostics paths start with `prefix` ("energy[3]"), given its problems.
    pub fn new(
        scenario: &'a Scenario,
        diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
        prefix: &str,
    ) -> Form<'a> {
        let problems = diagnostics
            .into_iter()
            .filter_map(|diagnostic| {
                // A problem of another record that names this one (shares adding up to over 100%) is shown as
                // a problem of the record as a whole.
                let Some(rest) = diagnostic.path.strip_prefix(prefix) else {
                    return Some((String::new(), diagnostic));
                };
                let within = match rest.chars().next() {
                    None => "",
                    Some('.') => &rest[1..],
                    Some('[') => rest,
                    Some(_) => return None,
                };
                Some((within.to_owned(), diagnostic))
            })
            .collect();
        Form { scenario, problems, changed: None }
    }

    /// A labelled row: `add` draws the widget and says whether it changed the value; the field's problems follow.
    pub fn row(
        &mut self,
        ui: &mut egui::Ui,
        label: &str,
        field: &'static str,
        add: impl FnOnce(&mut egui::Ui) -> bool,
    ) {
        ui.label(label);
        // Each field gets its own top-down layout: straight in a grid cell, a multi-line field or a drop-down
        // would take all the height left below it, making its row as tall as the form.
        if ui.vertical(|ui| add(ui)).inner {
            self.changed = Some(field);
        }
        ui.end_row();
        self.problems_row(ui, field);
    }

    /// The problems of `field` (and of its items, "via[1]"), in the second column.
    fn problems_row(&self, ui: &mut egui::Ui, field: &str) {
        let of_field: Vec<&&Diagnostic> = self
            .problems
            .iter()
            .filter(|(path, _)| path == field || path.strip_prefix(field).is_some_and(|rest| rest.starts_with('[')))
            .map(|(_, diagnostic)| diagnostic)
            .collect();
        if of_field.is_empty() {
            return;
        }
        ui.label("");
        ui.vertical(|ui| {
            for diagnostic in of_field {
                problem_label(ui, diagnostic);
            }
        });
        ui.end_row();
    }

    /// Problems of the record as a whole, or of fields the form does not show.
    pub fn general_problems(&self, ui: &mut egui::Ui, shown_fields: &[&str]) {
        for (path, diagnostic) in &self.problems {
            let field = path.split(['.', '[']).next().unwrap_or_default();
            if path.is_empty() || !shown_fields.contains(&field) {
                problem_label(ui, diagnostic);
            }
        }
    }
}

fn problem_label(ui: &mut egui::Ui, diagnostic: &Diagnostic) {
    let colour = severity_colour(ui, diagnostic.severity);
    let message = crate::ui::wording::message(&diagnostic.message);
    ui.label(RichText::new(format!("{}: {message}", diagnostic.severity.label())).color(colour));
}

/// A single-line text field.
pub fn text(ui: &mut egui::Ui, value: &mut String) -> bool {
    ui.add(egui::TextEdit::singleline(value).desired_width(260.0)).changed()
}

/// A text field for an optional value: empty means none.
pub fn optional_text(ui: &mut egui::Ui, value: &mut Option<String>, multiline: bool) -> bool {
    let mut text = value.clone().unwrap_or_default();
    let edit = if multiline { egui::TextEdit::multiline(&mut text) } else { egui::TextEdit::singleline(&mut text) };
    let changed = ui.add(edit.desired_width(260.0)).changed();
    if changed {
        *value = (!text.is_empty()).then_some(text);
    }
    changed
}

/// A share from 0 to 100%. A typed value outside that range (or not a number) is refused with a message under
/// the field, never clamped.
pub fn share(ui: &mut egui::Ui, value: &mut f64) -> bool {
    let refused = std::cell::RefCell::new(None);
    let parse = |text: &str| parse_share(text).map_err(|message| *refused.borrow_mut() = Some(message)).ok();
    let slider = egui::Slider::new(value, 0.0..=1.0)
        .custom_formatter(|share, _| percent(share))
        .custom_parser(parse)
        .step_by(0.005);
    let response = ui.add(slider);
    refusal_note(ui, response.id, refused.into_inner(), response.changed());
    response.changed()
}

/// A signed strength from -1 (hostile) to +1 (allied); a typed value outside that range is refused, not clamped.
pub fn strength(ui: &mut egui::Ui, value: &mut f64) -> bool {
    let refused = std::cell::RefCell::new(None);
    let parse = |text: &str| parse_strength(text).map_err(|message| *refused.borrow_mut() = Some(message)).ok();
    let slider = egui::Slider::new(value, -1.0..=1.0).step_by(0.05).fixed_decimals(2).custom_parser(parse);
    let response = ui.add(slider);
    refusal_note(ui, response.id, refused.into_inner(), response.changed());
    response.changed()
}

/// A typed share, as a fraction: "85", "85%" and "85.5 %" are read as percentages; anything outside 0–100% is
/// refused with the reason.
pub fn parse_share(text: &str) -> Result<f64, String> {
    let text = text.trim();
    match text.trim_end_matches('%').trim().parse::<f64>().ok().filter(|number| number.is_finite()) {
        Some(percentage) if (0.0..=100.0).contains(&percentage) => Ok(percentage / 100.0),
        Some(_) => Err(format!("{text}: a share is from 0% to 100%")),
        None => Err(format!("{text} is not a number: type a share such as 85 or 85%")),
    }
}

/// A typed strength; anything outside -1 to +1 is refused with the reason.
pub fn parse_strength(text: &str) -> Result<f64, String> {
    let text = text.trim();
    match text.parse::<f64>().ok().filter(|number| number.is_finite()) {
        Some(strength) if (-1.0..=1.0).contains(&strength) => Ok(strength),
        Some(_) => Err(format!("{text}: a strength is from -1 (hostile) to +1 (allied)")),
        None => Err(format!("{text} is not a number: type a strength from -1 to +1")),
    }
}

/// The message under a field whose typed value was refused, kept until the field next changes.
fn refusal_note(ui: &mut egui::Ui, field: egui::Id, refused: Option<String>, changed: bool) {
    let key = field.with("refused");
    if let Some(message) = refused {
        ui.data_mut(|data| data.insert_temp(key, message));
    } else if changed {
        ui.data_mut(|data| data.remove::<String>(key));
    }
    if let Some(message) = ui.data(|data| data.get_temp::<String>(key)) {
        ui.label(RichText::new(format!("Not changed: {message}")).color(ui.visuals().error_fg_color));
    }
}

/// One value of an enumeration, from a drop-down list.
pub fn choice<T: PartialEq + Clone>(ui: &mut egui::Ui, id_salt: &str, value: &mut T, options: &[(T, &str)]) -> bool {
    let selected = options.iter().find(|(option, _)| option == value).map_or("", |(_, label)| *label);
    let mut changed = false;
    egui::ComboBox::from_id_salt(id_salt).selected_text(selected).show_ui(ui, |ui| {
        for (option, label) in options {
            if ui.selectable_label(option == value, *label).clicked() && option != value {
                *value = option.clone();
                changed = true;
            }
        }
    });
    changed
}

/// An actor, picked from a list of every actor by name (the id shown beside it), with a search box.
pub fn actor(ui: &mut egui::Ui, id_salt: &str, scenario: &Scenario, value: &mut String) -> bool {
    let shown = format!("{} ({value})", scenario.actor_name(value));
    match pick_actor(ui, id_salt, scenario, &shown) {
        Some(id) if id != *value => {
            *value = id;
            true
        }
        _ => false,
    }
}

/// A drop-down of every actor with a search box; returns the actor picked this frame.
fn pick_actor(ui: &mut egui::Ui, id_salt: &str, scenario: &Scenario, shown: &str) -> Option<String> {
    let items: Vec<(String, String)> =
        scenario.actors.iter().map(|actor| (actor.id.clone(), format!("{} ({})", actor.name, actor.id))).collect();
    search_picker(ui, id_salt, shown, &items, "recent_actors")
}

/// A drop-down of every source with a search box; returns the source picked this frame.
fn pick_source(ui: &mut egui::Ui, id_salt: &str, scenario: &Scenario) -> Option<String> {
    let items: Vec<(String, String)> =
        scenario.sources.iter().map(|source| (source.id.clone(), format!("{}: {}", source.id, source.title))).collect();
    search_picker(ui, id_salt, "cite…", &items, "recent_sources")
}

/// How many recent choices a picker lists first.
const RECENT_CHOICES: usize = 5;

/// A drop-down of `items` (id, label) with a search box that takes the keyboard when it opens and keeps the
/// list open while typing; the ids picked lately (kept under `recent_key`) come first. Returns the id picked.
fn search_picker(
    ui: &mut egui::Ui,
    id_salt: &str,
    shown: &str,
    items: &[(String, String)],
    recent_key: &str,
) -> Option<String> {
    let search_id = ui.scope_id().with((id_salt, "search"));
    let recent_id = egui::Id::unique(recent_key);
    let recent: Vec<String> = ui.data(|data| data.get_temp(recent_id)).unwrap_or_default();
    let mut picked = None;
    let shown_popup = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(shown)
        .height(320.0)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show_ui(ui, |ui| {
            let mut search: String = ui.data(|data| data.get_temp(search_id)).unwrap_or_default();
            let field = ui.add(egui::TextEdit::singleline(&mut search).hint_text("search").desired_width(220.0));
            let focused_once = search_id.with("focused");
            if !ui.data(|data| data.get_temp::<bool>(focused_once).unwrap_or(false)) {
                field.request_focus();
                ui.data_mut(|data| data.insert_temp(focused_once, true));
            }
            let needle = search.to_lowercase();
            let matches = |label: &str| needle.is_empty() || label.to_lowercase().contains(&needle);
            let recent_items = recent.iter().filter_map(|id| items.iter().find(|(item, _)| item == id));
            let listed = recent_items.chain(items.iter().filter(|(id, _)| !recent.contains(id)));
            for (index, (id, label)) in listed.filter(|(_, label)| matches(label)).enumerate() {
                if index == recent.len().min(RECENT_CHOICES) && index > 0 && needle.is_empty() {
                    ui.separator();
                }
                if ui.selectable_label(false, label).clicked() {
                    picked = Some(id.clone());
                    ui.close();
                }
            }
            ui.data_mut(|data| data.insert_temp(search_id, search));
        });
    if shown_popup.inner.is_none() {
        // Closed: the next opening takes the keyboard again and starts with an empty search.
        ui.data_mut(|data| {
            data.remove::<bool>(search_id.with("focused"));
            data.remove::<String>(search_id);
        });
    }
    if let Some(id) = &picked {
        let mut recent = recent;
        recent.retain(|other| other != id);
        recent.insert(0, id.clone());
        recent.truncate(RECENT_CHOICES);
        ui.data_mut(|data| data.insert_temp(recent_id, recent));
    }
    picked
}

/// What a list of ids refers to.
#[derive(Clone, Copy)]
pub enum IdsOf {
    Actors,
    Sources,
}

/// A list of actor or source ids: each shown with a button that removes it, then a picker that adds one.
pub fn ids(ui: &mut egui::Ui, id_salt: &str, scenario: &Scenario, values: &mut Vec<String>, of: IdsOf) -> bool {
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        let mut remove = None;
        for (index, id) in values.iter().enumerate() {
            let name = match of {
                IdsOf::Actors => scenario.actor_name(id).to_owned(),
                IdsOf::Sources => id.clone(),
            };
            if ui.small_button(format!("{name} ×")).on_hover_text(format!("Remove {name}")).clicked() {
                remove = Some(index);
            }
        }
        if let Some(index) = remove {
            values.remove(index);
            changed = true;
        }
        let added = match of {
            IdsOf::Actors => pick_actor(ui, id_salt, scenario, "add…"),
            IdsOf::Sources => pick_source(ui, id_salt, scenario),
        };
        if let Some(id) = added.filter(|id| !values.contains(id)) {
            values.push(id);
            changed = true;
        }
    });
    changed
}

/// Free labels as one comma-separated line.
pub fn labels(ui: &mut egui::Ui, values: &mut Vec<String>) -> bool {
    let mut text = values.join(", ");
    let changed = ui.add(egui::TextEdit::singleline(&mut text).desired_width(260.0)).changed();
    if changed {
        *values = text.split(',').map(|label| label.trim().to_owned()).filter(|label| !label.is_empty()).collect();
    }
    changed
}

/// When a record applies: one year, or a period from and until dates (either may be open), or always.
pub fn period(
    ui: &mut egui::Ui,
    year: &mut Option<i32>,
    from: &mut Option<String>,
    until: &mut Option<String>,
) -> bool {
    let mut changed = false;
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            let mut one_year = year.is_some();
            if ui.checkbox(&mut one_year, "one year").on_hover_text("The record applies in one calendar year").changed()
            {
                *year = one_year.then_some(2023);
                changed = true;
            }
            if let Some(value) = year {
                changed |= ui.add(egui::DragValue::new(value).range(1800..=2200)).changed();
            }
        });
        if year.is_none() {
            ui.horizontal(|ui| {
                ui.label("from");
                changed |= optional_date(ui, from);
                ui.label("until");
                changed |= optional_date(ui, until);
            });
        }
    });
    changed
}

/// A date field ("2022", "2022-02" or "2022-02-24"); empty means open.
pub fn optional_date(ui: &mut egui::Ui, value: &mut Option<String>) -> bool {
    let mut text = value.clone().unwrap_or_default();
    let edit = egui::TextEdit::singleline(&mut text).hint_text("YYYY-MM-DD").desired_width(92.0);
    let changed = ui.add(edit).changed();
    if changed {
        *value = (!text.trim().is_empty()).then(|| text.trim().to_owned());
    }
    changed
}

/// An optional amount with its unit.
pub fn volume(ui: &mut egui::Ui, value: &mut Option<Volume>) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        let mut known = value.is_some();
        if ui.checkbox(&mut known, "known").changed() {
            *value = known.then_some(Volume(1.0, Unit::Bcm));
            changed = true;
        }
        if let Some(Volume(amount, unit)) = value {
            changed |= ui.add(egui::DragValue::new(amount).range(0.0..=f64::MAX).speed(0.1)).changed();
            let units = [(Unit::Bcm, "bcm"), (Unit::Mt, "Mt"), (Unit::Twh, "TWh"), (Unit::KbPerDay, "kb/d")];
            changed |= choice(ui, "volume unit", unit, &units);
        }
    });
    changed
}

/// An optional year: a checkbox, and the year when checked.
pub fn optional_year(ui: &mut egui::Ui, year: &mut Option<i32>) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        let mut set = year.is_some();
        if ui.checkbox(&mut set, "").changed() {
            *year = set.then_some(2023);
            changed = true;
        }
        if let Some(value) = year {
            changed |= ui.add(egui::DragValue::new(value).range(1800..=2200)).changed();
        }
    });
    changed
}

/// An optional place: latitude and longitude in degrees.
pub fn location(ui: &mut egui::Ui, value: &mut Option<GeoPoint>) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        let mut known = value.is_some();
        if ui.checkbox(&mut known, "known").changed() {
            *value = known.then_some(GeoPoint { lat: 0.0, lon: 0.0 });
            changed = true;
        }
        if let Some(point) = value {
            ui.label("lat");
            changed |= ui.add(egui::DragValue::new(&mut point.lat).range(-90.0..=90.0).speed(0.1)).changed();
            ui.label("lon");
            changed |= ui.add(egui::DragValue::new(&mut point.lon).range(-180.0..=180.0).speed(0.1)).changed();
        }
    });
    changed
}

/// The official totals of a vote, when known: yes, no, abstentions and (optionally) absences.
pub fn vote_totals(ui: &mut egui::Ui, value: &mut Option<VoteTotals>) -> bool {
    let mut changed = false;
    ui.vertical(|ui| {
        let mut known = value.is_some();
        if ui.checkbox(&mut known, "known").changed() {
            *value = known.then_some(VoteTotals { yes: 0, no: 0, abstain: 0, absent: None });
            changed = true;
        }
        if let Some(totals) = value {
            ui.horizontal(|ui| {
                for (label, count) in
                    [("yes", &mut totals.yes), ("no", &mut totals.no), ("abstain", &mut totals.abstain)]
                {
                    ui.label(label);
                    changed |= ui.add(egui::DragValue::new(count).range(0..=1_000)).changed();
                }
            });
            ui.horizontal(|ui| {
                let mut absent_known = totals.absent.is_some();
                if ui.checkbox(&mut absent_known, "absent").changed() {
                    totals.absent = absent_known.then_some(0);
                    changed = true;
                }
                if let Some(absent) = &mut totals.absent {
                    changed |= ui.add(egui::DragValue::new(absent).range(0..=1_000)).changed();
                }
            });
        }
    });
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_shares_and_strengths_out_of_range_are_refused_not_clamped() {
        assert_eq!(parse_share("85"), Ok(0.85));
        assert_eq!(parse_share(" 85.5 % "), Ok(0.855));
        assert_eq!(parse_share("150"), Err("150: a share is from 0% to 100%".to_owned()));
        assert_eq!(parse_share("-3%"), Err("-3%: a share is from 0% to 100%".to_owned()));
        assert!(parse_share("most").unwrap_err().contains("not a number"));
        assert!(parse_share("NaN").is_err() && parse_share("inf").is_err());
        assert_eq!(parse_strength("-0.5"), Ok(-0.5));
        assert!(parse_strength("2").unwrap_err().contains("from -1 (hostile) to +1 (allied)"));
    }
}
