//! The TOML knowledge-base format: one `[[actors]]` table per actor.

use serde::{Deserialize, Serialize};
use std::fmt;
use toml::Spanned;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActorKind {
    ArmedGroup,
    State,
    GovernmentBody,
    Person,
    Place,
    InternationalOrganisation,
    MediaOutlet,
    Event,
    /// Any other organisation: a company, a charity, a bank (most entities of a sanctions list).
    Organisation,
}

impl ActorKind {
    pub fn label(self) -> &'static str {
        match self {
            ActorKind::ArmedGroup => "armed group",
            ActorKind::State => "state",
            ActorKind::GovernmentBody => "government body",
            ActorKind::Person => "person",
            ActorKind::Place => "place",
            ActorKind::InternationalOrganisation => "international organisation",
            ActorKind::MediaOutlet => "media outlet",
            ActorKind::Event => "event or agreement",
            ActorKind::Organisation => "organisation",
        }
    }

    /// Whether an actor of this kind can speak: be the named source of a statement.
    pub fn can_be_a_source(self) -> bool {
        !matches!(self, ActorKind::Place | ActorKind::Event)
    }
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A relation from one actor to another, by id.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelationEntry {
    pub to: Spanned<String>,
    pub kind: String,
}

/// A listing of the actor by a government or international body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Designation {
    pub by: String,
    #[serde(default)]
    pub list: Option<String>,
    #[serde(default)]
    pub since: Option<String>,
    /// The list's own reference number for the entry ("QDe.132").
    #[serde(default)]
    pub reference: Option<String>,
    /// The date of the list's snapshot this was read from ("2025-11-20"): shown with it, since lists change.
    #[serde(default)]
    pub as_of: Option<String>,
}

/// One `[[actors]]` table as written in a file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorEntry {
    pub id: Spanned<String>,
    pub name: String,
    pub kind: ActorKind,
    #[serde(default)]
    pub acronyms: Vec<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub variants: Vec<String>,
    /// Names shown on the card ("also reported as") but never matched in text: a lone given name, a common
    /// word, a list's low-quality alias. The name itself may be one.
    #[serde(default)]
    pub unmatched: Vec<String>,
    #[serde(default)]
    pub nationality: Vec<String>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub relations: Vec<RelationEntry>,
    #[serde(default)]
    pub designations: Vec<Designation>,
    #[serde(default)]
    pub reviewed: Option<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnowledgeBaseFile {
    #[serde(default)]
    pub actors: Vec<ActorEntry>,
}
