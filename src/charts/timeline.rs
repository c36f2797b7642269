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

/// Spreads entries (in date order) over lanes so that as many titles as possible fit beside their markers at a
/// zoom of `pixels_per_year`: each goes to the lowest lane that is free at its date, and keeps that lane until its
/// title ends; a new lane opens while there are fewer than `max_lanes`; past that, an entry goes to the lane that
/// frees first, and its title is left to the tooltip (`titles_that_fit` then says which). Markers in one lane are
/// at least `min_gap` years apart whenever there is a free lane.
pub fn lanes_for_titles(
    entries: &mut [TimelineEntry],
    pixels_per_year: f64,
    min_gap: f64,
    max_lanes: usize,
    title_width: impl Fn(&str) -> f64,
) {
    let pixels_per_year = if pixels_per_year.is_finite() && pixels_per_year > 0.0 { pixels_per_year } else { 1.0 };
    let max_lanes = max_lanes.max(1);
    // Where each lane is free again, in years.
    let mut free_from: Vec<f64> = Vec::new();
    for entry in entries.iter_mut() {
        let titled_end = entry.position + (title_width(&entry.title) / pixels_per_year).max(min_gap);
        let lane = match free_from.iter().position(|&free| free <= entry.position) {
            Some(lane) => lane,
            None if free_from.len() < max_lanes => {
                free_from.push(f64::NEG_INFINITY);
                free_from.len() - 1
            }
            None => (0..free_from.len()).min_by(|&a, &b| free_from[a].total_cmp(&free_from[b])).unwrap_or(0),
        };
        let title_fits = free_from[lane] <= entry.position;
        free_from[lane] = if title_fits { titled_end } else { free_from[lane].max(entry.position + min_gap) };
        entry.lane = lane;
    }
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

    fn placed(position: f64, title: &str) -> TimelineEntry {
        let date = Date::parse("2022").expect("a date");
        TimelineEntry { position, ..entry(EntryKind::Event, 0, date, title, Vec::new(), &[]) }
    }

    #[test]
    fn lanes_leave_room_for_every_title_while_lanes_remain() {
        // 100 pixels a year, titles 100 pixels wide (a year): A, B and C are a quarter of a year apart, D comes a
        // year after A.
        let mut entries = vec![placed(2022.0, "A"), placed(2022.25, "B"), placed(2022.5, "C"), placed(2023.0, "D")];
        lanes_for_titles(&mut entries, 100.0, 0.05, 8, |_| 100.0);
        let lanes: Vec<usize> = entries.iter().map(|entry| entry.lane).collect();
        assert_eq!(lanes, [0, 1, 2, 0], "D takes A's lane once A's title has ended");
        let fits = titles_that_fit(&entries, 100.0, 2030.0, |_| 100.0);
        assert_eq!(fits, [true; 4], "every title shown");
        // With two lanes at most, C goes to the lane that frees first (A's), untitled; A's title would now run
        // into C's marker, so it goes to the tooltip too. D still gets A's lane when A's title would have ended.
        lanes_for_titles(&mut entries, 100.0, 0.05, 2, |_| 100.0);
        let lanes: Vec<usize> = entries.iter().map(|entry| entry.lane).collect();
        assert_eq!(lanes, [0, 1, 0, 0]);
        let fits = titles_that_fit(&entries, 100.0, 2030.0, |_| 100.0);
        assert_eq!(fits, [false, true, false, true]);
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
