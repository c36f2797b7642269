//! A tiny seeded random number generator (SplitMix64), written here so that a seed gives the same scenario on
//! every platform and whatever the versions of the dependencies. (The layouts keep their own copy in
//! `crate::layout`, which must not know of scenarios.)

/// SplitMix64's output function: scrambles a 64-bit value so that nearby inputs give unrelated outputs.
fn mix(value: u64) -> u64 {
    let mut z = value;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A seeded stream of pseudo-random numbers.
#[derive(Clone, Debug)]
pub(super) struct Random {
    state: u64,
}

impl Random {
    /// The stream for one part of the scenario (states, ties, energy…): each part draws from its own stream, so
    /// that drawing more or fewer numbers in one part leaves the others as they were.
    pub(super) fn for_part(seed: u64, part: u64) -> Random {
        Random { state: mix(seed ^ mix(part.wrapping_add(1))) }
    }

    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.state)
    }

    /// A number in `[0, 1)`, with the 53 bits an `f64` holds.
    pub(super) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A number in `[low, high)`.
    pub(super) fn between(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.unit()
    }

    /// True with the given probability.
    pub(super) fn chance(&mut self, probability: f64) -> bool {
        self.unit() < probability
    }

    /// A whole number in `[0, bound)`, or 0 when `bound` is 0 (Lemire's multiply: no division, no bias worth
    /// the name).
    pub(super) fn below(&mut self, bound: usize) -> usize {
        ((u128::from(self.next_u64()) * bound as u128) >> 64) as usize
    }

    /// A whole number in `[low, high]`.
    pub(super) fn whole_between(&mut self, low: i32, high: i32) -> i32 {
        let span = usize::try_from(i64::from(high) - i64::from(low) + 1).unwrap_or(1);
        low + self.below(span) as i32
    }

    /// Moves a uniform sample of `count` items to the front of `items` (the first `count` steps of
    /// Fisher–Yates), in time linear in `count`.
    pub(super) fn sample_to_front<T>(&mut self, items: &mut [T], count: usize) {
        for first in 0..count.min(items.len()) {
            let chosen = first + self.below(items.len() - first);
            items.swap(first, chosen);
        }
    }

    /// Shuffles `items` in place.
    pub(super) fn shuffle<T>(&mut self, items: &mut [T]) {
        self.sample_to_front(items, items.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_part_has_its_own_stream_and_a_seed_always_the_same() {
        let stream = |seed, part| {
            let mut random = Random::for_part(seed, part);
            (0..8).map(|_| random.next_u64()).collect::<Vec<_>>()
        };
        assert_eq!(stream(7, 1), stream(7, 1));
        assert_ne!(stream(7, 1), stream(8, 1));
        assert_ne!(stream(7, 1), stream(7, 2));
    }

    #[test]
    fn numbers_stay_in_their_ranges() {
        let mut random = Random::for_part(1, 0);
        for _ in 0..10_000 {
            assert!((0.0..1.0).contains(&random.unit()));
            assert!(random.below(7) < 7);
            assert!((2020..=2023).contains(&random.whole_between(2020, 2023)));
        }
        assert_eq!(random.below(0), 0);
        let mut items: Vec<usize> = (0..50).collect();
        random.shuffle(&mut items);
        assert_ne!(items, (0..50).collect::<Vec<_>>());
        items.sort_unstable();
        assert_eq!(items, (0..50).collect::<Vec<_>>());
    }
}
