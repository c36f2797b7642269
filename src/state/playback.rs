//! Playing the years: whether the app-wide year steps on by itself, how fast, whether it starts over at the end,
//! and where a story step's span of years stops. Pure: the app asks `due` each frame with egui's input time and
//! applies the year it is given; nothing here draws or knows the window.

/// The step times the Play menu offers, in seconds per year.
pub const SPEEDS: [f32; 3] = [0.5, 1.0, 2.0];

#[derive(Debug, Clone, PartialEq)]
pub struct Playback {
    pub playing: bool,
    /// How long each year is shown before the next.
    pub seconds_per_year: f32,
    /// Start again from the first year after the last, instead of stopping there.
    pub looping: bool,
    /// When the year on screen was reached, in egui's input time (seconds).
    year_reached_at: f64,
    /// The years played, in order (the scenario's years, or a story step's span of them).
    years: Vec<i32>,
}

impl Default for Playback {
    fn default() -> Self {
        Playback { playing: false, seconds_per_year: 1.0, looping: false, year_reached_at: 0.0, years: Vec::new() }
    }
}

/// What playing asks of the app this frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tick {
    /// Show this year now.
    Show(i32),
    /// Nothing yet: look again in this many seconds.
    Wait(f32),
    /// Not playing.
    Idle,
}

impl Playback {
    /// Starts playing `years` at `now`. From the year shown if it is one of them and not the last; otherwise from
    /// the first, which is returned to be shown.
    pub fn play(&mut self, years: Vec<i32>, shown: Option<i32>, now: f64) -> Option<i32> {
        let restart = match shown {
            Some(year) => years.last() == Some(&year) || !years.contains(&year),
            None => true,
        };
        let first = years.first().copied();
        self.years = years;
        self.playing = first.is_some() && self.years.len() > 1;
        self.year_reached_at = now;
        if restart { first } else { None }
    }

    pub fn pause(&mut self) {
        self.playing = false;
    }

    /// The year to show at time `now`, when the one on screen (`shown`) has had its time.
    pub fn due(&mut self, shown: Option<i32>, now: f64) -> Tick {
        if !self.playing {
            return Tick::Idle;
        }
        let waited = (now - self.year_reached_at) as f32;
        if waited < self.seconds_per_year {
            return Tick::Wait(self.seconds_per_year - waited);
        }
        let next = shown.and_then(|year| self.years.iter().copied().find(|&later| later > year));
        let next = match next {
            Some(year) => year,
            None if self.looping => match self.years.first() {
                Some(&first) => first,
                None => return self.stop(),
            },
            None => return self.stop(),
        };
        self.year_reached_at = now;
        if !self.looping && self.years.last() == Some(&next) {
            // The last year is reached: it stays on screen, and Play shows again.
            self.playing = false;
        }
        Tick::Show(next)
    }

    fn stop(&mut self) -> Tick {
        self.playing = false;
        Tick::Idle
    }
}

/// The years of `all` (sorted) from `start` to `end`, both included.
pub fn years_within(all: &[i32], start: i32, end: i32) -> Vec<i32> {
    all.iter().copied().filter(|year| (start..=end).contains(year)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn waits_about(tick: Tick, seconds: f32) -> bool {
        matches!(tick, Tick::Wait(left) if (left - seconds).abs() < 1e-4)
    }

    #[test]
    fn plays_each_year_for_its_time_then_stops_at_the_last() {
        let mut playback = Playback { seconds_per_year: 0.5, ..Playback::default() };
        assert_eq!(playback.play(vec![2021, 2022, 2023], Some(2021), 10.0), None, "the first year is on screen");
        assert!(playback.playing);
        assert!(waits_about(playback.due(Some(2021), 10.2), 0.3));
        assert_eq!(playback.due(Some(2021), 10.5), Tick::Show(2022));
        assert!(playback.playing);
        assert!(waits_about(playback.due(Some(2022), 10.9), 0.1));
        assert_eq!(playback.due(Some(2022), 11.0), Tick::Show(2023));
        assert!(!playback.playing, "the last year ends the play");
        assert_eq!(playback.due(Some(2023), 20.0), Tick::Idle);
    }

    #[test]
    fn playing_from_the_last_year_or_all_years_starts_at_the_first() {
        let mut playback = Playback::default();
        assert_eq!(playback.play(vec![2021, 2022], Some(2022), 0.0), Some(2021));
        assert_eq!(playback.play(vec![2021, 2022], None, 0.0), Some(2021));
        assert_eq!(playback.play(vec![2021, 2022], Some(1999), 0.0), Some(2021));
    }

    #[test]
    fn a_single_year_or_none_does_not_play() {
        let mut playback = Playback::default();
        playback.play(vec![2021], None, 0.0);
        assert!(!playback.playing);
        playback.play(Vec::new(), None, 0.0);
        assert!(!playback.playing);
    }

    #[test]
    fn looping_goes_back_to_the_first_year() {
        let mut playback = Playback { looping: true, ..Playback::default() };
        playback.play(vec![2021, 2022], Some(2021), 0.0);
        assert_eq!(playback.due(Some(2021), 1.0), Tick::Show(2022));
        assert!(playback.playing, "looping does not stop at the last year");
        assert_eq!(playback.due(Some(2022), 2.0), Tick::Show(2021));
    }

    #[test]
    fn pausing_stops_the_steps() {
        let mut playback = Playback::default();
        playback.play(vec![2021, 2022], Some(2021), 0.0);
        playback.pause();
        assert_eq!(playback.due(Some(2021), 5.0), Tick::Idle);
    }

    #[test]
    fn years_within_a_span_include_both_ends() {
        assert_eq!(years_within(&[2019, 2020, 2022, 2023, 2024], 2020, 2023), [2020, 2022, 2023]);
        assert!(years_within(&[2019], 2020, 2023).is_empty());
    }
}
