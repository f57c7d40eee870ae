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

/// The doc with a header line and the default options appended.
pub fn explanation(rule: &RuleMeta) -> String {
    let options = (rule.default_options)();
    let options_text = match &options {
        yaml_serde::Value::Mapping(map) if map.is_empty() => {
            "This rule has no options.\n".to_owned()
        }
        yaml_serde::Value::Null => "This rule has no options.\n".to_owned(),
        value => {
            let mut rules = yaml_serde::Mapping::new();
            let mut setting = yaml_serde::Mapping::new();
            setting.insert("severity".into(), rule.default_severity.as_str().into());
            if let yaml_serde::Value::Mapping(map) = value {
                setting.extend(map.clone());
            }
            rules.insert(rule.name.into(), yaml_serde::Value::Mapping(setting));
            let mut root = yaml_serde::Mapping::new();
            root.insert("rules".into(), yaml_serde::Value::Mapping(rules));
            let yaml = yaml_serde::to_string(&root).unwrap_or_default();
            format!("In `.frontlint.yml`, with the defaults:\n\n```yaml\n{yaml}```\n")
        }
    };
    format!(
        "# {} {}\n\nDefault severity: {} · Fixable: {}\n\n{}\n## Default options\n\n{}",
        rule.code,
        rule.name,
        rule.default_severity.as_str(),
        if rule.fixable { "yes" } else { "no" },
        rule.doc_body().trim_end(),
        options_text
    )
}
