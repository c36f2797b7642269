//! The legend: every colour, shape, dash and width the graph uses at the moment, in a corner of the canvas.

use eframe::egui::{self, Color32, Pos2, Rect, pos2, vec2};

use super::GraphOptions;
use super::draw;
use crate::model::{ActorKind, Layer, Stance};
use crate::scene::graph::{EdgeMeaning, GraphScene};
use crate::scene::graph_style::{self as style, ColourBy, Dash, EdgeStyle};
use crate::scene::grouping::LinkSummary;
use crate::scene::palette;

/// Width of the legend on screen, which the fitted view leaves free.
pub const WIDTH: f32 = 196.0;

pub fn show(
    ui: &egui::Ui,
    viewport: Rect,
    scene: &GraphScene,
    options: &GraphOptions,
    overlay: Option<&super::overlay::OverlayView>,
) {
    egui::Area::new(ui.scope_id().with("graph_legend"))
        .fixed_pos(viewport.right_top() + vec2(-WIDTH - 8.0, 8.0))
        .order(egui::Order::Middle)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_width(WIDTH - 16.0);
                ui.style_mut().override_text_style = Some(egui::TextStyle::Small);
                ui.spacing_mut().item_spacing.y = 2.0;
                ui.label(egui::RichText::new("Legend").strong());
                if let Some(overlay) = overlay {
                    ui.label(egui::RichText::new(&overlay.title).strong());
                    for (colour, label) in &overlay.legend {
                        swatch(ui, label, *colour);
                    }
                    ui.weak("Shapes still show the kind of actor.");
                } else {
                    kinds_ui(ui, scene, options);
                }
                edges_ui(ui, scene);
            });
        });
}

fn kinds_ui(ui: &mut egui::Ui, scene: &GraphScene, options: &GraphOptions) {
    let mut kinds: Vec<ActorKind> = scene.nodes.iter().map(|node| node.kind).collect();
    kinds.sort();
    kinds.dedup();
    for kind in kinds {
        let colour = match options.colour_by {
            ColourBy::Kind => palette::actor_kind(kind).into(),
            ColourBy::Bloc | ColourBy::StanceTowardsTarget | ColourBy::Group => Color32::GRAY,
        };
        row(ui, kind.label(), |painter, rect| {
            let mut mesh = draw::NodeMesh::with_capacity(1);
            mesh.add(rect.center(), 6.0, style::node_shape(kind), colour);
            painter.add(mesh.into_shape());
        });
    }
    if options.colour_by == ColourBy::Bloc {
        for (index, bloc) in scene.blocs.iter().enumerate() {
            let name = scene.node_by_id.get(bloc).map_or(bloc.as_str(), |&node| scene.nodes[node].name.as_str());
            swatch(ui, &format!("In {name}"), palette::group(index));
        }
        swatch(ui, "In no bloc", palette::NO_GROUP);
    }
    if options.colour_by == ColourBy::Group {
        let mut shown: Vec<usize> = scene.nodes.iter().filter_map(|node| node.in_group).collect();
        shown.sort_unstable();
        shown.dedup();
        for group in shown {
            swatch(ui, &scene.groups[group], palette::group(group));
        }
        if scene.nodes.iter().any(|node| node.in_group.is_none()) {
            swatch(ui, "In no group", palette::NO_GROUP);
        }
    }
    if options.colour_by == ColourBy::StanceTowardsTarget
        && let Some(target) = &scene.sanctions_target
    {
        let name = scene.node_by_id.get(target).map_or(target.as_str(), |&node| scene.nodes[node].name.as_str());
        ui.weak(format!("Colour: stance on sanctions against {name}"));
        let mut stances: Vec<Stance> = scene.nodes.iter().filter_map(|node| node.stance_on_target).collect();
        stances.sort();
        stances.dedup();
        for stance in stances {
            swatch(ui, stance.label(), palette::stance(stance));
        }
        swatch(ui, "No stance recorded", palette::NO_GROUP);
    }
    if scene.nodes.iter().any(|node| node.group.is_some()) {
        let ring = egui::Stroke::new(1.5, ui.visuals().panel_fill);
        row(ui, "Group (double-click it)", |painter, rect| {
            painter.circle_filled(rect.center(), 6.5, Color32::GRAY);
            painter.circle_stroke(rect.center(), 3.5, ring);
        });
    }
    ui.weak(format!("Node size: {}", options.size_by.label().to_lowercase()));
}

pub(crate) fn edges_ui(ui: &mut egui::Ui, scene: &GraphScene) {
    let mut commodities: Vec<crate::model::Commodity> = Vec::new();
    let mut stances: Vec<Stance> = Vec::new();
    let (mut positive_ties, mut negative_ties, mut summed) = (false, false, false);
    let (mut mixed_energy, mut mixed_stances) = (false, false);
    for edge in &scene.edges {
        let meaning = match &edge.meaning {
            EdgeMeaning::Summary(summary) => {
                summed = true;
                match summary_as_record(summary) {
                    Some(meaning) => meaning,
                    None => {
                        mixed_energy |= summary.layer == Layer::Energy;
                        mixed_stances |= summary.layer == Layer::Sanctions;
                        continue;
                    }
                }
            }
            meaning => meaning.clone(),
        };
        match &meaning {
            EdgeMeaning::Energy { commodity, .. } if !commodities.contains(commodity) => {
                commodities.push(commodity.clone())
            }
            EdgeMeaning::Sanctions { stance } if !stances.contains(stance) => stances.push(*stance),
            EdgeMeaning::Tie { strength, .. } if *strength < 0.0 => negative_ties = true,
            EdgeMeaning::Tie { .. } => positive_ties = true,
            _ => {}
        }
    }
    if !commodities.is_empty() {
        ui.add_space(4.0);
        ui.weak("Energy: to the consumer; width = share");
        for commodity in &commodities {
            line_row(
                ui,
                commodity.label(),
                EdgeStyle { colour: palette::commodity(commodity), width: 4.0, dash: Dash::Solid, arrow: true },
            );
        }
    }
    if !stances.is_empty() {
        ui.add_space(4.0);
        ui.weak("Sanctions: dashed, to the target");
        stances.sort();
        for stance in stances {
            line_row(
                ui,
                stance.label(),
                EdgeStyle { colour: palette::stance(stance), width: 2.0, dash: Dash::Dashed, arrow: true },
            );
        }
    }
    if positive_ties || negative_ties {
        ui.add_space(4.0);
        ui.weak("Ties: width = strength; arrow when one-sided");
        if positive_ties {
            line_row(
                ui,
                "Friendly (+)",
                EdgeStyle { colour: palette::strength(0.8), width: 3.0, dash: Dash::Solid, arrow: false },
            );
        }
        line_row(
            ui,
            "Neutral",
            EdgeStyle { colour: palette::strength(0.0), width: 1.5, dash: Dash::Solid, arrow: false },
        );
        if negative_ties {
            line_row(
                ui,
                "Hostile (-), dotted",
                EdgeStyle { colour: palette::strength(-0.8), width: 3.0, dash: Dash::Dotted, arrow: false },
            );
        }
    }
    if summed {
        summed_ui(ui, mixed_energy, mixed_stances);
    }
}

/// A summed link as the record the legend would list for it; `None` when its records differ in commodity or
/// stance (the legend then lists the mixed colour once).
fn summary_as_record(summary: &LinkSummary) -> Option<EdgeMeaning> {
    match summary.layer {
        Layer::Energy => summary.commodity.clone().map(|commodity| EdgeMeaning::Energy {
            commodity,
            share: 0.0,
            basis: crate::model::ShareBasis::Consumption,
            volume: None,
            via: Vec::new(),
        }),
        Layer::Sanctions => summary.stance.map(|stance| EdgeMeaning::Sanctions { stance }),
        Layer::Ties => Some(EdgeMeaning::Tie {
            kind: crate::model::TieKind::Neutral,
            strength: summary.mean_strength,
            directed: false,
            topic: None,
        }),
    }
}

/// What a summed link between groups looks like, and the colours of links that sum different records.
fn summed_ui(ui: &mut egui::Ui, mixed_energy: bool, mixed_stances: bool) {
    ui.add_space(4.0);
    ui.weak("To and from a group: one link per direction and layer; width = number of records");
    if mixed_energy {
        let style = EdgeStyle { colour: palette::MIXED_ENERGY, width: 4.0, dash: Dash::Solid, arrow: true };
        line_row(ui, "Several commodities", style);
    }
    if mixed_stances {
        let style = EdgeStyle { colour: palette::NO_GROUP, width: 3.0, dash: Dash::Dashed, arrow: true };
        line_row(ui, "Several stances", style);
    }
}

pub(crate) fn row(ui: &mut egui::Ui, label: &str, paint: impl FnOnce(&egui::Painter, Rect)) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(vec2(34.0, 13.0), egui::Sense::hover());
        paint(ui.painter(), rect);
        ui.label(label);
    });
}

pub(crate) fn swatch(ui: &mut egui::Ui, label: &str, colour: impl Into<Color32>) {
    let colour = colour.into();
    row(ui, label, |painter, rect| {
        painter.circle_filled(rect.center(), 6.0, colour);
    });
}

fn line_row(ui: &mut egui::Ui, label: &str, style: EdgeStyle) {
    row(ui, label, |painter, rect| {
        let geometry = draw::EdgeGeometry {
            start: Pos2::new(rect.left() + 2.0, rect.center().y),
            end: pos2(rect.right() - 2.0, rect.center().y),
            bend: 0.0,
        };
        let mut mesh = draw::EdgeMesh::new();
        mesh.add(&geometry, &style);
        painter.add(mesh.into_shape());
    });
}
