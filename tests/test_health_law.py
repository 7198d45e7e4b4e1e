"""The national health-law provisions (``resources/data/health-law.json``): every provision
carries a status, a source and a date; only confirmed ones reach the policy, where a practice in
the Netherlands, Austria or Luxembourg reads its country's provision in each language and format.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date
from pathlib import Path

import pytest

from tests.projects import example
from tests.readback import policy_read_back, squash
from wizard.catalog.health_law import KINDS, health_law, health_laws
from wizard.languages import LANGUAGES
from wizard.model import Project
from wizard.policy.engine import build_document
from wizard.render.html import html_text
from wizard.resources import read_text

LANGS = tuple(LANGUAGES)


def practice_in(country: str) -> Project:
    """The physiotherapy example moved to ``country`` (it relies on Art. 9(2)(h) GDPR)."""
    project = example("physiotherapy-practice")
    project.organisation.country = country
    project.organisation.address.country = country
    return project


def test_every_provision_has_a_status_a_source_and_for_a_confirmed_one_a_date() -> None:
    raw = json.loads(read_text("data", "health-law.json"))["countries"]
    assert raw, "no country listed"
    for code, row in raw.items():
        assert set(row) <= set(KINDS), code
        for kind, entry in row.items():
            where = f"{code}.{kind}"
            assert entry["status"] in {"confirmed", "unverified"}, where
            assert all(entry.get(lang, "").strip() for lang in LANGS), where
            assert entry["source"].strip(), where
            if entry["status"] == "confirmed":
                assert date.fromisoformat(entry["verified_on"]), where
                assert "https://" in entry["source"], where
            else:
                assert entry["verified_on"] is None, where


def test_an_unverified_provision_is_kept_in_the_data_but_never_printed() -> None:
    nl = health_law("NL")
    assert nl is not None
    unverified = {p.kind: p for p in nl.unverified}
    assert "care" in unverified and "UAVG" in unverified["care"].names["en"]
    assert nl.care == {}
    for lang in LANGS:
        text = squash(build_document(example("physiotherapy-practice"), lang).text())
        assert "UAVG" not in text and "Uitvoeringswet" not in text, lang
        # The GDPR condition itself is still stated.
        assert {
            "en": "Article 9(2)(h) GDPR",
            "nl": "art. 9 lid 2 sub h AVG",
            "fr": "article 9, paragraphe 2, point h), du RGPD",
            "de": "Art. 9 Abs. 2 lit. h DSGVO",
        }[lang] in text, lang


def test_only_confirmed_provisions_are_offered_to_the_policy() -> None:
    for law in health_laws():
        for kind in KINDS:
            shown = getattr(law, kind)
            listed = law.provisions.get(kind)
            if listed is None or not listed.confirmed:
                assert shown == {}, (law.country, kind)
            else:
                assert shown == listed.names, (law.country, kind)


SECRECY = {
    "NL": {
        "en": "in particular under Article 7:457 of the Dutch Civil Code (medical treatment "
        "contracts, WGBO).",
        "nl": "in het bijzonder op grond van artikel 7:457 van het Burgerlijk Wetboek (WGBO).",
        "fr": "l'article 7:457 du code civil néerlandais (contrat de traitement médical, WGBO).",
        "de": "Artikel 7:457 des niederländischen Bürgerlichen Gesetzbuchs "
        "(Behandlungsvertrag, WGBO).",
    },
    "AT": {
        "en": "in particular under the professional secrecy of the Austrian health-profession "
        "laws, such as Section 54 of the Physicians Act 1998 (Ärztegesetz 1998).",
        "nl": "in het bijzonder op grond van het beroepsgeheim van de Oostenrijkse wetten op de "
        "gezondheidsberoepen, zoals § 54 van de artsenwet 1998 (Ärztegesetz 1998).",
        "fr": "l'obligation de secret professionnel prévue par les lois autrichiennes sur les "
        "professions de santé, comme l'article 54 de la loi de 1998 sur les médecins (Ärztegesetz 1998).",
        "de": "der Verschwiegenheitspflicht der österreichischen Gesundheitsberufegesetze, "
        "etwa § 54 des Ärztegesetzes 1998.",
    },
    "LU": {
        "en": "in particular under Article 458 of the Luxembourg Criminal Code (Code pénal).",
        "nl": "in het bijzonder op grond van artikel 458 van het Luxemburgse Wetboek van "
        "Strafrecht (Code pénal).",
        "fr": "l'article 458 du code pénal luxembourgeois.",
        "de": "Artikel 458 des luxemburgischen Strafgesetzbuchs (Code pénal).",
    },
}


@pytest.mark.parametrize("country", sorted(SECRECY))
def test_a_practice_reads_its_countrys_secrecy_provision_in_every_language_and_format(
    country: str, tmp_path: Path
) -> None:
    project = practice_in(country)
    for lang in LANGS:
        for fmt, text in policy_read_back(project, lang, tmp_path / f"{country}-{lang}").items():
            assert squash(SECRECY[country][lang]) in text, (country, lang, fmt)
            # No other country's provision leaks in.
            for other, phrases in SECRECY.items():
                if other != country:
                    assert squash(phrases[lang]) not in text, (country, other, lang, fmt)
            # None of these countries has a confirmed provision behind Art. 9(2)(h).
            assert "applies together with" not in text and "in samenhang met" not in text


# A preposition of the policy's sentence followed by an article the provision's text begins
# with, which that language contracts or declines: French "de le" (du), "de les" (des),
# "à le" (au); German "nach die", "mit die" (dative: der, dem, den).
BROKEN_JOINS = {
    "fr": re.compile(r"\b(?:de|à) (?:le|les) ", re.IGNORECASE),
    "de": re.compile(r"\b(?:nach|mit|von|aus|bei|zu) (?:die|das) ", re.IGNORECASE),
}


@pytest.mark.parametrize("country", sorted(law.country for law in health_laws()))
def test_every_provision_reads_as_grammar_after_the_policys_preposition(country: str) -> None:
    """Each confirmed provision is a phrase the sentence around it can take in each language:
    the French and German texts begin in the form the sentence's preposition governs."""
    law = health_law(country)
    assert law is not None
    project = practice_in(country)
    for lang, broken in BROKEN_JOINS.items():
        body = html_text(build_document(project, lang)).split("<body", 1)[1]
        text = squash(html.unescape(re.sub(r"<[^>]+>", " ", body)))
        for provision in law.provisions.values():
            if not provision.confirmed:
                continue
            name = squash(provision.names[lang])
            at = text.find(name)
            if at < 0:
                continue
            before = text[max(0, at - 12) : at + len(name)]
            assert not broken.search(before), (country, provision.kind, lang, before)
