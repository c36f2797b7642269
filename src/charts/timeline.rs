//! The timeline: events and votes in date order, spread over lanes so that close entries do not overlap.

use crate::model::Scenario;
use crate::model::date::Date;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    Event,
    Vote,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEntry {
    pub kind: EntryKind,
    /// Index into the scenario's events or votes.
    pub index: usize,
    pub date: Date,
    /// Where it sits on a continuous year axis.
    pub position: f64,
    pub title: String,
    pub actors: Vec<String>,
    pub sources: Vec<String>,
    /// Which row of the timeline it is drawn on, counted from the axis.
    pub lane: usize,
}

/// Every event and vote with a readable date, in date order (unreadable dates are left to the validator).
/// Entries less than `min_gap` years apart go to different lanes.
pub fn timeline(scenario: &Scenario, min_gap: f64) -> Vec<TimelineEntry> {
    let events = scenario.events.iter().enumerate().filter_map(|(index, event)| {
        let date = Date::parse(&event.date).ok()?;
        Some(entry(EntryKind::Event, index, date, &event.title, event.actors.clone(), &event.sources))
    });
    let votes = scenario.votes.iter().enumerate().filter_map(|(index, vote)| {
        let date = Date::parse(&vote.date).ok()?;
        Some(entry(EntryKind::Vote, index, date, &vote.title, Vec::new(), &vote.sources))
    });
    let mut entries: Vec<TimelineEntry> = events.chain(votes).collect();
    entries.sort_by(|a, b| a.position.total_cmp(&b.position).then_with(|| a.title.cmp(&b.title)));
    let positions: Vec<f64> = entries.iter().map(|entry| entry.position).collect();
    for (entry, lane) in entries.iter_mut().zip(assign_lanes(&positions, min_gap)) {
        entry.lane = lane;
    }
    entries
}

fn entry(
    kind: EntryKind,
    index: usize,
    date: Date,
    title: &str,
    actors: Vec<String>,
    sources: &[String],
) -> TimelineEntry {
    let position = date.as_fractional_year();
    TimelineEntry { kind, index, date, position, title: title.to_owned(), actors, sources: sources.to_vec(), lane: 0 }
}

/// Greedy lanes for sorted positions: each goes to the lowest lane whose last entry is at least `min_gap` before it.
pub fn assign_lanes(sorted_positions: &[f64], min_gap: f64) -> Vec<usize> {
    let mut lane_ends: Vec<f64> = Vec::new();
    sorted_positions
        .iter()
        .map(|&position| match lane_ends.iter().position(|&end| position - end >= min_gap) {
            Some(lane) => {
                lane_ends[lane] = position;
                lane
            }
            None => {
                lane_ends.push(position);
                lane_ends.len() - 1
            }
        })
        .collect()
}

/// The entries dated in `year`.
pub fn in_year(entries: &[TimelineEntry], year: i32) -> impl Iterator<Item = &TimelineEntry> {
    entries.iter().filter(move |entry| entry.date.year == year)
}

/// Which entries' titles fit beside their markers at a zoom of `pixels_per_year`: a title is shown when it ends
/// before the next marker in its lane and before `end`, the position of the plot's right edge. Every marker is
/// drawn, so shown titles never overlap markers or each other. `title_width` gives a title's width in pixels,
/// including the gap after it.
pub fn titles_that_fit(
    entries: &[TimelineEntry],
    pixels_per_year: f64,
    end: f64,
    title_width: impl Fn(&str) -> f64,
) -> Vec<bool> {
    entries
        .iter()
        .enumerate()
        .map(|(index, entry)| {
            let next_in_lane = entries[index + 1..].iter().find(|later| later.lane == entry.lane);
            let room_until = next_in_lane.map_or(end, |next| next.position.min(end));
            (room_until - entry.position) * pixels_per_year >= title_width(&entry.title)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Event, Vote};

    fn event(date: &str, title: &str) -> Event {
        Event {
            date: date.to_owned(),
            title: title.to_owned(),
            description: None,
            actors: vec!["SRB".to_owned()],
            sources: vec!["s".to_owned()],
        }
    }

    #[test]
    fn lanes_separate_close_entries_and_reuse_free_lanes() {
        assert_eq!(assign_lanes(&[2022.0, 2022.1, 2022.15, 2022.5, 2022.55], 0.25), [0, 1, 2, 0, 1]);
        assert_eq!(assign_lanes(&[], 0.25), Vec::<usize>::new());
    }

    #[test]
    fn events_and_votes_come_in_date_order_and_bad_dates_are_skipped() {
        let scenario = Scenario {
            events: vec![event("2023-12-17", "Elections"), event("2022-02-24", "Invasion"), event("soon", "?")],
            votes: vec![Vote {
                id: "ES-11/1".to_owned(),
                date: "2022-03-02".to_owned(),
                title: "Aggression against Ukraine".to_owned(),
                body: None,
                ballots: Default::default(),
                totals: None,
                note: None,
                sources: Vec::new(),
            }],
            ..Scenario::default()
        };
        let entries = timeline(&scenario, 0.25);
        let titles: Vec<&str> = entries.iter().map(|entry| entry.title.as_str()).collect();
        assert_eq!(titles, ["Invasion", "Aggression against Ukraine", "Elections"]);
        assert_eq!(entries[1].kind, EntryKind::Vote);
        assert_eq!([entries[0].lane, entries[1].lane, entries[2].lane], [0, 1, 0]);
        assert_eq!(in_year(&entries, 2022).count(), 2);
    }

    #[test]
    fn titles_show_only_where_they_fit_in_their_lane() {
        let scenario = Scenario {
            events: vec![
                event("2020", "A"),
                event("2020-07", "B"),
                event("2021", "C"),
                event("2021-02", "D"),
                event("2023", "E"),
            ],
            ..Scenario::default()
        };
        let entries = timeline(&scenario, 0.25);
        assert_eq!(entries.iter().map(|entry| entry.lane).collect::<Vec<_>>(), [0, 0, 0, 1, 0]);
        // 150 pixels per year, titles 60 pixels wide: the next marker in lane 0 is always half a year (75 pixels)
        // or more away, D is alone in lane 1, E is last.
        assert_eq!(titles_that_fit(&entries, 150.0, 2030.0, |_| 60.0), [true, true, true, true, true]);
        // At 100 pixels per year, A's and B's titles would reach the next marker, 50 pixels on; C's does not.
        assert_eq!(titles_that_fit(&entries, 100.0, 2030.0, |_| 60.0), [false, false, true, true, true]);
        // With the plot's right edge at 2023.5, E's title (from 2023.0, 50 pixels of room) is cut: hidden.
        assert_eq!(titles_that_fit(&entries, 100.0, 2023.5, |_| 60.0), [false, false, true, true, false]);
    }
}
