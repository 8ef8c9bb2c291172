//! The error type of the server crate, and how each error is answered over HTTP (a status and a
//! JSON `error` object with the message).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// Everything that can go wrong in the server: at start-up, or in a request.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A request parameter is missing or malformed (400).
    #[error("{0}")]
    BadRequest(String),
    /// No such document or page (404).
    #[error("{0}")]
    NotFound(String),
    /// The request names a host other than this machine while serving on loopback (403): a web
    /// page elsewhere trying to read the documents through the browser (DNS rebinding).
    #[error("{0}")]
    Forbidden(String),
    /// A method other than GET or HEAD: the server is read-only (405).
    #[error("{0}: the server is read-only; only GET and HEAD are answered")]
    Method(String),
    /// Every worker was busy for the whole request time (503).
    #[error("the server is busy; try again in a moment")]
    Busy,
    /// The request took longer than the request time (503).
    #[error("the request took longer than {0:?}; narrow the query")]
    Timeout(std::time::Duration),
    /// The library failed: a bad query is a 400, anything else a 500.
    #[error(transparent)]
    Core(#[from] zhengce_core::Error),
    /// Reading or binding something at start-up failed.
    #[error("{what}: {source}")]
    Io {
        /// What was being done.
        what: String,
        /// The system's error.
        #[source]
        source: std::io::Error,
    },
    /// The server could not start (the file watcher, the folder).
    #[error("{0}")]
    Start(String),
    /// A request's work failed unexpectedly (500).
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    pub(crate) fn io(what: impl std::fmt::Display, source: std::io::Error) -> Error {
        Error::Io {
            what: what.to_string(),
            source,
        }
    }

    /// The HTTP status this error is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            Error::BadRequest(_) | Error::Core(zhengce_core::Error::Query { .. }) => {
                StatusCode::BAD_REQUEST
            }
            Error::NotFound(_) => StatusCode::NOT_FOUND,
            Error::Method(_) => StatusCode::METHOD_NOT_ALLOWED,
            Error::Forbidden(_) => StatusCode::FORBIDDEN,
            Error::Busy | Error::Timeout(_) => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        let body = crate::objects::Object::Error {
            message: self.to_string(),
        };
        (self.status(), crate::api::json_response(&body)).into_response()
    }
}

/// `Result` with the server's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
