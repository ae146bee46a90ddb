//! Tests of the clause-level checks: fragments, prescriptions, imperatives, definitions and the first person.

use super::*;
use crate::text::lower_case::Lowered;
use crate::text::words::tokens_into;

fn with_tokens<T>(text: &str, f: impl FnOnce(&[Token]) -> T) -> T {
    let mut lowered = Lowered::with_capacity(text.len());
    lowered.push(text);
    lowered.lower_tokens_outside_ascii(text, 0);
    let mut tokens = Vec::new();
    tokens_into(text, lowered.part(0..text.len()), &mut tokens);
    f(&tokens)
}

fn defines_text(text: &str) -> bool {
    with_tokens(text, |t| defines(text, t))
}

fn list_piece(text: &str) -> bool {
    with_tokens(text, |t| is_list_piece(text, t))
}

fn opening_word(text: &str) -> String {
    with_tokens(text, |t| t[opening(t)].text.to_string())
}

#[test]
fn the_sentence_opens_after_numbers_labels_and_linking_words() {
    assert_eq!(opening_word("(5) The staff plans collection."), "The");
    assert_eq!(opening_word("a. COMINT is derived from intercepts."), "COMINT");
    assert_eq!(opening_word("Answer: It has been my experience."), "It");
    assert_eq!(opening_word("QUESTION 17: Describe the role."), "Describe");
    assert_eq!(opening_word("Moreover, critics contend that it failed."), "critics");
    assert_eq!(opening_word("In addition, the office grew."), "the");
    assert_eq!(opening_word("• Continue to invest in sensors."), "Continue");
    assert_eq!(opening_word("Critics contend that it failed."), "Critics");
}

#[test]
fn statute_headings_and_pieces() {
    assert_eq!(
        opening_word("(c) NOTIFICATION.—The Secretary shall notify the committees."),
        "The"
    );
    assert_eq!(opening_word("(1) IN GENERAL.—The President may waive it."), "The");
    assert!(with_tokens(
        "(c) NOTIFICATION.—The Secretary shall notify the committees.",
        |t| prescribes(t, Starts::of(t))
    ));
    assert!(with_tokens(
        "(B) the Committee on Foreign Affairs.",
        is_enumerated_piece
    ));
    assert!(!with_tokens("(B) The committee met.", is_enumerated_piece));
    assert!(with_tokens("SEC. 5. REPORT ON FINANCIAL FLOWS.", is_in_capitals));
    assert!(!with_tokens("The TTP and the BLA met.", is_in_capitals));
}

#[test]
fn prescriptions() {
    for text in [
        "The Secretary shall submit a report to Congress.",
        "The J-2 should ensure that collection plans are synchronized.",
        "Dissemination priorities must be updated throughout the operation.",
        "To improve collection, the IC must continue to invest.",
        "The intelligence services need to have open minds.",
        "It is crucial that the DNI make his commitment clear.",
        "In addition, the departmental elements must comply with departmental guidance.",
        "The IC elements are also required to follow applicable guidance.",
        "With this said, the polygraph results should never be the sole basis of a decision.",
        "(b) MATTERS TO BE INCLUDED.—Each report required under subsection (a) shall include—",
        "Amounts made available under this section shall remain available until expended.",
    ] {
        assert!(with_tokens(text, |t| prescribes(t, Starts::of(t))), "{text}");
    }
    for text in [
        "The army should have acted sooner.",
        "The militants attacked a post that must be rebuilt.",
        "The ISPR said five soldiers died.",
        "The group that must disarm first has refused.",
        "The ceasefire is likely to collapse before the spring.",
        "Talks are unlikely to resume this year.",
    ] {
        assert!(!with_tokens(text, |t| prescribes(t, Starts::of(t))), "{text}");
    }
}

#[test]
fn imperatives() {
    for text in [
        "Establish formal training requirements for the program.",
        "Develop a formal plan and timeline.",
        "Please explain your understanding of the role.",
        "Recommendation: Take steps to participate in the program.",
        "Assess options for how the inventory could be modified.",
        "In coordination with the IC elements, develop a plan to enhance controls.",
        "• Strengthen the collection management workforce.",
        "Where movement is essential, use vetted armed escorts and travel only by day.",
        // A clause of time inside the order has its own verb.
        "Suspend evictions from temporary housing until each family has been offered a home.",
    ] {
        assert!(with_tokens(text, |t| is_imperative(t, Starts::of(t))), "{text}");
    }
    for text in [
        "Support for the group grew in 2024.",
        "Attacks rose by a third.",
        "Support staff were evacuated on Monday.",
        "Open fighting between the factions broke out in Culiacán.",
        "Border Patrol deploys mobile systems in several sectors.",
        "Police Scotland arrested two men on Tuesday.",
    ] {
        assert!(!with_tokens(text, |t| is_imperative(t, Starts::of(t))), "{text}");
    }
}

#[test]
fn verbless_phrases_titles_and_reference_entries() {
    assert!(with_tokens(
        "• In overseeing the implementation of the program.",
        |t| is_verbless_phrase(t, Starts::of(t))
    ));
    assert!(with_tokens("b. To act in the DNI's place in the DNI's absence.", |t| {
        is_verbless_phrase(t, Starts::of(t))
    }));
    assert!(!with_tokens("In 2019, the office was reorganised.", |t| {
        is_verbless_phrase(t, Starts::of(t))
    }));
    assert!(!with_tokens(
        "To date, however, the program remains a disjointed effort.",
        |t| is_verbless_phrase(t, Starts::of(t))
    ));
    let title = |text: &str| with_tokens(text, |t| is_title(text, t));
    assert!(title(
        "Additional Prehearing Questions for Dennis Blair upon Nomination"
    ));
    assert!(!title("Militants attack the post near the border"));
    assert!(!title("The Joint Duty Program Office Was Reorganised."));
    assert!(is_reference_entry(
        "7 Intelligence Community Directive 601, Human Capital: Duty Assignments (May 16, 2006)."
    ));
    assert!(is_reference_entry(
        "12 U.S. Congress, Senate, report to accompany S. 2506, 107th Cong., 2nd Sess."
    ));
    assert!(!is_reference_entry(
        "40 Pakistani soldiers died in 2024, the army said."
    ));
}

#[test]
fn the_author_in_the_first_person() {
    let person = |text: &str| {
        with_tokens(text, |t| {
            first_person(text, t, Starts::of(t)).map(|r| text[r].to_string())
        })
    };
    assert_eq!(person("I believe the truce will collapse.").as_deref(), Some("I"));
    assert_eq!(person("In my view, the junta is weakening.").as_deref(), Some("my"));
    assert_eq!(person("We designed a new case system.").as_deref(), Some("We"));
    assert_eq!(person("Our recommendations rest on the audit.").as_deref(), Some("Our"));
    assert_eq!(person("“We will not negotiate,” the minister said."), None);
    assert_eq!(person("The army doubled our estimate."), None);
    assert_eq!(person("Our adversaries are improving their abilities."), None);
    assert_eq!(person("No one approach will work for the issues we face today."), None);
    assert_eq!(
        person("As we note in our report, the plan helps.").as_deref(),
        Some("we")
    );
    assert_eq!(
        person("To check the data, we reviewed the records.").as_deref(),
        Some("we")
    );
    assert_eq!(person("The budget of I&A grew."), None);
    assert_eq!(
        person("Four agencies lacked records for most of the contracts we sampled.").as_deref(),
        Some("we")
    );
    assert_eq!(person("The officials we met with were candid."), None);
    assert_eq!(
        person("The committees often ask for our views on pending bills.").as_deref(),
        Some("our")
    );
    assert_eq!(person("The strikes hit our allies hardest."), None);
}

#[test]
fn a_leading_time_phrase_opens_the_sentence_without_a_comma() {
    let main_word = |text: &str| with_tokens(text, |t| t[Starts::of(t).main].text.to_string());
    assert_eq!(main_word("In May 2010 the commission recommended a merger."), "the");
    assert_eq!(main_word("On 3 March the army said it had retaken the town."), "the");
    assert_eq!(main_word("On Monday Reuters reported a second strike."), "Reuters");
    assert_eq!(main_word("Last week the ministry said the talks had failed."), "the");
    assert_eq!(main_word("In the past year the group grew."), "In");
    assert_eq!(main_word("In 2019 attacks rose by a third."), "In");
    assert_eq!(main_word("In 2019, the ministry said so."), "the");
}

#[test]
fn definitions_and_list_pieces() {
    assert!(defines_text(
        "The term covered agency means an element of the community."
    ));
    assert!(defines_text(
        "SIGINT is defined as intelligence from intercepted signals."
    ));
    assert!(!defines_text("The deal means the army will withdraw."));
    assert!(defines_text(
        "As used in this section, the term agency includes the office."
    ));
    assert!(!defines_text(
        "Explosives used in recent attacks came from Afghanistan."
    ));
    assert!(defines_text("(2) COMMITTEES.—The term “appropriate committees” means—"));
    assert!(defines_text(
        "This Act may be cited as the “Cartel Finance Act of 2025”."
    ));
    assert!(defines_text(
        "Counter-threat finance is the effort to detect and disrupt financial networks."
    ));
    assert!(!defines_text("The raid is the third attack on the post this month."));
    assert!(list_piece("clearly defining its mission,"));
    assert!(list_piece("revise the guidance; and"));
    assert!(list_piece("This framework could include things such as"));
    assert!(list_piece(
        "(b) ORGANIZATIONS.—An organization described in this subsection is any organization that—"
    ));
    assert!(!list_piece("The army withdrew and regrouped."));
}

#[test]
fn a_name_before_a_finite_verb_is_no_order() {
    let imperative = |text: &str| with_tokens(text, |t| is_imperative(t, Starts::of(t)));
    assert!(!imperative("State news agency SUNA reported that 12 people died."));
    assert!(imperative("Describe the role the office played in 2019."));
    assert!(imperative("Report any incident that involved force."));
}

#[test]
fn questions_by_word_order() {
    for text in [
        "What is your understanding of the role of the Principal Deputy Director.",
        "b. How would you assess your success in improving collaboration",
        "• How do you intend to achieve integration",
        "Do you agree with the findings of the review.",
    ] {
        assert!(with_tokens(text, |t| asks(t, Starts::of(t))), "{text}");
    }
    for text in [
        "What is clear is that the act gave the DNI more authority.",
        "How the group regrouped after 2021 is disputed.",
        "When the army arrived, the town was empty.",
        "Should elements wish to spend funds, the DNI must approve the transfers.",
    ] {
        assert!(!with_tokens(text, |t| asks(t, Starts::of(t))), "{text}");
    }
}

#[test]
fn a_note_that_ends_on_its_date_is_a_reference_entry() {
    for text in [
        "3 Air Force of the Armed Forces of Ukraine, statement, 13 September 2022.",
        "1 Authors' interview with a former defence-industry engineer, Istanbul, March 2025.",
        "8 Conflict Armament Research, field dispatches from Ukraine, 2022–2025.",
    ] {
        assert!(is_reference_entry(text), "{text}");
    }
    for text in [
        "12 The army said 40 people died in the attack, in March 2025.",
        "The army said 40 people died, 13 September 2022.",
    ] {
        assert!(!is_reference_entry(text), "{text}");
    }
}

#[test]
fn a_notes_number_opens_no_sentence_of_its_own() {
    let opening = |text: &str| with_tokens(text, opening);
    assert_eq!(opening("12 Notifications on file with the Secretariat."), 1);
    assert_eq!(opening("2 October was the day of the vote."), 0);
    assert_eq!(opening("40 people died."), 0);
}

#[test]
fn a_statutes_long_title_and_a_dated_stamp_are_furniture() {
    assert!(is_title_or_stamp(
        "To impose sanctions with respect to ship-to-ship transfers, and for other purposes."
    ));
    assert!(is_title_or_stamp("Approved June 3, 2026."));
    assert!(is_title_or_stamp("Updated 7 December 2026"));
    assert!(!is_title_or_stamp("Approved by the Senate on June 3, 2026."));
    assert!(!is_title_or_stamp(
        "To reach the town, the militants crossed the river."
    ));
}

#[test]
fn the_comma_inside_a_date_does_not_close_a_leading_clause() {
    let main = |text: &str| with_tokens(text, |t| t[main_clause_start(t)].text.to_string());
    assert_eq!(main("On December 17, 2004, the President signed the act."), "the");
    assert_eq!(
        main("In the years after September 11, 2001, Congress enacted the act."),
        "Congress"
    );
    assert_eq!(
        main("In the village of Aita, which was destroyed in 2024, Hussein Fawaz told the BBC he had returned."),
        "Hussein"
    );
}

#[test]
fn a_linking_conjunction_opens_the_sentence_before_its_subject() {
    let opening = |text: &str| with_tokens(text, |t| t[main_clause_start(t)].text.to_string());
    assert_eq!(opening("But we are told that the review is late."), "we");
    assert_eq!(opening("Yet I am told that the review is late."), "I");
    assert_eq!(opening("And the army said nothing."), "the");
}
