//! Links to a source's address: only web addresses (http and https) open, and the address is shown before.
//!
//! A scenario file is data from anywhere; a `file:`, `javascript:` or custom-scheme address in it must not be
//! one click away from running something. Such an address is shown as plain text, never as a link.

use eframe::egui;

/// Whether `url` is an http or https address, the only kinds a source link opens.
pub fn is_web_address(url: &str) -> bool {
    let url = url.trim_start();
    let scheme_end = url.find(':').unwrap_or(0);
    let scheme = url[..scheme_end].to_ascii_lowercase();
    (scheme == "http" || scheme == "https") && url[scheme_end..].starts_with("://") && url.len() > scheme_end + 3
}

/// `text` as a link to `url` whose hover shows the address it opens; for any other address, plain text whose
/// hover says why it does not open.
pub fn source_link(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>, url: &str) -> egui::Response {
    if is_web_address(url) {
        ui.add(egui::Hyperlink::from_label_and_url(text, url).open_in_new_tab(true))
            .on_hover_text(format!("Opens {url}"))
    } else {
        ui.label(text).on_hover_text(format!("Not opened: only http and https addresses open. The address is {url}"))
    }
}

#[cfg(test)]
mod tests {
    use super::is_web_address;

    #[test]
    fn only_http_and_https_addresses_open() {
        assert!(is_web_address("https://www.consilium.europa.eu/en/"));
        assert!(is_web_address("HTTP://example.org"));
        for other in ["file:///etc/passwd", "javascript:alert(1)", "smb://host/share", "https:", "https//x", ""] {
            assert!(!is_web_address(other), "{other}");
        }
    }
}
