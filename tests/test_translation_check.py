"""One translation check: what a policy in a language still lacks is decided by
:func:`wizard.flow.translation_gaps`, and the pages, the review, generation and the engine agree.

The guarantee tested here: when the review has nothing that blocks generation, every chosen
document is written; in particular a text missing in one language (a purpose's consequence,
which the pages once missed) is reported, by name, before any file is written.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.projects import example, local_texts
from wizard import flow, review
from wizard.flow import PageId
from wizard.model.answers import DocumentKind, LocalText, Project
from wizard.output import output_jobs, write_output
from wizard.policy.engine import PolicyError, build_document
from wizard.policy.view import engine_missing_texts, missing_texts


def _example(name: str = "physiotherapy-practice") -> Project:
    project = example(name)
    project.publication.languages = ["en", "nl"]
    project.publication.output_folder = "/tmp/unused"
    project.publication.effective_date = dt.date(2026, 12, 1)
    # The policy alone (the examples choose all four documents; the record's own texts are
    # part of this check too, tested in test_documents.py).
    project.publication.documents = [DocumentKind.POLICY]
    return project


def test_a_consequence_missing_in_dutch_is_reported_by_name_and_blocks_generation(
    tmp_path: Path,
) -> None:
    project = _example()
    purpose = project.purposes[0]
    assert purpose.consequence.get("nl")
    purpose.consequence = LocalText({"en": purpose.consequence.root["en"]})
    project.publication.output_folder = str(tmp_path)

    gaps = flow.translation_gaps(project, "nl")
    assert [g.field for g in gaps] == ["purposes[0].consequence.nl"]
    name = purpose.name.root["en"]
    message = gaps[0].text()
    assert f"Purpose '{name}'" in message and "Dutch" in message
    # The page, the review and the Output page see the same point.
    assert gaps[0] in flow.page_issues(project, PageId.PURPOSES)
    found = review.findings(project)
    assert [f.field for f in found if f.field == gaps[0].field] == [gaps[0].field]
    assert [f.field for f in review.blocking_findings(found)] == [gaps[0].field]
    assert not flow.ready_to_generate(project)
    with pytest.raises(PolicyError, match=r"purposes\[0\]\.consequence"):
        build_document(project, "nl")
    # Written in Dutch, nothing blocks any more, and every file is written.
    purpose.consequence = LocalText({**purpose.consequence.root, "nl": "geen afspraak."})
    assert flow.ready_to_generate(project)
    for job in output_jobs(project, tmp_path):
        write_output(project, job)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "privacy-policy-en.docx",
        "privacy-policy-en.pdf",
        "privacy-policy-nl.docx",
        "privacy-policy-nl.pdf",
    ]


@pytest.mark.parametrize("name", ["physiotherapy-practice", "software-company",
                                  "telehealth-startup"])
def test_nothing_missing_means_the_engine_writes_every_language(name: str) -> None:
    """Drop Dutch from each text of a complete project in turn: whenever the shared check
    finds nothing missing, the engine writes the Dutch policy; and the engine never finds a
    missing text that the shared check did not report."""
    base = _example(name)
    assert flow.translation_gaps(base, "nl") == []
    for path, _owner, _field in local_texts(base):
        project = base.model_copy(deep=True)
        owner = next(o for p, o, _f in local_texts(project) if p == path)
        text: LocalText = getattr(owner, _field)
        if "nl" not in text.root:
            continue
        setattr(owner, _field, LocalText({k: v for k, v in text.root.items() if k != "nl"}))
        shared = set(missing_texts(project, "nl"))
        assert set(engine_missing_texts(project, "nl")) <= shared, path
        if not flow.translation_gaps(project, "nl"):
            assert build_document(project, "nl").blocks, path
        else:
            assert not flow.ready_to_generate(project), path
            with pytest.raises(PolicyError):
                build_document(project, "nl")


def test_every_gap_message_names_its_item() -> None:
    project = _example("telehealth-startup")
    for _path, owner, field in local_texts(project):
        text = getattr(owner, field)
        if text.get("en"):
            setattr(owner, field, LocalText({"en": text.root["en"]}))
    gaps = flow.translation_gaps(project, "nl")
    assert gaps
    for gap in gaps:
        message = gap.text()
        assert message.endswith("not written in Dutch yet."), message
        if gap.field.startswith("purposes["):
            assert message.startswith("Purpose '"), message
        if gap.field.startswith("recipients["):
            assert message.startswith("Recipient '"), message
    texts = [g.text() for g in gaps]
    assert len(texts) == len(set(texts)), "two gaps read the same"
