//! A scenario's thumbnail for the start screen: its actors where the Graph first places them, linked by their
//! records in the Graph's colours. Built once per bundled scenario, painted each frame.

use eframe::egui::{Color32, Painter, Pos2, Rect, Stroke, pos2};

use crate::model::Scenario;
use crate::scene::graph_layout::settled_positions;
use crate::scene::palette;

pub struct Preview {
    /// Layout positions, in the layout's own units.
    nodes: Vec<(Pos2, Color32)>,
    edges: Vec<(usize, usize, Color32)>,
    bounds: Rect,
}

impl Preview {
    pub fn of(scenario: &Scenario) -> Preview {
        let positions: Vec<Pos2> = settled_positions(scenario).into_iter().map(|[x, y]| pos2(x, y)).collect();
        // One colour for every actor, as on the graph; the links' colours carry the meanings.
        let nodes: Vec<(Pos2, Color32)> = positions.iter().map(|&position| (position, palette::ACTOR.into())).collect();
        let index = |id: &str| scenario.actors.iter().position(|actor| actor.id == id);
        let mut edges = Vec::new();
        let mut link = |a: &str, b: &str, colour: Color32| {
            if let (Some(a), Some(b)) = (index(a), index(b)) {
                edges.push((a, b, colour));
            }
        };
        for tie in &scenario.ties {
            link(&tie.a, &tie.b, palette::strength(tie.strength).into());
        }
        for stance in &scenario.sanctions {
            link(&stance.by, &stance.target, palette::stance(stance.stance).into());
        }
        for flow in &scenario.energy {
            link(&flow.supplier, &flow.consumer, palette::commodity(&flow.commodity).into());
        }
        let bounds = Rect::from_points(&positions);
        Preview { nodes, edges, bounds }
    }

    /// Draws the thumbnail inside `rect`, keeping the layout's proportions.
    pub fn paint(&self, painter: &Painter, rect: Rect, background: Color32) {
        painter.rect_filled(rect, 6.0, background);
        let inner = rect.shrink(10.0);
        let scale = (inner.width() / self.bounds.width().max(1.0)).min(inner.height() / self.bounds.height().max(1.0));
        let place = |point: Pos2| {
            let offset = (point - self.bounds.center()) * scale;
            pos2(inner.center().x + offset.x, inner.center().y + offset.y)
        };
        for &(a, b, colour) in &self.edges {
            let stroke = Stroke::new(1.0, colour.gamma_multiply(0.7));
            painter.line_segment([place(self.nodes[a].0), place(self.nodes[b].0)], stroke);
        }
        for &(point, colour) in &self.nodes {
            painter.circle_filled(place(point), 3.0, colour);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_a_node_per_actor_and_an_edge_per_record_between_known_actors() {
        let scenario = crate::io::load_text(crate::library::BUNDLED_SCENARIO).scenario.unwrap();
        let preview = Preview::of(&scenario);
        assert_eq!(preview.nodes.len(), scenario.actors.len());
        let records = scenario.energy.len() + scenario.sanctions.len() + scenario.ties.len();
        assert_eq!(preview.edges.len(), records, "every bundled record links two known actors");
        assert!(preview.bounds.width() > 0.0 && preview.bounds.height() > 0.0);
    }
}
