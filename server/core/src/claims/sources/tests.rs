//! Tests of finding reporting frames and judging the source phrases they name.

use super::*;
use crate::text::lower_case::Lowered;

fn sources(text: &str, speakers: &[&str]) -> Vec<(SourceKind, String)> {
    let speakers = speakers.iter().map(|s| {
        let start = text.find(s).unwrap();
        start..start + s.len()
    });
    let lowered = Lowered::of(text);
    let tokens = lowered.tokens(text);
    let speakers: Vec<_> = speakers.collect();
    let words = SentenceWords::new(text, &tokens, &speakers);
    find(&words)
        .into_iter()
        .map(|s| (s.kind, text[s.phrase].to_string()))
        .collect()
}

fn kinds(text: &str, speakers: &[&str]) -> Vec<SourceKind> {
    sources(text, speakers).into_iter().map(|(k, _)| k).collect()
}

use SourceKind::*;

#[test]
fn a_warning_of_something_is_a_report_and_a_claim_of_something_a_noun() {
    assert_eq!(
        sources("The United Nations has warned of famine in Rakhine.", &[]),
        vec![(Named, "The United Nations".into())]
    );
    assert_eq!(
        kinds("Claims of responsibility followed within hours.", &[]),
        Vec::<SourceKind>::new()
    );
}

#[test]
fn according_to_an_unplaced_phrase_is_a_source_left_vague() {
    assert_eq!(
        sources("According to agency documentation, the program cost $310 million.", &[]),
        vec![(Anonymous, "agency documentation".into())]
    );
    assert_eq!(kinds("The raid went according to plan.", &[]), Vec::<SourceKind>::new());
}

#[test]
fn a_participle_before_its_agent_is_inside_the_claim() {
    assert_eq!(
        sources(
            "Extortion is now the most common crime reported by small businesses, a 2025 survey by INEGI found.",
            &[]
        ),
        vec![(Named, "a 2025 survey by INEGI".into())]
    );
}

#[test]
fn the_and_a_noun_before_a_verb_of_saying_refers_back() {
    assert_eq!(
        sources("The bank said it would hold an auction.", &[]),
        vec![(Anaphoric, "The bank".into())]
    );
    assert_eq!(
        kinds("The floods claimed 30 lives in Swat.", &[]),
        Vec::<SourceKind>::new()
    );
}

#[test]
fn clauses_and_nouns_are_no_speakers() {
    // A modal makes a clause, not a source.
    assert_eq!(
        kinds(
            "Without data, DHS cannot assess the program or report accurately to Congress.",
            &[]
        ),
        Vec::<SourceKind>::new()
    );
    // A comparison is no speaker.
    assert_eq!(
        kinds(
            "The group raises $100 million a year, more than some of Somalia's member states collect.",
            &[]
        ),
        Vec::<SourceKind>::new()
    );
    // A plural noun before a verb in its base form.
    assert_eq!(
        kinds("The group raises more than some member states collect.", &[]),
        Vec::<SourceKind>::new()
    );
    // The noun phrase after "said" opens the reported clause: the speaker is before the long aside.
    assert_eq!(
        sources(
            "A senior official in Naypyidaw, who spoke on condition of anonymity because he was not authorised \
             to discuss the matter, said the government would seize the goods.",
            &[]
        ),
        vec![(Anonymous, "A senior official in Naypyidaw".into())]
    );
}

#[test]
fn a_passive_whose_agent_is_a_document_is_sourced_by_it() {
    assert_eq!(
        sources("The office was created by the Homeland Security Act of 2002.", &[]),
        vec![(Named, "the Homeland Security Act of 2002".into())]
    );
    assert_eq!(
        kinds("The convoy was attacked by gunmen near the border.", &[]),
        Vec::<SourceKind>::new()
    );
    // A law in general is no source.
    assert_eq!(
        kinds("He is entitled by law to be consulted.", &[]),
        Vec::<SourceKind>::new()
    );
    assert_eq!(
        sources(
            "In July 2004 the 9/11 Commission (the National Commission on Terrorist Attacks Upon the United States) \
             recommended that the post be replaced.",
            &[]
        ),
        vec![(Named, "11 Commission".into())]
    );
}

#[test]
fn the_sense_of_a_body_is_its_statement() {
    assert_eq!(
        sources("It is the sense of Congress that Jordan is a critical partner.", &[]),
        vec![(Named, "Congress".into())]
    );
}

#[test]
fn named_subjects() {
    assert_eq!(
        sources("The ISPR said five soldiers died.", &["ISPR"]),
        vec![(Named, "The ISPR".into())]
    );
    assert_eq!(kinds("Dawn reported that the post fell.", &["Dawn"]), vec![Named]);
    assert_eq!(
        kinds(
            "Defence Minister Khawaja Asif has signaled, however, that options remain.",
            &[]
        ),
        vec![Named]
    );
    assert_eq!(kinds("Pakistan's Foreign Office rejected the claim.", &[]), vec![Named]);
    assert_eq!(
        kinds(
            "China's Foreign Ministry spokesperson told reporters the talks went well.",
            &[]
        ),
        vec![Named]
    );
    assert_eq!(
        kinds(
            "Lt. Gen. Ahmed Sharif Chaudhry, the army's spokesman, said the raid succeeded.",
            &[]
        ),
        vec![Named]
    );
    assert_eq!(
        kinds("A spokesman for the ISPR said the post was hit.", &["ISPR"]),
        vec![Named]
    );
    assert_eq!(
        kinds("The TTP claimed responsibility for the attack.", &["TTP"]),
        vec![Named]
    );
}

#[test]
fn according_to_and_quotations() {
    assert_eq!(
        kinds("According to the State Department, talks stalled.", &[]),
        vec![Named]
    );
    assert_eq!(kinds("“We will respond,” said Khawaja Asif.", &[]), vec![Named]);
    assert_eq!(
        kinds("According to residents, the market burned.", &[]),
        vec![Anonymous]
    );
    assert_eq!(
        kinds(
            "According to Afghan media and regional security sources, a pact was signed.",
            &[]
        ),
        vec![Anonymous]
    );
    assert_eq!(
        kinds("According to local officials and the ISPR, two died.", &["ISPR"]),
        vec![Named]
    );
    assert_eq!(
        kinds("In a statement, the Foreign Office condemned the strike.", &[]),
        vec![Named]
    );
}

#[test]
fn anonymous_subjects() {
    assert_eq!(
        kinds("Intelligence sources indicate that the pact holds.", &[]),
        vec![Anonymous]
    );
    assert_eq!(
        kinds(
            "Security officials in Quetta said the road was closed.",
            &["Quetta"][..0]
        ),
        vec![Anonymous]
    );
    assert_eq!(kinds("Analysts warn that the truce is fragile.", &[]), vec![Anonymous]);
    assert_eq!(
        kinds("Official sources attribute the delay to talks.", &[]),
        vec![Anonymous]
    );
    assert_eq!(kinds("The attack, officials said, killed four.", &[]), vec![Anonymous]);
}

#[test]
fn base_forms_and_characterising_verbs_frame_reports() {
    assert_eq!(
        kinds(
            "The Afghan Taliban deny the charge and say it is an internal matter.",
            &[]
        ),
        // "deny", and "say" joined to it by "and" with the same subject.
        vec![Named, Named]
    );
    assert_eq!(
        kinds("Officials suspect that the explosives were stolen.", &[]),
        vec![Anonymous]
    );
    assert_eq!(
        kinds("Security analysts link the rise to the new policy.", &[]),
        vec![Anonymous]
    );
    assert_eq!(
        kinds("Jamaat-e-Islami called the operation a failure.", &[]),
        vec![Named]
    );
}

#[test]
fn people_named_only_by_what_they_are_are_anonymous() {
    assert_eq!(
        kinds("Contacts in Turbat say the road is closed.", &[]),
        vec![Anonymous]
    );
    assert_eq!(kinds("Rights groups say 400 people disappeared.", &[]), vec![Anonymous]);
    assert_eq!(
        kinds("Traders estimate their losses at millions.", &[]),
        vec![Anonymous]
    );
    assert_eq!(
        kinds("Displaced families complain that the camps lack water.", &[]),
        vec![Anonymous]
    );
}

#[test]
fn a_negated_subject_or_a_capitalised_word_is_no_frame() {
    assert!(kinds("No group has claimed the killings.", &[]).is_empty());
    assert!(kinds("Nobody claimed the attack.", &[]).is_empty());
    // "Report" inside a title is a name, not the verb "report".
    assert_eq!(
        sources("The Human Rights Watch World Report documents abuses.", &[]),
        vec![(Named, "The Human Rights Watch World Report".into())]
    );
}

#[test]
fn subjects_behind_brackets_and_relative_clauses() {
    assert_eq!(
        sources(
            "The Counter Terrorism Department (CTD) said it had arrested four men.",
            &[]
        ),
        vec![(Named, "The Counter Terrorism Department".into())]
    );
    assert_eq!(
        sources(
            "Mahrang Baloch, who leads the committee, has said that arrests drive recruitment.",
            &[]
        ),
        vec![(Named, "Mahrang Baloch".into())]
    );
    assert_eq!(
        kinds("A police officer who asked not to be named told AFP that 17 died.", &[]),
        vec![Anonymous]
    );
    // A speaker follows its verb only after a quotation or a comma, not after a bracket.
    assert!(kinds("The visit to Quetta (in March) said much about Khawaja Asif.", &[]).is_empty());
    // A noun after an article is not a verb, so "The post" is a subject.
    assert_eq!(
        kinds("The post added that more attacks would follow.", &[]),
        vec![Anaphoric]
    );
    assert_eq!(
        kinds("The alert said the attackers wore uniforms.", &[]),
        vec![Anaphoric]
    );
}

#[test]
fn the_agent_of_a_passive_report_is_its_source() {
    assert_eq!(
        sources("The attack was claimed by Jamaat-ul-Ahrar within hours.", &[]),
        vec![(Named, "Jamaat-ul-Ahrar within hours".into())]
    );
    assert_eq!(kinds("The toll was confirmed by residents.", &[]), vec![Anonymous]);
    assert!(kinds("The post was attacked by militants.", &[]).is_empty());
    assert!(kinds("The post was claimed.", &[]).is_empty());
}

#[test]
fn a_frame_inside_what_another_frame_reports_does_not_count() {
    assert_eq!(
        kinds("She added that Pakistan expected concrete action.", &[]),
        vec![Anaphoric]
    );
    assert_eq!(
        kinds("Dawn reported that officials said the post fell.", &[]),
        vec![Named]
    );
    // Set off by punctuation, the later frame stands on its own.
    assert_eq!(
        kinds("“Officials said nothing,” said Khawaja Asif.", &[]),
        vec![Anonymous, Named]
    );
}

#[test]
fn phrasal_frames_and_participles_after_the_subject() {
    assert_eq!(
        kinds("He pointed to the success of the CTD in Punjab.", &[]),
        vec![Anaphoric]
    );
    assert_eq!(
        kinds("Officials involved in the drafting said the army would chair it.", &[]),
        vec![Anonymous]
    );
    assert_eq!(
        kinds("Critics of the plan counter that the police are too weak.", &[]),
        vec![Anonymous]
    );
    assert!(kinds("The plan was meant to point to a way out.", &[]).is_empty());
    assert_eq!(
        kinds(
            "China's foreign ministry demanded that Pakistan punish the perpetrators.",
            &[]
        ),
        vec![Named]
    );
    assert_eq!(
        kinds("Nationalist parties claim the men were students.", &[]),
        vec![Anonymous]
    );
}

#[test]
fn evidence_is_sourced_by_where_it_comes_from() {
    assert_eq!(
        sources(
            "The curfew figures come from a local journalist who asked not to be named.",
            &[]
        ),
        vec![(Anonymous, "a local journalist".into())]
    );
    assert_eq!(kinds("The casualty data came from ACLED.", &[]), vec![Named]);
    assert_eq!(
        kinds("Figures for security forces and militants are from the CTD.", &[]),
        vec![Named]
    );
    assert!(kinds("The militants came from Afghanistan.", &[]).is_empty());
}

#[test]
fn a_place_names_the_police_but_a_nationality_does_not() {
    assert_eq!(
        kinds("The Balochistan police said the road was open.", &[]),
        vec![Named]
    );
    assert_eq!(kinds("Afghan police said the road was open.", &[]), vec![Anonymous]);
    assert_eq!(
        kinds("A Foreign Office official said the road was open.", &[]),
        vec![Anonymous]
    );
}

#[test]
fn a_named_document_sources_what_it_provides() {
    assert_eq!(
        sources(
            "The Intelligence Reform Act assigns to the DNI two of the three responsibilities.",
            &[]
        ),
        vec![(Named, "The Intelligence Reform Act".into())]
    );
    assert_eq!(kinds("PDD-61 mandated a separate office.", &[]), vec![Named]);
    assert!(kinds("OFPP Policy Letter 11-01 requires agencies to keep records.", &[]).contains(&Named));
    assert!(kinds("The plan failed within a week.", &[]).is_empty());
    assert!(kinds("The TTP established a base near the border.", &[]).is_empty());
    // A title shortened to its letters, with its number; the auxiliaries and an aside before the verb.
    assert_eq!(
        sources("ICD 612 directs the elements to count their contractors.", &[]),
        vec![(Named, "ICD 612".into())]
    );
    assert_eq!(
        sources(
            "The agency's guidance, including ICD 612, does not require a review of each contract.",
            &[]
        ),
        vec![(Named, "The agency's guidance, including ICD 612".into())]
    );
    // What a named plan sets out.
    assert_eq!(
        sources(
            "The ministry's 2024-2028 workforce plan outlines the current mix of staff.",
            &[]
        ),
        vec![(Named, "The ministry's 2024-2028 workforce plan".into())]
    );
    assert!(kinds("F 16 jets outlined the border.", &[]).is_empty());
}

#[test]
fn references_back_and_non_frames() {
    assert_eq!(kinds("He added that the border would stay shut.", &[]), vec![Anaphoric]);
    assert_eq!(
        kinds("The statement said more raids would follow.", &[]),
        vec![Anaphoric]
    );
    assert!(kinds("The attacks in Kurram indicate a shift.", &[]).is_empty());
    assert!(kinds("The blast killed three officials.", &[]).is_empty());
    assert!(kinds("The pact is said to bind the group.", &[]).is_empty());
    // A passive across an adverb has no speaker: "It" is not taken for one, and the frame is anonymous.
    assert_eq!(
        sources("It is widely believed that the attack was an inside job.", &[]),
        vec![(Anonymous, "It is widely believed".into())]
    );
    assert_eq!(
        kinds("It has been suggested that Iran urged the Houthis to stop.", &[]),
        vec![Anonymous]
    );
    assert!(kinds(
        "A lack of documentation limits the IC's ability to check the data reported.",
        &[]
    )
    .is_empty());
}

#[test]
fn a_report_that_goes_on_has_its_subject() {
    assert_eq!(
        sources("The audit office continues to believe that its figures are right.", &[]),
        vec![(Named, "The audit office".into())]
    );
    assert_eq!(
        sources("Minister Farah Osman went on to say that the port would reopen.", &[]),
        vec![(Named, "Minister Farah Osman".into())]
    );
    assert_eq!(
        sources("The committee declined to comment on the figures.", &[]),
        vec![]
    );
}

#[test]
fn a_relative_clause_with_we_belongs_to_the_subject() {
    assert_eq!(
        kinds(
            "About half of the officials we interviewed stated that the leaders backed the plan.",
            &[]
        ),
        vec![Anonymous]
    );
    assert_eq!(
        kinds("Two of the diplomats said the talks had stalled.", &[]),
        vec![Anonymous]
    );
    assert_eq!(
        kinds("More than a third of the residents said they had fled.", &[]),
        vec![Anonymous]
    );
}

#[test]
fn a_leading_time_phrase_is_not_the_subject() {
    assert_eq!(
        sources(
            "In May 2010 the Hart Commission recommended that the post be abolished.",
            &[]
        ),
        vec![(Named, "the Hart Commission".into())]
    );
    assert_eq!(
        sources("On 3 March the ISPR said the post had fallen.", &["ISPR"]),
        vec![(Named, "the ISPR".into())]
    );
}

#[test]
fn a_frame_joined_by_and_has_the_main_clause_subject() {
    assert_eq!(
        sources(
            "The Coast Guard has not set a date and noted that the post is vacant.",
            &[]
        ),
        vec![(Named, "The Coast Guard".into())]
    );
    assert_eq!(
        sources(
            "The satellites collect imagery and signals intelligence for other agencies.",
            &[]
        ),
        vec![]
    );
}

#[test]
fn a_leading_phrase_naming_a_law_sources_what_it_provides() {
    assert_eq!(
        sources("Under the Border Security Act, the director may move funds.", &[]),
        vec![(Named, "the Border Security Act".into())]
    );
    assert_eq!(
        sources("Pursuant to the 2019 order, the agency reports to the cabinet.", &[]),
        vec![(Named, "the 2019 order".into())]
    );
    assert_eq!(
        sources("Under pressure from the army, the minister resigned.", &[]),
        vec![]
    );
    // A title shortened to letters, with its number.
    assert_eq!(
        sources("Under EO 12333, agencies use the least intrusive means.", &[]),
        vec![(Named, "EO 12333".into())]
    );
    assert_eq!(
        sources("Under Operation Sindoor, the air force struck nine sites.", &[]),
        vec![]
    );
}

#[test]
fn a_title_that_opens_with_a_preposition_is_one_title() {
    assert_eq!(
        sources(
            "According to Under Secretary Wagner, the office shares its reports.",
            &[]
        ),
        vec![(Named, "Under Secretary Wagner".into())]
    );
}

#[test]
fn some_bodies_of_a_kind_name_none_of_them() {
    for text in [
        "In fact, one IC element stated that it was drafting a new policy.",
        "Three other agencies noted that the courses were too short.",
        "Two UN agencies said the convoy had been looted.",
        "Several ministries reported delays.",
    ] {
        assert_eq!(kinds(text, &[]), vec![Anonymous], "{text}");
    }
    assert_eq!(
        kinds("The interior ministry said the convoy had been looted.", &[]),
        vec![Named]
    );
}

#[test]
fn the_authors_own_work_is_its_whole_subject_not_its_last_noun() {
    assert_eq!(
        kinds(
            "Our analysis of videos and satellite imagery indicates that a drone struck the market.",
            &[]
        ),
        Vec::<SourceKind>::new()
    );
    assert_eq!(
        kinds(
            "Videos and satellite imagery indicate that a drone struck the market.",
            &[]
        ),
        vec![Anonymous]
    );
}

#[test]
fn an_appositive_after_a_name_leaves_the_name_the_source() {
    assert_eq!(
        kinds(
            "JNIM, al-Qaeda's affiliate in the Sahel, said it carried out the ambush.",
            &[]
        ),
        vec![Named]
    );
    assert_eq!(
        kinds(
            "Jama'at Nusrat al-Islam wal-Muslimin (JNIM), al-Qaeda's affiliate, said it had struck.",
            &[]
        ),
        vec![Named]
    );
    assert_eq!(
        kinds(
            "When acting as the USD(I&S), the incumbent reports to the Secretary.",
            &[]
        ),
        Vec::<SourceKind>::new()
    );
}

#[test]
fn a_participial_aside_stands_between_the_subject_and_its_verb() {
    assert_eq!(
        sources(
            "A U.S. official, speaking on condition of anonymity, said Washington was pressing.",
            &[]
        ),
        vec![(Anonymous, "A U.S. official".into())]
    );
    assert_eq!(
        sources(
            "Al Arabiya, citing military sources, said the commander was wounded.",
            &[]
        ),
        vec![(Named, "Al Arabiya".into())]
    );
}

#[test]
fn a_report_named_by_who_made_it_is_named() {
    assert_eq!(
        kinds(
            "A report by Amnesty International found that detainees were held without charge.",
            &[]
        ),
        vec![Named]
    );
    assert_eq!(
        kinds("A report by some analysts found that attacks rose.", &[]),
        vec![Anonymous]
    );
    assert_eq!(
        kinds("Residents of Lower Kurram fear a return to fighting.", &[]),
        vec![Anonymous]
    );
}

#[test]
fn an_office_one_person_holds_names_that_person() {
    assert_eq!(
        kinds("The interior minister said the border would stay closed.", &[]),
        vec![Named]
    );
    assert_eq!(
        kinds("The minister said the border would stay closed.", &[]),
        vec![Anaphoric]
    );
    assert_eq!(
        kinds("The former minister said the border would stay closed.", &[]),
        vec![Anaphoric]
    );
}

#[test]
fn a_passive_with_its_agent_sources_what_was_provided() {
    assert_eq!(
        sources("The casualty figures were provided by the district health office.", &[]),
        vec![(Named, "the district health office".into())]
    );
    assert_eq!(sources("The army provided food to the displaced.", &[]), vec![]);
    assert_eq!(
        sources("The decision was announced by the presidency late on Friday.", &[]),
        vec![(Named, "the presidency".into())]
    );
}

#[test]
fn someone_left_unnamed_is_anonymous() {
    assert_eq!(kinds("\"It's a disaster,\" one aid worker said.", &[]), vec![Anonymous]);
    assert_eq!(
        kinds("A doctor at the hospital told Reuters that 12 had died.", &[]),
        vec![Anonymous]
    );
}

#[test]
fn a_denial_of_what_the_sentence_said_sources_nothing() {
    assert_eq!(
        kinds(
            "Pakistani officials say the group receives support from India, a charge New Delhi denies.",
            &[]
        ),
        vec![Anonymous]
    );
}

#[test]
fn a_credit_in_parentheses_at_the_end_is_the_source() {
    assert_eq!(
        sources("Attack drones hit the depot on Friday (Reuters).", &[]),
        vec![(Named, "Reuters".into())]
    );
    assert_eq!(
        sources("Two soldiers were killed in the ambush (local media).", &[]),
        vec![(Anonymous, "local media".into())]
    );
    assert_eq!(
        sources("The militia took the road to Goma (M23 statement).", &["M23"]),
        vec![(Named, "M23 statement".into())]
    );
    // An abbreviation of the name before it, a date or a place is no credit.
    for text in [
        "Congress created the Department of Homeland Security (DHS).",
        "The office was renamed the Office of Intelligence and Analysis (I&A).",
        "The talks resumed in the capital (Monday).",
        "The fighting spread to two districts (Kunduz and Baghlan).",
    ] {
        assert_eq!(kinds(text, &[]), Vec::<SourceKind>::new(), "{text}");
    }
}

#[test]
fn a_label_that_names_a_body_names_who_speaks() {
    assert_eq!(
        sources("ODNI Response: This statement is factually inaccurate.", &[]),
        vec![(Named, "ODNI".into())]
    );
    assert_eq!(
        kinds("Agency Comments: We provided a draft to the agencies.", &[]),
        Vec::<SourceKind>::new()
    );
}

#[test]
fn telling_someone_reports_what_they_were_told() {
    assert_eq!(
        sources(
            "MINUSCA informed the Panel that its peacekeepers had recorded 61 deaths.",
            &["MINUSCA"]
        ),
        vec![(Named, "MINUSCA".into())]
    );
    assert_eq!(
        kinds(
            "Member States reported to the Panel that armed groups had bought drones.",
            &[]
        ),
        vec![Anonymous]
    );
    // A superior one reports to, and what an analysis informs, are no reports.
    assert_eq!(
        kinds(
            "When acting as DDI, the incumbent reports to the DNI on defense matters.",
            &[]
        ),
        Vec::<SourceKind>::new()
    );
    assert_eq!(
        kinds(
            "Mission integration informs enterprise resource and policy decisions.",
            &[]
        ),
        Vec::<SourceKind>::new()
    );
}

#[test]
fn a_courts_judgment_names_the_court() {
    assert_eq!(
        sources(
            "Some grenades ended up in Sweden, according to a judgment handed down by the Svea Court of Appeal in June.",
            &[]
        ),
        vec![(Named, "a judgment handed down by the Svea Court of Appeal".into())]
    );
    assert_eq!(
        kinds("A ruling by the Supreme Court found the law unconstitutional.", &[]),
        vec![Named]
    );
}

#[test]
fn a_relative_clause_with_commas_of_its_own_stands_between_the_speaker_and_the_verb() {
    assert_eq!(
        sources(
            "Ivana Markovic, who worked at SEESAC, the UN's clearinghouse in Belgrade, until 2024, said the problem was counting.",
            &[]
        ),
        vec![(Named, "Ivana Markovic".into())]
    );
}

#[test]
fn a_reporting_participle_set_off_by_commas_credits_its_agent() {
    assert_eq!(
        sources(
            "The deal, first reported by the Financial Times, would give Turkey control of the port.",
            &[]
        ),
        vec![(Named, "the Financial Times".into())]
    );
}

#[test]
fn unconfirmed_reports_and_a_former_insider_name_no_one() {
    let unconfirmed = kinds(
        "Unconfirmed reports circulating on local WhatsApp groups suggest that bandits plan an attack.",
        &[],
    );
    assert!(
        !unconfirmed.is_empty() && unconfirmed.iter().all(|k| *k == Anonymous),
        "{unconfirmed:?}"
    );
    assert_eq!(
        kinds(
            "One of the sources, a former FPRC logistician, stated that the purchases were paid in gold.",
            &[]
        ),
        vec![Anonymous]
    );
    assert_eq!(
        kinds("A former minister, Ali Khan, said the talks had failed.", &[]),
        vec![Named]
    );
}

#[test]
fn whom_they_told_is_not_who_spoke_and_an_appositive_is_stepped_over() {
    assert_eq!(
        sources(
            "A Venezuelan army officer, for his part, told Crisis Group that the deployments were aimed at miners.",
            &[]
        ),
        vec![(Anonymous, "A Venezuelan army officer".into())]
    );
    assert_eq!(
        sources(
            "Amade Saide, a 52-year-old fisherman who escaped by canoe to the island with his wife and four children, told AFP that he had counted thirty men.",
            &[]
        ),
        vec![(Named, "Amade Saide".into())]
    );
}

#[test]
fn a_report_inside_a_relative_clause_sources_only_that_clause() {
    assert_eq!(
        kinds(
            "Israel has kept troops at five positions inside Lebanon, which it says it needs to protect the north.",
            &[]
        ),
        Vec::<SourceKind>::new()
    );
    assert_eq!(
        kinds(
            "The army shelled the town in what it called a response to attacks.",
            &[]
        ),
        Vec::<SourceKind>::new()
    );
}
