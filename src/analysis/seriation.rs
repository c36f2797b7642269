//! Seriation: an order of a matrix's rows that puts alike rows next to each other, so that clusters show as
//! blocks of one colour. Each row is described by a sparse profile of non-negative features (a vote and the
//! ballot cast on it, a partner and the sign of the tie); two rows are as alike as the cosine of their profiles.
//!
//! The order is spectral: within each group of rows linked by shared features, rows are sorted by the Fiedler
//! vector of the similarity graph (the eigenvector of the normalised Laplacian's second-smallest eigenvalue),
//! the one-dimensional placing that keeps alike rows closest. The similarity matrix is never formed: it is the
//! profiles times their transpose, so each power-iteration step costs one pass over the filled cells, and the
//! whole work is O(filled cells × iterations), not O(rows²).
//!
//! The result is deterministic (a fixed start vector, the sign fixed by names, values that differ only by
//! rounding treated as equal, ties broken by name), and where the clusters are clear it does not depend on the
//! order of the input either.

use std::collections::HashMap;

use crate::format::natural_cmp;

/// One row's profile: (feature, weight) pairs. Weights that are not finite and positive are ignored, and a
/// feature named twice counts with the sum of its weights.
pub type Profile = Vec<(usize, f64)>;

/// Power iteration stops here at the latest. Well-separated clusters settle within a few dozen steps; a matrix
/// with no clusters (two eigenvalues nearly equal) may never settle, and more steps would not improve its order.
/// For 2,000 actors with 20,000 ties and no clusters, all 500 steps take about half a second in a debug build.
const MAX_ITERATIONS: usize = 500;
/// A step that moves the unit vector less than this ends the iteration.
const SETTLED: f64 = 1e-10;
/// A step that shrinks the unit vector below this found no eigenvalue worth the name: the rows are alike.
const NO_STRUCTURE: f64 = 1e-9;
/// Placings closer than this share of the largest are taken as equal, so that rounding never outweighs names.
const SAME_PLACE: f64 = 1e-7;

/// The rows in seriation order: `order[k]` is the index of the row to show k-th. Rows are named by `names`
/// (for breaking ties); a row without a profile, or with an empty one, is alike to none. Groups of rows that
/// share no feature with the rest come one after another, the largest first, then by the first name in each.
pub fn similarity_order(names: &[String], profiles: &[Profile]) -> Vec<usize> {
    let rows: Vec<Profile> =
        (0..names.len()).map(|row| unit_profile(profiles.get(row).map_or(&[], Vec::as_slice))).collect();
    let by_name = |a: &usize, b: &usize| natural_cmp(&names[*a], &names[*b]).then(a.cmp(b));
    let mut groups = linked_groups(&rows);
    for group in &mut groups {
        order_group(group, &rows, &by_name);
    }
    let first_name = |group: &[usize]| group.iter().copied().min_by(by_name);
    groups.sort_by(|a, b| {
        b.len().cmp(&a.len()).then_with(|| match (first_name(a), first_name(b)) {
            (Some(a), Some(b)) => by_name(&a, &b),
            _ => std::cmp::Ordering::Equal,
        })
    });
    groups.concat()
}

/// The profile with bad weights dropped, features sorted and merged, scaled to length one (so that similarity
/// is the cosine); empty if nothing is left.
fn unit_profile(profile: &[(usize, f64)]) -> Profile {
    let mut cleaned: Profile =
        profile.iter().copied().filter(|(_, weight)| weight.is_finite() && *weight > 0.0).collect();
    cleaned.sort_by_key(|(feature, _)| *feature);
    let mut merged: Profile = Vec::with_capacity(cleaned.len());
    for (feature, weight) in cleaned {
        match merged.last_mut() {
            Some((last, sum)) if *last == feature => *sum += weight,
            _ => merged.push((feature, weight)),
        }
    }
    let length = merged.iter().map(|(_, weight)| weight * weight).sum::<f64>().sqrt();
    if !length.is_finite() || length == 0.0 {
        return Vec::new();
    }
    merged.iter_mut().for_each(|(_, weight)| *weight /= length);
    merged
}

/// The rows split into groups linked by shared features (connected components of the similarity graph), each
/// group in input order. A row with no features is a group of its own.
fn linked_groups(rows: &[Profile]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..rows.len()).collect();
    fn root(parent: &mut [usize], mut row: usize) -> usize {
        while parent[row] != row {
            parent[row] = parent[parent[row]];
            row = parent[row];
        }
        row
    }
    let mut first_with: HashMap<usize, usize> = HashMap::new();
    for (row, profile) in rows.iter().enumerate() {
        for &(feature, _) in profile {
            let other = *first_with.entry(feature).or_insert(row);
            let (a, b) = (root(&mut parent, row), root(&mut parent, other));
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of_root: HashMap<usize, usize> = HashMap::new();
    for row in 0..rows.len() {
        let top = root(&mut parent, row);
        let group = *group_of_root.entry(top).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[group].push(row);
    }
    groups
}

/// Sorts one linked group by its Fiedler vector, the row named first placed in the upper half.
fn order_group(group: &mut [usize], rows: &[Profile], by_name: &dyn Fn(&usize, &usize) -> std::cmp::Ordering) {
    if group.len() <= 2 {
        // One or two rows: every order is as good, so by name.
        group.sort_by(by_name);
        return;
    }
    // The group's own numbering of features, so that its vectors are as long as its features, not the matrix's.
    let mut local: HashMap<usize, usize> = HashMap::new();
    let profiles: Vec<Profile> = group
        .iter()
        .map(|&row| {
            rows[row]
                .iter()
                .map(|&(feature, weight)| {
                    let next = local.len();
                    (*local.entry(feature).or_insert(next), weight)
                })
                .collect()
        })
        .collect();
    let mut placing = fiedler_vector(&profiles, local.len());
    let largest = placing.iter().fold(0.0_f64, |largest, value| largest.max(value.abs()));
    let mut by_names: Vec<usize> = (0..group.len()).collect();
    by_names.sort_by(|a, b| by_name(&group[*a], &group[*b]));
    if let Some(&first) = by_names.iter().find(|&&index| placing[index].abs() > SAME_PLACE * largest)
        && placing[first] > 0.0
    {
        placing.iter_mut().for_each(|value| *value = -*value);
    }
    let step = if largest > 0.0 { SAME_PLACE * largest } else { 1.0 };
    let place = |index: usize| (placing[index] / step).round() as i64;
    let mut indices: Vec<usize> = (0..group.len()).collect();
    indices.sort_by(|a, b| place(*a).cmp(&place(*b)).then_with(|| by_name(&group[*a], &group[*b])));
    let ordered: Vec<usize> = indices.iter().map(|&index| group[index]).collect();
    group.copy_from_slice(&ordered);
}

/// The Fiedler vector of a linked group (each profile non-empty and of length one), in the scale of the
/// random-walk Laplacian: rows with equal values are placed alike. Zeros when all rows are the same.
///
/// With similarity S = P·Pᵀ and degrees D = S·1, the normalised similarity N = D^-½·S·D^-½ is positive
/// semi-definite with largest eigenvalue 1 (eigenvector D^½·1). Power iteration on N, kept orthogonal to that
/// vector, finds the next largest: the Fiedler vector of the normalised Laplacian I − N.
fn fiedler_vector(profiles: &[Profile], feature_count: usize) -> Vec<f64> {
    let count = profiles.len();
    let similarity_times = |vector: &[f64]| -> Vec<f64> {
        let mut by_feature = vec![0.0; feature_count];
        for (profile, value) in profiles.iter().zip(vector) {
            for &(feature, weight) in profile {
                by_feature[feature] += weight * value;
            }
        }
        profiles
            .iter()
            .map(|profile| profile.iter().map(|&(feature, weight)| weight * by_feature[feature]).sum())
            .collect()
    };
    let degrees = similarity_times(&vec![1.0; count]);
    let inverse_root: Vec<f64> =
        degrees.iter().map(|degree| if *degree > 0.0 { 1.0 / degree.sqrt() } else { 0.0 }).collect();
    let mut trivial: Vec<f64> = degrees.iter().map(|degree| degree.max(0.0).sqrt()).collect();
    normalise(&mut trivial);
    // A fixed start with no pattern in it, so that the result is the same every time.
    let mut vector: Vec<f64> = (0..count).map(|index| (index as f64 * 0.618_033_988_7).fract() - 0.5).collect();
    remove_along(&mut vector, &trivial);
    normalise(&mut vector);
    let scaled = |vector: &[f64]| -> Vec<f64> { vector.iter().zip(&inverse_root).map(|(a, b)| a * b).collect() };
    for _ in 0..MAX_ITERATIONS {
        let mut next = scaled(&similarity_times(&scaled(&vector)));
        remove_along(&mut next, &trivial);
        let length = normalise(&mut next);
        if length.is_nan() || length <= NO_STRUCTURE {
            // Nothing is left beside the trivial direction: the rows are all alike.
            return vec![0.0; count];
        }
        let change = next.iter().zip(&vector).map(|(a, b)| (a - b) * (a - b)).sum::<f64>().sqrt();
        vector = next;
        if change < SETTLED {
            break;
        }
    }
    if vector.iter().any(|value| !value.is_finite()) {
        return vec![0.0; count];
    }
    scaled(&vector)
}

/// Takes out of `vector` its part along the unit vector `direction`.
fn remove_along(vector: &mut [f64], direction: &[f64]) {
    let along: f64 = vector.iter().zip(direction).map(|(a, b)| a * b).sum();
    vector.iter_mut().zip(direction).for_each(|(value, component)| *value -= along * component);
}

/// Scales a vector to length one; returns its length before. A vector of length zero is set to zeros.
fn normalise(vector: &mut [f64]) -> f64 {
    let length = vector.iter().map(|value| value * value).sum::<f64>().sqrt();
    if length > 1e-300 && length.is_finite() {
        vector.iter_mut().for_each(|value| *value /= length);
    } else {
        vector.iter_mut().for_each(|value| *value = 0.0);
    }
    length
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| (*name).to_owned()).collect()
    }

    /// A profile of unit weights on the given features.
    fn profile(features: &[usize]) -> Profile {
        features.iter().map(|&feature| (feature, 1.0)).collect()
    }

    /// The names in the order given.
    fn ordered(names: &[String], order: &[usize]) -> Vec<String> {
        order.iter().map(|&index| names[index].clone()).collect()
    }

    /// Two blocs over six votes (features: vote × 3 + ballot, 0 yes, 1 no, 2 abstain). Everyone votes yes on
    /// votes 0 and 1, so all rows are linked; on votes 2 to 5 bloc A votes yes and bloc B no, except that A3
    /// abstains once and B2 votes yes once. Rows are given shuffled.
    fn two_blocs() -> (Vec<String>, Vec<Profile>) {
        let a = |exception: Option<(usize, usize)>| -> Profile {
            let mut features = vec![0, 3, 6, 9, 12, 15];
            if let Some((vote, ballot)) = exception {
                features[vote] = vote * 3 + ballot;
            }
            profile(&features)
        };
        let b = |exception: Option<(usize, usize)>| -> Profile {
            let mut features = vec![0, 3, 7, 10, 13, 16];
            if let Some((vote, ballot)) = exception {
                features[vote] = vote * 3 + ballot;
            }
            profile(&features)
        };
        let rows = [
            ("B3", b(None)),
            ("A1", a(None)),
            ("B1", b(None)),
            ("A3", a(Some((4, 2)))),
            ("B2", b(Some((5, 0)))),
            ("A2", a(None)),
            ("B4", b(None)),
            ("A4", a(None)),
        ];
        (rows.iter().map(|(name, _)| (*name).to_owned()).collect(), rows.into_iter().map(|(_, row)| row).collect())
    }

    #[test]
    fn two_planted_blocs_come_out_each_in_one_piece_with_the_odd_members_at_the_seam() {
        let (names, profiles) = two_blocs();
        let order = ordered(&names, &similarity_order(&names, &profiles));
        // A1 is named first, so bloc A comes on top. Within each bloc the three identical rows share a place
        // and go by name; the members who once voted otherwise sit nearest the other bloc.
        assert_eq!(order, ["A1", "A2", "A4", "A3", "B2", "B1", "B3", "B4"]);
    }

    #[test]
    fn the_order_does_not_depend_on_the_order_of_the_input() {
        let (names, profiles) = two_blocs();
        let expected = ordered(&names, &similarity_order(&names, &profiles));
        let (mut reversed_names, mut reversed_profiles) = (names.clone(), profiles.clone());
        reversed_names.reverse();
        reversed_profiles.reverse();
        assert_eq!(ordered(&reversed_names, &similarity_order(&reversed_names, &reversed_profiles)), expected);
        assert_eq!(ordered(&names, &similarity_order(&names, &profiles)), expected, "the same every time");
    }

    #[test]
    fn a_chain_of_blocs_is_laid_out_along_the_chain() {
        // Bloc A shares feature 1 with bloc B, B shares feature 2 with C, and A and C share nothing: B must sit
        // between them, whatever the input order.
        let names = names(&["C1", "A1", "B1", "C2", "A2", "B2"]);
        let profiles = [&[2, 3][..], &[0, 1], &[1, 2], &[2, 3], &[0, 1], &[1, 2]].map(profile).to_vec();
        let order = ordered(&names, &similarity_order(&names, &profiles));
        assert_eq!(order, ["A1", "A2", "B1", "B2", "C1", "C2"]);
    }

    #[test]
    fn unlinked_groups_follow_each_other_largest_first_and_loners_by_name() {
        let names = names(&["Zeta", "Y1", "X1", "Y2", "Alone", "Y3", "X2", "Nothing"]);
        let profiles = vec![
            profile(&[9]),
            profile(&[1]),
            profile(&[5]),
            profile(&[1, 2]),
            profile(&[8]),
            profile(&[2]),
            profile(&[5]),
            Vec::new(),
        ];
        let order = ordered(&names, &similarity_order(&names, &profiles));
        // Y3 and Y1 share nothing but are both like Y2, so Y2 sits between them.
        assert_eq!(order, ["Y1", "Y2", "Y3", "X1", "X2", "Alone", "Nothing", "Zeta"]);
    }

    #[test]
    fn empty_single_and_broken_inputs_give_an_order_of_every_row() {
        assert!(similarity_order(&[], &[]).is_empty());
        assert_eq!(similarity_order(&names(&["Only"]), &[profile(&[0])]), [0]);
        // Missing profiles, NaN, infinite, zero and negative weights are all "alike to none".
        let names = names(&["d", "c", "b", "a"]);
        let profiles = vec![vec![(0, f64::NAN)], vec![(0, f64::INFINITY), (1, 0.0)], vec![(2, -1.0)]];
        assert_eq!(similarity_order(&names, &profiles), [3, 2, 1, 0]);
    }

    #[test]
    fn identical_rows_are_ordered_by_name_as_a_person_reads_it() {
        let names = names(&["State 10", "state 3", "State 2"]);
        let profiles = vec![profile(&[0]); 3];
        assert_eq!(ordered(&names, &similarity_order(&names, &profiles)), ["State 2", "state 3", "State 10"]);
    }
}
