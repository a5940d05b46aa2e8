//! Located diagnostics for files users write (rule files, lexicons): the
//! message, `path:line:column`, the offending line with a caret, and a help
//! line saying what to do.

use std::fmt;

/// A problem at a place in a file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Diagnostic {
    pub path: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub message: String,
    pub help: Option<Box<str>>,
    /// The line of the file the problem is on, when known.
    pub source_line: Option<Box<str>>,
}

impl Diagnostic {
    pub fn new(path: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.to_string(),
            line: None,
            column: None,
            message: message.into(),
            help: None,
            source_line: None,
        }
    }

    /// Locates the diagnostic and keeps the line of `text` it points at.
    pub fn at(mut self, text: &str, line: usize, column: usize) -> Self {
        self.line = Some(line as u32);
        self.column = Some(column.max(1) as u32);
        self.source_line = text.lines().nth(line.saturating_sub(1)).map(Box::from);
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into().into_boxed_str());
        self
    }

    /// From a serde-saphyr error: its message and location.
    pub fn from_yaml(path: &str, text: &str, err: &serde_saphyr::Error) -> Self {
        let msg = err.without_snippet().to_string();
        let first = msg.lines().next().unwrap_or("invalid YAML").trim();
        // serde-saphyr may append " at line X column Y"; the location is shown separately.
        let first = match first.rfind(" at line ") {
            Some(i) => &first[..i],
            None => first,
        };
        // Say what serde-saphyr's internal wording means for the user.
        let first = if first.starts_with("budget breached") {
            "the file is too large, too deep, or expands too much through aliases (a YAML budget protects against alias bombs)".to_string()
        } else {
            first
                .replace(", set DuplicateKeyPolicy in Options if acceptable", "")
                .replace("duplicate mapping key: ", "duplicate key: ")
                .replace(
                    "expected sequence start",
                    "expected a list, such as [killed, injured]",
                )
        };
        let d = Diagnostic::new(path, first);
        match err.location() {
            Some(loc) if loc.line() > 0 => d.at(text, loc.line() as usize, loc.column() as usize),
            _ => d,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)?;
        write!(f, "\n  --> {}", self.path)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        if let (Some(line), Some(src)) = (self.line, &self.source_line) {
            let num = line.to_string();
            let pad = " ".repeat(num.len());
            write!(f, "\n {pad} |\n {num} | {src}")?;
            if let Some(col) = self.column {
                // Columns count characters; tabs keep their width.
                let lead: String = src
                    .chars()
                    .take((col as usize).saturating_sub(1))
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                write!(f, "\n {pad} | {lead}^")?;
            }
        }
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_source_line_caret_and_help() {
        let d = Diagnostic::new("rules/x.yaml", "unknown field `severty`")
            .at("kind: figure-mismatch\nseverty: warning\n", 2, 1)
            .help("did you mean `severity`?");
        assert_eq!(
            d.to_string(),
            "unknown field `severty`\n  --> rules/x.yaml:2:1\n   |\n 2 | severty: warning\n   | ^\n  = help: did you mean `severity`?"
        );
    }
}
