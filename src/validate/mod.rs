//! The one validator, used by loading, `geodep check` and (later) the editors: it finds every semantic
//! problem of a scenario at once and says where it is by record path.
//!
//! It reads a `Scenario` and returns `Diagnostic`s; it knows nothing of files or text positions (the
//! loader adds those) and nothing of egui.

mod part_year;
mod references;
mod shares;
mod suggest;
mod values;

use std::collections::{HashMap, HashSet};
use std::fmt::{self, Display};

use crate::diagnostic::{Diagnostic, sort};
use crate::model::{CURRENT_FORMAT, Scenario};
pub use suggest::{MAX_COMPARISONS, MAX_HINTS, MAX_ID_CHARS, MAX_NAME_CHARS, Suggester, shortened, suggest};

/// Every problem in the scenario, errors first.
pub fn validate(scenario: &Scenario) -> Vec<Diagnostic> {
    let mut checker = Checker::new(scenario);
    checker.check_header();
    checker.check_actors();
    checker.check_records();
    // After the actors and records: their reference checks mark the sources that are cited.
    checker.check_sources();
    checker.check_layout_and_story();
    shares::check_share_sums(scenario, &mut checker.found);
    part_year::check_part_year_figures(scenario, &mut checker.found);
    let mut found = checker.found;
    sort(&mut found);
    found
}

/// The path of an item of a list: `energy[3]`, `actors[2].memberships[0]`. Paths are written out only when a
/// problem is found there (as `&dyn Display` until then), so that checking a scenario of a hundred thousand
/// records makes no string for each.
#[derive(Clone, Copy)]
pub(crate) struct Item<'a> {
    /// The record whose field holds the list, if any: `actors[2]` for `actors[2].memberships[0]`.
    parent: Option<&'a dyn Display>,
    list: &'static str,
    index: usize,
}

impl<'a> Item<'a> {
    /// Item `index` of a top-level list: `energy[3]`.
    pub(crate) fn new(list: &'static str, index: usize) -> Item<'a> {
        Item { parent: None, list, index }
    }

    /// Item `index` of a list field of `parent`: `actors[2].memberships[0]`.
    pub(crate) fn within(parent: &'a dyn Display, list: &'static str, index: usize) -> Item<'a> {
        Item { parent: Some(parent), list, index }
    }
}

impl Display for Item<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(parent) = self.parent {
            write!(formatter, "{parent}.")?;
        }
        write!(formatter, "{}[{}]", self.list, self.index)
    }
}

/// Collects diagnostics while walking the scenario, with the id sets the reference checks need.
pub(crate) struct Checker<'a> {
    scenario: &'a Scenario,
    actor_ids: HashSet<&'a str>,
    /// Every source id, and whether a record has cited it so far (the reference checks mark them, which saves
    /// gathering every citation again to find the sources never cited).
    source_ids: HashMap<&'a str, bool>,
    /// Built at the first unknown reference of each kind: a valid file never pays for them.
    actor_hints: Option<Suggester<'a>>,
    source_hints: Option<Suggester<'a>>,
    found: Vec<Diagnostic>,
}

impl<'a> Checker<'a> {
    fn new(scenario: &'a Scenario) -> Checker<'a> {
        Checker {
            scenario,
            actor_ids: scenario.actors.iter().map(|actor| actor.id.as_str()).collect(),
            source_ids: scenario.sources.iter().map(|source| (source.id.as_str(), false)).collect(),
            actor_hints: None,
            source_hints: None,
            found: Vec::new(),
        }
    }

    fn error(&mut self, path: impl Display, message: impl Into<String>) {
        self.found.push(Diagnostic::error(path.to_string(), message));
    }

    fn warning(&mut self, path: impl Display, message: impl Into<String>) {
        self.found.push(Diagnostic::warning(path.to_string(), message));
    }

    fn check_header(&mut self) {
        let scenario = self.scenario;
        if scenario.format > CURRENT_FORMAT {
            self.error("format", future_format_message(scenario.format));
        } else if scenario.format == 0 {
            self.error("format", "format 0 does not exist; this version writes format 1");
        }
        if scenario.title.trim().is_empty() {
            self.warning("title", "the scenario has no title");
        }
        values::check_name_length(self, &"title", &scenario.title);
        if let Some(as_of) = &scenario.as_of {
            self.check_date(&"as_of", as_of);
        }
        if scenario.actors.is_empty() {
            self.warning("actors", "the scenario has no actors");
        }
    }

    fn check_actors(&mut self) {
        let scenario = self.scenario;
        self.check_unique_ids("actors", scenario.actors.iter().map(|actor| actor.id.as_str()), "actor");
        for (index, actor) in scenario.actors.iter().enumerate() {
            let path = Item::new("actors", index);
            values::check_id_text(self, &format_args!("{path}.id"), &actor.id);
            if actor.name.trim().is_empty() {
                self.warning(format_args!("{path}.name"), format!("actor \"{}\" has no name", shortened(&actor.id)));
            }
            values::check_name_length(self, &format_args!("{path}.name"), &actor.name);
            if let Some(location) = actor.location {
                values::check_location(self, &format_args!("{path}.location"), location);
            }
            for (member_index, member) in actor.members.iter().enumerate() {
                let member_path = Item::within(&path, "members", member_index);
                self.check_actor_reference(&member_path, member);
                if member == &actor.id {
                    self.error(member_path, format!("\"{}\" lists itself as a member", shortened(&actor.id)));
                }
            }
            references::check_memberships(self, path, actor);
            self.check_source_references(&path, &actor.sources);
        }
    }

    fn check_records(&mut self) {
        references::check_energy(self);
        references::check_routes(self);
        references::check_sanctions(self);
        references::check_ties(self);
        references::check_votes(self);
        references::check_events(self);
    }

    fn check_sources(&mut self) {
        let scenario = self.scenario;
        self.check_unique_ids("sources", scenario.sources.iter().map(|source| source.id.as_str()), "source");
        for (index, source) in scenario.sources.iter().enumerate() {
            let path = Item::new("sources", index);
            values::check_id_text(self, &format_args!("{path}.id"), &source.id);
            if source.title.trim().is_empty() {
                let message = format!("source \"{}\" has no title", shortened(&source.id));
                self.warning(format_args!("{path}.title"), message);
            }
            values::check_name_length(self, &format_args!("{path}.title"), &source.title);
            if let Some(date) = &source.date {
                self.check_date(&format_args!("{path}.date"), date);
            }
            if self.source_ids.get(source.id.as_str()) != Some(&true) {
                let message = format!("source \"{}\" is never cited", shortened(&source.id));
                self.warning(format_args!("{path}.id"), message);
            }
        }
    }

    fn check_layout_and_story(&mut self) {
        let scenario = self.scenario;
        for (id, position) in &scenario.layout {
            let path = format_args!("layout[{id:?}]");
            if !self.actor_ids.contains(id.as_str()) {
                let message = format!("position saved for unknown actor \"{}\"; it is ignored", shortened(id));
                self.warning(path, message);
            }
            if !position.0.is_finite() || !position.1.is_finite() {
                self.error(path, "position must be two finite numbers");
            }
        }
        for (index, step) in scenario.story.iter().enumerate() {
            let path = Item::new("story", index);
            if step.title.trim().is_empty() && step.caption.trim().is_empty() {
                self.warning(path, "story step has neither title nor caption");
            }
            values::check_name_length(self, &format_args!("{path}.title"), &step.title);
            for (focus_index, id) in step.focus.iter().enumerate() {
                self.check_actor_reference(&Item::within(&path, "focus", focus_index), id);
            }
            if let Some(route) = &step.route {
                self.check_story_route(&path, route);
            }
            if let Some(year) = step.year {
                values::check_year(self, &format_args!("{path}.year"), year);
            }
            if let Some(span) = step.years {
                self.check_year_span(&format_args!("{path}.years"), span);
            }
            if let Some(actor) = step.shock.as_ref().and_then(|shock| shock.actor()) {
                self.check_actor_reference(&format_args!("{path}.shock"), actor);
            }
            if let Some(camera) = step.camera
                && !(camera.x.is_finite() && camera.y.is_finite() && camera.zoom.is_finite() && camera.zoom > 0.0)
            {
                self.error(format_args!("{path}.camera"), "camera must have a finite centre and a positive zoom");
            }
            if let Some(filters) = &step.filters {
                for (field, value) in
                    [("minimum_share", filters.minimum_share), ("minimum_strength", filters.minimum_strength)]
                {
                    if !(0.0..=1.0).contains(&value) {
                        let message = format!("must be from 0 to 1, not {value}");
                        self.error(format_args!("{path}.filters.{field}"), message);
                    }
                }
            }
        }
    }

    /// A story step's span of years to play: two plausible years, the first not after the last.
    fn check_year_span(&mut self, path: &dyn Display, (first, last): (i32, i32)) {
        values::check_year(self, path, first);
        values::check_year(self, path, last);
        if first > last {
            let message = format!("the span starts after it ends ({first} is after {last}): write ({last}, {first})");
            self.error(path, message);
        }
    }

    /// A step's route names its flow's two ends by known ids, and some energy record is on it.
    fn check_story_route(&mut self, path: &dyn Display, route: &str) {
        use crate::scene::route_path::{RouteName, names_any_flow};
        let route_path = format_args!("{path}.route");
        if let RouteName::Flow { supplier, consumer } = RouteName::parse(route) {
            self.check_actor_reference(&route_path, supplier);
            self.check_actor_reference(&route_path, consumer);
        }
        if !names_any_flow(self.scenario, route) {
            let message = format!("no energy flow is on route \"{}\"; the step draws no route", shortened(route));
            self.warning(route_path, message);
        }
    }

    fn check_unique_ids<'i>(&mut self, list: &str, ids: impl Iterator<Item = &'i str>, what: &str) {
        let mut first_index: HashMap<&str, usize> = HashMap::new();
        for (index, id) in ids.enumerate() {
            if let Some(first) = first_index.get(id) {
                let message = format!("duplicate {what} id \"{}\" (first used by {list}[{first}])", shortened(id));
                self.error(format_args!("{list}[{index}].id"), message);
            } else {
                first_index.insert(id, index);
            }
        }
    }

    pub(crate) fn check_actor_reference(&mut self, path: &dyn Display, id: &str) {
        if !self.actor_ids.contains(id) {
            let scenario = self.scenario;
            let hints = self.actor_hints.get_or_insert_with(|| {
                Suggester::new(scenario.actors.iter().map(|actor| (actor.id.as_str(), actor.name.as_str())))
            });
            let hint = hints.hint(id);
            self.error(path, format!("unknown actor \"{}\"{hint}", shortened(id)));
        }
    }

    pub(crate) fn check_source_references(&mut self, record_path: &dyn Display, sources: &[String]) {
        for (index, id) in sources.iter().enumerate() {
            if let Some(cited) = self.source_ids.get_mut(id.as_str()) {
                *cited = true;
            } else {
                let scenario = self.scenario;
                let hints = self.source_hints.get_or_insert_with(|| {
                    Suggester::new(scenario.sources.iter().map(|source| (source.id.as_str(), source.id.as_str())))
                });
                let hint = hints.hint(id);
                let message = format!("unknown source \"{}\"{hint}", shortened(id));
                self.error(format_args!("{record_path}.sources[{index}]"), message);
            }
        }
    }

    pub(crate) fn check_date(&mut self, path: &dyn Display, text: &str) {
        match crate::model::date::Date::parse(text) {
            Ok(date) => values::check_year(self, path, date.year),
            Err(problem) => self.error(path, format!("bad date \"{text}\": {problem}")),
        }
    }
}

pub fn future_format_message(format: u32) -> String {
    format!(
        "this file is format {format}, written by a newer GeoDep; this version reads formats up to \
         {CURRENT_FORMAT}. Update GeoDep to open it."
    )
}

#[cfg(test)]
mod tests;
