//! What the pointer and keys do on the canvas: finding the node or edge under the pointer, selecting, dragging a
//! node to pin it, Ctrl-dragging between two actors to link them, panning, zooming around the pointer, F to fit.

use eframe::egui::{self, Pos2};

use super::draw::EdgeGeometry;
use super::scene::{self, GraphScene};
use super::{Drag, GraphView, Hovered, linking, screen_radius, tooltip};
use crate::edit::Edit;
use crate::scene::graph_style as style;
use crate::scene::grouping::Grouping;
use crate::state::Action;

impl GraphView {
    pub(super) fn hit(&self, scene: &GraphScene, radii: &[f32], positions: &[Pos2], pointer: Pos2) -> Option<Hovered> {
        let zoom = self.camera.zoom;
        let node = (0..scene.nodes.len())
            .map(|node| (node, (positions[node] - pointer).length() - screen_radius(radii[node], zoom)))
            .filter(|(_, distance)| *distance <= 3.0)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(node, _)| Hovered::Node(node));
        node.or_else(|| {
            scene
                .edges
                .iter()
                .enumerate()
                .filter_map(|(index, edge)| {
                    let geometry = self.edge_geometry(edge, &scene.arrivals, radii, positions)?;
                    if !geometry.bounds().expand(6.0).contains(pointer) {
                        return None;
                    }
                    let distance = geometry.distance_to(pointer);
                    (distance <= 5.0).then_some((index, distance))
                })
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(index, _)| Hovered::Edge(index))
        })
    }

    pub(super) fn edge_geometry(
        &self,
        edge: &scene::SceneEdge,
        arrivals: &[usize],
        radii: &[f32],
        positions: &[Pos2],
    ) -> Option<EdgeGeometry> {
        let zoom = self.camera.zoom;
        let mut end = screen_radius(radii[edge.to], zoom) + 2.0;
        if style::edge_style(&edge.meaning).arrow.is_some() {
            let arriving = arrivals.get(edge.to).copied().unwrap_or(0);
            let length = (positions[edge.to] - positions[edge.from]).length();
            end = style::arrival_radius(end, arriving, style::ARROWHEAD_SPAN, length);
        }
        EdgeGeometry::between(
            positions[edge.from],
            positions[edge.to],
            screen_radius(radii[edge.from], zoom) + 1.0,
            end,
            edge.fan_slot,
        )
    }

    pub(super) fn handle_pointer(
        &mut self,
        response: &egui::Response,
        scene: &GraphScene,
        grouping: &Grouping,
        hovered: Option<Hovered>,
        pressed_on: Option<Hovered>,
        actions: &mut Vec<Action>,
    ) {
        let viewport = response.rect;
        if response.drag_started()
            && let Some(Hovered::Node(node)) = pressed_on
        {
            if response.ctx.input(|input| input.modifiers.command) {
                self.linking_from = Some(node);
            } else {
                let actor = scene.nodes[node].actor;
                self.drag = Some(Drag { actor, position: self.canvas_position(scene, node) });
            }
        }
        if response.drag_stopped()
            && let Some(from) = self.linking_from.take()
            && let Some(Hovered::Node(to)) = hovered
            && to != from
            && let (Some(from), Some(to)) = (scene.nodes.get(from), scene.nodes.get(to))
        {
            let at = response.hover_pos().unwrap_or(viewport.center());
            self.link_menu = Some(linking::LinkMenu { from: from.id.clone(), to: to.id.clone(), at });
        }
        if response.dragged() {
            let delta = response.drag_delta();
            match &mut self.drag {
                Some(drag) => drag.position += delta / self.camera.zoom,
                None if self.linking_from.is_some() => {}
                None => self.camera.pan_by_screen(delta),
            }
        }
        if response.drag_stopped()
            && let Some(drag) = self.drag.take()
        {
            let node = scene.nodes.iter().find(|node| node.actor == drag.actor);
            match node {
                // A group is no record: it stays where it was dropped until the groups change.
                Some(node) if node.group.is_some() => self.layout.place(&node.id, [drag.position.x, drag.position.y]),
                Some(node) => actions.push(Action::edit(Edit::PinNode {
                    id: node.id.clone(),
                    position: crate::model::Position(drag.position.x, drag.position.y),
                })),
                None => {}
            }
        }
        let toggled = response.double_clicked()
            && matches!(hovered, Some(Hovered::Node(node)) if self.toggle_group(&scene.nodes[node], grouping));
        if toggled {
            // The double-click's first click selected the group's members: opening it is not selecting them.
            if let Some(Hovered::Node(node)) = hovered
                && scene.nodes[node].group.is_some()
            {
                actions.push(Action::ClearSelection);
            }
            self.fly_to(super::CameraGoal::Fit(Vec::new()));
        }
        if response.clicked() && !toggled {
            let additive = response.ctx.input(|input| input.modifiers.shift);
            match hovered {
                Some(Hovered::Node(node)) => match &scene.nodes[node].group {
                    Some(group) => actions.push(Action::SelectAll { ids: group.shown_member_ids.clone(), additive }),
                    None => actions.push(Action::Select { id: scene.nodes[node].id.clone(), additive }),
                },
                Some(Hovered::Edge(_)) => {}
                None if !additive => actions.push(Action::ClearSelection),
                None => {}
            }
        }
        if response.hovered() {
            let (scroll, pinch) = response.ctx.input(|input| (input.smooth_scroll_delta.y, input.zoom_delta()));
            let factor = (scroll * 0.002).exp() * pinch;
            if (factor - 1.0).abs() > 1e-4
                && let Some(pointer) = response.hover_pos()
            {
                self.camera.zoom_around(viewport, pointer, factor);
            }
        }
    }

    /// Double-click: a collapsed group shows its members; a member of an expanded group folds it back. Returns
    /// whether a group opened or closed.
    fn toggle_group(&mut self, node: &scene::SceneNode, grouping: &Grouping) -> bool {
        let expanded = &mut self.options.expanded_groups;
        match &node.group {
            Some(group) => expanded.insert(grouping.groups[group.group].id.clone()),
            None => match grouping.group_of.get(node.actor).copied().flatten() {
                Some(group) => expanded.remove(&grouping.groups[group].id),
                None => false,
            },
        }
    }

    pub(super) fn handle_keys(&mut self, ui: &egui::Ui) {
        let typing = ui.ctx().memory(|memory| memory.focused().is_some());
        if !typing && ui.input(|input| input.key_pressed(egui::Key::F)) {
            self.pending_fit = true;
            ui.ctx().request_repaint();
        }
    }
}

pub(super) fn hovered_item(hovered: Hovered) -> tooltip::Item {
    match hovered {
        Hovered::Node(node) => tooltip::Item::Node(node),
        Hovered::Edge(edge) => tooltip::Item::Edge(edge),
    }
}
