"""The projects tests work on: the examples (their paths and loaded), every per-language text of
a project, and projects changed for a test (translated into every language, every free text
replaced by hostile text), with the facts a reader must find in an example's policy."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.languages import LANGUAGES, SOURCE

if TYPE_CHECKING:  # the app is imported by the tests, after Qt's import hooks
    from wizard.model.answers import Project, Strict

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
#: The example projects, in name order.
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.privacy.json"))
#: Text that would be markup, a template expression or an entity if it were not escaped.
HOSTILE = '<b>{{ 7*7 }}</b> & "Co" ł€'
#: The registered languages other than the one the messages are written in: those a test of
#: "no English left" or of a translated wording runs in.
TRANSLATED: tuple[str, ...] = tuple(lang for lang in LANGUAGES if lang != SOURCE)


def example_path(name: str) -> Path:
    """The file of the example ``name`` ("physiotherapy-practice")."""
    return EXAMPLES / f"{name}.privacy.json"


def example(name: str) -> Project:
    """The example ``name`` ("physiotherapy-practice"), loaded."""
    from wizard.model import load_project

    return load_project(example_path(name))


def local_texts(model: Strict, path: str = "") -> Iterator[tuple[str, Strict, str]]:
    """Every per-language text field (``LocalText``) of ``model``, the history of published
    versions excluded: (model path, owning object, field name)."""
    from wizard.model.answers import LocalText, Strict

    for name in model.__struct_fields__:
        if name == "history":
            continue
        value = getattr(model, name)
        where = f"{path}.{name}" if path else name
        if isinstance(value, LocalText):
            yield where, model, name
        elif isinstance(value, Strict):
            yield from local_texts(value, where)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, Strict):
                    yield from local_texts(item, f"{where}[{index}]")


def with_translated_texts(project: Project) -> Project:
    """``project`` with every per-language text present in all the registered languages
    (copied from the first language that has it), so a test can read a document in any."""
    from wizard.model.answers import LANGUAGES, LocalText

    for _, owner, name in list(local_texts(project)):
        text: LocalText = getattr(owner, name)
        if text:
            first = next(iter(text.root.values()))
            setattr(owner, name, LocalText({lang: text.get(lang) or first for lang in LANGUAGES}))
    project.publication.languages = list(LANGUAGES)
    return project


def fill_every_text(project: Project, value: str) -> None:
    """Put ``value`` in every free-text field of the project."""
    from wizard.model.answers import LocalText

    org = project.organisation
    org.legal_name = org.trading_name = org.registration_number = org.phone = value
    org.address.street = org.address.city = org.address.postal_code = value
    for purpose in project.purposes:
        for field in ("name", "other_data", "legitimate_interest", "source", "consequence"):
            setattr(purpose, field, LocalText({"en": value}))
        purpose.retention.criteria = LocalText({"en": value})
        purpose.retention.statutory_reference = value
    for r in project.recipients:
        r.name = value
        r.service = LocalText({"en": value})
    for c in project.cookies.items:
        c.name = c.provider = value
        c.purpose = LocalText({"en": value})
    project.cookies.consent_mechanism = project.cookies.withdrawal = LocalText({"en": value})
    project.rights.identity_check = LocalText({"en": value})
    project.children.parental_consent = LocalText({"en": value})
    if project.dpo:
        project.dpo.name = project.dpo.phone = value


def hostile_project_file(folder: Path) -> Path:
    """The telehealth example with :data:`HOSTILE` in every free text, saved in ``folder``."""
    from wizard.model import save_project

    project = example("telehealth-startup")
    fill_every_text(project, HOSTILE)
    path = folder / "hostile.privacy.json"
    save_project(project, path)
    return path


def expected_facts(project: Project) -> list[str]:
    """What a reader of the English policy must find: the Art. 13/14 elements with this
    project's own facts, white space squashed."""
    from wizard.catalog.authorities import authority
    from wizard.model.answers import LegalBasis

    facts = [project.organisation.legal_name]
    if project.organisation.email:
        facts.append(project.organisation.email)
    if project.dpo:
        facts += [project.dpo.name, project.dpo.email or ""]
    for purpose in project.purposes:
        facts.append(purpose.name.get("en") or "")
        if purpose.legitimate_interest:
            facts.append(purpose.legitimate_interest.get("en") or "")
        if purpose.source:
            facts.append(purpose.source.get("en") or "")
        if purpose.retention.statutory_reference:
            facts.append(purpose.retention.statutory_reference)
    for recipient in project.recipients:
        facts.append(recipient.name)
    if project.cookies.used:
        facts += [c.name for c in project.cookies.items]
    if project.authority.catalog_id:
        found = authority(project.authority.catalog_id)
        assert found is not None
        facts += [found.name_national, found.website]
    if project.children.targets_children and project.children.age_threshold:
        facts.append(f"under the age of {project.children.age_threshold}")
    facts += [
        "Right of access",
        "Right to rectification",
        "Right to erasure",
        "Right to restriction of processing",
        "right to lodge a complaint with a supervisory authority",
    ]
    bases = {p.legal_basis for p in project.purposes}
    if LegalBasis.LEGITIMATE_INTERESTS in bases:
        facts.append("Right to object")
    if LegalBasis.CONSENT in bases:
        facts.append("Right to withdraw consent")
    return [re.sub(r"\s+", " ", f).strip() for f in facts if f]
