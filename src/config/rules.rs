//! Per-rule settings from the `rules:` section of every layer, merged and turned into the set
//! of rule objects a run uses.

use std::collections::BTreeMap;

use super::ConfigError;
use super::file::Layer;
use crate::diagnostic::Severity;
use crate::registry::{self, RuleMeta};
use crate::rule::Rule;

/// A severity, or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

impl Level {
    fn parse(text: &str) -> Option<Level> {
        Some(match text {
            "off" => Level::Off,
            "info" => Level::On(Severity::Info),
            "warning" | "warn" => Level::On(Severity::Warning),
            "error" => Level::On(Severity::Error),
            _ => return None,
        })
    }
}

/// One rule, built with its options, at the severity it reports with.
pub struct ActiveRule {
    pub meta: &'static RuleMeta,
    pub severity: Severity,
    pub rule: Box<dyn Rule>,
}

/// The rules a run uses, in registry order (so output order never depends on config order).
pub struct RuleSet {
    pub active: Vec<ActiveRule>,
}

impl RuleSet {
    pub fn get(&self, code: &str) -> Option<&ActiveRule> {
        self.active.iter().find(|rule| rule.meta.code == code)
    }

    /// Does any active rule compare files across the site?
    pub fn compares_files(&self) -> bool {
        self.active.iter().any(|rule| rule.rule.compares_files())
    }
}

#[derive(Default)]
struct Setting {
    level: Option<Level>,
    options: Option<yaml_serde::Mapping>,
    /// The layer and key that last set options, for error messages.
    options_origin: Option<(usize, String)>,
}

/// Rule settings merged across layers: a later layer's severity wins; its options are laid
/// over the earlier options key by key.
#[derive(Default)]
pub struct Settings {
    by_code: BTreeMap<&'static str, Setting>,
}

impl Settings {
    /// Apply the `rules:` of `layers[layer_index]`.
    pub fn merge(&mut self, layers: &[Layer], layer_index: usize) -> Result<(), ConfigError> {
        let layer = &layers[layer_index];
        for (key, value) in &layer.config.rules {
            let Some(meta) = registry::find(key) else {
                return Err(layer
                    .error_at(&["rules", key], format!("unknown rule `{key}`"))
                    .with_help(suggest_rule(key)));
            };
            let setting = self.by_code.entry(meta.code).or_default();
            let bad = |what: &str| layer.error_at(&["rules", key], what.to_owned());
            match value {
                yaml_serde::Value::String(text) => {
                    setting.level = Some(Level::parse(text).ok_or_else(|| {
                        bad("a rule setting is `error`, `warning`, `info`, `off`, or a mapping with `severity` and options")
                    })?);
                }
                yaml_serde::Value::Mapping(map) => {
                    let mut options = setting.options.take().unwrap_or_default();
                    for (option, option_value) in map {
                        if option.as_str() == Some("severity") {
                            let level = option_value.as_str().and_then(Level::parse);
                            setting.level = Some(level.ok_or_else(|| {
                                bad("`severity` is `error`, `warning`, `info` or `off`")
                            })?);
                        } else {
                            options.insert(option.clone(), option_value.clone());
                        }
                    }
                    if !options.is_empty() {
                        setting.options_origin = Some((layer_index, key.clone()));
                        setting.options = Some(options);
                    }
                }
                _ => return Err(bad("a rule setting is a severity or a mapping")),
            }
        }
        Ok(())
    }

    /// Build every rule that is not `off`, with its options.
    pub fn build(mut self, layers: &[Layer]) -> Result<RuleSet, ConfigError> {
        let mut active = Vec::new();
        for meta in registry::RULES {
            let setting = self.by_code.remove(meta.code).unwrap_or_default();
            let severity = match setting.level {
                Some(Level::Off) => continue,
                Some(Level::On(severity)) => severity,
                None => meta.default_severity,
            };
            let rule = (meta.build)(setting.options.map(yaml_serde::Value::Mapping)).map_err(
                |message| match &setting.options_origin {
                    Some((layer, key)) => layers[*layer].error_at(
                        &["rules", key],
                        format!("invalid options for `{}`: {message}", meta.name),
                    ),
                    None => ConfigError::new("config", message),
                },
            )?;
            active.push(ActiveRule {
                meta,
                severity,
                rule,
            });
        }
        Ok(RuleSet { active })
    }
}

fn suggest_rule(key: &str) -> String {
    let names = registry::RULES.iter().map(|rule| rule.name);
    match crate::suggest::closest(key, names) {
        Some(name) => format!("did you mean `{name}`? `frontlint rules` lists every rule"),
        None => "`frontlint rules` lists every rule".to_owned(),
    }
}
