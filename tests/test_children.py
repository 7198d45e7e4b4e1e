"""Children (Art. 8 GDPR and issue point 8): the ages a service is meant for are one answer, the
Art. 8 threshold another; the policy's children section is written from both, in every language,
and the review points out what a service for children needs (DPIA, the weight of a child's
interests, who can consent). One register per document: the user's own texts are checked for the
other register's pronouns."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.projects import TRANSLATED, example, with_translated_texts
from tests.readback import policy_docx_text
from wizard.model import Project
from wizard.model.answers import LANGUAGES, LocalText
from wizard.model.project_file import FORMAT_VERSION, loads_project, save_project


def teen_app(youngest: int | None = 13, oldest: int | None = 17) -> Project:
    """A German app for teenagers (the Art. 8 age in Germany is 16)."""
    project = with_translated_texts(example("software-company"))
    project.organisation.country = "DE"
    project.organisation.address.country = "DE"
    children = project.children
    children.targets_children = True
    children.youngest_age = youngest
    children.oldest_age = oldest
    children.age_threshold = 16
    children.parental_consent = LocalText(
        {
            "en": "A parent confirms by e-mail.",
            "nl": "Een ouder bevestigt per e-mail.",
            "fr": "Un parent confirme par courriel.",
            "de": "Ein Elternteil bestätigt per E-Mail.",
        }
    )
    return project


#: What each language says for the 13-17 app: its range, and parental consent under 16.
RANGE_13_17 = {
    "en": ("people aged 13 to 17", "child under the age of 16"),
    "nl": ("personen van 13 tot en met 17 jaar", "jonger dan 16 jaar"),
    "fr": ("personnes âgées de 13 à 17 ans", "moins de 16 ans"),
    "de": ("Personen im Alter von 13 bis 17 Jahren", "Kind unter 16 Jahren"),
}
#: The sentence of a general service "also intended for children", which a service only for
#: minors must never print.
ALSO_CHILDREN = {
    "en": "also intended for children",
    "nl": "ook bedoeld voor kinderen",
    "fr": "également aux enfants",
    "de": "auch an Kinder",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_teen_service_names_its_range_and_asks_parents_below_the_threshold(lang: str) -> None:
    text = policy_docx_text(teen_app(), lang)
    age_range, parental = RANGE_13_17[lang]
    assert age_range in text.replace("\u00a0", " ")
    assert parental in text.replace("\u00a0", " ")
    assert ALSO_CHILDREN[lang] not in text
    # Never the range's lower bound as the Art. 8 age.
    assert "13" not in text.replace("\u00a0", " ").split(age_range)[1].split("\n")[0]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_service_from_the_threshold_up_promises_no_parental_consent(lang: str) -> None:
    text = policy_docx_text(teen_app(youngest=16, oldest=17), lang).replace("\u00a0", " ")
    assert RANGE_13_17[lang][1] not in text
    assert {
        "en": "reached the age of 16",
        "nl": "16 jaar of ouder",
        "fr": "au moins 16 ans",
        "de": "mindestens 16 Jahre alt",
    }[lang] in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_adults_only_service_says_nothing_about_children(lang: str) -> None:
    project = teen_app()
    project.children.targets_children = False
    text = policy_docx_text(project, lang)
    heading = {"en": "Children", "nl": "Kinderen", "fr": "Enfants", "de": "Kinder"}[lang]
    assert heading not in text.split("\n")
    assert "16" not in " ".join(
        line for line in text.split("\n") if "parental" in line or "elterlich" in line
    )


def test_an_old_file_that_targeted_children_keeps_its_sentence_after_migration(
    tmp_path: Path,
) -> None:
    project = teen_app(youngest=None, oldest=None)
    path = tmp_path / "old.privacy.json"
    save_project(project, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["format_version"] = 3
    for answers in [data] + [v["answers"] for v in data["history"]]:
        answers["children"].pop("youngest_age")
        answers["children"].pop("oldest_age")
    migrated = loads_project(json.dumps(data))
    assert migrated.format_version == FORMAT_VERSION == 4
    assert migrated.children.youngest_age is None and migrated.children.oldest_age is None
    assert "also intended for children" in policy_docx_text(migrated, "en")


def test_a_range_upside_down_is_refused_naming_the_field() -> None:
    from wizard.model.project_file import ProjectFileError

    data = json.loads(
        (Path(__file__).parent.parent / "examples" / "software-company.privacy.json").read_text(
            encoding="utf-8"
        )
    )
    data["children"].update({"targets_children": True, "youngest_age": 15, "oldest_age": 13})
    with pytest.raises(ProjectFileError) as raised:
        loads_project(json.dumps(data))
    assert any(p.startswith("children.oldest_age:") for p in raised.value.problems)


# --- the review -----------------------------------------------------------------------------------


def check_json(project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict]:
    from wizard.cli import main

    path = tmp_path / "teen.privacy.json"
    save_project(project, path)
    main(["check", str(path), "--format", "json"])
    findings: list[dict] = json.loads(capsys.readouterr().out)["findings"]
    return findings


def test_check_advises_a_dpia_the_childs_interests_and_who_can_consent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from wizard.model.answers import DataCategory, SpecialCondition

    project = teen_app()
    consent = next(i for i, p in enumerate(project.purposes) if "consent" in p.bases)
    interests = next(i for i, p in enumerate(project.purposes) if "legitimate_interests" in p.bases)
    health = project.purposes[0]
    health.data_categories = [*health.data_categories, DataCategory.HEALTH]
    health.special_condition = SpecialCondition.EXPLICIT_CONSENT
    found = {(f["code"], f["field"]): f for f in check_json(project, tmp_path, capsys)}
    dpia = found[("children_dpia", "children.targets_children")]
    assert dpia["severity"] == "warning" and dpia["page"] == "children"
    assert "Art. 35" in dpia["article"]
    assert ("children_legitimate_interests", f"purposes[{interests}].legal_basis") in found
    parents = found[("children_consent_capacity", f"purposes[{consent}].legal_basis")]
    assert "under 16" in parents["message"]
    assert ("children_consent_capacity", "purposes[0].special_condition") in found
    # None of it is a must-fix: the documents can still be published.
    assert all(
        f["severity"] == "warning" for f in found.values() if f["code"].startswith("children_")
    )


def test_check_says_nothing_of_children_for_adults_or_parents_above_the_threshold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = teen_app(youngest=16, oldest=17)
    codes = {(f["code"], f["field"]) for f in check_json(project, tmp_path, capsys)}
    assert not any(c == "children_consent_capacity" and "legal_basis" in f for c, f in codes)
    assert ("children_dpia", "children.targets_children") in codes
    project.children.targets_children = False
    codes = {(f["code"], f["field"]) for f in check_json(project, tmp_path, capsys)}
    assert not any(c.startswith("children_") for c, _f in codes)


@pytest.mark.parametrize("lang", ["nl", "fr", "de"])
def test_the_children_findings_read_in_the_users_language(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from wizard.cli import main

    path = tmp_path / "teen.privacy.json"
    save_project(teen_app(), path)
    main(["check", str(path), "--lang", lang])
    report = capsys.readouterr().out
    expected = {
        "nl": ("gegevensbeschermingseffectbeoordeling", "art. 35 leden 1, 3 en 4 AVG"),
        "fr": ("analyse d'impact relative à la protection des données", "art. 35, paragraphes"),
        "de": ("Datenschutz-Folgenabschätzung", "Art. 35 Abs. 1, 3 und 4 DSGVO"),
    }[lang]
    for words in expected:
        assert words in report
    assert "impact assessment" not in report and "rests on" not in report


# --- one register per document ----------------------------------------------------------------------

#: A user's text in the informal register of each language, and the pronoun flagged.
INFORMAL = {
    "nl": ("Je kunt je account altijd verwijderen.", "Je"),
    "fr": ("Tu peux supprimer ton compte à tout moment.", "Tu"),
    "de": ("Du kannst dein Konto jederzeit löschen.", "Du"),
}


@pytest.mark.parametrize("lang", ["nl", "fr", "de"])
def test_a_users_text_in_the_other_register_is_flagged_by_field(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = teen_app()
    text, word = INFORMAL[lang]
    purpose = project.purposes[1]
    purpose.name = LocalText({**purpose.name.root, lang: text})
    found = [f for f in check_json(project, tmp_path, capsys) if f["code"] == "register_mixed"]
    assert [f["field"] for f in found] == ["purposes[1].name"]
    assert found[0]["page"] == "purposes" and word in found[0]["message"]


def test_formal_texts_and_english_are_not_flagged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from wizard.law.checks import informal_words

    project = teen_app()
    project.purposes[1].name = LocalText(
        {
            "en": "You can delete your account at any time.",
            "nl": "U kunt uw account altijd verwijderen; de gegevens worden dan gewist.",
            "fr": "Vous pouvez supprimer votre compte ; le tiers de confiance en est informé.",
            "de": "Sie können Ihr Konto jederzeit löschen, auch das Ihrer Kinder.",
        }
    )
    assert not [f for f in check_json(project, tmp_path, capsys) if f["code"] == "register_mixed"]
    assert informal_words("Nous t’informons par courriel.", "fr") == ["t'"]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_policy_itself_keeps_the_formal_register(lang: str) -> None:
    from wizard.law.checks import informal_words

    for project in (teen_app(), with_translated_texts(example("telehealth-startup"))):
        assert informal_words(policy_docx_text(project, lang), lang) == [], lang


# --- what changed since the last version --------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_new_range_is_a_change_of_the_next_version(lang: str) -> None:
    from wizard import history

    old = teen_app()
    new = old.model_copy(deep=True)
    new.children.oldest_age = 15
    changes = history.diff(old, new)
    assert [c.kind for c in changes] == [history.ChangeKind.CHILDREN_AGES_CHANGED]
    text = changes[0].text(lang)
    assert {"en": "ages", "nl": "leeftijden", "fr": "âges", "de": "Altersgruppe"}[lang] in text
    assert history.diff(old, old.model_copy(deep=True)) == []


def _reference_texts(data: Any, path: str = "") -> list[tuple[str, str, str]]:
    """Every text of a language in ``data`` with its field, written out plainly."""
    from wizard.languages import LANGUAGES

    if isinstance(data, dict):
        if data and set(data) <= set(LANGUAGES) and all(isinstance(v, str) for v in data.values()):
            return [(path, lang, text) for lang, text in data.items()]
        out: list[tuple[str, str, str]] = []
        for key, value in data.items():
            out += _reference_texts(value, f"{path}.{key}" if path else key)
        return out
    if isinstance(data, list):
        return [t for i, item in enumerate(data) for t in _reference_texts(item, f"{path}[{i}]")]
    return []


_LEAF = st.one_of(st.none(), st.integers(), st.text(max_size=5))
_LOCAL = st.dictionaries(st.sampled_from(["en", "nl", "fr", "de"]), st.text(max_size=8), min_size=1)
_TREE = st.recursive(
    st.one_of(_LEAF, _LOCAL),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(["name", "items", "purpose", "en", "x"]), inner, max_size=4
        ),
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(_TREE)
def test_the_register_check_finds_every_text_under_its_field(data: Any) -> None:
    """The walk writes a field's path only for the texts it keeps: the same texts and paths as
    walking every value, in the same order."""
    from wizard.law.checks.register import _texts_where

    assert _texts_where(data, lambda lang, text: True) == _reference_texts(data)
    kept = _texts_where(data, lambda lang, text: lang == "fr")
    assert kept == [t for t in _reference_texts(data) if t[1] == "fr"]
