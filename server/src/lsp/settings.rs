//! Editor settings: `initializationOptions` and the `brieflint` section of `workspace/configuration`, e.g.
//! `{ "rules": { "relative-date": "off" }, "knowledgeBase": "team/actors.toml", "likelihoodScale": "phia" }`.
//! They apply on top of the workspace's `brieflint.toml`; `enable` says which documents are linted at all.

use brieflint_core::claims::likelihood::Scale;
use brieflint_core::config::Level;
use brieflint_core::{rules, RuleSettings};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum OneOrMany {
    #[default]
    None,
    One(String),
    Many(Vec<String>),
}

/// Which documents the server lints (`brieflint.enable`).
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Enable {
    /// Documents in a brieflint workspace (a `brieflint.toml` or `.brieflint/` at or above them), and those whose
    /// front matter says `brieflint: true`: an editor opens many Markdown files that are not briefings.
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct EditorSettings {
    pub enable: Enable,
    /// Rule code to level; read one by one so that one bad entry does not discard the rest.
    pub rules: BTreeMap<String, serde_json::Value>,
    /// Extra knowledge-base files, relative to the workspace root.
    pub knowledge_base: OneOrMany,
    pub likelihood_scale: Option<Scale>,
    pub trusted_sources: Vec<String>,
    pub vague_phrases: Vec<String>,
}

impl EditorSettings {
    /// Settings from a JSON value, or the reason they cannot be read. `null` means none.
    pub fn from_json(value: Option<serde_json::Value>) -> Result<EditorSettings, String> {
        match value {
            None | Some(serde_json::Value::Null) => Ok(EditorSettings::default()),
            Some(value) => serde_json::from_value(value).map_err(|e| format!("brieflint settings ignored: {e}")),
        }
    }

    pub fn knowledge_base_files(&self) -> Vec<String> {
        match &self.knowledge_base {
            OneOrMany::None => Vec::new(),
            OneOrMany::One(path) => vec![path.clone()],
            OneOrMany::Many(paths) => paths.clone(),
        }
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
    }

    /// The configuration's rule settings with these on top; unknown rule codes and bad levels are returned, not
    /// applied.
    pub fn apply(&self, base: &RuleSettings) -> (RuleSettings, Vec<String>) {
        let mut settings = base.clone();
        let mut unknown = Vec::new();
        for (code, level) in &self.rules {
            match serde_json::from_value::<Level>(level.clone()) {
                Ok(level) if rules::by_code(code).is_some() => {
                    settings.severities.insert(code.clone(), level.severity());
                }
                Ok(_) => unknown.push(code.clone()),
                Err(_) => unknown.push(format!("{code} = {level}")),
            }
        }
        if let Some(scale) = self.likelihood_scale {
            settings.likelihood_scale = scale;
        }
        settings.trusted_sources.extend(self.trusted_sources.iter().cloned());
        settings.vague_phrases.extend(self.vague_phrases.iter().cloned());
        (settings, unknown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use brieflint_core::Severity;
    use serde_json::json;

    #[test]
    fn editor_rules_override_the_configuration() {
        let mut base = RuleSettings::default();
        base.severities.insert("relative-date".into(), Some(Severity::Error));
        let editor = EditorSettings::from_json(Some(json!({
            "rules": { "relative-date": "off", "no-such-rule": "error", "unattributed-claim": "loud" },
            "knowledgeBase": "team/actors.toml",
            "likelihoodScale": "phia"
        })))
        .unwrap();
        let (settings, unknown) = editor.apply(&base);
        assert_eq!(settings.severities["relative-date"], None);
        assert_eq!(settings.likelihood_scale, Scale::Phia);
        assert_eq!(unknown, vec!["no-such-rule", "unattributed-claim = \"loud\""]);
        assert!(!settings.severities.contains_key("unattributed-claim"));
        assert_eq!(editor.knowledge_base_files(), vec!["team/actors.toml"]);
    }

    #[test]
    fn enable_is_auto_unless_set() {
        assert_eq!(EditorSettings::from_json(None).unwrap().enable, Enable::Auto);
        let always = EditorSettings::from_json(Some(json!({ "enable": "always" }))).unwrap();
        assert_eq!(always.enable, Enable::Always);
    }

    #[test]
    fn bad_settings_are_an_error_not_a_panic() {
        assert!(EditorSettings::from_json(Some(json!({ "rules": ["off"] }))).is_err());
        assert!(EditorSettings::from_json(Some(json!({ "likelihoodScale": "percent" }))).is_err());
        assert!(EditorSettings::from_json(Some(json!({ "enable": "sometimes" }))).is_err());
        assert_eq!(EditorSettings::from_json(None).unwrap(), EditorSettings::default());
    }
}
