//! Checks of the relationship records: their actor and source references, values and periods.

use std::collections::{HashMap, HashSet};
use std::fmt::Display;

use super::suggest::shortened;
use super::values::{check_location, check_name_length, check_number, check_period};
use super::{Checker, Item};
use crate::model::{Actor, Dated, Scenario, route_key};

/// An actor's dated memberships (`actors[i].memberships[k]`): a known member other than the actor, a period, sources;
/// a member that `members` lists too is a warning, since `members` already counts it at every date.
pub(super) fn check_memberships(checker: &mut Checker, actor_path: Item<'_>, actor: &Actor) {
    if actor.memberships.is_empty() {
        return;
    }
    let undated: HashMap<&str, usize> =
        actor.members.iter().enumerate().map(|(index, member)| (member.as_str(), index)).collect();
    for (index, membership) in actor.memberships.iter().enumerate() {
        let path = Item::within(&actor_path, "memberships", index);
        let member_path = format_args!("{path}.member");
        let member = membership.member.as_str();
        checker.check_actor_reference(&member_path, member);
        if member == actor.id {
            checker.error(member_path, format!("\"{}\" lists itself as a member", shortened(member)));
        }
        if let Some(undated_index) = undated.get(member) {
            let message = format!(
                "\"{}\" is also in members ({actor_path}.members[{undated_index}]), which counts it a member at \
                 every date; keep it in one of the two lists",
                shortened(member)
            );
            checker.warning(member_path, message);
        }
        check_period(checker, &path, membership.period());
        check_cites(checker, &path, &membership.sources, "membership");
    }
}

pub(super) fn check_energy(checker: &mut Checker) {
    let scenario: &Scenario = checker.scenario;
    for (index, flow) in scenario.energy.iter().enumerate() {
        let path = Item::new("energy", index);
        checker.check_actor_reference(&format_args!("{path}.supplier"), &flow.supplier);
        checker.check_actor_reference(&format_args!("{path}.consumer"), &flow.consumer);
        for (via_index, transit) in flow.via.iter().enumerate() {
            let via_path = Item::within(&path, "via", via_index);
            checker.check_actor_reference(&via_path, transit);
            if transit == &flow.supplier || transit == &flow.consumer {
                checker.warning(via_path, format!("\"{transit}\" is an end of this flow, not a transit"));
            }
        }
        super::values::check_share(checker, &format_args!("{path}.share"), flow.share);
        if let Some(volume) = flow.volume
            && (!volume.0.is_finite() || volume.0 < 0.0)
        {
            checker
                .error(format_args!("{path}.volume"), format!("volume must be a finite amount ≥ 0, not {}", volume.0));
        }
        if flow.supplier == flow.consumer && !flow.via.is_empty() {
            checker.warning(format_args!("{path}.via"), "own production has no transit route");
        }
        check_period(checker, &path, flow.period());
        check_cites(checker, &path, &flow.sources, "energy flow");
    }
}

/// Named routes: a name that is there and unique (ignoring letter case, as flows name routes), points on the globe,
/// sources; a route no energy flow names draws nothing.
pub(super) fn check_routes(checker: &mut Checker) {
    let scenario: &Scenario = checker.scenario;
    let named: HashSet<String> =
        scenario.energy.iter().filter_map(|flow| flow.route.as_deref()).map(route_key).collect();
    let mut first_index: HashMap<String, usize> = HashMap::new();
    for (index, route) in scenario.routes.iter().enumerate() {
        let path = Item::new("routes", index);
        let name_path = format_args!("{path}.name");
        let key = route_key(&route.name);
        if key.is_empty() {
            checker.error(name_path, "route name is empty");
        } else if let Some(first) = first_index.get(&key) {
            let message =
                format!("duplicate route name \"{}\" (first used by routes[{first}])", shortened(&route.name));
            checker.error(name_path, message);
        } else {
            first_index.insert(key.clone(), index);
            if !named.contains(&key) {
                let message = format!("no energy flow names route \"{}\"; it is not drawn", shortened(&route.name));
                checker.warning(name_path, message);
            }
        }
        check_name_length(checker, &name_path, &route.name);
        for (point_index, point) in route.waypoints.iter().enumerate() {
            check_location(checker, &format_args!("{path}.waypoints[{point_index}]"), *point);
        }
        check_cites(checker, &path, &route.sources, "route");
    }
}

pub(super) fn check_sanctions(checker: &mut Checker) {
    let scenario: &Scenario = checker.scenario;
    for (index, stance) in scenario.sanctions.iter().enumerate() {
        let path = Item::new("sanctions", index);
        checker.check_actor_reference(&format_args!("{path}.by"), &stance.by);
        checker.check_actor_reference(&format_args!("{path}.target"), &stance.target);
        if stance.by == stance.target {
            checker.error(format_args!("{path}.target"), format!("\"{}\" cannot sanction itself", stance.by));
        }
        check_period(checker, &path, stance.period());
        check_cites(checker, &path, &stance.sources, "sanctions stance");
    }
}

pub(super) fn check_ties(checker: &mut Checker) {
    let scenario: &Scenario = checker.scenario;
    for (index, tie) in scenario.ties.iter().enumerate() {
        let path = Item::new("ties", index);
        checker.check_actor_reference(&format_args!("{path}.a"), &tie.a);
        checker.check_actor_reference(&format_args!("{path}.b"), &tie.b);
        if tie.a == tie.b {
            checker
                .error(format_args!("{path}.b"), format!("a tie needs two different actors, both are \"{}\"", tie.a));
        }
        check_number(checker, &format_args!("{path}.strength"), tie.strength, (-1.0, 1.0), "strength");
        let expected = tie.kind.expected_sign();
        if tie.strength.is_finite() && f64::from(expected) * tie.strength < 0.0 {
            let sign = if expected > 0 { "positive" } else { "negative" };
            let kind = tie.kind.label();
            let message = format!("a tie of kind {kind} usually has a {sign} strength, not {}", tie.strength);
            checker.warning(format_args!("{path}.strength"), message);
        }
        check_period(checker, &path, tie.period());
        check_cites(checker, &path, &tie.sources, "tie");
    }
}

pub(super) fn check_votes(checker: &mut Checker) {
    let scenario: &Scenario = checker.scenario;
    checker.check_unique_ids("votes", scenario.votes.iter().map(|vote| vote.id.as_str()), "vote");
    for (index, vote) in scenario.votes.iter().enumerate() {
        let path = Item::new("votes", index);
        super::values::check_id_text(checker, &format_args!("{path}.id"), &vote.id);
        checker.check_date(&format_args!("{path}.date"), &vote.date);
        for actor in vote.ballots.keys() {
            checker.check_actor_reference(&format_args!("{path}.ballots[{actor:?}]"), actor);
        }
        if vote.ballots.is_empty() {
            checker.warning(format_args!("{path}.ballots"), "vote records no ballots");
        }
        check_cites(checker, &path, &vote.sources, "vote");
    }
}

pub(super) fn check_events(checker: &mut Checker) {
    let scenario: &Scenario = checker.scenario;
    for (index, event) in scenario.events.iter().enumerate() {
        let path = Item::new("events", index);
        checker.check_date(&format_args!("{path}.date"), &event.date);
        for (actor_index, actor) in event.actors.iter().enumerate() {
            checker.check_actor_reference(&Item::within(&path, "actors", actor_index), actor);
        }
        check_cites(checker, &path, &event.sources, "event");
    }
}

/// Every fact should cite a source; a record without one still opens.
fn check_cites(checker: &mut Checker, path: &dyn Display, sources: &[String], what: &str) {
    if sources.is_empty() {
        checker.warning(format_args!("{path}.sources"), format!("{what} cites no source"));
    }
    checker.check_source_references(path, sources);
}
