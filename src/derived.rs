//! Everything views work out from one revision of the open scenario, computed once per revision and shared by
//! every view: the validator's problems (what the status bar counts and the Problems panel lists), the years,
//! suppliers, transit countries and routes the pickers offer, blocs, each actor's records for the Inspector, and
//! the actor list sorted for the Actors panel. Pure: built from a scenario, never from a window.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{ActorKind, Dated, Scenario};

/// Where each record that involves an actor sits, by kind and index, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorRecords {
    pub energy: Vec<usize>,
    pub sanctions: Vec<usize>,
    pub ties: Vec<usize>,
    pub votes: Vec<usize>,
    pub events: Vec<usize>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Derived {
    /// The document and revision this was built from.
    pub document: u64,
    pub revision: u64,
    /// Every problem of the scenario as it is now, errors first.
    pub problems: Vec<Diagnostic>,
    pub errors: usize,
    pub warnings: usize,
    /// The problems of each record, by its list ("energy") and its place in it: indices into `problems`.
    pub record_problems: HashMap<(String, usize), Vec<usize>>,
    /// Each actor's place in `scenario.actors`, by id.
    pub actor_index: HashMap<String, usize>,
    /// Every year a record names, in order.
    pub years: Vec<i32>,
    /// The first year an energy flow names (or, without energy flows, a sanctions stance or tie): where a
    /// comparison between years starts by default.
    pub first_relationship_year: Option<i32>,
    /// Actors that supply another, those with the most customers first.
    pub suppliers: Vec<String>,
    /// Actors that carry some flow in transit, and the named routes, each sorted.
    pub transit_countries: Vec<String>,
    pub routes: Vec<String>,
    /// Every actor named as a sanctions target, most often named first.
    pub sanctions_targets: Vec<String>,
    /// The blocs an actor is a member of, by actor id: by `members`, or by a `Member` or `Suspended` membership
    /// at any time (an observer is not a member; for members on a date see `Actor::members_on`).
    pub member_of: HashMap<String, Vec<String>>,
    /// The records that involve each actor, by actor id.
    pub records: HashMap<String, ActorRecords>,
    /// Actor indices of each kind, sorted by name (ignoring case), in `ActorKind::ALL` order.
    pub actors_by_kind: Vec<(ActorKind, Vec<usize>)>,
    /// Per actor, its id, name and local name in lower case, for searching.
    pub search_text: Vec<String>,
}

impl Derived {
    /// Works everything out for one revision. `problems` are the validator's findings, or the loader's (which
    /// carry lines and columns) for a document as it was read.
    pub fn build(scenario: &Scenario, document: u64, revision: u64, problems: Vec<Diagnostic>) -> Derived {
        let errors = problems.iter().filter(|problem| problem.severity == Severity::Error).count();
        Derived {
            document,
            revision,
            warnings: problems.len() - errors,
            errors,
            record_problems: record_problems(&problems),
            problems,
            actor_index: scenario.actors.iter().enumerate().map(|(index, actor)| (actor.id.clone(), index)).collect(),
            years: scenario.years(),
            first_relationship_year: first_relationship_year(scenario),
            suppliers: crate::charts::suppliers(scenario),
            transit_countries: sorted_unique(scenario.energy.iter().flat_map(|flow| flow.via.iter().cloned())),
            routes: sorted_unique(scenario.energy.iter().filter_map(|flow| flow.route.clone())),
            sanctions_targets: crate::scene::graph::sanctions_targets(scenario),
            member_of: member_of(scenario),
            records: records_by_actor(scenario),
            actors_by_kind: actors_by_kind(scenario),
            search_text: scenario
                .actors
                .iter()
                .map(|actor| {
                    let local = actor.local_name.as_deref().unwrap_or_default();
                    format!("{}\u{1f}{}\u{1f}{}", actor.id, actor.name, local).to_lowercase()
                })
                .collect(),
        }
    }

    /// Whether this was built from that revision of that document.
    pub fn is_for(&self, document: u64, revision: u64) -> bool {
        self.document == document && self.revision == revision
    }

    /// The latest year any record names.
    pub fn latest_year(&self) -> Option<i32> {
        self.years.last().copied()
    }

    /// An actor's name, or its id when there is no such actor, found in constant time.
    pub fn actor_name<'a>(&self, scenario: &'a Scenario, id: &'a str) -> &'a str {
        let actor = self.actor_index.get(id).and_then(|&index| scenario.actors.get(index));
        actor.filter(|actor| actor.id == id).map_or(id, |actor| actor.name.as_str())
    }

    /// The problems of record `index` of the list `list` ("energy").
    pub fn problems_of(&self, list: &str, index: usize) -> impl Iterator<Item = &Diagnostic> {
        let found = self.record_problems.get(&(list.to_owned(), index));
        found.into_iter().flatten().filter_map(|&problem| self.problems.get(problem))
    }

    /// (errors, warnings) of record `index` of the list `list`.
    pub fn problem_counts_of(&self, list: &str, index: usize) -> (usize, usize) {
        let errors = self.problems_of(list, index).filter(|problem| problem.is_error()).count();
        let all = self.record_problems.get(&(list.to_owned(), index)).map_or(0, Vec::len);
        (errors, all - errors)
    }

    /// The records that involve `id` (none for an unknown actor).
    pub fn records_of(&self, id: &str) -> &ActorRecords {
        static NONE: std::sync::OnceLock<ActorRecords> = std::sync::OnceLock::new();
        self.records.get(id).unwrap_or_else(|| NONE.get_or_init(ActorRecords::default))
    }
}

fn first_relationship_year(scenario: &Scenario) -> Option<i32> {
    let energy = scenario.energy.iter().flat_map(|flow| flow.period().named_years()).min();
    energy.or_else(|| {
        let periods = scenario.sanctions.iter().map(Dated::period).chain(scenario.ties.iter().map(Dated::period));
        periods.flat_map(|period| period.named_years()).min()
    })
}

/// Groups problems by the record their path starts with (`energy[3].supplier` is record 3 of `energy`), and by
/// every other record their message names: shares that add up to more than 100% show on each of the records.
fn record_problems(problems: &[Diagnostic]) -> HashMap<(String, usize), Vec<usize>> {
    let mut by_record: HashMap<(String, usize), Vec<usize>> = HashMap::new();
    for (position, problem) in problems.iter().enumerate() {
        let records = record_mentions(&problem.path).into_iter().take(1).chain(record_mentions(&problem.message));
        for record in records {
            let list = by_record.entry(record).or_default();
            if list.last() != Some(&position) {
                list.push(position);
            }
        }
    }
    by_record
}

/// Every `list[index]` in a text whose list is one of the scenario's record lists, in order.
fn record_mentions(text: &str) -> Vec<(String, usize)> {
    const LISTS: [&str; 9] = ["actors", "energy", "routes", "sanctions", "ties", "votes", "events", "sources", "story"];
    let mut found = Vec::new();
    for (open, _) in text.match_indices('[') {
        let word_start = text[..open].rfind(|c: char| !c.is_ascii_lowercase()).map_or(0, |at| at + 1);
        let list = &text[word_start..open];
        let number = text[open + 1..].split(']').next().and_then(|number| number.parse::<usize>().ok());
        if let (true, Some(index)) = (LISTS.contains(&list), number) {
            found.push((list.to_owned(), index));
        }
    }
    found
}

fn sorted_unique(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut found: Vec<String> = items.collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// The blocs each actor is a member of at any time, in actor order, each once.
fn member_of(scenario: &Scenario) -> HashMap<String, Vec<String>> {
    let mut blocs: HashMap<String, Vec<String>> = HashMap::new();
    for bloc in &scenario.actors {
        for member in bloc.members_at_any_time() {
            let entry = blocs.entry(member.to_owned()).or_default();
            // One bloc's mentions of a member come one after another, so the last entry is enough to skip repeats.
            if entry.last() != Some(&bloc.id) {
                entry.push(bloc.id.clone());
            }
        }
    }
    blocs
}

fn records_by_actor(scenario: &Scenario) -> HashMap<String, ActorRecords> {
    let mut records: HashMap<String, ActorRecords> = HashMap::new();
    let mut add = |id: &str, pick: fn(&mut ActorRecords) -> &mut Vec<usize>, index: usize| {
        let list = pick(records.entry(id.to_owned()).or_default());
        // An actor named twice in one record (a flow through its own supplier) lists the record once.
        if list.last() != Some(&index) {
            list.push(index);
        }
    };
    for (index, flow) in scenario.energy.iter().enumerate() {
        for id in [&flow.supplier, &flow.consumer].into_iter().chain(&flow.via) {
            add(id, |records| &mut records.energy, index);
        }
    }
    for (index, stance) in scenario.sanctions.iter().enumerate() {
        for id in [&stance.by, &stance.target] {
            add(id, |records| &mut records.sanctions, index);
        }
    }
    for (index, tie) in scenario.ties.iter().enumerate() {
        for id in [&tie.a, &tie.b] {
            add(id, |records| &mut records.ties, index);
        }
    }
    for (index, vote) in scenario.votes.iter().enumerate() {
        for id in vote.ballots.keys() {
            add(id, |records| &mut records.votes, index);
        }
    }
    for (index, event) in scenario.events.iter().enumerate() {
        for id in &event.actors {
            add(id, |records| &mut records.events, index);
        }
    }
    records
}

fn actors_by_kind(scenario: &Scenario) -> Vec<(ActorKind, Vec<usize>)> {
    ActorKind::ALL
        .into_iter()
        .map(|kind| {
            let mut indices: Vec<usize> =
                (0..scenario.actors.len()).filter(|&index| scenario.actors[index].kind == kind).collect();
            indices.sort_by(|&a, &b| crate::format::natural_cmp(&scenario.actors[a].name, &scenario.actors[b].name));
            (kind, indices)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"Scenario(format: 1, title: "t",
        actors: [
            Actor(id: "RUS", name: "Russia", kind: State),
            Actor(id: "SRB", name: "serbia", kind: State),
            Actor(id: "BGR", name: "Bulgaria", kind: State, local_name: "България"),
            Actor(id: "EU", name: "European Union", kind: Bloc, members: ["BGR"]),
        ],
        energy: [
            EnergyFlow(supplier: "RUS", consumer: "SRB", commodity: Gas, share: 0.85, via: ["BGR"],
                route: "TurkStream", year: 2022),
            EnergyFlow(supplier: "RUS", consumer: "BGR", commodity: Gas, share: 0.77, year: 2021),
        ],
        sanctions: [ SanctionStance(by: "EU", target: "RUS", stance: Imposes, from: "2022-02-23") ],
    )"#;

    fn derived() -> Derived {
        let scenario: Scenario = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(TEXT)
            .expect("test scenario parses");
        let problems = crate::validate::validate(&scenario);
        Derived::build(&scenario, 7, 3, problems)
    }

    #[test]
    fn lists_years_suppliers_transit_countries_and_routes() {
        let derived = derived();
        assert!(derived.is_for(7, 3) && !derived.is_for(7, 4));
        assert_eq!(derived.years, [2021, 2022]);
        assert_eq!(derived.latest_year(), Some(2022));
        assert_eq!(derived.first_relationship_year, Some(2021));
        assert_eq!(derived.suppliers, ["RUS"]);
        assert_eq!(derived.transit_countries, ["BGR"]);
        assert_eq!(derived.routes, ["TurkStream"]);
        assert_eq!(derived.member_of["BGR"], ["EU"]);
    }

    #[test]
    fn each_actor_knows_the_records_that_involve_it() {
        let derived = derived();
        assert_eq!(derived.records_of("BGR").energy, [0, 1], "in transit, then as consumer");
        assert_eq!(derived.records_of("RUS").sanctions, [0]);
        assert_eq!(derived.records_of("NOBODY"), &ActorRecords::default());
    }

    #[test]
    fn actors_are_sorted_by_name_ignoring_case_and_searchable_by_any_name() {
        let derived = derived();
        let states = &derived.actors_by_kind.iter().find(|(kind, _)| *kind == ActorKind::State).unwrap().1;
        assert_eq!(states, &[2, 0, 1], "Bulgaria, Russia, serbia");
        assert!(derived.search_text[2].contains("българия"));
    }

    #[test]
    fn names_and_problems_are_found_by_id_and_record() {
        let text = r#"Scenario(format: 1, title: "t", actors: [Actor(id: "SRB", name: "Serbia", kind: State)])"#;
        let scenario: Scenario = ron::from_str(text).expect("test scenario parses");
        let problems = vec![
            Diagnostic::error("energy[3].supplier", "x"),
            Diagnostic::warning("energy[3].sources", "y"),
            Diagnostic::warning("energy[30]", "z"),
            Diagnostic::error("title", "w"),
        ];
        let derived = Derived::build(&scenario, 1, 0, problems);
        assert_eq!(derived.actor_name(&scenario, "SRB"), "Serbia");
        assert_eq!(derived.actor_name(&scenario, "NOBODY"), "NOBODY", "an unknown id is shown as it is");
        assert_eq!(derived.problem_counts_of("energy", 3), (1, 1));
        assert_eq!(derived.problem_counts_of("energy", 30), (0, 1));
        assert_eq!(derived.problem_counts_of("ties", 3), (0, 0));
        let messages: Vec<&str> = derived.problems_of("energy", 3).map(|p| p.message.as_str()).collect();
        assert_eq!(messages, ["x", "y"]);
    }

    #[test]
    fn a_problem_shows_on_every_record_its_message_names() {
        let scenario = Scenario::default();
        let message = "Gas shares of SRB's consumption add up to 110% (energy[1] 70% + energy[2] 40%)";
        let derived = Derived::build(&scenario, 1, 0, vec![Diagnostic::error("energy[2].share", message)]);
        assert_eq!(derived.problem_counts_of("energy", 1), (1, 0), "the record the person edited shows it too");
        assert_eq!(derived.problem_counts_of("energy", 2), (1, 0), "once, though its path names it too");
        assert_eq!(derived.errors, 1, "one problem, counted once");
    }

    #[test]
    fn counts_errors_and_warnings() {
        let scenario = Scenario::default();
        let problems = vec![Diagnostic::error("a", "x"), Diagnostic::warning("b", "y"), Diagnostic::warning("c", "z")];
        let derived = Derived::build(&scenario, 1, 0, problems);
        assert_eq!((derived.errors, derived.warnings), (1, 2));
    }

    #[test]
    fn members_by_dated_memberships_count_at_any_time_and_observers_do_not() {
        let text = r#"Scenario(format: 1, title: "t",
            actors: [
                Actor(id: "SYR", name: "Syria", kind: State),
                Actor(id: "TLS", name: "Timor-Leste", kind: State),
                Actor(id: "LAS", name: "Arab League", kind: Organisation, memberships: [
                    Membership(member: "SYR", until: "2011-11-16"),
                    Membership(member: "SYR", from: "2011-11-16", until: "2023-05-07", status: Suspended),
                ]),
                Actor(id: "ASEAN", name: "ASEAN", kind: Bloc,
                    memberships: [Membership(member: "TLS", from: "2022-11-11", status: Observer)]),
            ])"#;
        let scenario: Scenario = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(text)
            .expect("test scenario parses");
        let derived = Derived::build(&scenario, 1, 0, Vec::new());
        assert_eq!(derived.member_of["SYR"], ["LAS"], "two memberships of one organisation, listed once");
        assert!(!derived.member_of.contains_key("TLS"), "an observer is not a member");
    }
}
