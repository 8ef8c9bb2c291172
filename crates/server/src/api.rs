//! The routes: the HTTP API (`/api/…`, JSON and CSV), the page's routes, and what every response
//! goes through — the host check on loopback, security headers, bounded work per request.
//! Parameters are read as text and checked here, so that every malformed one is a 400 with a
//! message saying what was expected.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Serialize;
use tokio::sync::Semaphore;
use zhengce_core::cite::Action;
use zhengce_core::search::{parse, Filter, GroupBy, Sort};
use zhengce_core::search::{parse_kind, parse_years, MAX_QUERY_CHARS};
use zhengce_core::{LawsOptions, Query as ParsedQuery, SearchOptions};

use crate::error::{Error, Result};
use crate::objects::{CitesAnswer, LawsAnswer, Object, SearchAnswer};
use crate::page;
use crate::snapshot::{Shared, Snapshot};
use crate::Config;

/// Most hits on one page of `/api/search`.
pub const MAX_LIMIT: usize = 100;
/// Most hits in one `/api/search.csv`.
pub const MAX_CSV_LIMIT: usize = 1000;
/// Deepest page: hits skipped at most.
pub const MAX_OFFSET: usize = 100_000;
/// Most passages per hit.
pub const MAX_PASSAGES: usize = 10;
/// Most matches marked in one document's text.
pub const MAX_MARKS: usize = 10_000;
/// Longest title, issuer or other text parameter, in characters (as long as a query).
pub const MAX_TEXT_CHARS: usize = MAX_QUERY_CHARS;

/// What every handler shares.
#[derive(Clone)]
pub(crate) struct App {
    shared: Arc<Shared>,
    permits: Arc<Semaphore>,
    timeout: Duration,
    /// Served on loopback: requests must name this machine as their host.
    loopback: bool,
}

impl App {
    pub fn new(config: &Config, shared: Arc<Shared>, loopback: bool) -> App {
        App {
            shared,
            permits: Arc::new(Semaphore::new(config.max_concurrent)),
            timeout: config.request_timeout,
            loopback,
        }
    }

    /// Runs `work` on the current snapshot in a blocking thread, once a worker is free, within
    /// the request time. The work cannot be interrupted, but it keeps its worker until it ends,
    /// so that work never piles up beyond the workers.
    async fn work<F>(&self, work: F) -> Result<Response>
    where
        F: FnOnce(&Snapshot) -> Result<Response> + Send + 'static,
    {
        let deadline = tokio::time::Instant::now() + self.timeout;
        let permit = tokio::time::timeout_at(deadline, Arc::clone(&self.permits).acquire_owned())
            .await
            .map_err(|_| Error::Busy)?
            .map_err(|_| Error::Busy)?;
        let snapshot = self.shared.current();
        let timeout = self.timeout;
        let until: Instant = deadline.into_std();
        let task = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            if Instant::now() >= until {
                // Waited its whole time for a thread: nobody is waiting for the answer.
                return Err(Error::Timeout(timeout));
            }
            work(&snapshot)
        });
        match tokio::time::timeout_at(deadline, task).await {
            Err(_) => Err(Error::Timeout(timeout)),
            Ok(Err(e)) => Err(Error::Internal(e.to_string())),
            Ok(Ok(answer)) => answer,
        }
    }
}

/// The routes, with the host check and the headers on every response.
pub(crate) fn router(app: App) -> Router {
    Router::new()
        .route("/", get(page::shell))
        .route("/laws", get(page::shell))
        .route("/cites", get(page::shell))
        .route("/documents/{id}", get(document_page))
        .route("/assets/app.js", get(page::script))
        .route("/assets/app.css", get(page::style))
        .route("/api/status", get(status))
        .route("/api/search", get(search))
        .route("/api/search.csv", get(search_csv))
        .route("/api/laws", get(laws))
        .route("/api/laws.csv", get(laws_csv))
        .route("/api/cites", get(cites))
        .route("/api/documents/{id}", get(document))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(app.clone(), guard))
        .with_state(app)
}

/// Refuses other hosts on loopback and methods other than GET and HEAD; adds the security
/// headers to every response.
async fn guard(State(app): State<App>, request: Request, next: Next) -> Response {
    let refused = if app.loopback && !is_local_host(request.headers()) {
        Some(Error::Forbidden(
            "this server answers requests for localhost only".to_owned(),
        ))
    } else if !matches!(*request.method(), Method::GET | Method::HEAD) {
        Some(Error::Method(request.method().to_string()))
    } else {
        None
    };
    let mut response = match refused {
        Some(e) => e.into_response(),
        None => next.run(request).await,
    };
    let refused_method = response.status() == axum::http::StatusCode::METHOD_NOT_ALLOWED;
    let headers = response.headers_mut();
    if refused_method {
        headers.insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
    }
    for (name, value) in page::SECURITY_HEADERS {
        headers.insert(*name, HeaderValue::from_static(value));
    }
    response
}

/// Whether the request's Host is this machine (localhost, 127.x.x.x, [::1]), with any port.
fn is_local_host(headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
        return false;
    };
    let name = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or_default()
    } else {
        host.rsplit_once(':').map_or(host, |(name, _)| name)
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

async fn not_found(request: Request) -> Response {
    let path = request.uri().path();
    if path.starts_with("/api/") || path == "/api" {
        Error::NotFound(format!("no such API endpoint: {path}; see docs/http.md")).into_response()
    } else {
        page::not_found()
    }
}

/// The page of one document: the shell, with 404 when the id names no document.
async fn document_page(
    State(app): State<App>,
    id: Result<Path<String>, PathRejection>,
) -> Response {
    let known = id.is_ok_and(|Path(id)| app.shared.current().path_of(&id).is_some());
    if known {
        page::shell().await.into_response()
    } else {
        page::not_found()
    }
}

/// The query parameters, as text (checked by the functions below).
type Params = HashMap<String, String>;

fn params(query: std::result::Result<Query<Params>, QueryRejection>) -> Result<Params> {
    query
        .map(|Query(p)| p)
        .map_err(|e| Error::BadRequest(format!("bad query string: {e}")))
}

/// A parameter's value; empty counts as absent.
fn text<'p>(p: &'p Params, name: &str) -> Result<Option<&'p str>> {
    let Some(value) = p.get(name).map(|v| v.trim()).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let chars = value.chars().count();
    if chars > MAX_TEXT_CHARS {
        return Err(Error::BadRequest(format!(
            "{name} is too long ({chars} characters; at most {MAX_TEXT_CHARS})"
        )));
    }
    Ok(Some(value))
}

fn number(p: &Params, name: &str, default: usize, max: usize) -> Result<usize> {
    match text(p, name)? {
        None => Ok(default),
        Some(v) => v
            .parse::<usize>()
            .ok()
            .filter(|n| *n <= max)
            .ok_or_else(|| {
                Error::BadRequest(format!("{name}={v}: expected a number from 0 to {max}"))
            }),
    }
}

fn flag(p: &Params, name: &str, default: bool) -> Result<bool> {
    match text(p, name)? {
        None => Ok(default),
        Some("1" | "true" | "yes" | "on") => Ok(true),
        Some("0" | "false" | "no" | "off") => Ok(false),
        Some(v) => Err(Error::BadRequest(format!(
            "{name}={v}: expected true or false"
        ))),
    }
}

/// The parsed query `q` (required).
fn query(p: &Params) -> Result<ParsedQuery> {
    let q = text(p, "q")?.ok_or_else(|| {
        Error::BadRequest("q is missing: the query, for example q=科学技术进步法".to_owned())
    })?;
    Ok(parse(q)?)
}

/// A search request.
struct SearchRequest {
    query: ParsedQuery,
    options: SearchOptions,
}

fn search_request(p: &Params, max_limit: usize) -> Result<SearchRequest> {
    let sort = match text(p, "sort")? {
        None | Some("relevance") => Sort::Relevance,
        Some("date") => Sort::Date,
        Some(v) => {
            return Err(Error::BadRequest(format!(
                "sort={v}: expected relevance or date"
            )))
        }
    };
    let options = SearchOptions::default()
        .limit(number(p, "limit", 10, max_limit)?)
        .offset(number(p, "offset", 0, MAX_OFFSET)?)
        .passages(number(p, "passages", 1, MAX_PASSAGES)?)
        .sort(sort)
        .facets(flag(p, "facets", false)?);
    Ok(SearchRequest {
        query: query(p)?,
        options,
    })
}

/// A JSON response (serialized in the calling thread: the blocking worker, for large answers).
pub(crate) fn json_response(value: &impl Serialize) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => ([(header::CONTENT_TYPE, "application/json")], body).into_response(),
        Err(e) => Error::Internal(e.to_string()).into_response(),
    }
}

/// A CSV download named `file`.
fn csv_response(body: Vec<u8>, file: &'static str) -> Response {
    let disposition = format!("attachment; filename=\"{file}\"");
    let mut response = ([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], body).into_response();
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

async fn status(State(app): State<App>) -> Response {
    let documents = app.shared.current().len();
    json_response(&Object::Status { documents })
}

async fn search(
    State(app): State<App>,
    q: std::result::Result<Query<Params>, QueryRejection>,
) -> Result<Response> {
    let request = search_request(&params(q)?, MAX_LIMIT)?;
    app.work(move |snapshot| {
        let results = snapshot
            .index
            .search_query(&request.query, &request.options)?;
        Ok(json_response(&SearchAnswer::new(
            &results,
            request.options.offset,
        )))
    })
    .await
}

async fn search_csv(
    State(app): State<App>,
    q: std::result::Result<Query<Params>, QueryRejection>,
) -> Result<Response> {
    let p = params(q)?;
    let mut request = search_request(&p, MAX_CSV_LIMIT)?;
    if !p.contains_key("limit") {
        request.options.limit = MAX_CSV_LIMIT;
    }
    app.work(move |snapshot| {
        let results = snapshot
            .index
            .search_query(&request.query, &request.options)?;
        let mut body = Vec::new();
        crate::csv::hits(&results, false, &mut body).map_err(|e| Error::Internal(e.to_string()))?;
        Ok(csv_response(body, "search.csv"))
    })
    .await
}

/// The options of a laws request: action, year, state, kind, issuer, q, by, inferred, explain.
fn laws_options(p: &Params) -> Result<LawsOptions> {
    let mut options = LawsOptions::default()
        .inferred(flag(p, "inferred", false)?)
        .explain(flag(p, "explain", false)?);
    if let Some(v) = text(p, "action")? {
        options = options.action(Action::from_name(v).ok_or_else(|| {
            Error::BadRequest(format!(
                "action={v}: expected publicize, study, implement, formulate or cite (or 宣传, 学习, 落实, 制定 …)"
            ))
        })?);
    }
    if let Some(v) = text(p, "year")? {
        let (from, to) = parse_years(v).ok_or_else(|| {
            Error::BadRequest(format!(
                "year={v}: expected a year such as 2024 or a range such as 2022..2024"
            ))
        })?;
        options = options.years(from, to);
    }
    match text(p, "state")? {
        None => {}
        Some("done") => options = options.planned(false),
        Some("planned") => options = options.planned(true),
        Some(v) => {
            return Err(Error::BadRequest(format!(
                "state={v}: expected done or planned"
            )))
        }
    }
    if let Some(v) = text(p, "kind")? {
        options = options.kind(parse_kind(v).ok_or_else(|| {
            Error::BadRequest(format!(
                "kind={v}: expected law, administrative_regulation, local_regulation, … (or 法律 …)"
            ))
        })?);
    }
    match text(p, "by")? {
        None => {}
        Some("year") => options = options.by(GroupBy::Year),
        Some("issuer") => options = options.by(GroupBy::Issuer),
        Some(v) => {
            return Err(Error::BadRequest(format!(
                "by={v}: expected year or issuer"
            )))
        }
    }
    let mut clauses = Vec::new();
    if let Some(q) = text(p, "q")? {
        clauses.push(parse(q)?);
    }
    if let Some(issuer) = text(p, "issuer")? {
        clauses.push(ParsedQuery::Filter(Filter::Issuer(issuer.to_owned())));
    }
    match clauses.len() {
        0 => {}
        1 => options = options.query(clauses.remove(0).to_string()),
        _ => options = options.query(ParsedQuery::And(clauses).to_string()),
    }
    Ok(options)
}

async fn laws(
    State(app): State<App>,
    q: std::result::Result<Query<Params>, QueryRejection>,
) -> Result<Response> {
    let options = laws_options(&params(q)?)?;
    app.work(move |snapshot| {
        let rows = snapshot.index.laws(&options)?;
        Ok(json_response(&LawsAnswer {
            laws: rows.iter().map(Object::Law).collect(),
        }))
    })
    .await
}

async fn laws_csv(
    State(app): State<App>,
    q: std::result::Result<Query<Params>, QueryRejection>,
) -> Result<Response> {
    let options = laws_options(&params(q)?)?;
    app.work(move |snapshot| {
        let rows = snapshot.index.laws(&options)?;
        let mut body = Vec::new();
        crate::csv::laws(&rows, options.by, &mut body)
            .map_err(|e| Error::Internal(e.to_string()))?;
        Ok(csv_response(body, "laws.csv"))
    })
    .await
}

async fn cites(
    State(app): State<App>,
    q: std::result::Result<Query<Params>, QueryRejection>,
) -> Result<Response> {
    let p = params(q)?;
    let title = text(&p, "title")?
        .ok_or_else(|| {
            Error::BadRequest(
                "title is missing: the cited title, for example title=民法典".to_owned(),
            )
        })?
        .to_owned();
    let inferred = flag(&p, "inferred", true)?;
    app.work(move |snapshot| {
        let hits = snapshot.index.cites(&title, inferred)?;
        Ok(json_response(&CitesAnswer::new(&hits)))
    })
    .await
}

async fn document(
    State(app): State<App>,
    id: std::result::Result<Path<String>, PathRejection>,
    q: std::result::Result<Query<Params>, QueryRejection>,
) -> Result<Response> {
    let id = id.map(|Path(id)| id).unwrap_or_default();
    let p = params(q)?;
    let marks = text(&p, "q")?.map(parse).transpose()?;
    app.work(move |snapshot| {
        let missing = || Error::NotFound(format!("no document with id {id:?}"));
        let path = snapshot.path_of(&id).ok_or_else(missing)?;
        let view = snapshot.index.document(path)?.ok_or_else(missing)?;
        let text = snapshot.index.document_text(path)?.ok_or_else(missing)?;
        let mut highlights = marks
            .map(|q| snapshot.index.highlights(&q, &text))
            .unwrap_or_default();
        let truncated = highlights.len() > MAX_MARKS;
        highlights.truncate(MAX_MARKS);
        Ok(json_response(&Object::Document {
            id: id.clone(),
            view: &view,
            text: &text,
            highlights: &highlights,
            highlights_truncated: truncated,
        }))
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn only_this_machine_is_a_local_host() {
        for ok in [
            "localhost",
            "localhost:7700",
            "127.0.0.1:7700",
            "127.0.0.2",
            "[::1]:80",
            "LOCALHOST",
        ] {
            assert!(is_local_host(&host(ok)), "{ok}");
        }
        for bad in [
            "evil.example",
            "evil.example:7700",
            "localhost.evil.example",
            "10.0.0.1:7700",
            "[::2]:80",
            "",
        ] {
            assert!(!is_local_host(&host(bad)), "{bad}");
        }
        assert!(!is_local_host(&HeaderMap::new()));
    }

    #[test]
    fn laws_parameters_are_checked() {
        let p = |pairs: &[(&str, &str)]| -> Params {
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect()
        };
        let o = laws_options(&p(&[
            ("action", "宣传"),
            ("year", "2022..2024"),
            ("state", "done"),
            ("issuer", "县\"科技\"局"),
        ]))
        .unwrap();
        assert_eq!(o.action, Some(Action::Publicize));
        assert_eq!(o.years, Some((2022, 2024)));
        assert_eq!(o.planned, Some(false));
        let q = o.query.unwrap();
        // Quotation marks are transparent in queries (issue 14): the issuer comes back as one
        // filter, without them, and nothing in it escapes into the query.
        assert_eq!(
            parse(&q).unwrap(),
            ParsedQuery::Filter(Filter::Issuer("县科技局".to_owned()))
        );
        let hostile = laws_options(&p(&[("issuer", "县\" OR year:2024 \"局")])).unwrap();
        assert!(matches!(
            parse(&hostile.query.unwrap()).unwrap(),
            ParsedQuery::Filter(Filter::Issuer(_))
        ));
        for bad in [
            ("action", "burn"),
            ("year", "MMXXIV"),
            ("state", "maybe"),
            ("kind", "x"),
            ("by", "month"),
            ("q", "\"open"),
        ] {
            assert!(
                matches!(laws_options(&p(&[bad])), Err(e) if e.status() == 400),
                "{bad:?}"
            );
        }
    }
}
