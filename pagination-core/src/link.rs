//! `Link` response headers (RFC 8288): the `rel="next"` URL that APIs in the GitHub style page
//! by. Behind the `link` feature.
//!
//! ```
//! use pagination_core::link::{Url, next_link};
//!
//! let request = Url::parse("https://api.example.com/repos?labels=a,b&page=1").unwrap();
//! // Two header fields, as a response may carry them; a comma inside a target is no separator.
//! let fields = [
//!     r#"<https://api.example.com/repos?labels=a,b&page=1>; rel="first""#,
//!     r#"</repos?labels=a,b&page=2>; REL="next last""#,
//! ];
//! let next = next_link(fields, &request).unwrap();
//! assert_eq!(
//!     next.unwrap().as_str(),
//!     "https://api.example.com/repos?labels=a,b&page=2"
//! );
//! ```
//!
//! The parsing is RFC 8288's Appendix B, which never fails on syntax: it reads links until the
//! first thing that is not one, and skips empty list elements (`<a>; rel=prev, , <b>; rel=next`)
//! as RFC 9110 asks. So a field value with a comma or semicolon in a target, quoted
//! and unquoted parameter values, parameter names in any case, several relation types in one
//! `rel` (`rel="next last"`), and any number of `Link` fields all read as their sender meant.
//! Targets are URI references, resolved against the URL of the response they came with
//! (`reqwest::Response::url()`), so a relative `</repos?page=2>` works. A link with an `anchor`
//! is about another resource than the response, and is no `next` of it.
//!
//! The next URL is followed wherever it points: a `send` that adds credentials to each request
//! should check that the next URL has the origin of the first (`next.origin() ==
//! base.origin()`) before it sends them there.

use std::borrow::Cow;

/// The URL type of the `url` crate, which `reqwest::Response::url()` returns too.
pub use url::Url;

/// One link of a `Link` header, as written: a target that may be relative, and its parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The target URI reference, between `<` and `>`; resolve it with
    /// [`target_url`](Link::target_url).
    pub target: String,
    /// The relation types of the first `rel` parameter, in lower case (relation types compare
    /// case-insensitively); empty without one.
    pub relations: Vec<String>,
    /// Every parameter, in order, `rel` and `anchor` included: names in lower case, quoted
    /// values unquoted, and extended values (`title*=UTF-8''...`, RFC 8187) decoded.
    pub parameters: Vec<(String, String)>,
}

impl Link {
    /// The target resolved against `base`, the URL of the response the header came with.
    pub fn target_url(&self, base: &Url) -> Result<Url, LinkError> {
        if self.target.contains(char::REPLACEMENT_CHARACTER) {
            return Err(LinkError::NotText {
                target: self.target.clone(),
            });
        }
        base.join(&self.target)
            .map_err(|source| LinkError::InvalidTarget {
                target: self.target.clone(),
                source,
            })
    }

    /// Whether one of the relation types is `relation` (compared case-insensitively).
    pub fn has_relation(&self, relation: &str) -> bool {
        self.relations
            .iter()
            .any(|own| own.eq_ignore_ascii_case(relation))
    }

    /// The value of the first parameter named `name` (compared case-insensitively).
    pub fn parameter(&self, name: &str) -> Option<&str> {
        self.parameters
            .iter()
            .find(|(own, _)| own.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// A `Link` target that is not a URI reference.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LinkError {
    /// The target held bytes that are not text (not UTF-8), shown as U+FFFD: no URL could say
    /// what the server meant.
    #[error("the `Link` target `{target}` holds bytes that are not text")]
    NotText {
        /// The target, with U+FFFD where the bytes were.
        target: String,
    },
    /// The target cannot be resolved to a URL.
    #[error("the `Link` target `{target}` is not a URL reference: {source}")]
    InvalidTarget {
        /// The target as written.
        target: String,
        /// Why it is not a URL.
        #[source]
        source: url::ParseError,
    },
}

/// Every link of every `Link` field, in order. `fields` are the values of each `Link` header
/// field of the response (`response.headers().get_all(reqwest::header::LINK)`); bytes that are
/// not UTF-8 are read as U+FFFD, and a target holding one is refused by
/// [`Link::target_url`] ([`LinkError::NotText`]) rather than resolved to another URL.
pub fn links<V: AsRef<[u8]>>(fields: impl IntoIterator<Item = V>) -> Vec<Link> {
    let mut links = Vec::new();
    for field in fields {
        parse_field(&String::from_utf8_lossy(field.as_ref()), &mut links);
    }
    links
}

/// The target of the first `rel="next"` link of the response's `Link` fields, resolved against
/// `base` (the URL the response came from); `None` when no link has that relation, as on the
/// last page. An error only when that target is not a URL reference: the listing cannot go on,
/// and must not look complete.
pub fn next_link<V: AsRef<[u8]>>(
    fields: impl IntoIterator<Item = V>,
    base: &Url,
) -> Result<Option<Url>, LinkError> {
    for link in links(fields) {
        if !link.has_relation("next") {
            continue;
        }
        // An anchor sets another context: the next of some other resource.
        if let Some(anchor) = link.parameter("anchor") {
            if base.join(anchor).ok().as_ref() != Some(base) {
                continue;
            }
        }
        return link.target_url(base).map(Some);
    }
    Ok(None)
}

/// RFC 8288 B.2: the links of one field value, until the first thing that is not a link.
fn parse_field(mut rest: &str, links: &mut Vec<Link>) {
    loop {
        // Empty list elements (`a, , b`, a leading comma) are ignored, as RFC 9110 5.6.1.2 asks
        // of every list-based field: servers that merge field values write them.
        rest = rest.trim_start_matches(|c| c == ',' || is_whitespace(c));
        let Some(after) = rest.strip_prefix('<') else {
            return;
        };
        // A target without its `>` ends the links (RFC 8288 B.2 step 5).
        let Some((target, after)) = after.split_once('>') else {
            return;
        };
        let (parameters, after) = parse_parameters(after);
        let relations = parameters
            .iter()
            .find(|(name, _)| name == "rel")
            .map(|(_, value)| {
                value
                    .split(is_whitespace)
                    .filter(|relation| !relation.is_empty())
                    .map(str::to_ascii_lowercase)
                    .collect()
            })
            .unwrap_or_default();
        links.push(Link {
            target: target.trim_matches(is_whitespace).to_owned(),
            relations,
            parameters,
        });
        // Past the comma that ends this link; anything before it is not part of a link.
        match after.split_once(',') {
            Some((_, next)) => rest = next,
            None => return,
        }
    }
}

/// RFC 8288 B.3: `; name=value` parameters, up to the `,` that ends the link (left in place).
fn parse_parameters(mut rest: &str) -> (Vec<(String, String)>, &str) {
    let mut parameters = Vec::new();
    loop {
        rest = rest.trim_start_matches(is_whitespace);
        let Some(after) = rest.strip_prefix(';') else {
            return (parameters, rest);
        };
        let after = after.trim_start_matches(is_whitespace);
        let end = after
            .find(|c: char| c == '=' || c == ';' || c == ',' || is_whitespace(c))
            .unwrap_or(after.len());
        let name = after[..end].to_ascii_lowercase();
        rest = after[end..].trim_start_matches(is_whitespace);
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start_matches(is_whitespace);
            if after.starts_with('"') {
                (value, rest) = parse_quoted(after);
            } else {
                let end = after.find([';', ',']).unwrap_or(after.len());
                value = after[..end].trim_end_matches(is_whitespace).to_owned();
                rest = &after[end..];
            }
            if name.ends_with('*') {
                value = decode_extended(&value).into_owned();
            }
        }
        // Whatever follows the value up to the next parameter or link is not part of it.
        let end = rest.find([';', ',']).unwrap_or(rest.len());
        rest = &rest[end..];
        parameters.push((name, value));
    }
}

/// RFC 8288 B.4: a quoted string, from its opening `"`; backslash escapes the next character.
fn parse_quoted(quoted: &str) -> (String, &str) {
    let mut value = String::new();
    let mut characters = quoted.char_indices().skip(1);
    while let Some((_, character)) = characters.next() {
        match character {
            '\\' => match characters.next() {
                Some((_, escaped)) => value.push(escaped),
                None => return (value, ""),
            },
            '"' => {
                let after = characters.next().map_or(quoted.len(), |(index, _)| index);
                return (value, &quoted[after..]);
            }
            other => value.push(other),
        }
    }
    (value, "")
}

/// RFC 8187: `charset'language'percent-encoded`; UTF-8 (and ASCII) decoded, anything else left
/// as written.
fn decode_extended(value: &str) -> Cow<'_, str> {
    let mut parts = value.splitn(3, '\'');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(charset), Some(_language), Some(encoded))
            if charset.eq_ignore_ascii_case("utf-8")
                || charset.eq_ignore_ascii_case("us-ascii") =>
        {
            percent_encoding::percent_decode_str(encoded).decode_utf8_lossy()
        }
        _ => Cow::Borrowed(value),
    }
}

/// OWS and BWS: spaces and horizontal tabs.
fn is_whitespace(character: char) -> bool {
    character == ' ' || character == '\t'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://h.example/repos?page=1").unwrap()
    }

    fn next(fields: &[&str]) -> Option<String> {
        next_link(fields, &base())
            .unwrap()
            .map(|url| url.to_string())
    }

    #[test]
    fn commas_and_semicolons_inside_a_target_are_part_of_it() {
        assert_eq!(
            next(&[r#"<https://h.example/repos?labels=a,b&page=2>; rel="next""#]).as_deref(),
            Some("https://h.example/repos?labels=a,b&page=2")
        );
        assert_eq!(
            next(&[r#"<https://h.example/repos?q=a;b&page=2>; rel="next", <https://h.example/repos?q=a;b&page=1>; rel="first""#]).as_deref(),
            Some("https://h.example/repos?q=a;b&page=2")
        );
    }

    #[test]
    fn a_relation_among_several_and_names_in_any_case() {
        assert_eq!(
            next(&["<p3>; rel=\"next last\""]).as_deref(),
            Some("https://h.example/p3")
        );
        assert_eq!(
            next(&["<p3>; REL=\"Next\""]).as_deref(),
            Some("https://h.example/p3")
        );
        assert_eq!(
            next(&["<p3>; rel=next"]).as_deref(),
            Some("https://h.example/p3")
        );
        assert_eq!(
            next(&["<p3>;rel = next ;title=x"]).as_deref(),
            Some("https://h.example/p3")
        );
        assert_eq!(next(&["<p3>; rel=\"prev\""]), None);
        assert_eq!(next(&["<p3>; rel=\"nextpage\""]), None);
    }

    #[test]
    fn every_field_is_read() {
        assert_eq!(
            next(&["<p1>; rel=\"first\"", "<p2>; rel=\"next\""]).as_deref(),
            Some("https://h.example/p2")
        );
    }

    #[test]
    fn relative_targets_resolve_against_the_response_url() {
        assert_eq!(
            next(&["</repos?page=2>; rel=\"next\""]).as_deref(),
            Some("https://h.example/repos?page=2")
        );
        assert_eq!(
            next(&["<?page=2>; rel=\"next\""]).as_deref(),
            Some("https://h.example/repos?page=2")
        );
    }

    #[test]
    fn quoted_values_may_hold_separators() {
        let links = links([r#"<a>; title="x, \"y\"; z"; rel="next", <b>; rel=last"#]);
        assert_eq!(links.len(), 2);
        assert_eq!(links[0].parameter("title"), Some(r#"x, "y"; z"#));
        assert!(links[0].has_relation("next"));
        assert_eq!(links[1].target, "b");
        assert_eq!(links[1].relations, ["last"]);
    }

    #[test]
    fn the_first_rel_counts_and_extended_values_decode() {
        let links = links(["<a>; rel=prev; rel=next; title*=UTF-8'de'n%c3%a4chste"]);
        assert_eq!(links[0].relations, ["prev"]);
        assert_eq!(links[0].parameter("title*"), Some("nächste"));
    }

    #[test]
    fn an_anchored_link_is_the_next_of_another_resource() {
        assert_eq!(next(&["<p2>; rel=next; anchor=\"/other\""]), None);
        assert_eq!(
            next(&["<p2>; rel=next; anchor=\"/repos?page=1\""]).as_deref(),
            Some("https://h.example/p2")
        );
    }

    #[test]
    fn parsing_stops_at_what_is_not_a_link() {
        assert_eq!(next(&["garbage, <p2>; rel=next"]), None);
        assert_eq!(next(&[""]), None);
        assert_eq!(next(&[]), None);
        // A target without its `>` ends the links.
        assert!(links(["<p2"]).is_empty());
        assert_eq!(links(["<p1>; rel=first, <p2"]).len(), 1);
    }

    #[test]
    fn empty_list_elements_are_skipped() {
        for field in [
            "<p1>; rel=prev,, <p2>; rel=next",
            ", <p2>; rel=next",
            "<a>; rel=first, , <p2>; rel=next",
            " ,\t,<p2>; rel=next",
        ] {
            assert_eq!(
                next(&[field]).as_deref(),
                Some("https://h.example/p2"),
                "{field}"
            );
        }
    }

    #[test]
    fn bytes_that_are_not_text_are_an_error_not_another_url() {
        let field: &[u8] = b"<caf\xe9?page=2>; rel=next";
        let error = next_link([field], &base()).unwrap_err();
        assert!(matches!(error, LinkError::NotText { .. }), "{error:?}");
        // Text that is not ASCII is percent-encoded as any URL parser does.
        assert_eq!(
            next(&["<caf\u{e9}?page=2>; rel=next"]).as_deref(),
            Some("https://h.example/caf%C3%A9?page=2")
        );
    }

    #[test]
    fn a_target_that_is_no_url_is_an_error() {
        let error = next_link(["<http://[::1>; rel=next"], &base()).unwrap_err();
        assert!(
            matches!(error, LinkError::InvalidTarget { ref target, .. } if target == "http://[::1")
        );
        assert!(error.to_string().contains("http://[::1"));
        // Only the next link's target matters.
        assert_eq!(
            next(&["<http://[::1>; rel=last, <p2>; rel=next"]).as_deref(),
            Some("https://h.example/p2")
        );
    }
}
