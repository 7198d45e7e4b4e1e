"""Who is responsible and whom people can turn to: the organisation (the controller), its data
protection officer or EU representative, the facts that decide whether it needs an officer, and
the supervisory authorities the policy names.
"""

from __future__ import annotations

from typing import Annotated

from msgspec import field

from wizard import languages
from wizard.model.countries import EEA_COUNTRIES
from wizard.model.fields import (
    Check,
    CountryCode,
    Email,
    LocalText,
    Meta,
    NonEmpty,
    Strict,
    Url,
    unique,
)

#: The value of ``Organisation.name_article`` for a name that takes no article in a language.
NO_ARTICLE = "none"


def _articles_of_the_language(value: dict[str, str]) -> dict[str, str]:
    for lang, article in value.items():
        if lang not in languages.LANGUAGES:
            raise ValueError(f"{lang!r} is not a language of the documents")
        allowed = sorted(languages.get(lang).name_articles.articles)
        if article != NO_ARTICLE and article not in allowed:
            choices = ", ".join([*allowed, NO_ARTICLE])
            raise ValueError(f"{article!r} is no article of {lang!r}: choose from {choices}")
    return value


def _outside_the_eea(value: list[str]) -> list[str]:
    inside = [c for c in value if c in EEA_COUNTRIES]
    if inside:
        raise ValueError(f"{', '.join(inside)} is in the EU/EEA: list only countries outside it")
    return unique(value)


class Address(Strict, kw_only=True):
    street: str = ""
    postal_code: str = ""
    city: str = ""
    country: CountryCode | None = None


class Organisation(Strict, kw_only=True):
    """The controller: who decides why and how the data are processed."""

    legal_name: str = ""
    trading_name: str = ""
    address: Address = field(default_factory=Address)
    #: Country of establishment; proposes the supervisory authority and the Art. 8 age.
    country: CountryCode | None = None
    #: Subdivision where it matters for the competent authority (German Land, e.g. "DE-BE").
    region: str | None = None
    registration_number: str = ""
    email: Email | None = None
    phone: str = ""
    website: Url | None = None
    #: Countries outside the EU/EEA where the organisation itself (its own staff or office,
    #: not another company) processes the data, for an organisation established in the
    #: EU/EEA (format 4). Not a transfer under Chapter V (EDPB Guidelines 05/2021): the policy
    #: says plainly that the organisation processes the data there itself.
    own_processing_countries: Annotated[list[CountryCode], Check(_outside_the_eea)] = field(
        default_factory=list
    )
    #: The article the name takes inside a sentence, per document language, where the one
    #: chosen from the name (wizard/policy/grammar.py) is wrong: one of the language's articles
    #: ("der", "die", "das"; "le", "la", "l'", "les") or "none" (format 4). A language left
    #: out: chosen from the name.
    name_article: Annotated[dict[str, str], Check(_articles_of_the_language)] = field(
        default_factory=dict
    )


class Person(Strict, kw_only=True):
    """A contact person or body: the data protection officer or the EU representative."""

    name: str = ""
    email: Email | None = None
    phone: str = ""
    address: Address | None = None


class DpoFacts(Strict, kw_only=True):
    """The facts that decide whether a data protection officer is required (Art. 37 GDPR and
    national rules under Art. 37(4)); ``None`` on the project: not answered yet."""

    #: A public authority or body (Art. 37(1)(a)).
    public_body: bool = False
    #: Core activities: processing special categories (health data) or criminal data on a
    #: large scale (Art. 37(1)(c)); a single practice treating its own patients is not.
    large_scale_special: bool = False
    #: Core activities: regular and systematic monitoring of people on a large scale
    #: (Art. 37(1)(b)), e.g. tracking or profiling as the service itself.
    large_scale_monitoring: bool = False
    #: How many people constantly process personal data by computer (national thresholds such
    #: as Germany's 20 in § 38 BDSG); ``None``: not given.
    people_processing: Annotated[int, Meta(ge=0, le=1_000_000)] | None = None


class Authority(Strict, kw_only=True):
    """The supervisory authority named in the policy."""

    #: Identifier in the authority catalogue (e.g. "NL", "DE-BE").
    catalog_id: str | None = None
    #: A custom authority, when not taken from the catalogue.
    name: str = ""
    address: str = ""
    website: Url | None = None
    email: Email | None = None
    #: Why this authority is named when it is not the one of the establishment (for example
    #: the lead authority of a main establishment in another Member State, Art. 56 GDPR). A
    #: note for the review; the policy does not print it.
    reason: str = ""


class OtherAuthority(Strict, kw_only=True):
    """An authority under a data protection regime other than the GDPR (e.g. Switzerland's
    FDPIC under the Federal Act on Data Protection), named in the policy as such."""

    name: NonEmpty
    country: CountryCode
    #: The law under which it is competent, in the reader's language (e.g. "the Swiss Federal
    #: Act on Data Protection (FADP)").
    law: LocalText
    address: str = ""
    website: Url | None = None
    email: Email | None = None

    def _check(self) -> None:
        if self.country in EEA_COUNTRIES:
            raise ValueError(
                "country: an authority in the EU/EEA is a GDPR authority; choose it as the "
                "supervisory authority instead"
            )
