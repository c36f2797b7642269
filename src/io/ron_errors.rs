//! Turns ron's parse errors into messages a person can act on.

use ron::error::Error;

/// Whether the error is about the text's syntax (brackets, commas, strings) rather than about what the
/// values mean. After a syntax error nothing more can be read; after a value error other records can.
pub fn is_syntax_error(error: &Error) -> bool {
    !matches!(
        error,
        Error::Message(_)
            | Error::InvalidValueForType { .. }
            | Error::ExpectedDifferentLength { .. }
            | Error::NoSuchEnumVariant { .. }
            | Error::NoSuchStructField { .. }
            | Error::MissingStructField { .. }
            | Error::DuplicateStructField { .. }
            | Error::ExpectedDifferentStructName { .. }
            | Error::IntegerOutOfBounds
            | Error::ExpectedBoolean
            | Error::ExpectedFloat
            | Error::ExpectedInteger
            | Error::ExpectedString
            | Error::ExpectedChar
            | Error::ExpectedOption
            | Error::ExpectedArray
            | Error::ExpectedMap
            | Error::ExpectedStructLike
            | Error::ExpectedNamedStructLike(_)
            | Error::ExpectedUnit
            | Error::ExpectedIdentifier
    )
}

pub fn describe(error: &Error) -> String {
    match error {
        Error::NoSuchEnumVariant { expected, found, .. } => {
            let hint = crate::validate::suggest(found, expected.iter().map(|name| (*name, *name)));
            let choices = expected.join(", ");
            if hint.is_empty() {
                format!("unknown value `{found}`; expected one of: {choices}")
            } else {
                format!("unknown value `{found}`{hint} Expected one of: {choices}")
            }
        }
        Error::MissingStructField { field, outer } => match outer {
            Some(outer) => format!("missing field `{field}` in {outer}"),
            None => format!("missing field `{field}`"),
        },
        Error::DuplicateStructField { field, .. } => format!("field `{field}` is written twice"),
        Error::InvalidValueForType { expected, found } => format!("expected {expected}, found {found}"),
        Error::ExceededRecursionLimit => {
            "the text is nested too deeply (over 128 levels of brackets) to be a scenario".to_owned()
        }
        Error::Eof => "the text ends too early: a bracket or string is not closed".to_owned(),
        Error::ExpectedComma => "expected a comma between values, or a closing bracket".to_owned(),
        Error::TrailingCharacters => "unexpected text after the end of the scenario".to_owned(),
        other => {
            let text = other.to_string();
            let mut characters = text.chars();
            match characters.next() {
                Some(first) => first.to_lowercase().chain(characters).collect(),
                None => text,
            }
        }
    }
}
