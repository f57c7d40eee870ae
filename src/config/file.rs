//! The `.frontlint.yml` format, exactly as written by users (and by the presets in
//! `rules/presets/`). Strict: an unknown key is an error that points at its line.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::schema::FieldSpec;

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// Presets (`jekyll`, `isomer`) or other config files this one builds on, applied in order
    /// before this file. Without `extends`, a config builds on the `jekyll` preset.
    #[serde(default, deserialize_with = "optional_one_or_many")]
    pub extends: Option<Vec<String>>,
    /// Globs (relative to the site root) of the files to lint. Replaces the inherited list.
    /// Default (no list anywhere): the files Jekyll reads as Markdown and every post or
    /// collection document with front matter.
    pub include: Option<Vec<String>>,
    /// Globs of files and folders to skip. Added to the inherited list.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Rule settings by code (`FL104`) or name (`duplicate-key`): a severity
    /// (`error`/`warning`/`info`/`off`) or a mapping with `severity` and the rule's options.
    #[serde(default)]
    pub rules: BTreeMap<String, yaml_serde::Value>,
    /// Field schemas for groups of files, selected by path globs; later entries override
    /// earlier ones field by field.
    #[serde(default)]
    pub collections: Vec<CollectionConfig>,
    /// Jekyll site settings that override the site's `_config.yml` (timezone, permalink, …).
    #[serde(default)]
    pub site: BTreeMap<String, yaml_serde::Value>,
    /// The Jekyll configuration files the site is built with, relative to the site root and
    /// merged in order (`jekyll build --config a,b`); globs allowed. Default: `_config.yml`.
    /// Replaces the inherited list. Default: `_config.yml`, and for an Isomer site (its
    /// `remote_theme` is one of `isomerpages/…`) also every `_*/collection.yml`, as Isomer
    /// builds it.
    pub site_config: Option<Vec<String>>,
    /// Permalink placeholders a plugin of the site defines (`:number`): Jekyll alone does not
    /// know them, so the URLs that use them cannot be computed and are not reported.
    #[serde(default)]
    pub permalink_placeholders: Vec<String>,
    /// How the site is served, for checking links (`type`, `case-sensitive`, `hostnames`,
    /// `other-apps`).
    pub host: Option<crate::links::host::HostConfig>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CollectionConfig {
    /// A name for messages ("required in media-releases").
    pub name: Option<String>,
    /// Globs relative to the site root, e.g. `media/*/_posts/**`.
    #[serde(deserialize_with = "one_or_many")]
    pub paths: Vec<String>,
    /// Must these files have front matter? (Jekyll ignores or copies verbatim files without.)
    pub front_matter: Option<Requirement>,
    /// Report fields the schema does not list (`report`) or only likely typos of them (`allow`).
    pub unknown_fields: Option<UnknownFields>,
    /// The shape every URL in this collection must have, as a Jekyll permalink template
    /// (`/media/:categories/:year-:month-:day-:slug/`); checked by `permalink-template-mismatch`.
    pub permalink_template: Option<String>,
    #[serde(default)]
    pub fields: BTreeMap<String, FieldSpec>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Requirement {
    Required,
    Optional,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnknownFields {
    /// Any field is fine; only near-misses of known fields (`permlink`) are reported.
    Allow,
    /// Every field the schema does not list is reported.
    Report,
}

/// Accept `x` or `[x, y]`.
pub(super) fn one_or_many<'de, D>(deserializer: D) -> Result<Vec<String>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(deserializer)? {
        OneOrMany::One(one) => vec![one],
        OneOrMany::Many(many) => many,
    })
}

fn optional_one_or_many<'de, D>(deserializer: D) -> Result<Option<Vec<String>>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    one_or_many(deserializer).map(Some)
}

/// One parsed config file (a preset or the user's), kept with its text so that any error can
/// point at the line that caused it.
pub struct Layer {
    pub config: ConfigFile,
    /// Where it came from: a file path, or `preset:<name>`.
    pub origin: String,
    pub text: std::sync::Arc<str>,
    tree: Option<crate::yaml::Node>,
}

impl Layer {
    pub fn parse(origin: String, text: String) -> Result<Layer, ConfigError> {
        let text: std::sync::Arc<str> = text.into();
        let config = if text.trim().is_empty() {
            ConfigFile::default()
        } else {
            yaml_serde::from_str::<ConfigFile>(&text).map_err(|e| {
                let offset = e.location().map(|l| l.index());
                ConfigError::new(&origin, e.to_string())
                    .with_source(text.clone(), offset.map(|o| o..o))
            })?
        };
        let tree = crate::yaml::parse(&text, 0..text.len()).ok().flatten();
        Ok(Layer {
            config,
            origin,
            text,
            tree,
        })
    }

    /// An error about the value at `key_path` (e.g. `["rules", "FL104"]`), pointing at the
    /// deepest key of that path found in the file.
    pub fn error_at(&self, key_path: &[&str], message: impl Into<String>) -> ConfigError {
        let span = self.tree.as_ref().and_then(|tree| locate(tree, key_path));
        ConfigError::new(&self.origin, message).with_source(self.text.clone(), span)
    }

    pub fn glob(&self, pattern: &str, key_path: &[&str]) -> Result<globset::Glob, ConfigError> {
        super::compile_glob(pattern)
            .map_err(|e| self.error_at(key_path, format!("invalid glob `{pattern}`: {e}")))
    }
}

/// The span of the deepest key along `key_path` (numbers index into lists).
fn locate(tree: &crate::yaml::Node, key_path: &[&str]) -> Option<std::ops::Range<usize>> {
    use crate::yaml::Value;
    let mut node = tree;
    let mut span = None;
    for key in key_path {
        match &node.value {
            Value::Mapping(_) => {
                let entry = node.get(key)?;
                span = Some(entry.key.span.clone());
                node = &entry.value;
            }
            Value::Sequence(items) => {
                node = items.get(key.parse::<usize>().ok()?)?;
                span = Some(node.span.clone());
            }
            _ => break,
        }
    }
    span
}

/// Read a config file and everything it extends, in the order they apply (bases first).
pub fn load_with_extends(path: &std::path::Path) -> Result<Vec<Layer>, ConfigError> {
    let mut layers = Vec::new();
    let mut visiting = Vec::new();
    push_file(path, &mut layers, &mut visiting)?;
    Ok(layers)
}

fn push_file(
    path: &std::path::Path,
    layers: &mut Vec<Layer>,
    visiting: &mut Vec<std::path::PathBuf>,
) -> Result<(), ConfigError> {
    let origin = path.display().to_string();
    if visiting.iter().any(|p| p == path) {
        return Err(ConfigError::new(&origin, "`extends` forms a cycle"));
    }
    let text = std::fs::read_to_string(path)
        .map_err(|e| ConfigError::new(&origin, format!("cannot read the config file: {e}")))?;
    let layer = Layer::parse(origin, text)?;
    visiting.push(path.to_path_buf());
    let base_dir = path.parent().unwrap_or(std::path::Path::new("."));
    let extends = layer
        .config
        .extends
        .clone()
        .unwrap_or_else(|| vec!["jekyll".to_owned()]);
    for (index, name) in extends.iter().enumerate() {
        if super::presets::is_preset_name(name) {
            super::presets::push_preset(name, layers)
                .map_err(|_| layer.error_at(&["extends", &index.to_string()], "unknown preset"))?;
        } else {
            let target = base_dir.join(name);
            if !target.is_file() {
                return Err(layer.error_at(
                    &["extends", &index.to_string()],
                    format!(
                        "`{name}` is neither a preset ({}) nor a config file",
                        super::presets::names().join(", ")
                    ),
                ));
            }
            push_file(&target, layers, visiting)?;
        }
    }
    visiting.pop();
    layers.push(layer);
    Ok(())
}

use super::ConfigError;
