//! `geodep layout`: the graph's force layout without a window, for a scenario (as the Graph view first lays it
//! out) or a plain edge list, written as `id,x,y` lines, so that it can be reused elsewhere and compared with
//! other layout tools on the same input (`scripts/bench-peers.sh`).

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use super::output::{Output, tell_user};
use crate::exchange::edge_list::read_edge_list;
use crate::layout::LayoutInput;
use crate::scene::graph_layout;

/// Nodes of an edge list are laid out as large as a state's node in the Graph view, which keeps them apart.
const EDGE_LIST_NODE_RADIUS: f32 = 13.0;

pub struct LayoutOptions {
    pub iterations: Option<usize>,
    pub seed: Option<u64>,
}

/// Lays out `input` (a `.csv` edge list, or a scenario) and writes the positions to `out` (`-`: standard output),
/// and, when asked, the links it laid out to `edges_out`.
pub fn run(input: &Path, out: &Path, edges_out: Option<&Path>, options: &LayoutOptions) -> ExitCode {
    let Some((ids, layout_input)) = read_input(input) else { return ExitCode::FAILURE };
    if let Some(edges_out) = edges_out {
        let status = write_out(edges_out, &edge_list_text(&ids, &layout_input));
        if status != ExitCode::SUCCESS {
            return status;
        }
    }
    let links = layout_input.links.len();
    let started = Instant::now();
    let seed = options.seed.unwrap_or(graph_layout::VIEW_SEED);
    let positions = graph_layout::headless_layout(layout_input, options.iterations, seed);
    let elapsed = started.elapsed();
    let mut text = String::with_capacity(ids.len() * 24);
    text.push_str("id,x,y\n");
    for (id, [x, y]) in ids.iter().zip(&positions) {
        let _ = writeln!(text, "{},{x:.3},{y:.3}", csv_field(id));
    }
    let status = write_out(out, &text);
    if status == ExitCode::SUCCESS {
        // On standard error, so that the positions on standard output stay clean; benchmarks read this figure.
        let milliseconds = elapsed.as_secs_f64() * 1000.0;
        tell_user!("geodep: laid out {} nodes and {links} links in {milliseconds:.1} ms", ids.len());
    }
    status
}

/// The ids and layout input of a scenario or an edge list, or `None` once the reason is told.
fn read_input(input: &Path) -> Option<(Vec<String>, LayoutInput)> {
    let is_edge_list = input.extension().is_some_and(|extension| extension.eq_ignore_ascii_case("csv"));
    if !is_edge_list {
        let scenario = super::inputs::load(input).ok()?;
        return Some(graph_layout::headless_input(&scenario));
    }
    let bytes = match crate::io::read_regular_file(input, &mut |_| {}) {
        Ok(bytes) => bytes,
        Err(message) => {
            tell_user!("geodep: cannot read {}: {message}", input.display());
            return None;
        }
    };
    let text = std::str::from_utf8(&bytes).map_err(|_| "it is not UTF-8 text".to_owned());
    match text.and_then(read_edge_list) {
        Ok(list) => {
            let mut layout_input = LayoutInput::new(list.ids.len());
            layout_input.links = list.links;
            layout_input.radii = vec![EDGE_LIST_NODE_RADIUS; list.ids.len()];
            Some((list.ids, layout_input))
        }
        Err(message) => {
            tell_user!("geodep: {}: {message}", input.display());
            None
        }
    }
}

/// The links laid out, as an edge list `source,target,weight`: the graph other tools are to be given.
fn edge_list_text(ids: &[String], input: &LayoutInput) -> String {
    let mut text = String::from("source,target,weight\n");
    for &(a, b, weight) in &input.links {
        let _ = writeln!(text, "{},{},{weight}", csv_field(&ids[a]), csv_field(&ids[b]));
    }
    text
}

/// An id as a CSV field: quoted when it holds a comma, a quote or a line break.
fn csv_field(id: &str) -> std::borrow::Cow<'_, str> {
    if id.contains([',', '"', '\n', '\r']) {
        std::borrow::Cow::Owned(format!("\"{}\"", id.replace('"', "\"\"")))
    } else {
        std::borrow::Cow::Borrowed(id)
    }
}

fn write_out(out: &Path, text: &str) -> ExitCode {
    if out == Path::new("-") {
        let mut output = Output::stdout();
        output.raw_line(text.trim_end_matches('\n'));
        return output.finish(ExitCode::SUCCESS);
    }
    match crate::io::safe_write::write_whole(out, text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tell_user!("geodep: could not write {}: {error}", out.display());
            ExitCode::FAILURE
        }
    }
}
