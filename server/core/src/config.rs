//! `brieflint.toml`: one configuration read by the CLI and the language server. Parsing only; finding the file
//! is the adapters' job (`workspace.rs`).

use crate::actors::packs;
use crate::claims::genre::Genre;
use crate::claims::likelihood::Scale;
use crate::findings::Severity;
use crate::located::LocatedError;
use crate::model::RuleSettings;
use crate::rules;
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

pub const FILE_NAMES: &[&str] = &["brieflint.toml", ".brieflint.toml"];

/// A rule's level in `[rules]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Info,
    Hint,
    Off,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Info => Some(Severity::Info),
            Level::Hint => Some(Severity::Hint),
            Level::Off => None,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesSection {
    #[serde(default)]
    trusted: Vec<String>,
    #[serde(default)]
    vague: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FilesSection {
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorsSection {
    #[serde(default)]
    packs: Option<Vec<Spanned<String>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigFile {
    #[serde(default)]
    actors: ActorsSection,
    #[serde(default)]
    rules: BTreeMap<String, Spanned<Level>>,
    #[serde(default)]
    knowledge_base: Vec<String>,
    #[serde(default)]
    likelihood_scale: Option<Scale>,
    #[serde(default)]
    sources: SourcesSection,
    #[serde(default)]
    files: FilesSection,
    /// Globs of files of each genre: `doctrine = ["doctrine/**"]`.
    #[serde(default)]
    genres: BTreeMap<Genre, Vec<String>>,
}

/// A loaded configuration. Paths in it are resolved against the configuration file's folder.
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub path: Option<PathBuf>,
    pub settings: RuleSettings,
    /// Knowledge-base files to load on top of the built-in one.
    pub knowledge_base: Vec<PathBuf>,
    /// The built-in packs `[actors] packs` names; `None` where it names none, for the default ones.
    pub packs: Option<Vec<String>>,
    /// Globs (relative to the configuration's folder) of files to check, and to skip.
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    /// Which files are declared of which genre (`[genres]`).
    pub genres: GenreGlobs,
}

/// The `[genres]` globs, relative to the configuration's folder.
#[derive(Clone, Debug, Default)]
pub struct GenreGlobs {
    base: PathBuf,
    globs: Vec<(Genre, GlobSet)>,
}

impl GenreGlobs {
    /// The genre the configuration declares for `path`, if any (the first that matches, in the order
    /// briefing, doctrine, statute).
    pub fn genre_of(&self, path: &Path) -> Option<Genre> {
        if self.globs.is_empty() {
            return None;
        }
        let relative = relative_to(&self.base, path);
        self.globs
            .iter()
            .find(|(_, set)| set.is_match(&relative))
            .map(|(genre, _)| *genre)
    }
}

/// `path` relative to `base` (a configuration's folder), as its globs are written; `path` itself when it is not
/// below it. A configuration found in the current folder has an empty folder name.
pub fn relative_to(base: &Path, path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let base = if base.as_os_str().is_empty() {
        std::env::current_dir().unwrap_or_default()
    } else {
        std::path::absolute(base).unwrap_or_else(|_| base.to_path_buf())
    };
    absolute.strip_prefix(&base).unwrap_or(path).to_path_buf()
}

impl Config {
    /// The built-in packs to load: those `[actors] packs` names, else the default ones.
    pub fn packs(&self) -> Vec<String> {
        self.packs
            .clone()
            .unwrap_or_else(|| packs::DEFAULT_PACKS.iter().map(|p| p.to_string()).collect())
    }

    /// The rule settings for one file: the configuration's, with the genre `[genres]` declares for it.
    pub fn settings_for(&self, path: &Path) -> std::borrow::Cow<'_, RuleSettings> {
        match self.genres.genre_of(path) {
            Some(genre) => std::borrow::Cow::Owned(RuleSettings {
                genre: Some(genre),
                ..self.settings.clone()
            }),
            None => std::borrow::Cow::Borrowed(&self.settings),
        }
    }
}

impl Config {
    /// Parse a configuration; `path` names the file in errors and anchors relative paths.
    pub fn parse(text: &str, path: Option<&Path>) -> Result<Config, LocatedError> {
        let error = |offset: Option<usize>, message: String| {
            LocatedError::at(text, path.map(Path::to_path_buf), offset, message)
        };
        let file: ConfigFile =
            toml::from_str(text).map_err(|e| error(e.span().map(|s| s.start), e.message().trim().to_string()))?;
        let mut settings = RuleSettings::default();
        for (code, level) in &file.rules {
            if rules::by_code(code).is_none() {
                let known: Vec<&str> = rules::ALL.iter().map(|r| r.info().code).collect();
                return Err(error(
                    Some(level.span().start),
                    format!("unknown rule `{code}` in [rules]; the rules are: {}", known.join(", ")),
                ));
            }
            settings.severities.insert(code.clone(), level.get_ref().severity());
        }
        if let Some(names) = &file.actors.packs {
            if let Some(unknown) = names.iter().find(|name| packs::pack(name.get_ref()).is_none()) {
                return Err(error(
                    Some(unknown.span().start),
                    format!(
                        "unknown pack `{}` in [actors] packs; the packs are: {}",
                        unknown.get_ref(),
                        packs::names().join(", ")
                    ),
                ));
            }
        }
        settings.likelihood_scale = file.likelihood_scale.unwrap_or_default();
        settings.trusted_sources = file.sources.trusted;
        settings.vague_phrases = file.sources.vague;
        let base = path.and_then(Path::parent).unwrap_or(Path::new(""));
        let mut globs = Vec::new();
        for (genre, patterns) in &file.genres {
            let mut builder = GlobSetBuilder::new();
            for pattern in patterns {
                let glob =
                    Glob::new(pattern).map_err(|e| error(None, format!("bad glob `{pattern}` in [genres]: {e}")))?;
                builder.add(glob);
            }
            globs.push((*genre, builder.build().map_err(|e| error(None, e.to_string()))?));
        }
        Ok(Config {
            path: path.map(Path::to_path_buf),
            settings,
            knowledge_base: file.knowledge_base.iter().map(|p| base.join(p)).collect(),
            packs: file
                .actors
                .packs
                .map(|names| names.into_iter().map(Spanned::into_inner).collect()),
            include: file.files.include,
            exclude: file.files.exclude,
            genres: GenreGlobs {
                base: base.to_path_buf(),
                globs,
            },
        })
    }
}

/// The commented default file `brieflint init` writes: every rule of the registry at its default severity.
pub fn template() -> String {
    let rules: String = rules::ALL
        .iter()
        .map(|rule| {
            let info = rule.info();
            format!("# {} = \"{}\"\n", info.code, info.default_severity.as_str())
        })
        .collect();
    let packs: Vec<String> = packs::PACKS
        .iter()
        .map(|p| format!("# {}: the {}.\n", p.name, p.about))
        .collect();
    let defaults: Vec<String> = packs::DEFAULT_PACKS.iter().map(|p| format!("\"{p}\"")).collect();
    let actors = format!(
        "[actors]\n# Built-in packs of actors loaded with the curated base (`[]` for none):\n{}# packs = [{}]\n\n",
        packs.concat(),
        defaults.join(", ")
    );
    [TEMPLATE_HEAD, "[rules]\n", &rules, "\n", &actors, TEMPLATE_TAIL].concat()
}

const TEMPLATE_HEAD: &str = r#"# brieflint configuration: read by `brieflint check` and by the language server.

# Knowledge-base files loaded on top of the built-in one, relative to this file.
# knowledge-base = [".brieflint/actors.toml"]

# The likelihood scale estimative-language suggests terms from: "icd203" or "phia".
# likelihood-scale = "icd203"

# Values for rules: "error", "warning", "info", "hint" or "off". `brieflint rules` lists the rules.
"#;

const TEMPLATE_TAIL: &str = r#"[sources]
# Sources your team trusts as named sources, e.g. a wire service or a data set.
# trusted = ["ACLED", "Jane's"]
# Phrases your team treats as vague sourcing.
# vague = ["people familiar with the matter"]

[files]
# Globs of files to check and to skip, relative to this file.
# include = ["briefings/**/*.md"]
# exclude = ["drafts/**"]

[genres]
# Files that are not briefings, relative to this file: their sentences are not asked for sources, and one
# document-genre note says so. A file's front matter may declare it too (`genre: doctrine`).
# doctrine = ["doctrine/**"]
# statute = ["laws/**"]
# briefing = ["drafts/**"]
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, LocatedError> {
        Config::parse(text, Some(Path::new("team/brieflint.toml")))
    }

    #[test]
    fn reads_every_section() {
        let config = parse(
            "knowledge-base = [\"kb/actors.toml\"]\nlikelihood-scale = \"phia\"\n[rules]\nunattributed-claim = \"off\"\nrelative-date = \"error\"\n[sources]\ntrusted = [\"ACLED\"]\nvague = [\"people familiar\"]\n[files]\nexclude = [\"drafts/**\"]\n",
        )
        .unwrap();
        assert_eq!(config.settings.severity("unattributed-claim", Severity::Warning), None);
        assert_eq!(
            config.settings.severity("relative-date", Severity::Info),
            Some(Severity::Error)
        );
        assert_eq!(
            config.settings.severity("vague-attribution", Severity::Warning),
            Some(Severity::Warning)
        );
        assert_eq!(config.settings.likelihood_scale, Scale::Phia);
        assert_eq!(config.knowledge_base, vec![PathBuf::from("team/kb/actors.toml")]);
        assert_eq!(config.settings.trusted_sources, vec!["ACLED"]);
        assert_eq!(config.exclude, vec!["drafts/**"]);
    }

    #[test]
    fn genres_are_declared_by_glob() {
        let config = parse("[genres]\ndoctrine = [\"doctrine/**\"]\nstatute = [\"laws/*.md\"]\n").unwrap();
        let genre = |p: &str| config.settings_for(Path::new(p)).genre;
        assert_eq!(genre("team/doctrine/jp-2-0.md"), Some(Genre::Doctrine));
        assert_eq!(genre("team/laws/act.md"), Some(Genre::Statute));
        assert_eq!(genre("team/briefs/kurram.md"), None);
        assert!(parse("[genres]\npoetry = [\"*.md\"]\n").is_err());
    }

    #[test]
    fn the_template_parses_to_the_defaults() {
        let template = template();
        let config = parse(&template).unwrap();
        assert!(config.settings.severities.is_empty());
        for rule in rules::ALL {
            assert!(
                template.contains(&format!("# {} = ", rule.info().code)),
                "{}",
                rule.info().code
            );
        }
    }

    #[test]
    fn unknown_keys_are_located_errors() {
        let err = parse("[rules]\nunattributed-claim = \"off\"\n\n[colours]\nred = 1\n").unwrap_err();
        assert_eq!(err.line, 4);
        assert!(err.message.contains("colours"), "{}", err.message);
        assert!(err.to_string().starts_with("team/brieflint.toml:4:"), "{err}");
    }

    #[test]
    fn bad_levels_name_the_allowed_values() {
        let err = parse("[rules]\nunattributed-claim = \"loud\"\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 22));
        for allowed in ["error", "warning", "info", "hint", "off"] {
            assert!(err.message.contains(allowed), "{}", err.message);
        }
    }

    #[test]
    fn unknown_rules_and_scales_are_errors() {
        let err = parse("[rules]\n\nno-such-rule = \"off\"\n").unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.message.contains("unknown rule `no-such-rule`") && err.message.contains("unattributed-claim"));
        let err = parse("likelihood-scale = \"nato\"\n").unwrap_err();
        assert!(
            err.message.contains("icd203") && err.message.contains("phia"),
            "{}",
            err.message
        );
    }

    #[test]
    fn packs_are_on_by_default_switchable_and_checked_by_name() {
        assert_eq!(parse("").unwrap().packs(), ["un-sc"]);
        assert_eq!(parse("[actors]\npacks = [\"un-sc\"]\n").unwrap().packs(), ["un-sc"]);
        assert!(parse("[actors]\npacks = []\n").unwrap().packs().is_empty());
        let err = parse("[actors]\npacks = [\"un-sc\", \"eu\"]\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 19));
        assert!(
            err.message.contains("unknown pack `eu`") && err.message.contains("un-sc"),
            "{}",
            err.message
        );
        let template = template();
        assert!(template.contains("[actors]\n") && template.contains("# packs = [\"un-sc\"]"));
    }

    #[test]
    fn a_syntax_error_is_located() {
        let err = parse("[rules\n").unwrap_err();
        assert_eq!(err.line, 1);
    }
}
