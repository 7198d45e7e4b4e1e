"""Each answer issue 12 added to the project format is used by at least one example, where it
fits a real practice, so that the examples show it in the policy and the wizard opens it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from wizard.model.answers import Project, RetentionStart
from wizard.model.project_file import load_project

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.privacy.json"))

#: The answer, and whether a project gives it.
USED: dict[str, Callable[[Project], bool]] = {
    "purposes[].additional_bases": lambda p: any(x.additional_bases for x in p.purposes),
    "purposes[].withdrawal": lambda p: any(x.withdrawal for x in p.purposes),
    "purposes[].data_details": lambda p: any(x.data_details for x in p.purposes),
    "purposes[].retention.starting = record_creation": lambda p: any(
        x.retention.starting is RetentionStart.RECORD_CREATION for x in p.purposes
    ),
    "recipients[].fallback_safeguards": lambda p: any(r.fallback_safeguards for r in p.recipients),
    "security.measures": lambda p: bool(p.security.measures),
    "security.other": lambda p: bool(p.security.other),
    "own_sections": lambda p: bool(p.own_sections),
    "processor_activities": lambda p: bool(p.processor_activities),
    "other_authorities": lambda p: bool(p.other_authorities),
    "no_transfers_confirmed": lambda p: p.no_transfers_confirmed,
    "dpo_facts.people_processing": lambda p: (
        p.dpo_facts is not None and p.dpo_facts.people_processing is not None
    ),
    "organisation.own_processing_countries": lambda p: bool(
        p.organisation.own_processing_countries
    ),
}


@pytest.mark.parametrize("answer", sorted(USED))
def test_an_example_uses_the_answer(answer: str) -> None:
    users = [path.name for path in EXAMPLES if USED[answer](load_project(path))]
    assert users, f"no example gives {answer}"
