//! Built-in presets, shipped as config files in `rules/presets/` and embedded in the binary.

use super::ConfigError;
use super::file::Layer;

/// Name and text of every built-in preset.
pub const PRESETS: &[(&str, &str)] = &[
    ("jekyll", include_str!("../../rules/presets/jekyll.yml")),
    ("isomer", include_str!("../../rules/presets/isomer.yml")),
];

pub fn names() -> Vec<&'static str> {
    PRESETS.iter().map(|(name, _)| *name).collect()
}

/// A bare word (no `/`, no `.yml`) in `extends` names a preset.
pub fn is_preset_name(name: &str) -> bool {
    !name.contains(['/', '\\', '.'])
}

/// Push a preset and its own bases onto `layers`, bases first.
pub fn push_preset(name: &str, layers: &mut Vec<Layer>) -> Result<(), ConfigError> {
    let (_, text) = PRESETS
        .iter()
        .find(|(preset, _)| *preset == name)
        .ok_or_else(|| ConfigError::new(name, format!("unknown preset `{name}`")))?;
    let layer = Layer::parse(format!("preset:{name}"), (*text).to_owned())?;
    // Presets say what they build on explicitly; `jekyll` builds on nothing.
    for base in layer.config.extends.clone().unwrap_or_default() {
        push_preset(&base, layers)?;
    }
    if !layers.iter().any(|l| l.origin == layer.origin) {
        layers.push(layer);
    }
    Ok(())
}

/// The layers of one preset, bases first (for a site without a config file).
pub fn layers(name: &str) -> Result<Vec<Layer>, ConfigError> {
    let mut layers = Vec::new();
    push_preset(name, &mut layers)?;
    Ok(layers)
}
