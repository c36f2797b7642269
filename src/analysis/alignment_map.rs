//! The alignment map: every voter placed in two dimensions so that actors who vote alike sit close together
//! (classical multidimensional scaling of the disagreement matrix, 1 − agreement). Voting blocs appear as
//! clusters. Pairs that never took part in the same vote are given the mean disagreement, so that they sit
//! neither together nor apart.

use serde::Serialize;

use super::alignment::ballot_agreement;
use crate::model::{Ballot, Scenario};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlignmentMap {
    /// Each voter's id and place, in the order of `voters`.
    pub points: Vec<(String, [f64; 2])>,
    /// The share of the disagreement each axis accounts for (from the eigenvalues), to say how faithful the
    /// picture is.
    pub explained: [f64; 2],
}

/// The alignment map of every actor with at least one ballot (other than absent) in the scenario's votes;
/// `None` with fewer than three such voters or no votes.
pub fn alignment_map(scenario: &Scenario) -> Option<AlignmentMap> {
    let mut voters: Vec<&str> = scenario
        .votes
        .iter()
        .flat_map(|vote| {
            vote.ballots.iter().filter(|(_, ballot)| **ballot != Ballot::Absent).map(|(id, _)| id.as_str())
        })
        .collect();
    voters.sort_unstable();
    voters.dedup();
    if voters.len() < 3 {
        return None;
    }
    // Each voter's ballot in each vote, read once.
    let ballots: Vec<Vec<Option<Ballot>>> = voters
        .iter()
        .map(|voter| scenario.votes.iter().map(|vote| vote.ballots.get(*voter).copied()).collect())
        .collect();
    let count = voters.len();
    let mut disagreement = vec![f64::NAN; count * count];
    for a in 0..count {
        disagreement[a * count + a] = 0.0;
        for b in a + 1..count {
            let scores = ballots[a].iter().zip(&ballots[b]).filter_map(|(x, y)| ballot_agreement((*x)?, (*y)?));
            let (sum, votes) = scores.fold((0.0, 0usize), |(sum, votes), score| (sum + score, votes + 1));
            let value = if votes > 0 { 1.0 - sum / votes as f64 } else { f64::NAN };
            disagreement[a * count + b] = value;
            disagreement[b * count + a] = value;
        }
    }
    let known: Vec<f64> = disagreement.iter().copied().filter(|value| value.is_finite()).collect();
    let mean = known.iter().sum::<f64>() / known.len().max(1) as f64;
    disagreement.iter_mut().filter(|value| value.is_nan()).for_each(|value| *value = mean);
    let (coordinates, explained) = classical_mds(&disagreement, count);
    let points = voters.iter().zip(coordinates).map(|(id, point)| ((*id).to_owned(), point)).collect();
    Some(AlignmentMap { points, explained })
}

/// Classical (Torgerson) scaling of an n × n symmetric dissimilarity matrix into two dimensions: double-centre
/// the squared dissimilarities, then take the two leading eigenvectors (power iteration with deflation), scaled
/// by the square roots of their eigenvalues. Returns the points and each axis's share of the positive
/// eigenvalues' sum.
pub fn classical_mds(dissimilarity: &[f64], count: usize) -> (Vec<[f64; 2]>, [f64; 2]) {
    let squared: Vec<f64> = dissimilarity.iter().map(|value| value * value).collect();
    let row_means: Vec<f64> =
        (0..count).map(|row| squared[row * count..(row + 1) * count].iter().sum::<f64>() / count as f64).collect();
    let grand_mean = row_means.iter().sum::<f64>() / count as f64;
    let mut centred = vec![0.0; count * count];
    for row in 0..count {
        for column in 0..count {
            centred[row * count + column] =
                -0.5 * (squared[row * count + column] - row_means[row] - row_means[column] + grand_mean);
        }
    }
    // The trace is the sum of all eigenvalues; with a centred matrix of distances it is their positive total
    // (near enough for a caption).
    let trace: f64 = (0..count).map(|index| centred[index * count + index]).sum::<f64>().max(f64::EPSILON);
    // Disagreements are not exact distances, so the centred matrix may have negative eigenvalues larger in size
    // than the positive ones. Shifted by its largest row sum (a bound on every eigenvalue's size), all its
    // eigenvalues are positive and the power iteration finds the largest ones, which MDS wants.
    let shift = (0..count)
        .map(|row| centred[row * count..(row + 1) * count].iter().map(|value| value.abs()).sum::<f64>())
        .fold(0.0, f64::max);
    let mut shifted = centred;
    (0..count).for_each(|index| shifted[index * count + index] += shift);
    let (first_shifted, first) = leading_eigenvector(&shifted, count, None);
    let (second_shifted, second) = leading_eigenvector(&shifted, count, Some((first_shifted, &first)));
    let (first_value, second_value) = (first_shifted - shift, second_shifted - shift);
    let scale = |value: f64| value.max(0.0).sqrt();
    let points =
        (0..count).map(|index| [first[index] * scale(first_value), second[index] * scale(second_value)]).collect();
    (points, [first_value.max(0.0) / trace, second_value.max(0.0) / trace])
}

/// The eigenvalue of largest magnitude of a symmetric matrix and its unit eigenvector, by power iteration; with
/// `deflate`, of the matrix less that (value, vector) part. The start vector is fixed, so the result is the same
/// every time, and the sign is set so that the first non-zero component is positive.
fn leading_eigenvector(matrix: &[f64], count: usize, deflate: Option<(f64, &[f64])>) -> (f64, Vec<f64>) {
    let mut vector: Vec<f64> = (0..count).map(|index| 1.0 + (index as f64 * 0.618_033_988_7).fract()).collect();
    normalise(&mut vector);
    let mut value = 0.0;
    for _ in 0..5_000 {
        let mut next = vec![0.0; count];
        for (row, slot) in next.iter_mut().enumerate() {
            *slot = matrix[row * count..(row + 1) * count].iter().zip(&vector).map(|(a, b)| a * b).sum();
        }
        if let Some((deflated_value, deflated)) = deflate {
            let along: f64 = deflated.iter().zip(&vector).map(|(a, b)| a * b).sum();
            next.iter_mut().zip(deflated).for_each(|(slot, component)| *slot -= deflated_value * along * component);
        }
        let next_value: f64 = next.iter().zip(&vector).map(|(a, b)| a * b).sum();
        let length = normalise(&mut next);
        let settled = (next_value - value).abs() <= 1e-13 * next_value.abs().max(1.0);
        vector = next;
        value = next_value;
        if length == 0.0 || settled {
            break;
        }
    }
    if let Some(first) = vector.iter().find(|component| component.abs() > 1e-12)
        && *first < 0.0
    {
        vector.iter_mut().for_each(|component| *component = -*component);
    }
    (value, vector)
}

/// Scales a vector to length one; returns its length before (zero leaves it as it is).
fn normalise(vector: &mut [f64]) -> f64 {
    let length = vector.iter().map(|component| component * component).sum::<f64>().sqrt();
    if length > 0.0 {
        vector.iter_mut().for_each(|component| *component /= length);
    }
    length
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::model::{Actor, ActorKind, Vote};

    fn vote(id: &str, ballots: &[(&str, Ballot)]) -> Vote {
        Vote {
            id: id.to_owned(),
            date: "2022-03-02".to_owned(),
            title: id.to_owned(),
            body: None,
            ballots: ballots.iter().map(|(id, ballot)| (id.to_string(), *ballot)).collect::<BTreeMap<_, _>>(),
            totals: None,
            note: None,
            sources: vec![],
        }
    }

    #[test]
    fn points_of_a_line_are_placed_on_a_line_at_their_distances() {
        // Three points on a line, 0, 1 and 3 apart: MDS gives back the same distances along the first axis.
        let dissimilarity = [0.0, 1.0, 3.0, 1.0, 0.0, 2.0, 3.0, 2.0, 0.0];
        let (points, explained) = classical_mds(&dissimilarity, 3);
        let gap =
            |a: usize, b: usize| ((points[a][0] - points[b][0]).powi(2) + (points[a][1] - points[b][1]).powi(2)).sqrt();
        assert!((gap(0, 1) - 1.0).abs() < 1e-6 && (gap(1, 2) - 2.0).abs() < 1e-6 && (gap(0, 2) - 3.0).abs() < 1e-6);
        assert!(explained[0] > 0.999, "one axis says it all: {explained:?}");
    }

    #[test]
    fn two_planted_blocs_fall_on_either_side_of_the_first_axis() {
        // Bloc A always votes yes, bloc B always no, and a swing voter abstains: six votes.
        let bloc_a = ["A1", "A2", "A3", "A4", "A5"];
        let bloc_b = ["B1", "B2", "B3", "B4"];
        let votes: Vec<Vote> = (0..6)
            .map(|index| {
                let mut ballots: Vec<(&str, Ballot)> = bloc_a.iter().map(|id| (*id, Ballot::Yes)).collect();
                ballots.extend(bloc_b.iter().map(|id| (*id, Ballot::No)));
                ballots.push(("SWING", Ballot::Abstain));
                vote(&format!("V{index}"), &ballots)
            })
            .collect();
        let actors = bloc_a.iter().chain(&bloc_b).chain(&["SWING"]).map(|id| Actor::new(*id, *id, ActorKind::State));
        let scenario = Scenario { votes, actors: actors.collect(), ..Scenario::default() };
        let map = alignment_map(&scenario).expect("ten voters");
        let x = |id: &str| map.points.iter().find(|(voter, _)| voter == id).unwrap().1[0];
        let side = x("A1").signum();
        assert!(bloc_a.iter().all(|id| x(id).signum() == side), "{map:?}");
        assert!(bloc_b.iter().all(|id| x(id).signum() == -side), "{map:?}");
        assert!(x("SWING").abs() < x("A1").abs() && x("SWING").abs() < x("B1").abs(), "the abstainer sits between");
        // Within a bloc the votes are identical: its members share one place.
        assert!((x("A1") - x("A5")).abs() < 1e-6);
    }

    #[test]
    fn voters_who_never_met_in_a_vote_are_still_placed() {
        let scenario = Scenario {
            votes: vec![
                vote("V1", &[("A", Ballot::Yes), ("B", Ballot::Yes)]),
                vote("V2", &[("C", Ballot::No), ("D", Ballot::Yes)]),
            ],
            ..Scenario::default()
        };
        let map = alignment_map(&scenario).expect("four voters");
        assert_eq!(map.points.len(), 4);
        assert!(map.points.iter().all(|(_, [x, y])| x.is_finite() && y.is_finite()));
        assert!(alignment_map(&Scenario::default()).is_none());
    }
}
