//! Reading TOML files (the config file, a questions file): errors as one line.

/// A TOML error as one line: "line L, column C: what" (toml's own message spans several lines,
/// with a drawing of the place, and repeats itself when printed with its source).
pub fn toml_problem(text: &str, e: &toml::de::Error) -> String {
    let place = e
        .span()
        .map(|span| {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
            format!("line {line}, column {column}: ")
        })
        .unwrap_or_default();
    format!("{place}{}", e.message().trim_end().replace('\n', "; "))
}
