"""Stances: a holder endorsing or rejecting a named person's view, read clause by clause.

The sentences are the tests' own (in the manner of the period's polemics) or, where a test
says so, the bundled pamphlet's.
"""

from __future__ import annotations

from kgbuild.document import DocumentMeta, make_document
from kgbuild.extract import extract_all
from kgbuild.records import QuotationRecord, StanceRecord, WorkMention
from kgbuild.reference import load_reference


def read(text: str) -> list[StanceRecord]:
    meta = DocumentMeta(slug="s", title="S", author="Joseph Stalin", date="1926",
                        language="en", source_file="s.txt")
    return extract_all(make_document(text, meta), load_reference(None)).stances


def stances(text: str) -> list[tuple[str, str]]:
    """(target, polarity) of each stance; "-" for an unnamed target."""
    return [(s.target.name if s.target else "-", s.polarity) for s in read(text)]


# -- scope: a judgment applies to the person it governs --------------------------------------

def test_each_person_is_judged_by_the_word_that_governs_them() -> None:
    assert stances("The October Revolution of 1917 proved Lenin right and Trotsky wrong.") == [
        ("Lenin", "endorses"), ("Trotsky", "rejects")]


def test_coordinated_persons_share_a_judgment_across_a_contrast() -> None:
    assert stances("Kautsky and Bernstein were wrong, but Luxemburg was right.") == [
        ("Kautsky", "rejects"), ("Bernstein", "rejects"), ("Luxemburg", "endorses")]


def test_the_yardstick_of_a_rejection_is_not_its_target() -> None:
    text = ("I assert that Kamenev’s statement that “the dictatorship is not an alliance of one "
            "class with another,” in the categorical form in which it is made, has nothing in "
            "common with Lenin’s theory of the dictatorship of the proletariat.")  # the pamphlet's
    assert stances(text) == [("Kamenev", "rejects")]


def test_an_object_cue_judges_the_persons_after_it() -> None:
    assert stances("This would mean playing into the hands of Martov and Dan, who deny the "
                   "hegemony of the proletariat.") == [("Martov", "rejects"), ("Dan", "rejects")]


def test_a_noun_cue_judges_its_possessor_or_the_person_after_of() -> None:
    assert stances("Pyatakov’s grave mistake cost the party dearly.") == [("Pyatakov", "rejects")]
    assert stances("The errors of Radek in the German question are well known.") == [
        ("Radek", "rejects")]


def test_an_adjective_before_a_noun_judges_only_that_nouns_possessor() -> None:
    assert stances("Kautsky’s false theory of ultra-imperialism misled many workers.") == [
        ("Kautsky", "rejects")]
    assert stances("Noske reported on the treacherous invasion of the Ruhr by the French "
                   "army.") == []


def test_a_noun_cue_after_a_copula_points_back_through_the_subject() -> None:
    assert stances("Radek wrote that the Ruhr crisis was over. This is a gross "
                   "misrepresentation.") == [("Radek", "rejects")]


def test_the_critics_of_a_person_are_judged_not_the_person() -> None:
    assert stances("This answers the critics of Plekhanov who wrongly think that he never "
                   "wrote on the agrarian question.") == [("-", "rejects")]


def test_a_reported_judgment_is_held_by_the_person_who_judges() -> None:
    [stance] = read("In 1915 Lenin sharply attacked Kautsky for his defence of the war credits.")
    assert (stance.holder, stance.target and stance.target.name, stance.polarity) == (
        "Lenin", "Kautsky", "rejects")
    assert stance.date is not None and stance.date.edtf == "1915"


def test_reported_words_are_held_by_the_person_who_says_them() -> None:
    [stance] = read("Rykov declared at the plenum that Tomsky was quite wrong about the wages.")
    assert (stance.holder, stance.target and stance.target.name, stance.polarity) == (
        "Rykov", "Tomsky", "rejects")


def test_a_passive_cue_judges_its_subject_and_is_held_by_its_agent() -> None:
    [stance] = read("THE AGRARIAN DEBATE\n\nBukharin’s theory of equilibrium was rejected by "
                    "Preobrazhensky.")
    assert (stance.holder, stance.target and stance.target.name, stance.polarity) == (
        "Preobrazhensky", "Bukharin", "rejects")
    assert stances("The formulation was rejected by the Second Congress.") == []


def test_a_factions_description_is_no_stance() -> None:
    """"the supporters of X": who sided with whom, reported, not judged (the annotators of
    the real texts mark none; as a cue it found one stance right and two wrong there)."""
    assert stances("The delegates who were supporters of Martov left the hall.") == []
    assert stances("The debate split the congress into the followers of Comrade Sapronov and "
                   "those of Comrade Osinsky.") == []


def test_a_possessive_pronoun_before_a_noun_cue_points_back() -> None:
    assert stances("Comrade Frunze, reviewing the army reform in his usual masterly way, "
                   "spoke for two hours.") == [("Frunze", "endorses")]


def test_a_subject_who_does_not_agree_holds_the_stance() -> None:
    """"Radek evidently does not agree with this": Radek is the one who disagrees, so he is
    not judged (before, "this" was read as pointing back to him), and nobody else is named."""
    assert stances("Radek evidently does not agree with this thesis.") == []


# -- negation and irony ----------------------------------------------------------------------

def test_it_is_not_true_that_flips_the_judgment() -> None:
    assert stances("It is not true that Radek was mistaken about Germany.") == [
        ("Radek", "endorses")]


def test_a_negation_before_the_cue_flips_it() -> None:
    assert stances("Comrade Rykov was not wrong in this matter.") == [("Rykov", "endorses")]


def test_a_rhetorical_question_asserts() -> None:
    assert stances("Was not Lenin right when he said that the Soviets are the form of the "
                   "dictatorship?") == [("Lenin", "endorses")]


def test_so_called_rejects() -> None:
    assert stances("The so-called theory of Preobrazhensky is a caricature of Marxism.") == [
        ("Preobrazhensky", "rejects")]


# -- anaphora --------------------------------------------------------------------------------

def test_it_points_back_to_the_person_named_before() -> None:
    stance, = read("Bukharin proposed the slogan of enrichment for the peasants. We reject it.")
    assert (stance.target and stance.target.name, stance.polarity) == ("Bukharin", "rejects")
    assert stance.thesis == "Bukharin proposed the slogan of enrichment for the peasants."


def test_that_points_back_past_a_yardstick_to_the_person_last_judged() -> None:
    text = ("Kamenev’s view has nothing in common with Lenin’s teaching. Such statements can be "
            "made only by people who have failed to understand the bond with the peasantry.")
    assert stances(text) == [("Kamenev", "rejects"), ("Kamenev", "rejects")]


def test_this_vacillation_and_that_is_wrong() -> None:
    [_, vacillation] = read("Zinoviev wavered on the eve of the insurrection. We must condemn "
                            "this vacillation.")  # "wavered" judges him too
    assert (vacillation.target and vacillation.target.name, vacillation.polarity,
            vacillation.cue) == ("Zinoviev", "rejects", "condemn")
    assert stances("Kamenev thinks that the Soviets can wait for the West. That is also "
                   "wrong.") == [("Kamenev", "rejects")]


def test_an_endorsement_does_not_point_back_through_it() -> None:
    """"It is correct" of one's own definition judges nobody named before."""
    assert stances("Trotsky gave a definition of his own. It is correct to speak of an era of "
                   "revolutions.") == []


def test_a_plural_pronoun_points_back_to_everyone_listed() -> None:
    text = ("On the agrarian question we heard comrades Rykov, Tomsky and Kalinin. I am fully "
            "in accord with them.")
    assert stances(text) == [("Rykov", "endorses"), ("Tomsky", "endorses"),
                             ("Kalinin", "endorses")]


def test_a_pronoun_points_back_to_an_earlier_clause_of_the_sentence() -> None:
    assert stances("Radek and Pyatakov spoke of a retreat; they are mistaken.") == [
        ("Radek", "rejects"), ("Pyatakov", "rejects")]


def test_you_in_a_letter_is_its_addressee() -> None:
    text = "Dear Comrade Kuibyshev:\n\nI agree with you that the plan must be revised at once."
    assert stances(text) == [("Kuibyshev", "endorses")]
    text = ("Dear Comrade Kuibyshev:\n\nThe remarks you made on the plan, which the "
            "Council read last week, are quite right. But in my view you are mistaken about the "
            "harvest.")
    assert stances(text) == [("Kuibyshev", "endorses"), ("Kuibyshev", "rejects")]


def test_you_in_a_speech_is_nobody_named() -> None:
    assert stances("Comrade Kuibyshev spoke yesterday.\n\nComrades, I agree with you that the "
                   "plan must be revised at once.") == []


def test_a_line_ending_with_to_and_a_name_inside_a_text_is_no_addressee() -> None:
    text = ("The congress of the opposition in the autumn sent a long and detailed report "
            "on the trade unions and the\nstate of the party organisations in the south to Lenin\n"
            "and the Central Committee. Comrades, we cannot agree with you on this point.")
    assert stances(text) == []


def test_the_leaders_of_a_group_are_judged_with_it() -> None:
    assert stances("The congress condemned the platform of the opposition bloc which was headed "
                   "by Radek and Pyatakov.") == [("Radek", "rejects"), ("Pyatakov", "rejects")]


def test_the_object_of_a_preposition_is_not_the_subject_of_the_next_verb() -> None:
    """"unfaithful to the teaching of Marx and betrayed": Marx is the standard, not judged."""
    assert stances("The old International was unfaithful to the teaching of Marx and betrayed "
                   "the workers.") == [("Marx", "endorses")]


def test_these_people_are_an_unnamed_group() -> None:
    assert stances("Some still assert that the peasantry is a reactionary mass. These people "
                   "are profoundly mistaken.") == [("-", "rejects")]


# -- holders ---------------------------------------------------------------------------------

def test_the_quoted_speaker_holds_the_judgment_inside_the_quotation() -> None:
    [stance] = read("Lenin wrote in reply: “Martov has deserted the revolution and gone over to "
                    "the side of the liberal bourgeoisie, whom he now serves.”")
    assert (stance.holder, stance.target and stance.target.name, stance.polarity) == (
        "Lenin", "Martov", "rejects")


def test_words_inside_a_quotation_without_a_person_judge_nobody() -> None:
    assert stances("Sorin says that “the dictatorship of the proletariat is wrong, mistaken "
                   "and absurd in every single case.”") == []


def test_the_author_holds_the_judgment_and_the_document_dates_it() -> None:
    [stance] = read("January 25, 1926\n\nZinoviev’s definition of Leninism cannot be regarded "
                    "as correct.")
    assert stance.holder is None and stance.date is not None
    assert stance.date.edtf == "1926-01-25"


# -- what is at stake ------------------------------------------------------------------------

def test_the_thesis_is_the_judged_view_as_printed() -> None:
    [stance] = read("Zinoviev’s definition of Leninism cannot be regarded as correct.")
    assert stance.thesis == "definition of Leninism"
    assert stance.thesis_evidence is not None
    assert stance.thesis_evidence.text == "definition of Leninism"
    assert stance.cue == "cannot be regarded as correct"


def test_the_thesis_comes_from_the_quotation_of_the_judged_person() -> None:
    [stance] = read("Bukharin writes in his article: “We must say to the whole peasantry: enrich "
                    "yourselves, develop your farms.” This slogan is wrong.")
    assert stance.target is not None and stance.target.name == "Bukharin"
    assert isinstance(stance.thesis_source, QuotationRecord)
    assert stance.thesis_source.text.startswith("We must say")


def test_the_thesis_comes_from_a_work_of_the_judged_person() -> None:
    [stance] = read("Trotsky’s pamphlet “The New Course” is quite wrong about the apparatus.")
    assert stance.target is not None and stance.target.name == "Trotsky"
    assert isinstance(stance.thesis_source, WorkMention)
    assert stance.thesis_source.title == "The New Course"


def test_an_unnamed_body_rejected() -> None:
    assert stances("It is correct because it notes the international character of Leninism, "
                   "as against Social-Democracy, which considers it a Russian doctrine.") == [
        ("-", "rejects")]  # the pamphlet's


def test_neutral_reports_are_no_stances() -> None:
    assert stances("Trotsky proposed the militarisation of labour at the Ninth Congress. Lenin "
                   "spoke on the trade unions in December 1920.") == []


def test_this_view_after_the_judging_subject_points_to_the_sentence_before() -> None:
    [stance] = read("Kautsky claims that the revolution is premature. Lenin rejects this view.")
    assert (stance.holder, stance.target and stance.target.name, stance.polarity) == (
        "Lenin", "Kautsky", "rejects")
    assert stances("Bukharin proposed the slogan of enrichment. Trotsky said that it was a "
                   "grave mistake.") == [("Bukharin", "rejects")]
    assert stances("Zinoviev and Kamenev opposed the insurrection. Lenin attacked them "
                   "sharply.") == [("Zinoviev", "rejects"), ("Kamenev", "rejects")]


def test_his_own_view_is_no_stance_on_anyone() -> None:
    assert stances("Frunze spoke on the army reform. Comrade Rykov said that all he wanted "
                   "was to defend his proposals.") == []


def test_this_points_back_to_the_person_whose_saying_is_reported() -> None:
    """"That is a misunderstanding" of what Brandt says, not of the person he names."""
    assert stances("A word on the remark of Comrade Brandt, who says he sees a contradiction "
                   "between my theses and those of Comrade Varga. That is a misunderstanding.") == [
        ("Brandt", "rejects")]


def test_he_points_back_to_a_subject_not_to_a_name_in_passing() -> None:
    assert stances("He had asked to work with his old friend Dallin in Paris. His situation "
                   "there was disastrous.") == []
    assert stances("Later, after the death of Jogiches, he led the group in Berlin. He was its "
                   "chairman until he capitulated in 1929.") == []
    assert stances("Comrade Lominadze spoke on the Chinese question. He was quite wrong.") == [
        ("Lominadze", "rejects")]


# -- the body judged -------------------------------------------------------------------------

def test_a_body_alone_is_no_group_judged_for_a_view() -> None:
    assert stances("He conducted an active campaign against the Communist International "
                   "for years.") == []


# -- the vocabulary of polemic ---------------------------------------------------------------

def test_general_words_of_polemic_judge_whom_they_govern() -> None:
    assert stances("Bauer's new calumnies against the Soviets deceive nobody.") == [
        ("Bauer", "rejects")]
    assert stances("We cannot accept the theses of Comrade Maslow.") == [("Maslow", "rejects")]
    assert stances("Comrade Thalheimer put it well in his report.") == [
        ("Thalheimer", "endorses")]
    assert stances("The conference took issue with Comrade Sapronov on this point.") == [
        ("Sapronov", "rejects")]
    assert stances("I am in full agreement with Comrade Kolarov.") == [("Kolarov", "endorses")]
    assert stances("Comrade Bogdanov’s doctrinaire conception of culture is of no use.") == [
        ("Bogdanov", "rejects")]
    assert stances("The Bureau sympathised with Comrade Smeral on this point.") == [
        ("Smeral", "endorses")]


def test_as_someone_said_endorses_them() -> None:
    assert stances("As Comrade Kolarov rightly said, the peasants will not wait.") == [
        ("Kolarov", "endorses")]
    assert stances("As Bebel and Liebknecht said long ago, militarism is the enemy.") == [
        ("Bebel", "endorses"), ("Liebknecht", "endorses")]
    assert stances("As Comrade Smeral’s report explains, the crisis is not over.") == [
        ("Smeral", "endorses")]
    assert stances("Smeral said that the crisis is over.") == []


def test_a_judgment_outweighs_a_citation_of_the_same_person() -> None:
    assert stances("As Hilferding says, the banks rule the state; but this is nonsense.") == [
        ("Hilferding", "rejects")]


def test_reported_words_end_at_a_contrast() -> None:
    [stance] = read("Hilferding says that the banks rule the state; but this is nonsense.")
    assert (stance.holder, stance.target and stance.target.name, stance.polarity) == (
        None, "Hilferding", "rejects")


def test_a_noun_cue_after_a_subject_pronoun_is_a_verb() -> None:
    assert stances("Sokolov’s manuscript reached the editors in May. There it lies to this "
                   "day.") == []


def test_an_adjective_with_an_object_is_a_verb() -> None:
    assert stances("I hope that Comrade Jacob will succeed in convincing Walcher of this.") == []


def test_an_adjective_before_a_quoted_noun_qualifies_it() -> None:
    assert stances("Radek, declaring that the party had been captured by reactionary "
                   "‘Thermidorian forces’, left the hall.") == []
    assert stances("Kautsky’s “ultra-imperialist” error confused many.") == [
        ("Kautsky", "rejects")]


def test_it_is_a_praised_work_points_back_and_it_is_correct_to_does_not() -> None:
    assert stances("Comrade Varga wrote a pamphlet on the crisis in 1921. It is a lucid "
                   "analysis of the world market.") == [("Varga", "endorses")]


def test_this_after_a_quoted_judgment_points_to_the_speaker() -> None:
    text = ("In his new pamphlet Schwarz writes: “Kolarov’s mistaken theory of the agrarian "
            "question must go.” This is a serious misrepresentation.")
    assert stances(text) == [("Kolarov", "rejects"), ("Schwarz", "rejects")]


def test_he_before_a_judging_verb_is_the_holder() -> None:
    [stance] = read("Comrade Lominadze came to Canton in 1927. He was elected to the bureau at "
                    "once. But he opposed Comrade Neumann on the question of the rising.")
    assert (stance.holder, stance.target and stance.target.name, stance.polarity) == (
        "Lominadze", "Neumann", "rejects")
    assert stances("We honour the memory of Jogiches. But on this question they fought "
                   "against Tyszka.") == []


def test_his_points_back_to_a_subject_in_apposition() -> None:
    [stance] = read("The teacher of a whole generation, Antonio Labriola, wrote against the "
                    "revisionists. His book on historical materialism showed that the "
                    "method was alive.")
    assert (stance.target and stance.target.name, stance.polarity) == (
        "Antonio Labriola", "endorses")


def test_a_judging_noun_judges_the_persons_given_as_examples() -> None:
    assert stances("Avowed counter-revolutionaries like Comrade Korsch have left us.") == [
        ("Korsch", "rejects")]
    assert stances("Renegades such as Kautsky and Hilferding praise this democracy.") == [
        ("Kautsky", "rejects"), ("Hilferding", "rejects")]


def test_it_points_back_one_sentence_only() -> None:
    """"it" in the sentence after one that names no person is a thing or a view of that
    sentence, not of a person named further back."""
    assert stances("Comrades Sapronov and Osinsky raised the question at the plenum. But they "
                   "were outvoted and accepted the view of the majority. Yet Sapronov has "
                   "continued to wage a struggle against it.") == []


def test_an_opponent_of_a_person_rejects_them() -> None:
    [stance] = read("In those years Comrade Pyatakov was one of Lenin’s fiercest opponents on "
                    "the national question.")
    assert (stance.holder, stance.target and stance.target.name, stance.polarity) == (
        "Pyatakov", "Lenin", "rejects")
    assert stances("Thus the congress was attended by its opponents.") == []


def test_one_of_those_who_is_the_person_named() -> None:
    assert stances("Comrade Smilga in those years was one of those who wrongly believed in a "
                   "quick victory.") == [("Smilga", "rejects")]


def test_this_before_a_judging_adjective_points_back_only_to_a_view() -> None:
    assert stances("Comrade Kolarov spoke on the agrarian question. This false theory must "
                   "go.") == [("Kolarov", "rejects")]
    assert stances("Comrade Kolarov spoke on the agrarian question. This treacherous attack "
                   "came at night.") == []


def test_them_after_a_plural_noun_is_no_single_person_and_he_declared_is_the_speaker() -> None:
    text = ("Comrade Rakosi, who had been sent to Vienna by the Executive, not only failed to "
            "correct these mistakes but defended them. At the next session of the Presidium he "
            "declared: “The party acted in the only possible way in entering the government.” "
            "The congress rejected this view completely.")
    assert stances(text) == [("Rakosi", "rejects")]


def test_a_name_inside_an_unnamed_subjects_clause_is_not_the_subject() -> None:
    assert stances("Those who say that Comrade Smilga added nothing to the theory do not "
                   "understand the matter at all.") == [("-", "rejects")]
    assert stances("The opposition led by Comrade Sapronov falsely generalised from isolated "
                   "facts.") == [("Sapronov", "rejects")]


def test_a_gerund_of_a_judging_verb_judges_its_object() -> None:
    assert stances("Taking issue with the theses of Comrade Sapronov, the conference voted "
                   "for the majority.") == [("Sapronov", "rejects")]
    assert stances("The congress ended by defending Comrade Kolarov against the "
                   "Bureau.") == [("Kolarov", "endorses")]


def test_a_slogan_in_quotation_marks_governs_no_name_outside_it() -> None:
    assert stances('The theses called for a "struggle against pan-Slavism", Comrade Smeral '
                   "argued for another course.") == []
    assert stances("The theses called for a “struggle against pan-Slavism”, Comrade Smeral "
                   "argued for another course.") == []


def test_going_over_to_a_party_is_a_fact_of_a_life_not_a_judgment() -> None:
    assert stances("In 1903 Plekhanov was with the Bolsheviks, but he went over to the "
                   "Mensheviks.") == []


def test_a_faction_named_after_its_leader_stands_for_the_leader() -> None:
    assert stances("Comrade Maslow spoke next. We reject the Maslow group’s platform.") == [
        ("Maslow", "rejects")]
    assert stances("Comrade Sapronov spoke next. The congress condemned Sapronovism as a "
                   "petty-bourgeois deviation.") == [("Sapronov", "rejects")]
    assert stances("Comrade Sapronov spoke next. The congress condemned the Sapronovites "
                   "once more.") == [("Sapronov", "rejects")]
    assert stances("Comrade Sapronov spoke first. The Sapronovite distortions of the "
                   "resolution deceive nobody.") == [("Sapronov", "rejects")]


def test_a_doctrine_every_side_claimed_is_no_faction() -> None:
    assert stances("Lenin wrote much. This is a departure from Leninism.") == []


def test_an_entry_of_notes_judges_the_person_it_opens_with() -> None:
    text = ("Kolb, W. (1870-1918). – Member of the Baden Landtag; during the war an ardent "
            "social-patriot; later a member of the Reichstag.")
    assert stances(text) == [("W. Kolb", "rejects")]
    text = ("Sapronov, T. V. (born 1887). – Leader of the Democratic Centralists, which he "
            "later renounced.")
    assert stances(text) == []


def test_a_judging_verb_in_the_passive_without_agent_judges_its_subject() -> None:
    assert stances("Comrade Bukharin's proposal was rejected.") == [("Bukharin", "rejects")]
    assert stances("Liebknecht was condemned to four years of hard labour.") == []


def test_right_before_a_noun_or_capitalised_is_no_judgment() -> None:
    assert stances("Comrade Bukharin's Right deviation must be condemned.") == [
        ("Bukharin", "rejects")]
    assert stances("Lenin's right hand, Sverdlov, was there.") == []


def test_labels_and_slanders_of_polemic() -> None:
    assert stances("Kautsky is a hypocrite.") == [("Kautsky", "rejects")]
    # the slanderer is judged, not the one slandered
    assert stances("This is a slander on Comrade Bukharin.") == []
    assert stances("Comrade Radek is not right.") == [("Radek", "rejects")]
    assert stances("Comrade Bordiga's theses are unacceptable.") == [("Bordiga", "rejects")]



def test_a_possessor_before_a_named_object_of_of_is_the_subject() -> None:
    assert stances("Bernstein’s reading of Marx misled many workers.") == [
        ("Bernstein", "rejects")]


def test_an_object_cue_does_not_reach_into_the_next_clause() -> None:
    assert stances("The police attacked the demonstrators, and Liebknecht was "
                   "arrested.") == []


def test_a_place_adjective_that_spells_a_surname_is_no_faction() -> None:
    assert stances("Comrade Hess spoke first. The congress condemned the Hessian "
                   "delegates.") == []
