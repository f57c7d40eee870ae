//! A part of a file's summary kept as the site index cache wrote it (JSON) until someone
//! needs it: a pre-commit run reads 20,000 summaries, and only the few files it names link
//! anywhere that must be looked at.

use std::borrow::Cow;

use serde::Serialize;
use serde::de::DeserializeOwned;

#[derive(Debug, Clone)]
pub struct Kept<T>(Repr<T>);

#[derive(Debug, Clone)]
enum Repr<T> {
    Value(T),
    Json(Box<str>),
}

impl<T: Default> Default for Kept<T> {
    fn default() -> Kept<T> {
        Kept(Repr::Value(T::default()))
    }
}

impl<T: Clone + Default + Serialize + DeserializeOwned> Kept<T> {
    pub fn new(value: T) -> Kept<T> {
        Kept(Repr::Value(value))
    }

    /// As the cache wrote it; read when first asked for (each time: keep what you read).
    pub fn from_json(text: &str) -> Kept<T> {
        Kept(Repr::Json(text.into()))
    }

    /// The value. A damaged cache entry reads as the default (nothing known), which can only
    /// make the site-wide rules see less of the file until it is read again.
    pub fn get(&self) -> Cow<'_, T> {
        match &self.0 {
            Repr::Value(value) => Cow::Borrowed(value),
            Repr::Json(text) => Cow::Owned(serde_json::from_str(text).unwrap_or_default()),
        }
    }

    /// The JSON the cache keeps (one line: JSON escapes tabs and line breaks).
    pub fn json(&self) -> Cow<'_, str> {
        match &self.0 {
            Repr::Json(text) => Cow::Borrowed(text),
            Repr::Value(value) => Cow::Owned(serde_json::to_string(value).unwrap_or_default()),
        }
    }
}

impl<T: Clone + Default + Serialize + DeserializeOwned + PartialEq> PartialEq for Kept<T> {
    fn eq(&self, other: &Kept<T>) -> bool {
        self.get() == other.get()
    }
}
