//! What a story step shows, as a plain `ViewState`: its central view, layers, year, focus, shock and filters;
//! and the reverse, the view on screen kept as a step. Used by presentation mode and by slides alike.

use crate::analysis::shock::Disruption;
use crate::model::{Layer, Scenario, StoryFilters, StoryShock, StoryStep, ViewKind};
use crate::state::{CentralView, GraphFilters, GraphOverlay, MatrixKind, ViewState};

/// The view a story step asks for: its central view, layers, year, focus actors (those that exist) and shock.
/// Anything the step does not say is kept from `base`.
pub fn view_for_step(step: &StoryStep, scenario: &Scenario, base: &ViewState) -> ViewState {
    let mut view = ViewState {
        central: central_view(step.view),
        year: step.shown_year().or(base.year),
        selection: step.focus.iter().filter(|id| scenario.actor(id).is_some()).cloned().collect(),
        highlighted_record: None,
        route: step.route.clone(),
        overlay: step.shock.as_ref().map(|shock| GraphOverlay::Shock(disruption(shock))),
        show_problems: false,
        show_help: false,
        filters: GraphFilters::default(),
    };
    if !step.layers.is_empty() {
        for layer in [Layer::Energy, Layer::Sanctions, Layer::Ties] {
            view.filters.set_layer(layer, step.layers.contains(&layer));
        }
    }
    if let Some(filters) = &step.filters {
        view.filters.hidden_commodities = filters.hidden_commodities.iter().cloned().collect();
        view.filters.minimum_share = filters.minimum_share;
        view.filters.minimum_strength = filters.minimum_strength;
        view.filters.focus = filters.neighbourhood.is_some();
        view.filters.focus_depth = filters.neighbourhood.unwrap_or(view.filters.focus_depth);
    }
    view
}

/// The graph filters beyond the layers, as a step keeps them; `None` when they are the defaults.
fn story_filters(filters: &GraphFilters) -> Option<StoryFilters> {
    let kept = StoryFilters {
        hidden_commodities: filters.hidden_commodities.iter().cloned().collect(),
        minimum_share: filters.minimum_share,
        minimum_strength: filters.minimum_strength,
        neighbourhood: filters.focus.then_some(filters.focus_depth),
    };
    (kept != StoryFilters::default()).then_some(kept)
}

/// Which matrix a Matrix or Votes step shows; `None` for other views.
pub fn matrix_for_step(step: &StoryStep) -> Option<MatrixKind> {
    match step.view {
        ViewKind::Votes => Some(MatrixKind::Votes),
        ViewKind::Matrix if step.layers == [Layer::Ties] => Some(MatrixKind::Ties),
        ViewKind::Matrix => Some(MatrixKind::Sanctions),
        _ => None,
    }
}

/// The central view a step kind is shown in. There is no map view yet: a map step shows the graph.
pub fn central_view(kind: ViewKind) -> CentralView {
    match kind {
        ViewKind::Graph => CentralView::Graph,
        ViewKind::Map => CentralView::Map,
        ViewKind::Charts => CentralView::Charts,
        ViewKind::Matrix | ViewKind::Votes => CentralView::Matrices,
        ViewKind::Timeline => CentralView::Timeline,
    }
}

/// The step kind that shows a central view, for "add the current view as a step"; `None` for views a story
/// cannot show (analysis, data, overview).
pub fn step_view_of(central: CentralView, matrix: MatrixKind) -> Option<ViewKind> {
    match central {
        CentralView::Graph => Some(ViewKind::Graph),
        CentralView::Map => Some(ViewKind::Map),
        CentralView::Charts => Some(ViewKind::Charts),
        CentralView::Matrices if matrix == MatrixKind::Votes => Some(ViewKind::Votes),
        CentralView::Matrices => Some(ViewKind::Matrix),
        CentralView::Timeline => Some(ViewKind::Timeline),
        CentralView::Analysis | CentralView::Data | CentralView::Overview => None,
    }
}

pub fn disruption(shock: &StoryShock) -> Disruption {
    match shock {
        StoryShock::CutSupplier { supplier, commodity } => {
            Disruption::CutSupplier { supplier: supplier.clone(), commodity: commodity.clone() }
        }
        StoryShock::CloseTransit { actor } => Disruption::CloseTransit { actor: actor.clone() },
        StoryShock::CloseRoute { route } => Disruption::CloseRoute { route: route.clone() },
    }
}

pub fn story_shock(disruption: &Disruption) -> StoryShock {
    match disruption {
        Disruption::CutSupplier { supplier, commodity } => {
            StoryShock::CutSupplier { supplier: supplier.clone(), commodity: commodity.clone() }
        }
        Disruption::CloseTransit { actor } => StoryShock::CloseTransit { actor: actor.clone() },
        Disruption::CloseRoute { route } => StoryShock::CloseRoute { route: route.clone() },
    }
}

/// A new story step showing `view`: its central view, layers, year, selection and shock, titled after its place.
pub fn step_from_view(view: &ViewState, matrix: MatrixKind, step_count: usize) -> Option<StoryStep> {
    let kind = step_view_of(view.central, matrix)?;
    let layers: Vec<Layer> = [Layer::Energy, Layer::Sanctions, Layer::Ties]
        .into_iter()
        .filter(|layer| view.filters.shows_layer(*layer))
        .collect();
    let shock = match &view.overlay {
        Some(GraphOverlay::Shock(disruption)) => Some(story_shock(disruption)),
        _ => None,
    };
    Some(StoryStep {
        title: format!("Step {}", step_count + 1),
        caption: String::new(),
        notes: None,
        view: kind,
        layers,
        focus: view.selection.iter().cloned().collect(),
        route: view.route.clone(),
        year: view.year,
        years: None,
        shock,
        camera: None,
        filters: story_filters(&view.filters),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Commodity;

    fn scenario() -> Scenario {
        crate::io::load_text(crate::library::BUNDLED_SCENARIO).scenario.expect("bundled scenario loads")
    }

    fn step(view: ViewKind, layers: Vec<Layer>, focus: &[&str], year: Option<i32>) -> StoryStep {
        StoryStep {
            title: "A step".into(),
            caption: "What it shows".into(),
            notes: None,
            view,
            layers,
            focus: focus.iter().map(|id| (*id).to_owned()).collect(),
            route: None,
            year,
            years: None,
            shock: None,
            camera: None,
            filters: None,
        }
    }

    #[test]
    fn a_step_sets_the_view_layers_year_and_existing_focus_actors() {
        let scenario = scenario();
        let base = ViewState { year: Some(2023), ..ViewState::default() };
        let step = step(ViewKind::Graph, vec![Layer::Energy], &["SRB", "RUS", "NOWHERE"], Some(2021));
        let view = view_for_step(&step, &scenario, &base);
        assert_eq!(view.central, CentralView::Graph);
        assert_eq!(view.year, Some(2021));
        assert_eq!(view.selection.iter().map(String::as_str).collect::<Vec<_>>(), ["RUS", "SRB"]);
        assert!(view.filters.energy && !view.filters.sanctions && !view.filters.ties);
        assert_eq!(view.overlay, None);
    }

    #[test]
    fn a_step_without_layers_or_year_keeps_every_layer_and_the_year_shown() {
        let view = view_for_step(
            &step(ViewKind::Timeline, vec![], &[], None),
            &scenario(),
            &ViewState { year: Some(2022), ..ViewState::default() },
        );
        assert_eq!(view.central, CentralView::Timeline);
        assert_eq!(view.year, Some(2022));
        assert!(view.filters.energy && view.filters.sanctions && view.filters.ties);
    }

    #[test]
    fn a_shock_on_a_step_is_laid_over_the_graph() {
        let mut with_shock = step(ViewKind::Graph, vec![Layer::Energy], &["BGR"], Some(2023));
        with_shock.shock = Some(StoryShock::CloseTransit { actor: "BGR".into() });
        let view = view_for_step(&with_shock, &scenario(), &ViewState::default());
        assert_eq!(view.overlay, Some(GraphOverlay::Shock(Disruption::CloseTransit { actor: "BGR".into() })));
    }

    #[test]
    fn matrix_steps_pick_sanctions_ties_or_votes() {
        assert_eq!(
            matrix_for_step(&step(ViewKind::Matrix, vec![Layer::Sanctions], &[], None)),
            Some(MatrixKind::Sanctions)
        );
        assert_eq!(matrix_for_step(&step(ViewKind::Matrix, vec![Layer::Ties], &[], None)), Some(MatrixKind::Ties));
        assert_eq!(matrix_for_step(&step(ViewKind::Votes, vec![], &[], None)), Some(MatrixKind::Votes));
        assert_eq!(matrix_for_step(&step(ViewKind::Graph, vec![], &[], None)), None);
    }

    #[test]
    fn the_current_view_becomes_a_step_that_shows_it_again() {
        let scenario = scenario();
        let mut view = ViewState { year: Some(2023), central: CentralView::Graph, ..ViewState::default() };
        view.selection = ["SRB".to_owned(), "BGR".to_owned()].into();
        view.filters.ties = false;
        view.filters.minimum_share = 0.2;
        view.filters.hidden_commodities = [Commodity::Oil].into();
        view.filters.focus = true;
        view.filters.focus_depth = 2;
        let cut = Disruption::CutSupplier { supplier: "RUS".into(), commodity: Some(Commodity::Gas) };
        view.overlay = Some(GraphOverlay::Shock(cut));
        view.route = Some("JANAF".to_owned());
        let step = step_from_view(&view, MatrixKind::Sanctions, 8).expect("the graph can be a step");
        assert_eq!(step.title, "Step 9");
        assert_eq!(step.layers, [Layer::Energy, Layer::Sanctions]);
        assert_eq!(step.focus, ["BGR", "SRB"]);
        let shown = view_for_step(&step, &scenario, &ViewState::default());
        assert_eq!(
            (shown.central, shown.year, &shown.selection, &shown.overlay, &shown.route),
            (view.central, view.year, &view.selection, &view.overlay, &view.route)
        );
        assert_eq!(shown.filters, view.filters);
    }

    #[test]
    fn views_a_story_cannot_show_make_no_step() {
        let view = ViewState { central: CentralView::Data, ..ViewState::default() };
        assert_eq!(step_from_view(&view, MatrixKind::Sanctions, 0), None);
        assert_eq!(step_view_of(CentralView::Matrices, MatrixKind::Votes), Some(ViewKind::Votes));
    }
}
