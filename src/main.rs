//! The `geodep` binary: a subcommand runs without a window; otherwise the app opens.

use std::process::ExitCode;

use clap::Parser;
use geodep::app::{GeoDepApp, Startup};
use geodep::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(command) = cli.command {
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

fn run_app(startup: Startup) -> eframe::Result {
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
