"""The Commission's adequacy decisions as data (resources/data/adequacy-decisions.csv): what the
Transfers page accepts as an adequacy decision or as the Data Privacy Framework."""

from __future__ import annotations

import inspect
import re

import wizard.catalog.adequacy as adequacy_module
import wizard.flow.transfer_checks as transfer_checks_module
from wizard.catalog.adequacy import adequacy_decisions, adequate_countries
from wizard.flow import transfer_problem
from wizard.model.answers import Safeguard
from wizard.model.countries import EEA_COUNTRIES, is_country_code
from wizard.resources import read_text

#: The countries the Commission's adequacy page lists (checked on 2026-12-05), the United States
#: (the Data Privacy Framework) and Brazil (Implementing Decision (EU) 2026/179) included.
LISTED = "AD AR BR CA CH FO GB GG IL IM JE JP KR NZ US UY".split()


def test_every_country_of_the_commission_list_has_its_decision() -> None:
    decisions = adequacy_decisions()
    assert sorted(decisions) == sorted(LISTED)
    for country, decision in decisions.items():
        assert is_country_code(country) and country not in EEA_COUNTRIES, country
        # A decision by its number and date: "Commission Decision 2010/625/EU of 19 October
        # 2010", "Commission Implementing Decision (EU) 2023/1795 of 10 July 2023".
        assert re.match(r"Commission (Implementing )?Decision .*\d{4}/\d+.* of \d{1,2} \w+ \d{4}",
                        decision.decision), decision  # fmt: skip
        assert "eur-lex.europa.eu" in decision.source or "europa.eu" in decision.source, country


def test_the_united_states_is_adequate_through_the_data_privacy_framework_only() -> None:
    us = adequacy_decisions()["US"]
    assert us.safeguard is Safeguard.DPF
    assert "2023/1795" in us.decision and "10 July 2023" in us.decision
    assert "certified" in us.scope
    assert adequate_countries(Safeguard.DPF) == {"US"}
    assert "US" not in adequate_countries()
    assert transfer_problem("US", Safeguard.DPF) is None
    assert transfer_problem("US", Safeguard.ADEQUACY) is not None
    assert transfer_problem("CA", Safeguard.DPF) is not None


def test_a_partial_decision_says_what_it_covers_and_is_accepted() -> None:
    assert "commercial organisations" in adequacy_decisions()["CA"].scope
    assert transfer_problem("CA", Safeguard.ADEQUACY) is None
    assert adequacy_decisions()["CH"].scope == ""


def test_brazil_has_an_adequacy_decision_since_january_2026() -> None:
    assert "2026/179" in adequacy_decisions()["BR"].decision
    assert transfer_problem("BR", Safeguard.ADEQUACY) is None
    assert transfer_problem("IN", Safeguard.ADEQUACY) is not None


def test_the_list_is_data_not_code() -> None:
    for module in (adequacy_module, transfer_checks_module):
        source = inspect.getsource(module)
        assert not re.search(r"\"(AD|JP|NZ|UY)\b", source), module.__name__
    assert "adequacy-decisions.csv" in read_text("data", "README.md")
