//! The user commands with a keyboard shortcut: one list feeds the menus, the shortcut handler and help.

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

use crate::state::{Action, CentralView, UiZoom};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    New,
    NewFromTemplate,
    Open,
    Save,
    SaveAs,
    Import,
    Export,
    Quit,
    Undo,
    Redo,
    Help,
    ShowGraph,
    ShowMap,
    ShowCharts,
    ShowMatrices,
    ShowTimeline,
    ShowAnalysis,
    ShowData,
    ShowOverview,
    Present,
    PresentFromHere,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    PlayYears,
}

impl Command {
    pub const ALL: [Command; 25] = [
        Command::New,
        Command::NewFromTemplate,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::Import,
        Command::Export,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::Help,
        Command::ShowGraph,
        Command::ShowMap,
        Command::ShowCharts,
        Command::ShowMatrices,
        Command::ShowTimeline,
        Command::ShowAnalysis,
        Command::ShowData,
        Command::ShowOverview,
        Command::Present,
        Command::PresentFromHere,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomReset,
        Command::PlayYears,
    ];

    /// The commands that switch the central view, in tab order.
    pub const VIEWS: [Command; 8] = [
        Command::ShowGraph,
        Command::ShowMap,
        Command::ShowCharts,
        Command::ShowMatrices,
        Command::ShowTimeline,
        Command::ShowAnalysis,
        Command::ShowData,
        Command::ShowOverview,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Command::New => "New",
            Command::NewFromTemplate => "New from template…",
            Command::Open => "Open…",
            Command::Save => "Save",
            Command::SaveAs => "Save As…",
            Command::Import => "Import…",
            Command::Export => "Export…",
            Command::Quit => "Quit",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::Help => "Keyboard shortcuts",
            Command::ShowGraph => "Graph",
            Command::ShowMap => "Map",
            Command::ShowCharts => "Charts",
            Command::ShowMatrices => "Matrices",
            Command::ShowTimeline => "Timeline",
            Command::ShowAnalysis => "Analysis",
            Command::ShowData => "Data",
            Command::ShowOverview => "Overview",
            Command::Present => "Present from the start",
            Command::PresentFromHere => "Present from the current step",
            Command::ZoomIn => "Larger",
            Command::ZoomOut => "Smaller",
            Command::ZoomReset => "Normal size",
            Command::PlayYears => "Play or pause the years",
        }
    }

    pub fn tooltip(self) -> &'static str {
        match self {
            Command::New => "Start an empty scenario",
            Command::NewFromTemplate => "Start from one of the bundled scenarios, or reopen a recent file",
            Command::Open => "Open a scenario file (.ron)",
            Command::Save => "Save the scenario; the previous file is kept as .bak",
            Command::SaveAs => "Save the scenario to a new file",
            Command::Import => "Make a new scenario from CSV sheets, Eurostat tables, a wide table, GraphML or GEXF",
            Command::Export => "Write the view as PNG or SVG, or the scenario as GraphML, GEXF or CSV sheets",
            Command::Quit => "Close GeoDep",
            Command::Undo => "Take back the last change to the scenario",
            Command::Redo => "Make the change taken back again (also Ctrl+Y)",
            Command::Help => "Every shortcut and mouse gesture",
            Command::ShowGraph => "Actors and the energy, sanctions and diplomatic links between them",
            Command::ShowMap => {
                "Countries on a map, supply routes through their transit countries, a measure as colours"
            }
            Command::ShowCharts => "Supply mix, exposure to a supplier, shares over time, flow diagram",
            Command::ShowMatrices => {
                "Sanctions stances, diplomatic ties and votes as grids, actors ordered by bloc or by similarity"
            }
            Command::ShowTimeline => "Events and votes on a date axis; click a date to choose its year",
            Command::ShowAnalysis => "Dependence, what-if shocks, flags, alignment, coalitions, network, changes",
            Command::ShowData => "Every record in tables, with a form to edit, add, duplicate and delete",
            Command::ShowOverview => "The scenario's summary, contents and sources",
            Command::Present => "Play the story as full-screen slides; arrow keys or a clicker step, Esc leaves",
            Command::PresentFromHere => "Play the story from the step shown last",
            Command::ZoomIn => "Draw everything larger (also Ctrl+=); remembered",
            Command::ZoomOut => "Draw everything smaller; remembered",
            Command::ZoomReset => "Draw everything at its normal size",
            Command::PlayYears => "Show the scenario's years one after another, or stop on the year shown",
        }
    }

    pub fn shortcut(self) -> KeyboardShortcut {
        match self {
            Command::New => KeyboardShortcut::new(Modifiers::COMMAND, Key::N),
            Command::NewFromTemplate => KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::N),
            Command::Open => KeyboardShortcut::new(Modifiers::COMMAND, Key::O),
            Command::Save => KeyboardShortcut::new(Modifiers::COMMAND, Key::S),
            Command::SaveAs => KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::S),
            Command::Import => KeyboardShortcut::new(Modifiers::COMMAND, Key::I),
            Command::Export => KeyboardShortcut::new(Modifiers::COMMAND, Key::E),
            Command::Quit => KeyboardShortcut::new(Modifiers::COMMAND, Key::Q),
            Command::Undo => KeyboardShortcut::new(Modifiers::COMMAND, Key::Z),
            Command::Redo => KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z),
            Command::Help => KeyboardShortcut::new(Modifiers::NONE, Key::F1),
            Command::ShowGraph => KeyboardShortcut::new(Modifiers::COMMAND, Key::Num1),
            Command::ShowMap => KeyboardShortcut::new(Modifiers::COMMAND, Key::Num2),
            Command::ShowCharts => KeyboardShortcut::new(Modifiers::COMMAND, Key::Num3),
            Command::ShowMatrices => KeyboardShortcut::new(Modifiers::COMMAND, Key::Num4),
            Command::ShowTimeline => KeyboardShortcut::new(Modifiers::COMMAND, Key::Num5),
            Command::ShowAnalysis => KeyboardShortcut::new(Modifiers::COMMAND, Key::Num6),
            Command::ShowData => KeyboardShortcut::new(Modifiers::COMMAND, Key::Num7),
            Command::ShowOverview => KeyboardShortcut::new(Modifiers::COMMAND, Key::Num8),
            Command::Present => KeyboardShortcut::new(Modifiers::NONE, Key::F5),
            Command::PresentFromHere => KeyboardShortcut::new(Modifiers::SHIFT, Key::F5),
            Command::ZoomIn => KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus),
            Command::ZoomOut => KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus),
            Command::ZoomReset => KeyboardShortcut::new(Modifiers::COMMAND, Key::Num0),
            Command::PlayYears => KeyboardShortcut::new(Modifiers::NONE, Key::P),
        }
    }

    pub fn action(self) -> Action {
        match self {
            Command::New => Action::NewScenario,
            Command::NewFromTemplate => Action::ShowStartScreen(true),
            Command::Open => Action::OpenDialog,
            Command::Save => Action::Save,
            Command::SaveAs => Action::SaveAsDialog,
            Command::Import => Action::ShowImport(true),
            Command::Export => Action::ExportDialog,
            Command::Quit => Action::Quit,
            Command::Undo => Action::Undo,
            Command::Redo => Action::Redo,
            Command::Help => Action::ToggleHelp,
            Command::ShowGraph => Action::ShowCentral(CentralView::Graph),
            Command::ShowMap => Action::ShowCentral(CentralView::Map),
            Command::ShowCharts => Action::ShowCentral(CentralView::Charts),
            Command::ShowMatrices => Action::ShowCentral(CentralView::Matrices),
            Command::ShowTimeline => Action::ShowCentral(CentralView::Timeline),
            Command::ShowAnalysis => Action::ShowCentral(CentralView::Analysis),
            Command::ShowData => Action::ShowCentral(CentralView::Data),
            Command::ShowOverview => Action::ShowCentral(CentralView::Overview),
            Command::Present => Action::StartPresentation { from_current: false },
            Command::PresentFromHere => Action::StartPresentation { from_current: true },
            Command::ZoomIn => Action::ZoomUi(UiZoom::In),
            Command::ZoomOut => Action::ZoomUi(UiZoom::Out),
            Command::ZoomReset => Action::ZoomUi(UiZoom::Reset),
            Command::PlayYears => Action::TogglePlayYears,
        }
    }
}

/// Redo's second shortcut, as on Windows.
const REDO_ALTERNATIVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
/// Larger's second shortcut: on many keyboards + needs Shift, = does not.
const ZOOM_IN_ALTERNATIVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals);

/// Actions for the shortcuts pressed this frame. Ctrl+Shift+S is checked before Ctrl+S, which it contains.
pub fn pressed_shortcuts(ctx: &eframe::egui::Context) -> Vec<Action> {
    let mut ordered = Command::ALL.to_vec();
    ordered.sort_by_key(|command| std::cmp::Reverse(command.shortcut().modifiers.shift));
    // A bare letter (P) is text while a text field has the keyboard.
    if ctx.egui_wants_keyboard_input() {
        ordered.retain(|command| !is_bare_letter(command.shortcut()));
    }
    ctx.input_mut(|input| {
        let mut actions: Vec<Action> = ordered
            .iter()
            .filter(|command| input.consume_shortcut(&command.shortcut()))
            .map(|command| command.action())
            .collect();
        if input.consume_shortcut(&REDO_ALTERNATIVE) {
            actions.push(Action::Redo);
        }
        if input.consume_shortcut(&ZOOM_IN_ALTERNATIVE) {
            actions.push(Action::ZoomUi(UiZoom::In));
        }
        actions
    })
}

fn is_bare_letter(shortcut: KeyboardShortcut) -> bool {
    shortcut.modifiers.is_none() && shortcut.logical_key.name().len() == 1
}

/// Actions for the keys that step through a presentation, so that presentation clickers (which send Page Up and
/// Page Down, or the arrow keys) work. Consumed, so that no view also reacts to them.
pub fn presentation_keys(ctx: &eframe::egui::Context) -> Vec<Action> {
    use crate::state::SlideMove;
    let keys = [
        (Key::ArrowRight, Action::Slide(SlideMove::Next)),
        (Key::ArrowDown, Action::Slide(SlideMove::Next)),
        (Key::Space, Action::Slide(SlideMove::Next)),
        (Key::PageDown, Action::Slide(SlideMove::Next)),
        (Key::ArrowLeft, Action::Slide(SlideMove::Previous)),
        (Key::ArrowUp, Action::Slide(SlideMove::Previous)),
        (Key::PageUp, Action::Slide(SlideMove::Previous)),
        (Key::Backspace, Action::Slide(SlideMove::Previous)),
        (Key::Home, Action::Slide(SlideMove::First)),
        (Key::End, Action::Slide(SlideMove::Last)),
        (Key::Escape, Action::EndPresentation),
    ];
    ctx.input_mut(|input| {
        keys.into_iter().filter(|(key, _)| input.consume_key(Modifiers::NONE, *key)).map(|(_, action)| action).collect()
    })
}
