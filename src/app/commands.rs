//! The user commands with a keyboard shortcut: one list feeds the menus, the shortcut handler and help.

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

use super::action::Action;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    New,
    Open,
    Save,
    SaveAs,
    Quit,
    Help,
}

impl Command {
    pub const ALL: [Command; 6] =
        [Command::New, Command::Open, Command::Save, Command::SaveAs, Command::Quit, Command::Help];

    pub fn label(self) -> &'static str {
        match self {
            Command::New => "New",
            Command::Open => "Open…",
            Command::Save => "Save",
            Command::SaveAs => "Save As…",
            Command::Quit => "Quit",
            Command::Help => "Keyboard shortcuts",
        }
    }

    pub fn tooltip(self) -> &'static str {
        match self {
            Command::New => "Start an empty scenario",
            Command::Open => "Open a scenario file (.ron)",
            Command::Save => "Save the scenario; the previous file is kept as .bak",
            Command::SaveAs => "Save the scenario to a new file",
            Command::Quit => "Close GeoDep",
            Command::Help => "Every shortcut and mouse gesture",
        }
    }

    pub fn shortcut(self) -> KeyboardShortcut {
        match self {
            Command::New => KeyboardShortcut::new(Modifiers::COMMAND, Key::N),
            Command::Open => KeyboardShortcut::new(Modifiers::COMMAND, Key::O),
            Command::Save => KeyboardShortcut::new(Modifiers::COMMAND, Key::S),
            Command::SaveAs => KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::S),
            Command::Quit => KeyboardShortcut::new(Modifiers::COMMAND, Key::Q),
            Command::Help => KeyboardShortcut::new(Modifiers::NONE, Key::F1),
        }
    }

    pub fn action(self) -> Action {
        match self {
            Command::New => Action::NewScenario,
            Command::Open => Action::OpenDialog,
            Command::Save => Action::Save,
            Command::SaveAs => Action::SaveAsDialog,
            Command::Quit => Action::Quit,
            Command::Help => Action::ToggleHelp,
        }
    }
}

/// Actions for the shortcuts pressed this frame. Ctrl+Shift+S is checked before Ctrl+S, which it contains.
pub fn pressed_shortcuts(ctx: &eframe::egui::Context) -> Vec<Action> {
    let mut ordered = Command::ALL;
    ordered.sort_by_key(|command| std::cmp::Reverse(command.shortcut().modifiers.shift));
    ctx.input_mut(|input| {
        ordered
            .iter()
            .filter(|command| input.consume_shortcut(&command.shortcut()))
            .map(|command| command.action())
            .collect()
    })
}
