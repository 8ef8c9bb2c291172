//! The web page: one HTML shell for every view (search, laws, cites, a document), its script and
//! its style, all compiled into the binary (no CDN, no web font), and the headers that keep it
//! safe: a Content-Security-Policy that runs only this script and loads nothing from elsewhere.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

const SHELL: &str = include_str!("../assets/index.html");
const SCRIPT: &str = include_str!("../assets/app.js");
const STYLE: &str = include_str!("../assets/app.css");

/// Headers on every response. The script is the page's own file (no inline script, no eval);
/// styles are its own file; pictures only from the page itself (the chart is inline SVG);
/// requests only to this server; no framing; no MIME sniffing; no referrer sent elsewhere.
pub(crate) const SECURITY_HEADERS: &[(&str, &str)] = &[
    (
        "content-security-policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    ("x-frame-options", "DENY"),
    ("cross-origin-resource-policy", "same-origin"),
    ("cache-control", "no-store"),
];

/// The page; its script reads the URL and shows the view it names.
pub(crate) async fn shell() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], SHELL)
}

/// The page's script.
pub(crate) async fn script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        SCRIPT,
    )
}

/// The page's style.
pub(crate) async fn style() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLE)
}

/// The page with status 404: the script says that nothing is there.
pub(crate) fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        SHELL,
    )
        .into_response()
}
