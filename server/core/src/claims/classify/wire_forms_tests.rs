//! Tests of the forms of news wires, court pages and UN reports: who speaks in them and what is only the
//! writer's note.

use super::tests::classes;
use super::*;

#[test]
fn a_body_named_by_its_place_in_an_organisation_speaks_for_it() {
    for text in [
        "Insurgents killed seven rangers in a raid on the post, the reserve's management said Wednesday.",
        "The company said last year that it would resume construction.",
        "The service assesses it highly likely that such activity will continue in 2027.",
        "The defense, led by lawyer Ana Cruz, argued that the victims could not identify the kidnappers.",
        "The Estonian Foreign Intelligence Service assesses that Russia will form a new corps by 2027.",
    ] {
        assert_eq!(classes(text)[0].0, ClaimClass::Attributed, "{text}");
    }
}

#[test]
fn a_name_with_its_age_and_an_appositive_is_the_speaker() {
    let text = "Ode Sulaiman, 41, one of the victims, told the court that the hostages were moved every night.";
    assert_eq!(classes(text)[0].1, Reason::NamedSource("Ode Sulaiman".to_string()));
    assert_eq!(
        classes("Ali Khan, 52, said the bridge had been shelled.")[0].1,
        Reason::NamedSource("Ali Khan".to_string())
    );
}

#[test]
fn what_a_mission_verified_or_recorded_is_its_report() {
    for text in [
        "Since 2016, the Mission has verified the killing of 478 former combatants.",
        "In northern Cauca, the Mission recorded repeated attacks against police stations.",
        "The military has since declared the group dismantled.",
    ] {
        assert_eq!(classes(text)[0].0, ClaimClass::Attributed, "{text}");
    }
}

#[test]
fn a_document_issued_by_a_named_body_is_the_bodys() {
    let text = "According to the budget published by the finance ministry, transfers will cover 41% of spending.";
    assert_eq!(classes(text)[0].0, ClaimClass::Attributed);
    // People and evidence described by whoever handled them stay unnamed.
    for text in [
        "Legal experts consulted by Crisis Group do not expect a ruling before 2027.",
        "Witnesses quoted by Sudanese media said they heard a drone.",
        "Satellite images published by Western analysts suggest that the harbour has been dredged.",
    ] {
        assert_eq!(classes(text)[0].0, ClaimClass::Vague, "{text}");
    }
}

#[test]
fn the_writers_notes_on_a_source_stand_aside() {
    let text = "Police spokesman Jacinto Mabunda said the attackers had fled north. He did not say how many troops \
                had been deployed. He said no arrests had been made.";
    let verdicts = classes(text);
    assert_eq!(verdicts[1].1, Reason::WritersNote);
    assert_eq!(verdicts[2].0, ClaimClass::Attributed);
    for note in [
        "He spoke on condition of anonymity because he was not authorized to speak to reporters.",
        "The committee did not provide evidence for its account.",
        "FILE - Rangers patrol near the Lugenda River, Aug. 14, 2023.",
    ] {
        assert_eq!(classes(note)[0].0, ClaimClass::NotAClaim, "{note}");
    }
    // A note after the claim leaves the claim.
    let claim = "Two villagers were killed, according to an official who spoke on condition of anonymity because he \
                 was not authorized to brief the media.";
    assert_eq!(classes(claim)[0].0, ClaimClass::Vague);
}

#[test]
fn a_name_that_ends_on_its_short_form_takes_an_appositive_and_an_initial_opens_no_aside() {
    for text in [
        "The European Union Monitoring Mission (EUMM), an unarmed mission that has patrolled the line since 2008, \
         counted 27 detentions near the line.",
        "The defense, led by lawyer Abdulhakim P. Ututalum, argued that the victims could not identify the men.",
    ] {
        assert_eq!(classes(text)[0].0, ClaimClass::Attributed, "{text}");
    }
}

#[test]
fn a_share_of_what_a_named_source_counted_goes_on_with_it() {
    for text in [
        "ACLED recorded 31 violent incidents in Cabinda in 2026. Most of them took place in the north.",
        "Since then more than 7,000 people have been killed, according to Deep South Watch. Most of the dead were \
         civilians.",
        "Of the 64 displaced people we interviewed, 23 had been evicted. Nine of them had received no notice.",
    ] {
        assert_eq!(classes(text)[1].0, ClaimClass::Attributed, "{text}");
    }
    // Without a count before it, a share is the writer's own.
    assert_eq!(
        classes("The port is busy. Most of them are tankers.")[1].0,
        ClaimClass::Unattributed
    );
}

#[test]
fn a_verb_inside_a_relative_aside_reports_nothing_of_the_claim() {
    let text = "Two judicial officials, who spoke on condition of anonymity because they feared for their safety, \
                said the men had been driven to the airport.";
    assert_eq!(
        classes(text)[0].1,
        Reason::AnonymousSource("Two judicial officials".to_string())
    );
}

#[test]
fn what_the_writer_could_not_learn_is_a_note() {
    for note in [
        "The ministry did not give the names or ranks of the dead.",
        "Reuters could not determine where the men are now.",
        "The release has not been previously reported.",
        "Morocco's Royal Armed Forces have not commented.",
    ] {
        assert_eq!(classes(note)[0].1, Reason::WritersNote, "{note}");
    }
    assert_eq!(
        classes("The army did not release the prisoners.")[0].0,
        ClaimClass::Unattributed
    );
}

#[test]
fn an_agreement_made_is_an_event_and_what_it_provides_is_its_own() {
    assert_eq!(
        classes("The neighbours agreed a ceasefire along the Line of Control in 2003.")[0].0,
        ClaimClass::Unattributed
    );
    assert_eq!(
        classes("ODNI agreed with our recommendation.")[0].0,
        ClaimClass::Attributed
    );
    assert_eq!(
        classes("Under the deal, the militia must leave the port within 60 days.")[0].0,
        ClaimClass::Attributed
    );
}

#[test]
fn a_document_of_a_named_institution_is_the_institutions() {
    let verdicts = classes(
        "The defence ministry's weekly summary, published on 2 December, said troops had arrested nine people. \
         It also reported the interception of 287 migrants.",
    );
    assert_eq!(verdicts[0].0, ClaimClass::Attributed);
    assert_eq!(verdicts[1].0, ClaimClass::Attributed);
}
