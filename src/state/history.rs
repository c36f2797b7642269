//! Undo and redo. Each step keeps the whole scenario as it was before it, named for the Edit menu. Snapshots
//! are simple and cannot drift from the edits: a scenario is small next to the memory of a desktop machine, and
//! the number of steps kept is bounded.
//!
//! Edits of one gesture (a slider dragged, a name typed, a node moved) share a coalescing key and make one step
//! until the gesture ends.

use crate::edit::Edit;
use crate::model::Scenario;

/// Steps kept for undo; the oldest are forgotten first.
const MOST_STEPS: usize = 200;

#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The coalescing key of the last step while its gesture goes on.
    open_gesture: Option<String>,
    /// An id for the scenario's current state, so that the document knows when it is back at its saved state.
    current: u64,
    next: u64,
}

#[derive(Debug, Clone)]
struct Step {
    label: String,
    /// The scenario on the other side of the step: before it on the undo stack, after it on the redo stack.
    scenario: Scenario,
    state: u64,
}

impl History {
    /// Whether `edit` continues the open gesture, so that no new step (and no snapshot) is needed.
    pub fn continues(&self, edit: &Edit) -> bool {
        self.open_gesture.is_some() && edit.coalesce_key() == self.open_gesture
    }

    /// Records an applied edit: `before` is the scenario before it, or `None` when it continued the open gesture.
    pub fn record(&mut self, edit: &Edit, before: Option<Scenario>) {
        if let Some(scenario) = before {
            self.undo.push(Step { label: edit.label(), scenario, state: self.current });
            if self.undo.len() > MOST_STEPS {
                self.undo.remove(0);
            }
        }
        self.open_gesture = edit.coalesce_key();
        self.redo.clear();
        self.current = self.new_state();
    }

    /// The gesture is over (the pointer was released, focus moved): the next edit starts a new step.
    pub fn end_gesture(&mut self) {
        self.open_gesture = None;
    }

    /// Steps back: puts the scenario before the last step into `scenario`, and returns that step's label.
    pub fn undo(&mut self, scenario: &mut Scenario) -> Option<String> {
        let step = self.undo.pop()?;
        let label = step.label.clone();
        let back = self.swap(step, scenario);
        self.redo.push(back);
        Some(label)
    }

    /// Steps forward again after an undo.
    pub fn redo(&mut self, scenario: &mut Scenario) -> Option<String> {
        let step = self.redo.pop()?;
        let label = step.label.clone();
        let back = self.swap(step, scenario);
        self.undo.push(back);
        Some(label)
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|step| step.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|step| step.label.as_str())
    }

    /// The id of the scenario's current state; equal ids mean equal scenarios.
    pub fn current_state(&self) -> u64 {
        self.current
    }

    /// Puts the step's scenario in place and returns the step that leads back.
    fn swap(&mut self, step: Step, scenario: &mut Scenario) -> Step {
        self.open_gesture = None;
        let back =
            Step { label: step.label, scenario: std::mem::replace(scenario, step.scenario), state: self.current };
        self.current = step.state;
        back
    }

    fn new_state(&mut self) -> u64 {
        self.next += 1;
        self.next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titled(title: &str) -> Scenario {
        Scenario { title: title.to_owned(), ..Scenario::default() }
    }

    /// Applies a title edit through the history, as the document does.
    fn retitle(history: &mut History, scenario: &mut Scenario, title: &str) {
        let edit = Edit::SetTitle(title.to_owned());
        let before = (!history.continues(&edit)).then(|| scenario.clone());
        edit.apply(scenario).unwrap();
        history.record(&edit, before);
    }

    #[test]
    fn undo_and_redo_walk_the_steps_both_ways() {
        let mut history = History::default();
        let mut scenario = titled("A");
        let saved = history.current_state();
        history.record(&Edit::ResetLayout, Some(scenario.clone()));
        scenario.title = "B".to_owned();
        assert_eq!(history.undo_label(), Some("reset layout"));
        assert_eq!(history.undo(&mut scenario).as_deref(), Some("reset layout"));
        assert_eq!(scenario.title, "A");
        assert_eq!(history.current_state(), saved, "back at the saved state");
        assert_eq!(history.redo(&mut scenario).as_deref(), Some("reset layout"));
        assert_eq!(scenario.title, "B");
        assert_ne!(history.current_state(), saved);
        assert_eq!(history.redo(&mut scenario), None);
    }

    #[test]
    fn a_gesture_is_one_step_until_it_ends() {
        let mut history = History::default();
        let mut scenario = titled("");
        for title in ["G", "Ge", "Geo"] {
            retitle(&mut history, &mut scenario, title);
        }
        history.end_gesture();
        retitle(&mut history, &mut scenario, "GeoDep");
        history.undo(&mut scenario);
        assert_eq!(scenario.title, "Geo", "typing after the gesture ended is its own step");
        history.undo(&mut scenario);
        assert_eq!(scenario.title, "", "the three keystrokes were one step");
        assert_eq!(history.undo(&mut scenario), None);
    }

    #[test]
    fn a_new_edit_after_undo_forgets_the_redo_steps() {
        let mut history = History::default();
        let mut scenario = titled("A");
        retitle(&mut history, &mut scenario, "B");
        history.undo(&mut scenario);
        history.record(&Edit::ResetLayout, Some(scenario.clone()));
        assert_eq!(history.redo_label(), None);
    }

    #[test]
    fn only_the_newest_steps_are_kept() {
        let mut history = History::default();
        let mut scenario = titled("0");
        for step in 1..=MOST_STEPS + 5 {
            history.end_gesture();
            retitle(&mut history, &mut scenario, &step.to_string());
        }
        let mut undone = 0;
        while history.undo(&mut scenario).is_some() {
            undone += 1;
        }
        assert_eq!(undone, MOST_STEPS);
        assert_eq!(scenario.title, "5");
    }
}
