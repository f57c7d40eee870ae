//! `frontlint explain CODE|NAME`: a rule's documentation and its default options.

use crate::cli::ExplainArgs;
use crate::registry::{self, RULES, RuleMeta};

use super::{ExitStatus, write_stdout};

pub fn run(args: &ExplainArgs) -> ExitStatus {
    let Some(rule) = registry::find(&args.rule) else {
        let names = RULES.iter().map(|r| r.name);
        match crate::suggest::closest(&args.rule, names) {
            Some(name) => eprintln!("error: no rule `{}`; did you mean `{name}`?", args.rule),
            None => eprintln!(
                "error: no rule `{}`; `frontlint rules` lists them",
                args.rule
            ),
        }
        return ExitStatus::Error;
    };
    match write_stdout(|out| out.write_all(explanation(rule).as_bytes())) {
        Ok(()) => ExitStatus::Success,
        Err(_) => ExitStatus::Error,
    }
}

/// The doc with a header line, and the default options appended for a rule that has any
/// (a rule without options says "None." under its own `## Options`: nothing to add).
pub fn explanation(rule: &RuleMeta) -> String {
    let mut text = format!(
        "# {} {}\n\nDefault severity: {} · Fixable: {}\n\n{}\n",
        rule.code,
        rule.name,
        rule.default_severity.as_str(),
        if rule.fixable { "yes" } else { "no" },
        rule.doc_body().trim(),
    );
    if let Some(yaml) = default_options_yaml(rule) {
        text.push_str(
            "\n## Default options\n\nIn `.frontlint.yml`, with the defaults:\n\n```yaml\n",
        );
        text.push_str(&yaml);
        text.push_str("```\n");
    }
    text
}

/// The rule's settings in `.frontlint.yml` with every option at its default, or `None` when
/// the rule has no options.
fn default_options_yaml(rule: &RuleMeta) -> Option<String> {
    let yaml_serde::Value::Mapping(options) = (rule.default_options)() else {
        return None;
    };
    if options.is_empty() {
        return None;
    }
    let mut setting = yaml_serde::Mapping::new();
    setting.insert("severity".into(), rule.default_severity.as_str().into());
    setting.extend(options);
    let mut rules = yaml_serde::Mapping::new();
    rules.insert(rule.name.into(), yaml_serde::Value::Mapping(setting));
    let mut root = yaml_serde::Mapping::new();
    root.insert("rules".into(), yaml_serde::Value::Mapping(rules));
    yaml_serde::to_string(&root).ok()
}
