//! A key-ordered listing in memory that answers as S3's ListObjectsV2 does: the keys under a
//! prefix after a start-after key, up to a page size, rolled up at a delimiter into common
//! prefixes (each listed once, in the place of its first key), truncated while more follow.

/// The keys of a bucket, sorted by their bytes.
pub struct Bucket {
    keys: Vec<String>,
}

/// One page of a listing: its entries (keys and common prefixes) and, when truncated, the key
/// the next page lists after.
pub struct Answer {
    pub entries: Vec<String>,
    pub next: Option<String>,
}

/// The smallest key after every key that starts with `prefix`.
pub fn prefix_end(prefix: &str) -> Option<String> {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(last) = chars.pop() {
        let next = match u32::from(last) {
            0xd7ff => Some('\u{e000}'),
            code => char::from_u32(code + 1),
        };
        if let Some(next) = next {
            chars.push(next);
            return Some(chars.into_iter().collect());
        }
    }
    None
}

impl Bucket {
    pub fn new(mut keys: Vec<String>) -> Self {
        keys.sort();
        keys.dedup();
        Bucket { keys }
    }

    /// The entries after `after` (`""`: from the start) under `prefix`, rolled up at
    /// `delimiter`, up to `page` of them.
    pub fn list(&self, prefix: &str, delimiter: Option<&str>, after: &str, page: usize) -> Answer {
        let mut at = if after < prefix {
            self.keys.partition_point(|key| key.as_str() < prefix)
        } else {
            self.keys.partition_point(|key| key.as_str() <= after)
        };
        let end = match prefix_end(prefix) {
            Some(end) => self.keys.partition_point(|key| *key < end),
            None => self.keys.len(),
        };
        let mut entries: Vec<String> = Vec::new();
        let mut resume = String::new();
        while at < end && entries.len() < page {
            let key = &self.keys[at];
            let rolled = delimiter.and_then(|delimiter| {
                key[prefix.len()..]
                    .find(delimiter)
                    .map(|found| &key[..prefix.len() + found + delimiter.len()])
            });
            match rolled {
                Some(common) => {
                    entries.push(common.to_owned());
                    at = match prefix_end(common) {
                        Some(past) => self.keys.partition_point(|key| *key < past),
                        None => end,
                    };
                    // Past every key under the common prefix.
                    resume = format!("{common}\u{10ffff}");
                }
                None => {
                    entries.push(key.clone());
                    resume = key.clone();
                    at += 1;
                }
            }
        }
        let next = (at < end).then_some(resume);
        Answer { entries, next }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_like_s3() {
        let bucket = Bucket::new(
            ["a/1", "a/2", "b", "c/x/1", "c/y", "d"]
                .iter()
                .map(|key| key.to_string())
                .collect(),
        );
        let page = bucket.list("", None, "", 2);
        assert_eq!(page.entries, ["a/1", "a/2"]);
        assert_eq!(page.next.as_deref(), Some("a/2"));
        let rolled = bucket.list("", Some("/"), "", 10);
        assert_eq!(rolled.entries, ["a/", "b", "c/", "d"]);
        assert!(rolled.next.is_none());
        let under = bucket.list("c/", Some("/"), "", 10);
        assert_eq!(under.entries, ["c/x/", "c/y"]);
        let paged = bucket.list("", Some("/"), "", 1);
        assert_eq!(paged.entries, ["a/"]);
        let second = bucket.list("", Some("/"), paged.next.as_deref().unwrap(), 1);
        assert_eq!(second.entries, ["b"]);
    }
}
