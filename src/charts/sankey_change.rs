//! The flow diagram between two years' layouts, for a change of year to ease in: nodes and bands in both years
//! slide and grow from their old place and thickness to their new; those of the new year only grow from nothing
//! at their middle, and those of the old year only shrink to nothing at theirs. Pure geometry: it lays out
//! nothing and draws nothing.

use std::collections::HashMap;

use super::sankey::{Column, SankeyBand, SankeyLayout, SankeyNode, mix};

/// The layout `share` of the way (0 to 1) from `before` to `after`. Nodes are the same node in both years when
/// they have the same column and label; bands, when they carry the same record between the same nodes. The
/// result holds `after`'s nodes and bands in their order, then those leaving.
pub fn between(before: &SankeyLayout, after: &SankeyLayout, share: f32) -> SankeyLayout {
    let share = if share.is_finite() { share.clamp(0.0, 1.0) } else { 1.0 };
    let old_nodes: HashMap<(Column, &str), usize> =
        (before.nodes.iter().enumerate()).map(|(index, node)| ((node.column, node.label.as_str()), index)).collect();
    let new_nodes: HashMap<(Column, &str), usize> =
        (after.nodes.iter().enumerate()).map(|(index, node)| ((node.column, node.label.as_str()), index)).collect();
    let old_of_new: Vec<Option<usize>> =
        after.nodes.iter().map(|node| old_nodes.get(&(node.column, node.label.as_str())).copied()).collect();

    let mut nodes: Vec<SankeyNode> = (after.nodes.iter().zip(&old_of_new))
        .map(|(new, old)| match old {
            Some(old) => eased_node(&before.nodes[*old], new, share),
            None => eased_node(&collapsed_node(new), new, share),
        })
        .collect();
    // Where each old node is in the result: its new self, or a shrinking copy at the end.
    let mut result_of_old: Vec<usize> = Vec::with_capacity(before.nodes.len());
    for old in &before.nodes {
        match new_nodes.get(&(old.column, old.label.as_str())) {
            Some(&new) => result_of_old.push(new),
            None => {
                result_of_old.push(nodes.len());
                nodes.push(eased_node(old, &collapsed_node(old), share));
            }
        }
    }

    let band_key = |band: &SankeyBand, layout: &SankeyLayout| {
        let (from, to) = (&layout.nodes[band.from], &layout.nodes[band.to]);
        (band.record, from.column, from.label.clone(), to.column, to.label.clone())
    };
    let old_bands: HashMap<_, usize> =
        before.bands.iter().enumerate().map(|(index, band)| (band_key(band, before), index)).collect();
    let mut kept_old = vec![false; before.bands.len()];
    let mut bands: Vec<SankeyBand> = Vec::with_capacity(after.bands.len());
    for new in &after.bands {
        let old = old_bands.get(&band_key(new, after)).copied();
        let start = match old {
            Some(old) => {
                kept_old[old] = true;
                before.bands[old].clone()
            }
            None => collapsed_band(new),
        };
        bands.push(eased_band(&start, new, share));
    }
    for (band, _) in before.bands.iter().zip(&kept_old).filter(|(_, kept)| !**kept) {
        let mut leaving = eased_band(band, &collapsed_band(band), share);
        (leaving.from, leaving.to) = (result_of_old[band.from], result_of_old[band.to]);
        bands.push(leaving);
    }
    SankeyLayout { nodes, bands }
}

/// `node` with no height, at its middle.
fn collapsed_node(node: &SankeyNode) -> SankeyNode {
    let middle = (node.top + node.bottom) / 2.0;
    SankeyNode { top: middle, bottom: middle, ..node.clone() }
}

/// `band` with no thickness, along its middle.
fn collapsed_band(band: &SankeyBand) -> SankeyBand {
    let (from, to) = ((band.from_top + band.from_bottom) / 2.0, (band.to_top + band.to_bottom) / 2.0);
    SankeyBand { from_top: from, from_bottom: from, to_top: to, to_bottom: to, ..band.clone() }
}

/// `end`'s node (its label and total) at the place `share` of the way from `start`'s.
fn eased_node(start: &SankeyNode, end: &SankeyNode, share: f32) -> SankeyNode {
    SankeyNode { top: mix(start.top, end.top, share), bottom: mix(start.bottom, end.bottom, share), ..end.clone() }
}

/// `end`'s band (its record, nodes and weight) at the place `share` of the way from `start`'s.
fn eased_band(start: &SankeyBand, end: &SankeyBand, share: f32) -> SankeyBand {
    SankeyBand {
        from_top: mix(start.from_top, end.from_top, share),
        from_bottom: mix(start.from_bottom, end.from_bottom, share),
        to_top: mix(start.to_top, end.to_top, share),
        to_bottom: mix(start.to_bottom, end.to_bottom, share),
        ..end.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::super::sankey::layout;
    use super::super::sankey::tests::{link, node};
    use super::*;

    #[test]
    fn the_ends_of_the_change_are_the_two_years() {
        let before = layout(&[link("RUS", "TurkStream", "SRB", 2.0, 0)], 100.0, 10.0);
        let after =
            layout(&[link("RUS", "TurkStream", "SRB", 2.0, 0), link("NOR", "Pipe", "SRB", 2.0, 1)], 100.0, 10.0);
        let start = between(&before, &after, 0.0);
        let end = between(&before, &after, 1.0);
        assert_eq!(end, after);
        // At the start, the kept nodes stand where they stood; Norway's are there, with no height.
        let kept = node(&start, Column::Source, "RUS");
        let old = node(&before, Column::Source, "RUS");
        assert_eq!((kept.top, kept.bottom), (old.top, old.bottom));
        let arriving = node(&start, Column::Source, "NOR");
        assert_eq!(arriving.top, arriving.bottom);
    }

    #[test]
    fn halfway_a_kept_node_is_halfway_between_its_places() {
        // Alone, Russia's node fills the height (0 to 100); beside Norway's equal flow, it takes the top half less
        // the gap: (100 - 10) / 2 = 45.
        let before = layout(&[link("RUS", "TurkStream", "SRB", 2.0, 0)], 100.0, 10.0);
        let after =
            layout(&[link("RUS", "TurkStream", "SRB", 2.0, 0), link("NOR", "Pipe", "SRB", 2.0, 1)], 100.0, 10.0);
        let (old, new) = (node(&before, Column::Source, "RUS"), node(&after, Column::Source, "RUS"));
        let halfway = between(&before, &after, 0.5);
        let eased = node(&halfway, Column::Source, "RUS");
        assert!((eased.top - (old.top + new.top) / 2.0).abs() < 1e-4);
        assert!((eased.bottom - (old.bottom + new.bottom) / 2.0).abs() < 1e-4);
        assert!(((old.bottom - old.top) - 100.0).abs() < 1e-3 && ((new.bottom - new.top) - 45.0).abs() < 1e-3);
        // Norway's band is half grown: half its final thickness, about its final middle.
        let band = halfway.bands.iter().find(|band| band.record == 1).expect("the new band is drawn");
        let final_band = after.bands.iter().find(|band| band.record == 1).expect("the band exists");
        let thickness = |band: &SankeyBand| band.from_bottom - band.from_top;
        assert!((thickness(band) - thickness(final_band) / 2.0).abs() < 1e-4);
    }

    #[test]
    fn what_leaves_shrinks_in_place_and_keeps_its_nodes() {
        let before =
            layout(&[link("RUS", "TurkStream", "SRB", 2.0, 0), link("NOR", "Pipe", "SRB", 2.0, 1)], 100.0, 10.0);
        let after = layout(&[link("RUS", "TurkStream", "SRB", 2.0, 0)], 100.0, 10.0);
        let halfway = between(&before, &after, 0.5);
        // Norway's two bands (supplier to route, route to consumer) and nodes stay, shrinking.
        assert_eq!(halfway.nodes.len(), after.nodes.len() + 2);
        assert_eq!(halfway.bands.len(), after.bands.len() + 2);
        let leaving = node(&halfway, Column::Source, "NOR");
        let old = node(&before, Column::Source, "NOR");
        assert!(((leaving.bottom - leaving.top) - (old.bottom - old.top) / 2.0).abs() < 1e-4);
        for band in halfway.bands.iter().filter(|band| band.record == 1) {
            assert!(band.from < halfway.nodes.len() && band.to < halfway.nodes.len());
            assert_ne!(halfway.nodes[band.from].label, "RUS", "a leaving band keeps its own ends");
        }
        // At the end, nothing of Norway is left with any size.
        let end = between(&before, &after, 1.0);
        assert!(end.bands.iter().filter(|band| band.record == 1).all(|band| band.from_top == band.from_bottom));
    }
}
