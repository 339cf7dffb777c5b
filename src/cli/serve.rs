//! `factlint serve`: a small local HTTP server (axum on tokio) for a CMS
//! and for editors who do not use a terminal.
//!
//! The rules and the configuration are loaded once, as `check` loads them;
//! every request is checked through the same [`Engine`]. `POST /check`
//! takes `{"text": …, "lang"?: "ar"|"en"|"auto", "date"?: "YYYY-MM-DD",
//! "format"?: "text"|"markdown"|"html"}` and answers with the JSON report
//! of `--format json` for that one article. `GET /` is a page with a form
//! where an editor pastes an article; posting it shows the article with
//! the findings marked in place (the HTML report's view). The page has no
//! script.
//!
//! Limits: the body size (`--max-body`), the time per request
//! (`--timeout`) and how many checks run at once (`--max-concurrent`);
//! a request that waits longer than its time for a free slot is turned
//! away. Every error is JSON `{"error": {"code", "message"}}` with a 4xx
//! status for a bad request (5xx when the server is busy or a check
//! failed). Checks run on tokio's blocking threads, and the engine turns a
//! panicking check into an error of that request.

use std::io;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, FormRejection};
use axum::extract::{DefaultBodyLimit, Form, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use clap::Args;
use serde::Deserialize;
use tokio::sync::Semaphore;

use factlint::article::{self, Language, LoadError};
use factlint::engine::{Checked, Engine, Request};
use factlint::report::{FileReport, Format, HumanOptions, html};

use super::args::{ConfigArgs, RuleArgs, parse_date, parse_size};
use super::{EXIT_ERROR, print_config_errors, print_diagnostics};

/// The arguments of `factlint serve`.
#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// The address to listen on; the default serves this machine only.
    #[arg(long, default_value = "127.0.0.1")]
    host: IpAddr,
    /// The port to listen on (0 picks a free one and prints it).
    #[arg(long, default_value_t = 7878)]
    port: u16,
    #[command(flatten)]
    rules: RuleArgs,
    #[command(flatten)]
    settings: ConfigArgs,
    /// Run only codes with these prefixes; repeatable.
    #[arg(long, value_name = "CODE")]
    select: Vec<String>,
    /// Skip codes with these prefixes; repeatable.
    #[arg(long, value_name = "CODE")]
    ignore: Vec<String>,
    /// Refuse request bodies larger than this (bytes, or with K, M or G).
    #[arg(long, value_name = "SIZE", default_value = "2M", value_parser = parse_size)]
    max_body: u64,
    /// Seconds a request may take, waiting for a free slot included.
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    timeout: u64,
    /// Checks run at once; further requests wait for a slot.
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..=256))]
    max_concurrent: u32,
}

/// What every request shares.
struct Shared {
    engine: Engine,
    slots: Arc<Semaphore>,
    timeout: Duration,
}

type AppState = Arc<Shared>;

/// An error answer: `{"error": {"code", "message"}}`.
struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": { "code": self.code, "message": self.message } });
        (self.status, axum::Json(body)).into_response()
    }
}

/// The body of `POST /check`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckRequest {
    text: String,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    format: Option<String>,
}

/// The form of the page at `/`.
#[derive(Debug, Default, Deserialize)]
struct PageForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    format: Option<String>,
}

/// Runs `factlint serve` until interrupted.
pub(crate) fn serve(args: ServeArgs) -> io::Result<u8> {
    let Some(engine) = engine(&args) else {
        return Ok(EXIT_ERROR);
    };
    let shared = Arc::new(Shared {
        engine,
        slots: Arc::new(Semaphore::new(args.max_concurrent as usize)),
        timeout: Duration::from_secs(args.timeout.max(1)),
    });
    let max_body = usize::try_from(args.max_body).unwrap_or(usize::MAX);
    let app = Router::new()
        .route("/", get(page).post(page_check))
        .route("/check", post(check))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(max_body))
        .with_state(shared);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(SocketAddr::new(args.host, args.port)).await?;
        let address = listener.local_addr()?;
        eprintln!("factlint serve: listening on http://{address}/ (POST /check takes JSON)");
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
    })?;
    Ok(super::EXIT_CLEAN)
}

/// Loads the configuration and the rules as `check` does; `None` (after
/// printing why) when the server would run with broken rules.
fn engine(args: &ServeArgs) -> Option<Engine> {
    let config = super::configuration(&args.settings).ok()?;
    let request = Request {
        sources: args.rules.sources(&[]),
        load: article::LoadOptions::default(),
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    };
    match Engine::start(config.clone(), request) {
        Ok(started) if !started.failed() => Some(started.engine),
        Ok(started) => {
            print_diagnostics(&started.pack_errors);
            print_config_errors(config.as_ref(), &started.config_errors);
            eprintln!("factlint: a server does not start with broken rule packs");
            None
        }
        Err(message) => {
            eprintln!("factlint: {message}");
            None
        }
    }
}

/// The options a request asks for, over the server's.
struct Asked {
    lang: Option<String>,
    date: Option<String>,
    format: Option<String>,
}

fn unprocessable(message: String) -> ApiError {
    ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_field", message)
}

/// Applies a request's `lang`, `date` and `format` to the load options.
fn load_options(
    mut load: article::LoadOptions,
    asked: Asked,
) -> Result<article::LoadOptions, ApiError> {
    let blank = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
    match blank(asked.lang).as_deref().map(str::trim) {
        None | Some("auto") => {}
        Some(code) => {
            load.language = Some(Language::from_code(code).ok_or_else(|| {
                unprocessable(format!("`lang` is `{code}`; use `ar`, `en` or `auto`"))
            })?);
        }
    }
    if let Some(date) = blank(asked.date) {
        load.date =
            Some(parse_date(date.trim()).map_err(|m| unprocessable(format!("`date`: {m}")))?);
    }
    if let Some(format) = blank(asked.format) {
        load.format = Some(match format.trim() {
            "text" => article::Format::Text,
            "markdown" => article::Format::Markdown,
            "html" => article::Format::Html,
            other => {
                return Err(unprocessable(format!(
                    "`format` is `{other}`; use `text`, `markdown` or `html`"
                )));
            }
        });
    }
    Ok(load)
}

/// Checks one text on a blocking thread, within the request's time and
/// the server's number of slots.
async fn run_check(state: &AppState, text: String, asked: Asked) -> Result<Checked, ApiError> {
    let started = Instant::now();
    let (load, check) = state.engine.options_for(std::path::Path::new("-"));
    let load = load_options(load, asked)?;
    let busy = || {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            format!(
                "the check did not finish within {} s; try again, or split the text",
                state.timeout.as_secs()
            ),
        )
    };
    let slot = match tokio::time::timeout(state.timeout, state.slots.clone().acquire_owned()).await
    {
        Ok(Ok(slot)) => slot,
        _ => return Err(busy()),
    };
    let shared = Arc::clone(state);
    let task = tokio::task::spawn_blocking(move || {
        // The slot is held until the check ends, even when the request has
        // timed out, so that abandoned checks still count.
        let _slot = slot;
        shared.engine.check_with("-", text, &load, &check)
    });
    let left = state.timeout.saturating_sub(started.elapsed());
    match tokio::time::timeout(left, task).await {
        Err(_) => Err(busy()),
        Ok(Err(_)) => Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the check stopped unexpectedly",
        )),
        Ok(Ok(Ok(checked))) => Ok(checked),
        Ok(Ok(Err(LoadError::Internal { message, .. }))) => Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            format!("a check failed on this text (a bug in factlint): {message}"),
        )),
        Ok(Ok(Err(err))) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "unreadable_article",
            err.to_string(),
        )),
    }
}

/// Reads a body as UTF-8, or says why not.
fn body_text(body: Result<Bytes, BytesRejection>) -> Result<String, ApiError> {
    let bytes = body.map_err(|rejection| {
        let status = rejection.status();
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                status,
                "body_too_large",
                "the body is larger than the server's limit (--max-body)",
            )
        } else {
            ApiError::new(status, "bad_body", rejection.body_text())
        }
    })?;
    String::from_utf8(bytes.to_vec()).map_err(|err| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_utf8",
            format!(
                "the body is not UTF-8 (invalid byte at offset {})",
                err.utf8_error().valid_up_to()
            ),
        )
    })
}

/// `POST /check`: the JSON report of one article.
async fn check(State(state): State<AppState>, body: Result<Bytes, BytesRejection>) -> Response {
    match check_json(&state, body).await {
        Ok(response) => response,
        Err(err) => err.into_response(),
    }
}

async fn check_json(
    state: &AppState,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let body = body_text(body)?;
    let request: CheckRequest = serde_json::from_str(&body).map_err(|err| {
        use serde_json::error::Category;
        match err.classify() {
            Category::Data => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_request",
                format!("{err}; send {{\"text\": \"…\", \"lang\"?, \"date\"?, \"format\"?}}"),
            ),
            _ => ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_json",
                format!("the body is not JSON: {err}"),
            ),
        }
    })?;
    let asked = Asked {
        lang: request.lang,
        date: request.date,
        format: request.format,
    };
    let checked = run_check(state, request.text, asked).await?;
    let reports = [FileReport {
        path: "-".to_string(),
        file: "-".into(),
        record: None,
        outcome: Ok(checked),
    }];
    let mut out = Vec::new();
    let plain = HumanOptions {
        color: false,
        width: 100,
        messages: factlint::messages::english(),
    };
    factlint::report::render(Format::Json, &reports, plain, &mut out).map_err(|err| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            err.to_string(),
        )
    })?;
    Ok(([(header::CONTENT_TYPE, "application/json")], out).into_response())
}

/// The selected attribute of an option.
fn selected(value: &Option<String>, option: &str) -> &'static str {
    if value.as_deref().unwrap_or("") == option {
        " selected"
    } else {
        ""
    }
}

/// The page: the form, and below it the checked article or an error.
fn page_with(form: &PageForm, result: &str) -> String {
    let option = |value: &Option<String>, option: &str, label: &str| {
        format!(
            r#"<option value="{option}"{}>{label}</option>"#,
            selected(value, option)
        )
    };
    let body = format!(
        r##"<a class="skip" href="#result">Skip to the result</a>
<header class="page"><h1>factlint</h1>
<p>Paste an article (Arabic or English) and check it. The findings are marked in the text; hover or focus a mark for the details. A CMS can <code>POST /check</code> with JSON <code>{{"text": "…"}}</code>.</p></header>
<main>
<form method="post" action="/" class="file">
<p><label for="text">Article text</label><br>
<textarea id="text" name="text" dir="auto" rows="14" style="width:100%;font:inherit">{}</textarea></p>
<p><label for="lang">Language</label> <select id="lang" name="lang">{}{}{}</select>
<label for="format">Format</label> <select id="format" name="format">{}{}{}</select>
<label for="date">Reference date</label> <input id="date" name="date" type="date" value="{}">
<button type="submit">Check</button></p>
</form>
{}
<div id="result" tabindex="-1">{result}</div>
</main>"##,
        html::escape(&form.text),
        option(&form.lang, "auto", "detect"),
        option(&form.lang, "ar", "Arabic"),
        option(&form.lang, "en", "English"),
        option(&form.format, "text", "plain text"),
        option(&form.format, "markdown", "Markdown"),
        option(&form.format, "html", "HTML"),
        html::escape(form.date.as_deref().unwrap_or("")),
        html::LEGEND,
    );
    html::page("factlint: check an article", &body)
}

/// `GET /`: the empty form.
async fn page() -> Html<String> {
    Html(page_with(&PageForm::default(), ""))
}

/// `POST /`: the form's text checked and shown.
async fn page_check(
    State(state): State<AppState>,
    form: Result<Form<PageForm>, FormRejection>,
) -> Response {
    let form = match form {
        Ok(Form(form)) => form,
        Err(rejection) => {
            let message = format!(
                r#"<p class="error-file" role="alert">The form could not be read: {}</p>"#,
                html::escape(&rejection.body_text())
            );
            return (
                rejection.status(),
                Html(page_with(&PageForm::default(), &message)),
            )
                .into_response();
        }
    };
    let asked = Asked {
        lang: form.lang.clone(),
        date: form.date.clone(),
        format: form.format.clone(),
    };
    match run_check(&state, form.text.clone(), asked).await {
        Ok(checked) => {
            let report = FileReport {
                path: "pasted article".to_string(),
                file: "-".into(),
                record: None,
                outcome: Ok(checked),
            };
            Html(page_with(&form, &html::article_view(&report, "a1"))).into_response()
        }
        Err(err) => {
            let message = format!(
                r#"<p class="error-file" role="alert">{}</p>"#,
                html::escape(&err.message)
            );
            (err.status, Html(page_with(&form, &message))).into_response()
        }
    }
}

async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        "no such page; use GET / or POST /check",
    )
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "use GET / or POST /check",
    )
}
