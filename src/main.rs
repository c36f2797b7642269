//! The `geodep` binary: a subcommand runs without a window; otherwise the app opens.

use std::process::ExitCode;

use clap::Parser;
use geodep::app::{GeoDepApp, Startup};
use geodep::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(command) = cli.command {
        keep_large_blocks_mapped();
        return run(command);
    }
    let startup = cli.file.map_or(Startup::StartScreen, Startup::File);
    match run_app(startup) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("geodep: could not start the window: {error}");
            ExitCode::FAILURE
        }
    }
}

/// glibc serves large blocks from their own mappings, but raises the size that counts as large each time such
/// a block is freed. Once the text index of a large file is dropped, the scenario's lists then grow by copying
/// inside the heap and their old copies stay resident: checking a 12 MB file peaked at 75 MB instead of 63 MB.
/// A command is one load and one report, so the fixed threshold (glibc's starting value) costs it nothing; the
/// app keeps its frames' memory instead (`geodep::app::keep_freed_memory_for_frames`).
fn keep_large_blocks_mapped() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes an allocator setting; it is called before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

fn run_app(startup: Startup) -> eframe::Result {
    geodep::app::keep_freed_memory_for_frames();
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title("GeoDep")
            .with_app_id(geodep::app::APP_ID)
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        // The OpenGL renderer runs on the widest range of machines, software rendering included.
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "GeoDep",
        options,
        Box::new(move |creation| Ok(Box::new(GeoDepApp::from_creation_context(creation, startup)))),
    )
}
