//! A story played as slides: which step is on screen and the view to give back when the show ends. What a step
//! shows is worked out in `crate::scene::story`.

use super::view_state::{MatrixKind, ViewState};

/// A show in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Presentation {
    /// The step on screen, by its place in the story.
    pub step: usize,
    /// The document the story belongs to: opening another ends the show.
    pub document: u64,
    /// The view as it was before the show, given back when it ends.
    pub view_before: ViewState,
    pub matrix_before: MatrixKind,
    pub camera_before: crate::model::StoryCamera,
    /// Whether the speaker notes window is open.
    pub show_notes: bool,
    /// Whether the window was full screen before the show, so that leaving does not undo the person's choice.
    pub was_fullscreen: bool,
    /// When the show began, in egui's input time (seconds), for the presenter's clock.
    pub started_at: f64,
}

/// Where to go from the step on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlideMove {
    Next,
    Previous,
    First,
    Last,
}

impl SlideMove {
    /// The step to show after this move, kept inside the story (a story of `count` steps).
    pub fn from(self, step: usize, count: usize) -> usize {
        let last = count.saturating_sub(1);
        match self {
            SlideMove::Next => (step + 1).min(last),
            SlideMove::Previous => step.saturating_sub(1),
            SlideMove::First => 0,
            SlideMove::Last => last,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_stay_inside_the_story() {
        assert_eq!(SlideMove::Next.from(2, 8), 3);
        assert_eq!(SlideMove::Next.from(7, 8), 7, "the last step stays");
        assert_eq!(SlideMove::Previous.from(0, 8), 0, "the first step stays");
        assert_eq!(SlideMove::Previous.from(5, 8), 4);
        assert_eq!(SlideMove::First.from(5, 8), 0);
        assert_eq!(SlideMove::Last.from(1, 8), 7);
        assert_eq!(SlideMove::Last.from(0, 0), 0, "an empty story does not underflow");
    }
}
