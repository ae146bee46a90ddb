//! Tests of the verdicts on the forms of government reports and articles: what a named law grants, the
//! instances of a reported finding, notes under the text and the note on the author.

use super::tests::classes;
use super::*;

#[test]
fn what_a_law_grants_or_bars_goes_on_in_the_paragraph() {
    let paragraph = classes(
        "The Intelligence Reform Act assigns the DNI two of the roles the DCI held. The DNI will head the \
         Intelligence Community. The DNI is authorized to transfer personnel between elements.",
    );
    assert!(matches!(paragraph[1].1, Reason::CarriedOver(_)), "{paragraph:?}");
    assert!(matches!(paragraph[2].1, Reason::CarriedOver(_)), "{paragraph:?}");
    // Without the law before it, and for a forecast after it, the sentence stands alone.
    assert_eq!(
        classes("The DNI will head the Intelligence Community.")[0].0,
        ClaimClass::Unattributed
    );
    let forecast = classes(
        "The Intelligence Authorization Act created the Multi-Sector Workforce. There will be more hybrid \
         employment models.",
    );
    assert_eq!(forecast[1].0, ClaimClass::Unattributed, "{forecast:?}");
}

#[test]
fn a_laws_own_name_for_itself_sources_what_it_does() {
    let found = classes(
        "This act requires the President to impose sanctions on foreign persons. The President may waive the \
         sanctions for up to 180 days.",
    );
    assert_eq!(
        found[0],
        (ClaimClass::Attributed, Reason::NamedSource("This act".into()))
    );
    assert!(matches!(found[1].1, Reason::CarriedOver(_)), "{found:?}");
    // A plan described by where it came from is a thing that acts, not a document that provides.
    let plan = classes("The cyber plan created under the CNCI will help coordinate federal activities.");
    assert_eq!(plan[0].0, ClaimClass::Unattributed, "{plan:?}");
}

#[test]
fn an_instance_of_a_reported_finding_goes_on_with_its_source() {
    let found = classes(
        "The Defense Department inspector general reported several limitations in the inventory. For example, the data changed \
         definitions twice. In particular, two elements kept no records.",
    );
    assert!(matches!(found[1].1, Reason::CarriedOver(_)), "{found:?}");
    assert!(matches!(found[2].1, Reason::CarriedOver(_)), "{found:?}");
    assert_eq!(
        classes("For example, the data changed definitions twice.")[0].0,
        ClaimClass::Unattributed
    );
}

#[test]
fn notes_under_the_text_are_source_notes() {
    for text in [
        "12CBP, U.S. Border Patrol, Tucson Sector Activity Summary, Fiscal Year 2025 (Tucson, Ariz.: Nov. 2025).",
        "37 Crisis Group interviews, senior Guyanese officials, Georgetown, May and September 2026.",
    ] {
        assert_eq!(classes(text)[0].1, Reason::SourceNote, "{text}");
    }
}

#[test]
fn the_note_on_the_author_is_no_claim() {
    for text in [
        "Marcus Ellery is a senior fellow in the Indo-Pacific Security Program.",
        "Jane Doe is an independent research analyst at the Centre for Strategic Studies.",
        "She is a correspondent for the paper in Nairobi.",
    ] {
        assert_eq!(classes(text)[0].1, Reason::MetaText, "{text}");
    }
    for text in [
        "Abdul Wali is a senior commander of the group in Bajaur.",
        "The minister is a former analyst at the central bank.",
    ] {
        assert_eq!(classes(text)[0].0, ClaimClass::Unattributed, "{text}");
    }
}

#[test]
fn the_worth_of_a_course_framed_by_it_prescribes() {
    for text in [
        "It is also important for agency employees to gain a wider perspective.",
        "It will be essential to fund the program for five years.",
        "Being able to deliver data across platforms is key to our overall success.",
    ] {
        assert_eq!(classes(text)[0].1, Reason::Prescription, "{text}");
    }
    assert_eq!(
        classes("It is important that the attack failed.")[0].1,
        Reason::Prescription,
        "the frame prescribes whatever follows it"
    );
}

#[test]
fn a_report_named_in_a_leading_as_clause_sources_the_sentence() {
    for (text, source) in [
        (
            "As stated in the ATA, Beijing is combining its military power with its economic clout.",
            "the ATA",
        ),
        (
            "As noted by the Panel of Experts, the group moved its depots in May.",
            "the Panel of Experts",
        ),
    ] {
        assert_eq!(
            classes(text)[0],
            (ClaimClass::Attributed, Reason::NamedSource(source.into())),
            "{text}"
        );
    }
    assert_eq!(
        classes("As expected, the group moved its depots in May.")[0].0,
        ClaimClass::Unattributed
    );
}

#[test]
fn a_numbered_directive_is_named_whatever_words_open_its_title() {
    let found =
        classes("Intelligence Community Directive 900, which governs mission managers, describes their role as broad.");
    assert_eq!(
        found[0],
        (
            ClaimClass::Attributed,
            Reason::NamedSource("Intelligence Community Directive 900".into())
        )
    );
}

#[test]
fn a_named_body_recognizes_as_it_notes() {
    let found = classes("ODNI recognizes that the partnership with industry has become more critical.");
    assert_eq!(found[0], (ClaimClass::Attributed, Reason::NamedSource("ODNI".into())));
}

#[test]
fn what_a_course_of_action_requires_prescribes() {
    for text in [
        "Countering the cyber threat requires a coordinated strategy from the federal government.",
        "This requires relentless application of incentives and accountability.",
        "Any such initiative requires a solid legal basis and strict oversight.",
        "This may require different approaches to acquisition.",
    ] {
        assert_eq!(classes(text)[0].1, Reason::Prescription, "{text}");
    }
    for text in [
        "The operation required 500 troops and two helicopters.",
        "The militia requires fuel from across the border.",
    ] {
        assert_eq!(classes(text)[0].0, ClaimClass::Unattributed, "{text}");
    }
}

#[test]
fn people_of_a_kind_who_report_are_anonymous() {
    for (text, source) in [
        (
            "Russian milbloggers claimed that Russian forces advanced west of the village.",
            "Russian milbloggers",
        ),
        ("Truck drivers reported long queues at the crossing.", "Truck drivers"),
    ] {
        assert_eq!(
            classes(text)[0],
            (ClaimClass::Vague, Reason::AnonymousSource(source.into())),
            "{text}"
        );
    }
    // Named people remain named; a kind of people with no reporting verb asserts.
    assert_eq!(classes("Ahmed Khan reported long queues.")[0].0, ClaimClass::Attributed);
    assert_eq!(
        classes("Truck drivers waited at the crossing for two days.")[0].0,
        ClaimClass::Unattributed
    );
}

#[test]
fn someone_unnamed_who_said_it_is_a_vague_source() {
    let found = classes(
        "Two drivers at the depot spoke to the magazine. One of them said the minibuses had been stopped twice.",
    );
    assert_eq!(
        found[1],
        (ClaimClass::Vague, Reason::AnonymousSource("One of them".into()))
    );
}

#[test]
fn the_furniture_of_features_letters_and_briefs_is_no_claim() {
    for (text, reason) in [
        (
            "How grenades from old stockpiles keep reaching gangs, and why nobody seems responsible for stopping them",
            Reason::Fragment,
        ),
        (
            "The members of the Panel of Experts have the honour to transmit herewith the final report of the Panel.",
            Reason::MetaText,
        ),
        ("Next brief: Tuesday 8 December 2026, 07:00 WAT.", Reason::MetaText),
        (
            "The data cut-off for this product was 12:30pm ET on December 6.",
            Reason::MetaText,
        ),
        ("12 Notifications on file with the Secretariat.", Reason::SourceNote),
    ] {
        assert_eq!(classes(text)[0].1, reason, "{text}");
    }
    // A closed sentence that opens with "How" asserts; so does a label with a claim after it.
    assert_eq!(
        classes("How the group financed the attack remains unclear.")[0].0,
        ClaimClass::Unattributed
    );
    assert_eq!(
        classes("Update: the army retook the town on 8 December.")[0].0,
        ClaimClass::Unattributed
    );
}

#[test]
fn the_act_named_before_goes_on_stating() {
    let found = classes(
        "This act requires the President to impose sanctions on foreign persons. The act also states the sense \
         of Congress that the expiry of the mandate has weakened monitoring.",
    );
    assert_eq!(
        found[1],
        (ClaimClass::Attributed, Reason::CarriedOver("This act".into()))
    );
}

#[test]
fn a_share_of_the_count_before_goes_on_with_its_source() {
    let dataset = classes(
        "Data from the customs administration show that officers seized 23 hand grenades in 2025. All but two \
         were found in private cars.",
    );
    assert!(matches!(dataset[1].1, Reason::CarriedOver(_)), "{dataset:?}");
    let own = classes(
        "We found that 83 per cent of the components in 41 drones were made abroad. Most had been shipped \
         through distributors in Hong Kong.",
    );
    assert!(matches!(own[1].1, Reason::CarriedOver(_)), "{own:?}");
    assert_eq!(
        classes("Most had been shipped through distributors in Hong Kong.")[0].0,
        ClaimClass::Unattributed
    );
}

#[test]
fn a_note_that_opens_with_its_number_keeps_its_frame() {
    for text in [
        "5According to Border Patrol officials, the mobile systems are moved between sectors.",
        "(3) According to the ministry, 40 people died in the floods.",
    ] {
        assert_eq!(classes(text)[0].0, ClaimClass::Attributed, "{text}");
    }
}

#[test]
fn a_body_set_up_by_a_named_law_is_described_by_the_law() {
    let found = classes(
        "Established in the Intelligence Reform Act, the council is made up of the secretaries of defense and state.",
    );
    assert_eq!(
        found[0],
        (
            ClaimClass::Attributed,
            Reason::NamedSource("the Intelligence Reform Act".into())
        )
    );
    assert_eq!(
        classes("Established in 2004, the council is made up of six secretaries.")[0].0,
        ClaimClass::Unattributed
    );
}

#[test]
fn the_members_of_a_named_body_speak_as_the_body() {
    let found = classes(
        "The members of the Security Council condemned the attack on the patrol. They urged all parties to return \
         to dialogue.",
    );
    assert_eq!(
        found[0],
        (
            ClaimClass::Attributed,
            Reason::NamedSource("The members of the Security Council".into())
        )
    );
    assert!(matches!(found[1].1, Reason::CarriedOver(_)), "{found:?}");
    assert_eq!(
        classes("Members of Congress have argued that sanctions cannot work.")[0].0,
        ClaimClass::Vague
    );
}

#[test]
fn a_note_that_no_answer_came_is_no_claim() {
    for text in [
        "The SAF did not respond to our questions.",
        "The authorities did not respond.",
        "The police did not respond to AFP's requests for comment on Sunday.",
    ] {
        assert_eq!(classes(text)[0].1, Reason::WritersNote, "{text}");
    }
    assert_eq!(
        classes("The army did not respond to the attack for two days.")[0].0,
        ClaimClass::Unattributed
    );
}

#[test]
fn a_studys_hypotheses_and_its_notes_on_itself_are_no_claims() {
    for text in [
        "H1: Brigades that held patronage control are more likely to have won seats in 2021.",
        "Hypothesis 2: The effect is larger where the brigade was the dominant armed actor.",
        "This article asks why some armed factions turned battlefield prestige into electoral power.",
        "The following Security Council press statement was issued today by the President of the Council:",
        "The following is a near-verbatim transcript of today's noon briefing by the Spokesperson.",
    ] {
        assert_eq!(classes(text)[0].0, ClaimClass::NotAClaim, "{text}");
    }
    assert_eq!(
        classes("HQ: The army moved its headquarters to Bannu in May.")[0].0,
        ClaimClass::Unattributed
    );
}

#[test]
fn more_than_half_of_the_count_before_goes_on_with_its_source() {
    let found = classes(
        "Interior ministry data show 903 homicides nationwide in November, according to the ministry. More than \
         half were recorded in Guayas province.",
    );
    assert!(matches!(found[1].1, Reason::CarriedOver(_)), "{found:?}");
}

#[test]
fn a_report_that_opens_with_a_participle_before_its_noun_is_still_reported() {
    for (text, source) in [
        (
            "The police commissioner said hired gunmen had taken part in the attack.",
            "The police commissioner",
        ),
        (
            "The interior minister said armed men had stormed the depot.",
            "The interior minister",
        ),
    ] {
        assert_eq!(
            classes(text)[0],
            (ClaimClass::Attributed, Reason::NamedSource(source.into())),
            "{text}"
        );
    }
    // "claims" before a verb is a noun: no frame.
    assert_eq!(
        classes("The group's claims appeared online within hours.")[0].0,
        ClaimClass::Unattributed
    );
}

#[test]
fn an_institutions_own_records_and_a_documents_authors_name_their_source() {
    assert_eq!(
        classes("Interior ministry figures showed 903 homicides nationwide in November.")[0],
        (
            ClaimClass::Attributed,
            Reason::NamedSource("Interior ministry figures".into())
        )
    );
    let found = classes(
        "A 2024 study by the Euphrates Water Research Centre found that the river had fallen to a record low. Its \
         authors said reduced flow from upstream had combined with two dry winters.",
    );
    assert!(matches!(found[1].1, Reason::CarriedOver(_)), "{found:?}");
}

#[test]
fn orders_stamps_and_reaffirmations() {
    assert_eq!(
        classes("Immediately release everyone detained solely because of a relative's activities.")[0].1,
        Reason::Instruction
    );
    assert_ne!(
        classes("Recently arrived migrants said the camp was full.")[0].1,
        Reason::Instruction
    );
    assert_eq!(classes("1.12 pm")[0].1, Reason::MetaText);
    assert_eq!(
        classes("Volume 781: debated on Thursday 3 December 2026")[0].1,
        Reason::MetaText
    );
    assert_eq!(
        classes("The members of the Security Council reaffirmed their full support for the mission.")[0].0,
        ClaimClass::Attributed
    );
    assert_eq!(
        classes("The Government do not comment on whether an organisation is being considered.")[0].1,
        Reason::WritersNote
    );
}

#[test]
fn cases_documented_by_a_named_body_in_the_leading_phrase_name_it() {
    assert_eq!(
        classes("In 29 of the 37 cases documented by Human Rights Watch, officers arrived after dark.")[0],
        (ClaimClass::Attributed, Reason::NamedSource("Human Rights Watch".into()))
    );
    // Inside the main clause the participle describes what the sentence says.
    assert_eq!(
        classes("The most common crime reported by small businesses was theft.")[0].0,
        ClaimClass::Unattributed
    );
}

#[test]
fn what_others_told_the_writer_is_vague() {
    for text in [
        "We are told that the review has been sitting on the Home Secretary's desk since the summer.",
        "I am told by people who work on sanctions that barely any money has been frozen.",
        // A conjunction linking the sentence to the one before needs no comma.
        "Yet I am told by people who work on sanctions that barely any money has been frozen.",
        "But we are told that the review has been sitting on the desk since the summer.",
        "We have seen media reports of aerial bombardments in Nasir County.",
    ] {
        assert_eq!(classes(text)[0].0, ClaimClass::Vague, "{text}");
    }
    // Allegations put to the speaker are no report passed on; the writer's own finding is theirs.
    assert_ne!(
        classes("I have seen those allegations, and I have asked the Mission for more information.")[0].0,
        ClaimClass::Vague
    );
    assert_eq!(
        classes("We found that the data were incomplete.")[0].0,
        ClaimClass::Attributed
    );
}

#[test]
fn unnamed_people_and_evidence_of_a_kind_and_reports_no_one_made() {
    assert_eq!(
        classes("One Russian milblogger claimed that Russian forces had encircled a company.")[0].0,
        ClaimClass::Vague
    );
    assert_eq!(
        classes("Geolocated footage indicates that Ukrainian forces still operate in the village.")[0].0,
        ClaimClass::Vague
    );
    assert_eq!(
        classes("Neither the Russian MoD nor prominent milbloggers have claimed advances near the town.")[0].0,
        ClaimClass::Unattributed
    );
    assert_eq!(
        classes("ACLED data show 312 reported fatalities in Yemen in the four weeks to 28 November.")[0].0,
        ClaimClass::Attributed
    );
}

#[test]
fn the_rest_of_a_sentence_after_a_hard_line_break_is_a_fragment() {
    let verdicts = classes(
        "When reporting to committees, clearly specify  \nlimitations and methodological changes and their  \n\
         associated effects. The office cut the budget.",
    );
    assert_eq!(verdicts[1].1, Reason::Fragment);
    assert_eq!(verdicts[2].1, Reason::Fragment);
    assert_eq!(verdicts[3].0, ClaimClass::Unattributed);
}

#[test]
fn bare_people_of_a_body_just_named_are_its_people() {
    let verdicts = classes(
        "We asked ODNI officials about the gaps and officials told us that the rules had changed. The officials \
         explained that a new policy would follow. Moreover, officials stated that the post was advertised.",
    );
    assert!(verdicts.iter().all(|v| v.0 == ClaimClass::Attributed), "{verdicts:?}");
    // A nationality names no body, in the sentence or before it.
    let verdicts = classes("Pakistani officials said the border was shut, and officials added that it would reopen.");
    assert_eq!(verdicts[0].0, ClaimClass::Vague);
}
