//! What the person is looking at: the selection, the year, the graph's layers and filters, the central view.
//! Transient: none of it is saved with the scenario.

use std::collections::BTreeSet;

use crate::model::{Commodity, EnergyFlow, Layer, RecordRef, Reliability, Scenario, SourceGrades, Tie, TieKind};

#[derive(Debug, Clone, PartialEq)]
pub struct ViewState {
    /// Selected actor ids, shared by every view: selecting anywhere selects everywhere.
    pub selection: BTreeSet<String>,
    /// The app-wide year: records that apply in it are shown. `None` shows every year at once.
    pub year: Option<i32>,
    pub filters: GraphFilters,
    pub central: CentralView,
    /// An analysis result laid over the graph: a shock, or the changes between two years.
    pub overlay: Option<GraphOverlay>,
    /// One record picked in a chart (a band, a cell), highlighted in the Inspector.
    pub highlighted_record: Option<RecordRef>,
    /// The energy route a story step is about (see `StoryStep::route`), drawn as one highlighted path.
    pub route: Option<String>,
    pub show_problems: bool,
    pub show_help: bool,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            selection: BTreeSet::new(),
            year: None,
            filters: GraphFilters::default(),
            central: CentralView::Graph,
            highlighted_record: None,
            route: None,
            overlay: None,
            show_problems: false,
            show_help: false,
        }
    }
}

impl ViewState {
    /// The view a newly opened scenario starts with: its latest year with records (or its "as of" year).
    pub fn for_scenario(scenario: &Scenario) -> ViewState {
        let as_of_year = scenario.as_of.as_deref().and_then(|text| crate::model::date::Date::parse(text).ok());
        let latest = scenario.years().into_iter().filter(|year| as_of_year.is_none_or(|d| *year <= d.year)).max();
        ViewState { year: latest.or(as_of_year.map(|d| d.year)), ..ViewState::default() }
    }

    /// The year charts show: the chosen one, or the latest in the scenario when "All years" is chosen.
    pub fn chart_year(&self, scenario: &Scenario) -> Option<i32> {
        self.year.or_else(|| scenario.latest_year())
    }

    /// `chart_year` from the years already worked out for the document's revision (no scan of the records).
    pub fn chart_year_of(&self, derived: &crate::derived::Derived) -> Option<i32> {
        self.year.or_else(|| derived.latest_year())
    }

    pub fn is_selected(&self, id: &str) -> bool {
        self.selection.contains(id)
    }

    /// Select `id` alone, or add it to (or remove it from) the selection when `additive`.
    pub fn select(&mut self, id: &str, additive: bool) {
        if !additive {
            self.selection.clear();
            self.selection.insert(id.to_owned());
        } else if !self.selection.remove(id) {
            self.selection.insert(id.to_owned());
        }
    }
}

/// Which records the graph shows.
#[derive(Debug, Clone, PartialEq)]
pub struct GraphFilters {
    pub energy: bool,
    pub sanctions: bool,
    pub ties: bool,
    /// Commodities hidden from the energy layer (empty: all shown).
    pub hidden_commodities: BTreeSet<Commodity>,
    /// Tie kinds hidden from the ties layer (empty: all shown).
    pub hidden_tie_kinds: BTreeSet<TieKind>,
    /// Energy flows below this share are hidden.
    pub minimum_share: f64,
    /// Ties weaker than this (in absolute strength) are hidden.
    pub minimum_strength: f64,
    /// Records resting only on sources graded below this are hidden (`None`: all shown). See
    /// `model::SourceGrades` for what a record rests on.
    pub minimum_grade: Option<Reliability>,
    /// Show only the selection and its neighbours up to `focus_depth` links away.
    pub focus: bool,
    pub focus_depth: usize,
}

impl Default for GraphFilters {
    fn default() -> Self {
        GraphFilters {
            energy: true,
            sanctions: true,
            ties: true,
            hidden_commodities: BTreeSet::new(),
            hidden_tie_kinds: BTreeSet::new(),
            minimum_share: 0.0,
            minimum_strength: 0.0,
            minimum_grade: None,
            focus: false,
            focus_depth: 1,
        }
    }
}

impl GraphFilters {
    pub fn shows_layer(&self, layer: Layer) -> bool {
        match layer {
            Layer::Energy => self.energy,
            Layer::Sanctions => self.sanctions,
            Layer::Ties => self.ties,
        }
    }

    /// Whether an energy flow passes the filters, its layer and year aside: its commodity, its share and the grade
    /// of its sources. The graph, the map and a step's route all ask here.
    pub fn shows_flow(&self, flow: &EnergyFlow, grades: &SourceGrades) -> bool {
        !self.hidden_commodities.contains(&flow.commodity)
            && flow.share >= self.minimum_share
            && self.graded_enough(&flow.sources, grades)
    }

    /// Whether a tie passes the filters, its layer and year aside: its kind, its strength and its sources' grade.
    pub fn shows_tie(&self, tie: &Tie, grades: &SourceGrades) -> bool {
        !self.hidden_tie_kinds.contains(&tie.kind)
            && tie.strength.abs() >= self.minimum_strength
            && self.graded_enough(&tie.sources, grades)
    }

    /// Whether a record citing `sources` rests on one graded at least `minimum_grade`.
    pub fn graded_enough(&self, sources: &[String], grades: &SourceGrades) -> bool {
        self.minimum_grade.is_none_or(|minimum| grades.meets(sources, minimum))
    }

    pub fn set_layer(&mut self, layer: Layer, shown: bool) {
        match layer {
            Layer::Energy => self.energy = shown,
            Layer::Sanctions => self.sanctions = shown,
            Layer::Ties => self.ties = shown,
        }
    }
}

/// Analysis results the graph can show over its nodes.
#[derive(Debug, Clone, PartialEq)]
pub enum GraphOverlay {
    Shock(crate::analysis::shock::Disruption),
    Changes {
        from: i32,
        to: i32,
    },
    /// Each actor's agreement in votes with a reference actor (or bloc).
    Agreement {
        reference: String,
    },
    /// Some actors picked out, e.g. those whose records differ from another file.
    Highlight {
        title: String,
        actors: BTreeSet<String>,
    },
}

/// Which grid the Matrices view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MatrixKind {
    #[default]
    Sanctions,
    Ties,
    Votes,
}

/// The view in the central area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CentralView {
    Graph,
    Map,
    Charts,
    Matrices,
    Timeline,
    Analysis,
    Data,
    Overview,
}

impl CentralView {
    /// The view's name as its tab shows it.
    pub fn label(self) -> &'static str {
        match self {
            CentralView::Graph => "Graph",
            CentralView::Map => "Map",
            CentralView::Charts => "Charts",
            CentralView::Matrices => "Matrices",
            CentralView::Timeline => "Timeline",
            CentralView::Analysis => "Analysis",
            CentralView::Data => "Data",
            CentralView::Overview => "Overview",
        }
    }
}
