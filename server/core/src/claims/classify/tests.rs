//! Tests of the sentence classifier's verdicts.

use super::*;
use crate::document::DocKind;

pub(super) fn classes(text: &str) -> Vec<(ClaimClass, Reason)> {
    let kb = KnowledgeBase::from_toml(
        "[[actors]]\nid = \"ispr\"\nname = \"Inter-Services Public Relations\"\nkind = \"government-body\"\nacronyms = [\"ISPR\"]\n[[actors]]\nid = \"kurram\"\nname = \"Kurram\"\nkind = \"place\"\n",
    )
    .unwrap();
    let doc = Document::parse(text, DocKind::Markdown);
    let mentions: Vec<Vec<Mention>> = doc.blocks.iter().map(|b| kb.find_mentions(&b.text)).collect();
    classify_sentences(&doc, &kb, &mentions, TeamSources::default())
        .0
        .into_iter()
        .map(|v| (v.class, v.reason))
        .collect()
}

fn class_of(text: &str) -> ClaimClass {
    classes(text)[0].0
}

use ClaimClass::*;

#[test]
fn not_claims() {
    assert_eq!(classes("## Key judgements")[0].1, Reason::Heading);
    assert_eq!(classes("Will the truce hold?")[0].1, Reason::Question);
    assert_eq!(classes("See the appendix for the timeline.")[0].1, Reason::Instruction);
    assert_eq!(
        classes("For more information on the curfew, see the district notice of 3 May.")[0].1,
        Reason::Instruction
    );
    assert_eq!(classes("Attacks by district ........ 22")[0].1, Reason::Fragment);
    assert_eq!(classes("Attacks by district …… 22")[0].1, Reason::Fragment);
    assert_eq!(classes("Figure 2: Attacks in Kurram, 2024")[0].1, Reason::Caption);
    assert_eq!(classes("Also read: How the TTP regrouped")[0].1, Reason::LinkTeaser);
    assert_eq!(classes("- Casualties by district")[0].1, Reason::Fragment);
    assert_eq!(classes("This brief examines the border.")[0].1, Reason::MetaText);
}

#[test]
fn citations_attribute() {
    assert_eq!(class_of("Five soldiers died [3]."), Attributed);
    assert_eq!(class_of("Five soldiers died.[^1]\n\n[^1]: Dawn."), Attributed);
    assert_eq!(class_of("Five soldiers [died](https://x.org/a)."), Attributed);
    assert_eq!(class_of("Five soldiers died (Reuters, 4 May 2025)."), Attributed);
}

#[test]
fn author_judgement_attributes_to_the_author() {
    assert_eq!(
        class_of("We assess with moderate confidence that the group will regroup."),
        Attributed
    );
    assert_eq!(class_of("We judge it likely that talks resume."), Attributed);
}

#[test]
fn carry_over_within_a_paragraph_only() {
    let same = classes("The ISPR said five soldiers died. It added that two attackers were killed.");
    assert_eq!(same[1].0, Attributed);
    assert!(matches!(same[1].1, Reason::CarriedOver(_)));
    let split = classes("The ISPR said five soldiers died.\n\nIt added that two attackers were killed.");
    assert_eq!(split[1].0, Vague);
    let broken = classes("The ISPR said five soldiers died. The post burned. He added that more died.");
    assert_eq!(broken[2].0, Vague);
}

#[test]
fn the_reporting_frame_governs_what_it_reports() {
    let text =
        "The Foreign Office spokesperson said Pakistan shared evidence.\n\nShe added that Pakistan expected action.";
    let verdicts = classes(text);
    assert_eq!(verdicts[0].0, Attributed);
    assert_eq!(verdicts[1].0, Vague);
    assert!(matches!(verdicts[1].1, Reason::UnnamedSpeaker(_)));
    assert_eq!(
        class_of("We do not expect the project to face a direct attack."),
        Attributed
    );
    assert_eq!(class_of("No group has claimed the killings."), Unattributed);
}

#[test]
fn team_sources_and_vague_phrases_from_the_configuration() {
    let kb = KnowledgeBase::from_toml("").unwrap();
    let (trusted, vague) = (["ACLED".to_string()], ["people familiar with the matter".to_string()]);
    let team = TeamSources {
        trusted: &trusted,
        vague: &vague,
    };
    let text = "ACLED recorded 40 attacks in October.\n\nThe talks stalled, people familiar with the matter added.\n\nThe talks stalled in October.";
    let doc = Document::parse(text, DocKind::Markdown);
    let mentions: Vec<Vec<Mention>> = doc.blocks.iter().map(|b| kb.find_mentions(&b.text)).collect();
    let classes: Vec<ClaimClass> = classify_sentences(&doc, &kb, &mentions, team)
        .0
        .into_iter()
        .map(|v| v.class)
        .collect();
    assert_eq!(classes, vec![Attributed, Vague, Unattributed]);
}

#[test]
fn vague_and_hedged() {
    assert_eq!(class_of("Intelligence sources indicate that the pact holds."), Vague);
    assert_eq!(
        class_of("The signatories reportedly included senior commanders."),
        Vague
    );
    assert_eq!(class_of("It is believed that the camp moved."), Vague);
    assert_eq!(
        class_of("The ISPR said the attackers were allegedly trained abroad."),
        Attributed
    );
}

#[test]
fn unsourced_claims_say_what_they_assert() {
    assert_eq!(
        classes("The raid left five personnel injured.")[0].1,
        Reason::Unsourced(Assertion::Figure("five personnel".into()))
    );
    assert_eq!(
        classes("The blast killed three officials in Kurram.")[0].0,
        Unattributed
    );
    assert!(matches!(
        classes("This marks a dangerous new chapter.")[0].1,
        Reason::Unsourced(Assertion::Judgement(_))
    ));
    assert!(matches!(
        classes("Talks failed because of the raids.")[0].1,
        Reason::Unsourced(Assertion::Cause(_))
    ));
    assert!(matches!(
        classes("Militants attacked the post in May 2025.")[0].1,
        Reason::Unsourced(Assertion::Event(_))
    ));
    assert!(matches!(
        classes("Armed men blocked the N-25 near Kalat.")[0].1,
        Reason::Unsourced(Assertion::Event(_))
    ));
}

#[test]
fn sources_carry_to_what_plainly_continues_them() {
    let statement =
        classes("The interior ministry issued a statement on Monday. The statement added that ten were held.");
    assert_eq!(statement[1].0, Attributed);
    let quote = classes("“We will not talk,” Khawaja Asif said. “The talks are over. We have said so.”");
    assert!(quote.iter().all(|(class, _)| *class == Attributed), "{quote:?}");
    let figures = classes("ACLED recorded 310 events in May. That is a third more than in April.");
    assert!(matches!(figures[1].1, Reason::CarriedOver(_)), "{figures:?}");
    let document = classes("The Intelligence Reform Act dissolved the office. It established two agencies.");
    assert_eq!(document[1].0, Attributed);
    // Without a named source before, none of these is sourced.
    assert_eq!(class_of("That is a third more than in April."), Unattributed);
}

#[test]
fn connectives_and_passives_make_no_named_source() {
    assert_eq!(
        class_of("Moreover, critics contend that the ceasefire is a sham."),
        Vague
    );
    assert_eq!(class_of("Indeed, many experts believe the junta will fall."), Vague);
    assert_eq!(class_of("Often no one agency is in charge."), Unattributed);
    assert_eq!(class_of("Others contend that the blockade is working."), Vague);
    assert_eq!(class_of("The group is widely held to be in Idlib."), Vague);
    assert_eq!(
        class_of("The vote is regarded by many in the opposition as a sham."),
        Vague
    );
    assert_eq!(
        class_of("It has been suggested that Iran urged the Houthis to stop."),
        Vague
    );
    assert_eq!(class_of("Rumours abound that the emir is ill."), Vague);
    assert_eq!(class_of("The army has never confirmed the strike."), Unattributed);
    assert_eq!(
        class_of("The government found itself isolated after the vote."),
        Unattributed
    );
}

#[test]
fn named_sources_in_many_forms() {
    for text in [
        "Per the Foreign Office, the envoy left Kabul on Tuesday.",
        "The army's press office said two posts were overrun.",
        "Figures from the interior ministry show a rise in kidnappings.",
        "A statement released by the presidency described the raid as a success.",
        "A spokesman for the militia said the fighters withdrew.",
        "Speaking to Reuters, the governor blamed the drought for the clashes.",
        "I believe the ceasefire will collapse.",
        "The program cost more in 2019.12",
        "Congress created the office in 2018 (P.L. 115-232).",
    ] {
        assert_eq!(class_of(text), Attributed, "{text}");
    }
}

#[test]
fn text_that_asserts_nothing() {
    for text in [
        "The Secretary shall submit a report to Congress.",
        "The J-2 should ensure that collection plans are synchronized.",
        "(c) NOTIFICATION.—The Secretary shall notify the committees.",
        "The term covered agency means an element of the community.",
        "Compiled by the research team, 12 June 2025.",
        "Reporting by Aminata Coulibaly in Bamako; editing by Helen Marsh.",
        "Establish formal training requirements for the program.",
        "7 Intelligence Community Directive 601, Human Capital: Duty Assignments (May 16, 2006).",
        "clearly defining its mission,",
    ] {
        assert_eq!(class_of(text), NotAClaim, "{text}");
    }
    // A clause that only happens to hold a modal asserts something.
    assert_eq!(
        class_of("Militants attacked a post that must now be rebuilt."),
        Unattributed
    );
}

#[test]
fn a_subordinate_passive_before_the_main_clause_does_not_panic() {
    let text = "Although a particular cell cannot be expected to satisfy every request, it can coordinate support.";
    assert_eq!(class_of(text), Unattributed);
}

#[test]
fn unclosed_list_items_and_table_cells_are_labels_unless_a_verb_is_plain() {
    assert_eq!(classes("- A TTP claim of an attack in Punjab")[0].1, Reason::Fragment);
    assert_eq!(class_of("- Explosives came mostly from Afghanistan"), Unattributed);
    assert_eq!(class_of("- The TTP controls the valley."), Unattributed);
    let table = classes("| Category | Killed |\n| --- | --- |\n| Security forces | 9 |\n");
    assert!(table.iter().all(|(class, _)| *class == NotAClaim), "{table:?}");
    // A paragraph is not a label.
    assert_eq!(class_of("Militants attack the post"), Unattributed);
}

#[test]
fn what_a_named_law_provides_goes_on_in_the_next_sentence() {
    let found = classes(
        "In 2012 the assembly passed the Border Security Act. It created a border agency.\n\n\
         The assembly passed the Border Security Act. It was a busy year.\n\n\
         It created a border agency.",
    );
    // Passing a law is on the public record; what the law does, its provisions source.
    assert_eq!(found[0], (Attributed, Reason::PublicRecord("the assembly".into())));
    assert_eq!(
        found[1],
        (Attributed, Reason::CarriedOver("Border Security Act".into()))
    );
    assert_eq!(found[3].0, Unattributed, "only what the law provides goes on");
    assert_eq!(found[4].0, Unattributed, "not past the paragraph");
}

#[test]
fn the_writers_note_on_what_could_not_be_learned_is_no_claim() {
    for note in [
        "The ministry did not respond to a request for comment.",
        "The army did not immediately respond to requests for comment on Monday.",
        "The company declined to comment.",
        "The figures could not be independently verified.",
        "It was not immediately clear who carried out the raid.",
        "Neither side responded to requests for comment.",
        "The junta did not respond to questions sent by email.",
        "It is not clear whether the fall reflects lower flows, new routes or a shift in enforcement.",
        "Independent verification was not possible.",
    ] {
        assert_eq!(classes(note)[0].1, Reason::WritersNote, "{note}");
    }
    assert_eq!(
        class_of("The ministry declined to comment, but the toll rose to 40 by Monday."),
        Unattributed
    );
    assert_eq!(class_of("It is clear that the truce has failed."), Unattributed);
}

#[test]
fn a_captions_text_after_its_label_is_the_caption() {
    let found = classes("Map 3. Districts under curfew in May, by province. The curfew was lifted in June.");
    assert_eq!(found[0].1, Reason::Caption);
    assert_eq!(found[1].1, Reason::Caption);
    assert_eq!(found[2].0, Unattributed, "only the sentence right after the label");
}

#[test]
fn a_source_kept_anonymous_is_vague() {
    for text in [
        "Two local officials, speaking on condition of anonymity, put the toll at about 40.",
        "A commander who asked not to be named put the toll at 40.",
    ] {
        assert_eq!(class_of(text), Vague, "{text}");
    }
}

#[test]
fn a_datasets_figures_go_on_through_comparisons_and_shares() {
    let found = classes(
        "ACLED recorded 412 deaths in May. That is a third more than in April. More than half of those killed \
         were civilians.\n\nThe institute counted 521 attacks this year. Its tally for 2024 was 449. More than 60 \
         percent of this year's attacks targeted the police.",
    );
    for (i, (class, reason)) in found.iter().enumerate() {
        assert_eq!(*class, Attributed, "sentence {i}: {reason:?}");
    }
}

#[test]
fn weasel_words_are_vague() {
    for text in [
        "Research shows that sanctions rarely change regimes.",
        "Studies have found that aid diversion is common.",
        "Questions have been raised about the integrity of the vote.",
        "There are fears that the violence will spread.",
        "Unverified videos circulating on social media appear to show the strike.",
    ] {
        assert_eq!(class_of(text), Vague, "{text}");
    }
    assert_eq!(
        class_of("Research by the Small Arms Survey shows that prices rose."),
        Attributed
    );
    assert_eq!(class_of("Our research shows that prices rose."), Attributed);
    assert_eq!(
        classes("Written by Ahmed Khan and Sara Ali, 12 June 2025.")[0].1,
        Reason::MetaText
    );
}

#[test]
fn a_bulletins_items_name_or_hedge_their_source() {
    assert_eq!(
        class_of("14 March: Attack on a convoy near Gao, 12 soldiers killed (ACLED)."),
        Attributed
    );
    assert_eq!(
        class_of("17 March: Drone strike reported near Ménaka; no casualty figures."),
        Vague
    );
}

#[test]
fn the_writer_in_the_third_person_and_a_view_named_before() {
    assert_eq!(
        classes("On one night, a reporter for this newspaper counted 11 trucks.")[0].0,
        Attributed
    );
    assert_eq!(
        classes("None of the sites that this reporter visited had stopped work.")[0].0,
        Attributed
    );
    let found = classes("Ma Lin, a researcher at the institute, said the talks had stalled. In her view, Beijing will keep up the pressure.");
    assert!(matches!(found[1], (Attributed, Reason::CarriedOver(_))), "{found:?}");
    assert_eq!(classes("In his view, the talks will fail.")[0].0, Vague);
    assert_eq!(
        classes("The group is also thought to have carried out the attack.")[0].0,
        Vague
    );
}

#[test]
fn follow_on_counts_take_up_the_named_dataset_before_them() {
    let found = classes(
        "The displacement tracker recorded 1,340 households newly displaced in the week, the IOM said. \
         Most moved to camps east of the city. Another 200 were reported missing over the same period. \
         The share was 57 percent a year before. The city alone accounted for 60 percent of them.",
    );
    for (i, verdict) in found.iter().enumerate().skip(1) {
        assert!(
            matches!(verdict, (Attributed, Reason::CarriedOver(_))),
            "{i}: {verdict:?}"
        );
    }
    // A proportion of those counted goes on with the count, as the independent labellers of the news sets read
    // it ("Most of them took place in the north", "Nineteen of them hit markets"); "many of them" is the writer's
    // own word on them (the tuned corpus's traps).
    let them = classes("UNHCR counted 40,000 returnees in May. Most of them were born in Pakistan.");
    assert_eq!(them[1].0, Attributed, "{them:?}");
    let them = classes("UNHCR counted 40,000 returnees in May. Many of them were born in Pakistan.");
    assert_eq!(them[1].0, Unattributed, "{them:?}");
    // Without a count before them, they are claims of their own.
    assert_eq!(class_of("Most moved to camps east of the city."), Unattributed);
}

#[test]
fn a_paragraph_that_opens_in_lower_case_is_the_rest_of_a_cut_sentence() {
    let found = classes(
        "The office did not document the steps it took to ensure the\n\nfound on the last page of this report.",
    );
    assert_eq!(found[1], (NotAClaim, Reason::Fragment));
    assert_eq!(
        classes("- the TTP attacked a post in Bannu on 3 May.")[0].0,
        Unattributed
    );
    assert_eq!(found[0].0, Unattributed);
}

#[test]
fn weasel_words_of_general_prose_are_vague() {
    for weasel in [
        "The commander has been described as ruthless.",
        "Research has shown that amnesties rarely work.",
        "Scientists say the drought worsened the conflict.",
        "There is evidence that the group is rearming.",
        "It is often said that the border cannot be sealed.",
    ] {
        assert_eq!(class_of(weasel), Vague, "{weasel}");
    }
    assert_eq!(
        classes("Questions remain about who ordered the strike.")[0].1,
        Reason::WritersNote
    );
}

#[test]
fn wire_report_forms() {
    // The speaker before a participial aside, an intention reported with "to", an accusation in the passive,
    // imagery as evidence, the credit line and the wire's note on a party that did not comment.
    assert_eq!(
        class_of(
            "Doctors Without Borders, known by its French initials MSF, said its hospital received dozens of wounded."
        ),
        Attributed
    );
    assert_eq!(
        class_of("Sudan's army chief, Gen. Abdel Fattah Burhan, vowed to retake the city."),
        Attributed
    );
    assert_eq!(
        class_of("Egypt and the United Arab Emirates have been accused of backing opposite sides."),
        Vague
    );
    assert_eq!(class_of("Satellite images show widespread burning in the area."), Vague);
    assert_eq!(
        class_of("Satellite images analyzed by Yale's Humanitarian Research Lab show widespread burning."),
        Attributed
    );
    assert_eq!(
        classes("Associated Press writer Sam Mednick contributed to this report from Dakar, Senegal.")[0].1,
        Reason::MetaText
    );
    assert_eq!(
        classes("The Rapid Support Forces did not immediately comment.")[0].1,
        Reason::WritersNote
    );
}

#[test]
fn the_authors_own_records_source_what_they_show() {
    assert_eq!(
        classes("JNIM has targeted convoys on this route since 2022, according to our incident database.")[0].0,
        Attributed
    );
}

#[test]
fn un_report_forms() {
    // Who received the evidence does not vouch for it: whoever it came from is the source.
    assert_eq!(
        class_of("The Panel of Experts received credible information that the group recruited children."),
        Vague
    );
    assert_eq!(
        class_of(
            "The Panel received information from three confidential sources that the ammunition was bought in Chad."
        ),
        Vague
    );
    assert_eq!(
        class_of("The Panel received information from the Ministry of Defence that the ammunition was bought in Chad."),
        Attributed
    );
    assert_eq!(
        class_of("Member States assessed that the group has 4,000 fighters."),
        Vague
    );
    assert_eq!(
        class_of("Interlocutors told the Panel that the militia had been paid."),
        Vague
    );
    assert_eq!(
        classes("The Panel was unable to confirm these reports independently.")[0].1,
        Reason::WritersNote
    );
}

#[test]
fn the_authors_findings_go_on_in_a_sentence_that_links_itself_to_them() {
    let paragraph = classes(
        "We found that the elements reported obligations in two ways. As a result, the figures cannot be compared \
         across the elements. The program began in 2006.",
    );
    assert_eq!(paragraph[0].0, Attributed);
    assert!(matches!(paragraph[1].1, Reason::CarriedOver(_)), "{paragraph:?}");
    // Without a linking word the sentence states a fact of its own, which needs its own source.
    assert_eq!(paragraph[2].0, Unattributed);
    // Without the author's voice before it, a linked sentence has nothing to go on with.
    assert_eq!(
        class_of("As a result, the figures cannot be compared across the elements."),
        Unattributed
    );
}

#[test]
fn the_officials_refers_back_to_the_officials_named_before() {
    let paragraph = classes(
        "ODNI officials explained that the classes were kept short. The officials stated that their focus was on \
         senior staff.",
    );
    assert_eq!(paragraph[1].0, Attributed, "{paragraph:?}");
    assert_eq!(
        class_of("The officials stated that their focus was on senior staff."),
        Vague
    );
}

#[test]
fn what_a_named_law_provided_is_sourced_to_the_law() {
    assert_eq!(
        class_of("Section 102A(e) of the IRTPA provided the DNI with the authority to transfer personnel."),
        Attributed
    );
}

#[test]
fn a_questionnaires_question_without_its_mark_is_a_question() {
    assert_eq!(
        classes("What is your understanding of the role of the Principal Deputy Director.")[0].1,
        Reason::Question
    );
}

#[test]
fn page_furniture_of_news_and_reports_is_no_claim() {
    for (text, reason) in [
        (
            "Caption: The perimeter fence of the depot, photographed in October 2026.",
            Reason::Caption,
        ),
        ("Published on 06/12/2026 at 15:20 GMT", Reason::MetaText),
        (
            "This investigation was supported by a grant from a journalism fund.",
            Reason::MetaText,
        ),
        (
            "It draws on the authors' database of 212 transfers and on interviews.",
            Reason::MetaText,
        ),
        (
            "The company did not respond to follow-up questions sent on 28 November.",
            Reason::WritersNote,
        ),
        (
            "Russia | Shahed-131, Shahed-136 | Finished airframes, then licensed production | High",
            Reason::Fragment,
        ),
    ] {
        assert_eq!(classes(text)[0].1, reason, "{text}");
    }
    assert_eq!(class_of("It draws fighters from across the region."), Unattributed);
}

#[test]
fn the_authors_own_examination_is_their_voice() {
    assert_eq!(
        class_of(
            "Our examination of debris from 41 drones recovered in Ukraine between 2022 and 2025 found that most \
             parts were made abroad."
        ),
        Attributed
    );
}

#[test]
fn the_points_a_source_announced_go_on_with_its_source() {
    let paragraph = classes(
        "Section 102A(e) of the IRTPA provided the DNI with the authority to transfer personnel in two cases. \
         First, the DNI may transfer up to 100 personnel in the first year. Second, the DNI may transfer any \
         number of personnel for two years.",
    );
    assert!(matches!(paragraph[1].1, Reason::CarriedOver(_)), "{paragraph:?}");
    assert!(matches!(paragraph[2].1, Reason::CarriedOver(_)), "{paragraph:?}");
    assert_eq!(
        class_of("First, the DNI may transfer up to 100 personnel in the first year."),
        Unattributed
    );
}

#[test]
fn a_news_sites_notices_are_no_claims() {
    for text in [
        "FILE PHOTO: Fighters stand guard at a checkpoint in Kabul, August 17, 2021.",
        "© 2026 The Associated Press.",
        "All rights reserved.",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "This article was originally published in Dawn.",
        "The views expressed in this article are the author's own and do not reflect the editorial stance.",
    ] {
        assert_eq!(classes(text)[0].0, NotAClaim, "{text}");
    }
    assert_eq!(
        class_of("The article was published on Monday, a week after the raid killed 12 people."),
        Unattributed
    );
}

#[test]
fn news_wording_of_who_said_it() {
    for (text, class) in [
        (
            "The interior ministry has just announced that police units were ordered to the assembly.",
            Attributed,
        ),
        (
            "Speaking from a balcony, the president called on Bolivians to mobilise and said he would not resign.",
            Attributed,
        ),
        (
            "Legal experts consulted by the group do not expect a ruling before mid-2027.",
            Vague,
        ),
        (
            "Some Caribbean diplomats worry, however, that the alignment gives Caracas a pretext.",
            Vague,
        ),
        (
            "The turnout figures were widely doubted, including by opposition figures.",
            Vague,
        ),
        ("We're hearing reports of gunfire on Calle Comercio.", Vague),
    ] {
        assert_eq!(class_of(text), class, "{text}");
    }
}

#[test]
fn a_named_bodys_own_view_and_a_live_pages_furniture() {
    for text in [
        "In Crisis Group's assessment, the months around the judgment will be the most dangerous.",
        "Crisis Group's view is that neither government wants a war.",
        "Footage broadcast by the state channel Bolivia TV showed the general being led away.",
    ] {
        assert_eq!(class_of(text), Attributed, "{text}");
    }
    for text in [
        "Last updated 7 December 2026, 21:52 GMT",
        "Welcome to our live coverage of the unfolding situation in Bolivia.",
        "Click here to see the interactive map of the invasion.",
        "The US state department has not yet commented.",
        "ISW has not observed confirmation of this claim.",
        "27 Crisis Group interviews, diplomats and analysts, Georgetown and Caracas, March–October 2026.",
    ] {
        assert_eq!(classes(text)[0].0, NotAClaim, "{text}");
    }
}
