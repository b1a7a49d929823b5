"""Stances: the author endorsing or rejecting a named person's thesis."""

from __future__ import annotations

from kgbuild.document import DocumentMeta, make_document
from kgbuild.extract import extract_all
from kgbuild.reference import ReferenceData


def stances(text: str) -> list[tuple[str, str, str]]:
    meta = DocumentMeta(slug="s", title="S", author="Joseph Stalin", date="1926",
                        language="en", source_file="s.txt")
    found = extract_all(make_document(text, meta), ReferenceData()).stances
    return [(s.target.name if s.target else "-", s.polarity, s.evidence.text.split()[0])
            for s in found]


def test_rejecting_a_definition() -> None:
    assert stances("Zinoviev, for example, thinks otherwise. But if all that is true, does it "
                   "not follow that Zinoviev’s definition of Leninism cannot be regarded as "
                   "correct?") == [("Zinoviev", "rejects", "But")]


def test_rhetorical_question_endorses() -> None:
    assert stances("Lenin says so. Was not Lenin right when he said that the Soviets are the "
                   "state form?") == [("Lenin", "endorses", "Was")]


def test_the_yardstick_of_a_rejection_is_not_its_target() -> None:
    text = ("I assert that Kamenev’s statement that “the dictatorship is not an alliance of one "
            "class with another,” in the categorical form in which it is made, has nothing in "
            "common with Lenin’s theory of the dictatorship of the proletariat.")
    assert stances(text) == [("Kamenev", "rejects", "I")]


def test_persons_in_the_hands_of_whom_a_view_plays() -> None:
    assert stances("It means playing into the hands of Bauer and Kautsky, who deny that "
                   "Leninism is suitable for other countries.") == [
        ("Bauer", "rejects", "It"), ("Kautsky", "rejects", "It")]


def test_words_inside_a_quotation_do_not_judge() -> None:
    assert stances("Sorin says that “the dictatorship of the proletariat is wrong, mistaken "
                   "and absurd in every single case.”") == []


def test_an_unnamed_group_rejected() -> None:
    assert stances("It is correct because it notes the international character of Leninism, "
                   "as against Social-Democracy, which considers it a Russian doctrine.") == [
        ("-", "rejects", "as")]
