//! Accessibility entries for things the views paint themselves (graph nodes, matrix cells), so that screen
//! readers, and tests, find them by what they say.

use eframe::egui::{self, Rect, accesskit};

/// Describes a painted item at `bounds` with a role and a label.
pub fn describe(ctx: &egui::Context, id: egui::Id, role: accesskit::Role, label: String, bounds: Rect, selected: bool) {
    ctx.accesskit_node_builder(id, |builder| {
        builder.set_role(role);
        builder.set_label(label);
        builder.set_bounds(accesskit::Rect {
            x0: bounds.min.x.into(),
            y0: bounds.min.y.into(),
            x1: bounds.max.x.into(),
            y1: bounds.max.y.into(),
        });
        if selected {
            builder.set_selected(true);
        }
    });
}
