"""The answers' base (wizard/model/fields.py): what is checked on creation, on assignment and
when a file is read, and that a failed change leaves the object as it was."""

from __future__ import annotations

import datetime as dt
import json
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.projects import example
from wizard.model.answers import (
    Address,
    Children,
    LegalBasis,
    LocalText,
    Organisation,
    Person,
    Project,
    Purpose,
    Recipient,
    Rights,
    Service,
)
from wizard.model.project_file import ProjectFileError, dumps_project, loads_project


def test_texts_are_stripped_on_creation_and_on_assignment() -> None:
    org = Organisation(legal_name="  Acme BV \n")
    assert org.legal_name == "Acme BV"
    org.trading_name = "\tAcme  "
    assert org.trading_name == "Acme"
    assert LocalText({"en": "  Hello ", "nl": "   "}).root == {"en": "Hello"}


def test_a_wrong_type_is_refused_on_assignment_and_nothing_changes() -> None:
    rights = Rights()
    with pytest.raises(ValueError, match="response_days"):
        rights.response_days = "thirty"
    with pytest.raises(ValueError, match="response_days"):
        rights.response_days = 31  # the GDPR allows one month
    assert rights.response_days == 30
    org = Organisation()
    with pytest.raises(ValueError, match="email: not an e-mail address"):
        org.email = "nobody"
    assert org.email is None
    with pytest.raises(AttributeError):
        org.not_a_field = 1  # type: ignore[attr-defined]


def test_checks_named_in_a_type_run_on_creation_and_assignment() -> None:
    address = Address(country=" nl ")
    assert address.country == "NL"
    with pytest.raises(ValueError, match="country: unknown country code 'XX'"):
        Address(country="XX")
    org = Organisation(website="www.example.nl")
    assert org.website == "https://www.example.nl"
    org.own_processing_countries = ["US", "us", "IN"]
    assert org.own_processing_countries == ["US", "IN"]
    with pytest.raises(ValueError, match="in the EU/EEA"):
        org.own_processing_countries = ["DE"]
    assert org.own_processing_countries == ["US", "IN"]


def test_plain_data_is_made_into_the_field_types() -> None:
    purpose = Purpose(id="care", name={"en": " Care "}, legal_basis="contract")  # type: ignore[arg-type]
    assert purpose.name == LocalText({"en": "Care"})
    assert purpose.legal_basis is LegalBasis.CONTRACT
    person = Person(address={"city": " Utrecht ", "country": "nl"})  # type: ignore[arg-type]
    assert person.address == Address(city="Utrecht", country="NL")


def test_a_rule_across_fields_holds_after_each_change() -> None:
    with pytest.raises(ValueError, match="name: give the recipient's name or a category"):
        Recipient(country="NL")
    recipient = Recipient(name="Host", country="NL")
    with pytest.raises(ValueError, match="name: give the recipient's name"):
        recipient.name = ""
    assert recipient.name == "Host"
    children = Children(youngest_age=13, oldest_age=15)
    with pytest.raises(ValueError, match="oldest_age"):
        children.youngest_age = 16
    assert (children.youngest_age, children.oldest_age) == (13, 15)
    # Both together: the range holds after the change, not in between.
    children.assign(youngest_age=16, oldest_age=17)
    assert (children.youngest_age, children.oldest_age) == (16, 17)
    with pytest.raises(ValueError, match="oldest_age"):
        children.assign(youngest_age=17, oldest_age=16)
    assert (children.youngest_age, children.oldest_age) == (16, 17)


def test_details_of_a_category_no_longer_chosen_go_with_it() -> None:
    purpose = Purpose(
        id="care",
        name=LocalText({"en": "Care"}),
        data_categories=["identity", "health"],  # type: ignore[list-item]
        data_details={"identity": {"en": "name"}, "health": {"en": "notes"}},  # type: ignore[dict-item]
    )
    purpose.data_categories = [purpose.data_categories[1]]
    assert list(purpose.data_details) == ["health"]


def test_a_dangling_purpose_reference_is_refused_on_assignment() -> None:
    project = example("physiotherapy-practice")
    before = list(project.purposes)
    with pytest.raises(ValueError, match=r"recipients\[\d+\]\.purposes\[\d+\]: no purpose"):
        project.purposes = []
    assert project.purposes == before


def test_a_copy_with_changes_checks_them_together() -> None:
    project = example("software-company")
    support = next(p for p in project.purposes if p.id == "support")
    copy = project.model_copy(update={"purposes": [support], "recipients": []})
    assert [p.id for p in copy.purposes] == ["support"] and copy.recipients == []
    assert len(project.purposes) > 1  # the original is untouched
    with pytest.raises(ValueError, match="no purpose"):
        project.model_copy(update={"purposes": [support]})


def test_a_deep_copy_shares_nothing() -> None:
    project = example("telehealth-startup")
    copy = project.model_copy(deep=True)
    assert copy == project
    copy.purposes[0].name.root["en"] = "Changed"
    copy.organisation.address.city = "Elsewhere"
    assert project.purposes[0].name.text_in("en") != "Changed"
    assert project.organisation.address.city != "Elsewhere"


def test_dumps_keep_json_types_and_leave_out_what_is_asked() -> None:
    project = example("physiotherapy-practice")
    project.publication.effective_date = dt.date(2026, 1, 31)
    data = project.model_dump(mode="json", exclude={"history": True, "authority": {"reason"}})
    assert data["publication"]["effective_date"] == "2026-01-31"
    assert "history" not in data and "reason" not in data["authority"]
    assert json.loads(project.model_dump_json())["publication"]["effective_date"] == "2026-01-31"
    assert project.model_dump()["publication"]["effective_date"] == dt.date(2026, 1, 31)


_TEXT = st.text(alphabet=string.ascii_letters + " \t\n<>&{}'\"éß", max_size=40)


@given(name=_TEXT, city=_TEXT, services=st.lists(st.sampled_from(list(Service)), max_size=4))
def test_any_answers_come_back_from_the_file_as_they_were(
    name: str, city: str, services: list[Service]
) -> None:
    project = Project(
        organisation=Organisation(legal_name=name, address=Address(city=city)),
        services=services,
    )
    again = loads_project(dumps_project(project))
    assert again == project
    assert again.organisation.legal_name == name.strip()
    assert again.services == services


@given(
    value=st.one_of(
        st.integers(-(10**20), 10**20), st.booleans(), st.none(), st.lists(st.integers(0, 9))
    )
)
def test_a_wrong_value_in_a_file_is_a_problem_naming_the_field(value: object) -> None:
    data = json.loads(dumps_project(Project()))
    data["organisation"]["legal_name"] = value
    with pytest.raises(ProjectFileError) as info:
        loads_project(json.dumps(data))
    assert info.value.problems == [f"organisation.legal_name: expected text, not {_kind(value)}"]


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int):
        return "a whole number"
    return "a list"


def test_a_value_outside_a_closed_list_is_named_with_the_values_it_may_take() -> None:
    data = json.loads(dumps_project(example("physiotherapy-practice")))
    data["purposes"][1]["legal_basis"] = "agreement"
    data["publication"]["formats"] = ["pdf", "odt"]
    with pytest.raises(ProjectFileError) as info:
        loads_project(json.dumps(data))
    assert info.value.problems == [
        "purposes[1].legal_basis: 'agreement' is not one of 'consent', 'contract', "
        "'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interests'",
        "publication.formats[1]: 'odt' is not one of 'docx', 'pdf', 'html', 'md'",
    ]


def _answers_classes() -> list[type]:
    from wizard.model.fields import Strict

    found: list[type] = []
    todo: list[type] = [Strict]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub.__module__.startswith("wizard.model"):
                found.append(sub)
            todo.append(sub)
    return found


def test_every_default_passes_its_checks() -> None:
    """A new object skips the checks of the fields left at their default: each default must
    pass them (and be kept as it is)."""
    classes = _answers_classes()
    assert {"Project", "Purpose", "Organisation", "Publication", "Children"} <= {
        c.__name__ for c in classes
    }
    for cls in classes:
        fields = cls._fields()  # type: ignore[attr-defined]
        for name, default in cls._defaults().items():  # type: ignore[attr-defined]
            value = default.factory() if hasattr(default, "factory") else default
            assert fields[name].check(value) == value, f"{cls.__name__}.{name}"
