//! How one graph frame is measured, shared word for word by GeoDep's `benches/graph_frame_peers.rs` (which
//! includes this file with `#[path]`) and by the egui_graphs peer of this crate, so that both tools get the same
//! pointer script, the same screen and the same clock. Each side compiles it against its own egui (0.37 for
//! GeoDep, egui_graphs' 0.36 here); it names egui as `crate::egui`, which each crate root provides.
//!
//! A frame is what the CPU does for one picture: `Context::run_ui` (the view's logic and shapes) and then
//! `Context::tessellate` (shapes into triangles for the GPU). Three kinds of frames are measured:
//! - idle: the pointer rests on an empty spot of the canvas and nothing changes;
//! - hover: the pointer jumps to another node's centre every frame;
//! - pan: the primary button was pressed on an empty spot and the pointer moves a few points every frame.

use std::time::{Duration, Instant};

use crate::egui::{self, Pos2, Rect, Vec2};

/// The screen, in points (one pixel per point).
pub const SCREEN: Vec2 = Vec2::new(1920.0, 1080.0);

/// Frames run before the measured ones of each kind: the view builds its scene, fits the camera, and a drag is
/// recognised only after the pointer has moved a few points.
pub const WARM_UP: usize = 10;

/// Frames measured of each kind; the median and the minimum are printed.
pub const MEASURED: usize = 50;

/// Time between two frames, as egui is told (60 frames a second).
const FRAME_SECONDS: f64 = 1.0 / 60.0;

/// How far the pointer moves between two pan frames, in points.
const PAN_STEP: f32 = 8.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameKind {
    Idle,
    Hover,
    Pan,
}

impl FrameKind {
    /// In the order they are measured: the pan is last, as it leaves the camera moved.
    pub const ALL: [FrameKind; 3] = [FrameKind::Idle, FrameKind::Hover, FrameKind::Pan];

    pub fn name(self) -> &'static str {
        match self {
            FrameKind::Idle => "idle",
            FrameKind::Hover => "hover",
            FrameKind::Pan => "pan",
        }
    }
}

/// The CPU time of the measured frames of one kind.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    /// Median and minimum CPU time of the frame's thread: what the frame costs, whatever else the machine runs.
    pub cpu_median: Duration,
    pub cpu_min: Duration,
    /// Median wall-clock time, to check that nothing ran on another thread (it would be missing from the CPU).
    pub wall_median: Duration,
}

/// The clock for egui and the pointer's resting place, carried from one kind of frame to the next.
pub struct Pointer {
    time: f64,
    /// An empty spot of the canvas, far from every node (see `empty_spot`).
    pub rest: Pos2,
    /// Node centres on screen, hovered in turn.
    pub targets: Vec<Pos2>,
}

impl Pointer {
    pub fn new(rest: Pos2, targets: Vec<Pos2>) -> Pointer {
        Pointer { time: 0.0, rest, targets }
    }

    /// A frame's input with these events: the screen, and the time one frame after the last one.
    pub fn input(&mut self, events: Vec<egui::Event>) -> egui::RawInput {
        self.time += FRAME_SECONDS;
        raw_input(self.time, events)
    }

    /// The events of frame `index` (counting the warm-up) of one kind.
    fn events(&self, kind: FrameKind, index: usize) -> Vec<egui::Event> {
        match kind {
            FrameKind::Idle if index == 0 => vec![egui::Event::PointerMoved(self.rest)],
            FrameKind::Idle => Vec::new(),
            FrameKind::Hover => vec![egui::Event::PointerMoved(self.targets[index % self.targets.len()])],
            FrameKind::Pan => match index {
                0 => vec![egui::Event::PointerMoved(self.rest)],
                1 => vec![button(self.rest, true)],
                // Back and forth over 80 points, so that the pointer stays where it started, on the canvas.
                _ => {
                    let step = index % 20;
                    let offset = if step <= 10 { step } else { 20 - step } as f32 * PAN_STEP;
                    vec![egui::Event::PointerMoved(self.rest + Vec2::new(offset, 0.0))]
                }
            },
        }
    }

    /// Runs `WARM_UP` and then `MEASURED` frames of `kind` through `frame` (which runs egui and tessellates),
    /// and times the measured ones. A pan ends with the button released, in one more frame not measured.
    pub fn measure(&mut self, kind: FrameKind, mut frame: impl FnMut(egui::RawInput)) -> Timing {
        let mut cpu = Vec::with_capacity(MEASURED);
        let mut wall = Vec::with_capacity(MEASURED);
        for index in 0..WARM_UP + MEASURED {
            let input = self.input(self.events(kind, index));
            let (cpu_start, wall_start) = (thread_cpu_time(), Instant::now());
            frame(input);
            if index >= WARM_UP {
                wall.push(wall_start.elapsed());
                cpu.push(thread_cpu_time().saturating_sub(cpu_start));
            }
        }
        if kind == FrameKind::Pan {
            let input = self.input(vec![button(self.rest, false)]);
            frame(input);
        }
        cpu.sort();
        wall.sort();
        Timing { cpu_median: cpu[cpu.len() / 2], cpu_min: cpu[0], wall_median: wall[wall.len() / 2] }
    }
}

/// The input of a frame at `time` seconds with these events, on a 1920 × 1080 screen.
pub fn raw_input(time: f64, events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
        time: Some(time),
        predicted_dt: FRAME_SECONDS as f32,
        events,
        ..Default::default()
    }
}

fn button(pos: Pos2, pressed: bool) -> egui::Event {
    egui::Event::PointerButton { pos, button: egui::PointerButton::Primary, pressed, modifiers: egui::Modifiers::NONE }
}

/// The CPU time used so far by this thread (the wall clock where there is no such clock).
fn thread_cpu_time() -> Duration {
    #[cfg(unix)]
    {
        let mut time = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        // SAFETY: `time` is a valid timespec to write to, and the clock id is a constant of the platform.
        if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut time) } == 0 {
            return Duration::new(time.tv_sec as u64, time.tv_nsec as u32);
        }
    }
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

/// The spot of the pointer zone farthest from every node centre, on a 16-point grid: the pointer rests there,
/// and a pan starts there. The graph is fitted to the canvas, so this is in the empty margin beside it.
pub fn empty_spot(nodes: &[Pos2]) -> Pos2 {
    let zone = pointer_zone();
    let mut best = (f32::NEG_INFINITY, zone.center());
    let mut y = zone.min.y;
    while y <= zone.max.y {
        let mut x = zone.min.x;
        while x <= zone.max.x {
            let spot = Pos2::new(x, y);
            let nearest = nodes.iter().map(|node| node.distance_sq(spot)).fold(f32::INFINITY, f32::min);
            if nearest > best.0 {
                best = (nearest, spot);
            }
            x += 16.0;
        }
        y += 16.0;
    }
    best.1
}

/// How many nodes are hovered in turn.
pub const HOVER_TARGETS: usize = 16;

/// The screen centres of the nodes hovered in turn, given where each row of the positions file is drawn: rows
/// picked evenly through the file (the same ones for both tools), skipping those outside the pointer zone.
pub fn hover_targets(rows: usize, on_screen: impl Fn(usize) -> Option<Pos2>) -> Vec<Pos2> {
    let zone = pointer_zone();
    let step = (rows / (4 * HOVER_TARGETS)).max(1);
    (0..rows).step_by(step).filter_map(on_screen).filter(|centre| zone.contains(*centre)).take(HOVER_TARGETS).collect()
}

/// Where the pointer may go, the same for both tools: the screen's left three quarters, less its top 15% and a
/// margin. GeoDep's toolbar is at the top of its canvas and its legend at the top right; over them the pointer
/// would not be on the canvas.
fn pointer_zone() -> Rect {
    Rect::from_min_max(Pos2::new(24.0, SCREEN.y * 0.15), Pos2::new(SCREEN.x * 0.75, SCREEN.y - 24.0))
}

/// `id,x,y` lines after a header, as `geodep layout` writes them (its generated ids hold no comma or quote).
pub fn read_positions(path: &str) -> Vec<(String, f32, f32)> {
    read_rows(path, |fields| {
        let [id, x, y] = fields else { return None };
        Some((id.to_string(), x.parse().ok()?, y.parse().ok()?))
    })
}

/// `source,target,weight` lines after a header, as `geodep layout --edges-out` writes them.
#[allow(dead_code)] // GeoDep's side takes the links from the scenario itself.
pub fn read_edges(path: &str) -> Vec<(String, String)> {
    read_rows(path, |fields| match fields {
        [source, target, _weight] => Some((source.to_string(), target.to_string())),
        _ => None,
    })
}

fn read_rows<T>(path: &str, parse: impl Fn(&[&str]) -> Option<T>) -> Vec<T> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("cannot read {path}: {error}"));
    text.lines()
        .skip(1)
        .filter(|line| !line.is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split(',').collect();
            parse(&fields).unwrap_or_else(|| panic!("{path}: cannot read the line {line:?}"))
        })
        .collect()
}

/// One result line, `key=value` pairs that `scripts/bench_frames_peers.sh` reads.
pub fn report(tool: &str, variant: &str, nodes: usize, edges: usize, kind: FrameKind, timing: Timing) {
    let ms = |duration: Duration| duration.as_secs_f64() * 1000.0;
    println!(
        "frame tool={tool} variant={variant} nodes={nodes} edges={edges} kind={} cpu_median_ms={:.3} cpu_min_ms={:.3} wall_median_ms={:.3}",
        kind.name(),
        ms(timing.cpu_median),
        ms(timing.cpu_min),
        ms(timing.wall_median),
    );
}
