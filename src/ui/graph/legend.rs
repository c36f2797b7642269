//! The legend: every colour, shape, dash and width the graph uses at the moment, in a corner of the canvas.

use eframe::egui::{self, Color32, Pos2, Rect, TextStyle, pos2, vec2};

use super::GraphOptions;
use super::draw;
use crate::model::{ActorKind, Layer, Stance};
use crate::scene::graph::{EdgeMeaning, GraphScene};
use crate::scene::graph_style::{self as style, Arrowhead, ColourBy, Dash, EdgeStyle};
use crate::scene::grouping::LinkSummary;
use crate::scene::palette;

/// How large a legend is drawn: small beside the work, large while presenting, for the back of a room.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendLook {
    /// Width on screen, which the fitted view leaves free.
    pub width: f32,
    /// Size of its text in points (pixels at a scale of 1, as on a 1080p projector).
    pub text_size: f32,
    /// The family of its text: egui's proportional one, or the embedded regular face while presenting.
    pub family: egui::FontFamily,
    /// The family of its heading.
    pub heading_family: egui::FontFamily,
    /// Whether it can be folded to a button (not on a slide).
    pub foldable: bool,
}

/// The legend's look while presenting or not.
pub fn look(presenting: bool) -> LegendLook {
    if presenting {
        LegendLook {
            width: 470.0,
            text_size: 28.0,
            family: crate::ui::style::regular_family(),
            heading_family: crate::ui::style::bold_family(),
            foldable: false,
        }
    } else {
        LegendLook {
            width: 196.0,
            text_size: 12.0,
            family: egui::FontFamily::Proportional,
            heading_family: egui::FontFamily::Proportional,
            foldable: true,
        }
    }
}

/// Sets up a legend's frame for `look`: its width and every text in it at the legend's size, then its heading.
/// Returns true when its Hide button was clicked.
pub(crate) fn begin(ui: &mut egui::Ui, look: &LegendLook) -> bool {
    ui.set_width(look.width - 16.0);
    let font = egui::FontId::new(look.text_size, look.family.clone());
    ui.style_mut().text_styles.insert(TextStyle::Small, font);
    ui.style_mut().override_text_style = Some(TextStyle::Small);
    ui.spacing_mut().item_spacing.y = 2.0 * look.text_size / 12.0;
    let heading = egui::FontId::new(look.text_size, look.heading_family.clone());
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new("Legend").font(heading).strong());
        look.foldable
            && ui
                .with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.small_button("Hide").on_hover_text("Fold the legend to a button")
                })
                .inner
                .clicked()
    })
    .inner
}

/// A folded legend: a small Legend button in the view's top right corner. Returns true when it was clicked.
pub(crate) fn folded(ui: &egui::Ui, viewport: Rect, id: egui::Id) -> bool {
    egui::Area::new(id.with("folded"))
        .fixed_pos(viewport.right_top() + vec2(-80.0, 8.0))
        .order(egui::Order::Middle)
        .show(ui.ctx(), |ui| ui.button("Legend").on_hover_text("Show the legend"))
        .inner
        .clicked()
}

pub fn show(
    ui: &egui::Ui,
    viewport: Rect,
    scene: &GraphScene,
    options: &GraphOptions,
    overlay: Option<&super::overlay::OverlayView>,
    presenting: bool,
    avoid: &[crate::ui::legend_place::Weighted],
) -> bool {
    let id = ui.scope_id().with("graph_legend");
    framed(ui, id, viewport, presenting, avoid, |ui| {
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
    })
}

/// A view's legend: `contents` in a frame with the Legend heading, in the corner of `viewport` where it hides
/// least of `avoid` (see `legend_place`), larger while presenting. Returns true when its Hide was clicked.
pub(crate) fn framed(
    ui: &egui::Ui,
    id: egui::Id,
    viewport: Rect,
    presenting: bool,
    avoid: &[crate::ui::legend_place::Weighted],
    contents: impl FnOnce(&mut egui::Ui),
) -> bool {
    let look = look(presenting);
    let at = crate::ui::legend_place::place(ui.ctx(), id, viewport, vec2(look.width, 240.0), avoid);
    let mut hide = false;
    egui::Area::new(id).fixed_pos(at).order(egui::Order::Middle).show(ui.ctx(), |ui| {
        egui::Frame::popup(ui.style()).show(ui, |ui| {
            hide = begin(ui, &look);
            contents(ui);
        });
    });
    hide
}

fn kinds_ui(ui: &mut egui::Ui, scene: &GraphScene, options: &GraphOptions) {
    let mut kinds: Vec<ActorKind> = scene.nodes.iter().map(|node| node.kind).collect();
    kinds.sort();
    kinds.dedup();
    for kind in kinds {
        // Every actor is drawn in one colour unless coloured by something else: the shape tells its kind.
        let colour: Color32 = palette::ACTOR.into();
        shape_row(ui, kind.label(), kind, colour);
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
            painter.circle_filled(rect.center(), 6.5, Color32::from(palette::ACTOR));
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
    let theme = crate::ui::style::line_theme(ui);
    if !commodities.is_empty() {
        ui.add_space(4.0);
        ui.weak("Energy: to the consumer; width = share");
        for commodity in &commodities {
            let meaning = EdgeMeaning::Energy {
                commodity: commodity.clone(),
                share: 0.4,
                basis: crate::model::ShareBasis::Consumption,
                volume: None,
                via: Vec::new(),
            };
            line_row(ui, commodity.label(), style::edge_style(&meaning).in_theme(theme));
        }
    }
    if !stances.is_empty() {
        ui.add_space(4.0);
        ui.weak("Sanctions: dashed, to the target");
        stances.sort();
        for stance in stances {
            line_row(ui, stance.label(), style::edge_style(&EdgeMeaning::Sanctions { stance }).in_theme(theme));
        }
    }
    if positive_ties || negative_ties {
        ui.add_space(4.0);
        ui.weak("Ties: width = strength; open arrow when one-sided");
        let tie = |strength: f64| {
            let meaning =
                EdgeMeaning::Tie { kind: crate::model::TieKind::Neutral, strength, directed: false, topic: None };
            style::edge_style(&meaning).in_theme(theme)
        };
        if positive_ties {
            line_row(ui, "Friendly (+)", tie(0.8));
        }
        line_row(ui, "Neutral", tie(0.0));
        if negative_ties {
            line_row(ui, "Hostile (-), dotted", tie(-0.8));
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
    let theme = crate::ui::style::line_theme(ui);
    if mixed_energy {
        let style =
            EdgeStyle { colour: palette::MIXED_ENERGY, width: 4.0, dash: Dash::Solid, arrow: Arrowhead::Triangle };
        line_row(ui, "Several commodities", style.in_theme(theme));
    }
    if mixed_stances {
        let style = EdgeStyle { colour: palette::NO_GROUP, width: 3.0, dash: Dash::Dashed, arrow: Arrowhead::Triangle };
        line_row(ui, "Several stances", style.in_theme(theme));
    }
}

/// A sample and its label; the sample grows with the legend's text, so that a presenting legend's lines show
/// their dashes and arrowheads from afar.
pub(crate) fn row(ui: &mut egui::Ui, label: &str, paint: impl FnOnce(&egui::Painter, Rect)) {
    ui.horizontal(|ui| {
        let text_size = TextStyle::Small.resolve(ui.style()).size.max(12.0);
        let (rect, _) = ui.allocate_exact_size(vec2(34.0, 13.0) * text_size / 12.0, egui::Sense::hover());
        paint(ui.painter(), rect);
        ui.label(label);
    });
}

/// A kind of actor's shape in `colour`, and its label.
pub(crate) fn shape_row(ui: &mut egui::Ui, label: &str, kind: ActorKind, colour: Color32) {
    row(ui, label, |painter, rect| {
        let mut mesh = draw::NodeMesh::with_capacity(1);
        mesh.add(rect.center(), rect.height() * 0.46, style::node_shape(kind), colour);
        painter.add(mesh.into_shape());
    });
}

pub(crate) fn swatch(ui: &mut egui::Ui, label: &str, colour: impl Into<Color32>) {
    let colour = colour.into();
    row(ui, label, |painter, rect| {
        painter.circle_filled(rect.center(), rect.height() * 0.46, colour);
    });
}

fn line_row(ui: &mut egui::Ui, label: &str, style: EdgeStyle) {
    row(ui, label, |painter, rect| {
        let geometry = draw::EdgeGeometry {
            start: Pos2::new(rect.left() + 2.0, rect.center().y),
            end: pos2(rect.right() - 4.0, rect.center().y),
            bend: 0.0,
        };
        let mut mesh = draw::EdgeMesh::new();
        mesh.add(&geometry, &style);
        painter.add(mesh.into_shape());
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_presenting_legend_is_at_least_28_points_in_the_regular_face_and_wider() {
        let (presenting, working) = (look(true), look(false));
        assert!(presenting.text_size >= 28.0, "{}", presenting.text_size);
        assert_eq!(presenting.family, crate::ui::style::regular_family());
        assert_eq!(presenting.heading_family, crate::ui::style::bold_family());
        // Wide enough for "Sanctions: dashed, to the target" at that size, as it was at 12 points in 196.
        assert!(presenting.width >= working.width * presenting.text_size / working.text_size);
    }

    /// The size of the first text laid out in a legend shown for one frame.
    fn legend_text_sizes(presenting: bool) -> Vec<f32> {
        let ctx = egui::Context::default();
        crate::ui::style::install(&ctx);
        let mut sizes = Vec::new();
        for _ in 0..2 {
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                egui::CentralPanel::default().show(ui, |ui| {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        begin(ui, &look(presenting));
                        ui.weak("Sanctions: dashed, to the target");
                        swatch(ui, "Imposes", Color32::BLUE);
                    });
                });
            });
            output.textures_delta.clear();
            sizes = output
                .shapes
                .iter()
                .filter_map(|clipped| match &clipped.shape {
                    egui::Shape::Text(text) => {
                        text.galley.job.sections.first().map(|section| section.format.font_id.size)
                    }
                    _ => None,
                })
                .collect();
        }
        sizes
    }

    #[test]
    fn every_text_of_the_presenting_legend_is_laid_out_at_28_points() {
        let sizes = legend_text_sizes(true);
        assert_eq!(sizes.len(), 3, "heading, note and row: {sizes:?}");
        assert!(sizes.iter().all(|&size| size >= 28.0), "{sizes:?}");
        assert!(legend_text_sizes(false).iter().all(|&size| size < 20.0));
    }
}
