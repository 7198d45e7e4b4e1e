"""What a new project starts with and what follows a change of country: the policy languages
proposed for the window's language and the country, the competent supervisory authority (for
Germany, per Land), the Art. 8 age, and the organisation's own name on its own cookies."""

from __future__ import annotations

import csv
import io
from functools import cache

from wizard.law.applicability import consent_age, establishment
from wizard.model.answers import LANGUAGES, Party, Project
from wizard.resources import read_text

#: The German Länder: their data protection authorities are competent for private companies.
GERMAN_LAENDER: dict[str, str] = {
    "DE-BW": "Baden-Württemberg",
    "DE-BY": "Bayern",
    "DE-BE": "Berlin",
    "DE-BB": "Brandenburg",
    "DE-HB": "Bremen",
    "DE-HH": "Hamburg",
    "DE-HE": "Hessen",
    "DE-MV": "Mecklenburg-Vorpommern",
    "DE-NI": "Niedersachsen",
    "DE-NW": "Nordrhein-Westfalen",
    "DE-RP": "Rheinland-Pfalz",
    "DE-SL": "Saarland",
    "DE-SN": "Sachsen",
    "DE-ST": "Sachsen-Anhalt",
    "DE-SH": "Schleswig-Holstein",
    "DE-TH": "Thüringen",
}


def proposed_authority_id(country: str | None, region: str | None) -> str | None:
    """The catalogue id of the authority competent for this place, if the catalogue knows it."""
    if not country:
        return None
    from wizard.catalog.authorities import default_authority

    found = default_authority(country, region)
    return found.id if found is not None else None


@cache


def country_languages() -> dict[str, tuple[str, ...]]:
    """The official languages of each country that policies are written in, from
    ``resources/data/country-languages.csv`` (a country not listed has none)."""
    reader = csv.DictReader(io.StringIO(read_text("data", "country-languages.csv")))
    return {
        row["country"]: tuple(lang for lang in row["policy_languages"].split() if lang in LANGUAGES)
        for row in reader
    }


def proposed_languages(ui_language: str | None, country: str | None) -> list[str]:
    """The policy languages proposed for a new project: the language of the window (when the
    policy can be written in it), then the official languages of the country of establishment
    (Belgium: Dutch, French and German). Never empty: English when nothing else applies."""
    base = [ui_language] if ui_language is not None and ui_language in LANGUAGES else []
    official = country_languages().get(country or "", ())
    return list(dict.fromkeys([*base, *official])) or ["en"]


def _update_languages(
    project: Project, previous_country: str | None, ui_language: str | None
) -> None:
    """Follow a change of country with the proposed languages, unless the person chose other
    languages than the proposal for the previous country (for the window's language, or for
    any language when it is not known)."""
    pub = project.publication
    current = set(pub.languages)
    bases = (ui_language,) if ui_language else (*LANGUAGES, None)
    for base in bases:
        if current == set(proposed_languages(base, previous_country)):
            pub.languages = proposed_languages(base, project.organisation.country)
            return


def new_project(ui_language: str | None = None, starter: str | None = None) -> Project:
    """A new project, empty or from a starter project (:func:`wizard.starters.starters`), with the
    policy languages proposed for the window's language."""
    if starter:
        from wizard.starters import load_starter

        project = load_starter(starter)
    else:
        project = Project()
    project.publication.languages = proposed_languages(
        ui_language, project.organisation.country
    )
    return project


def apply_country_defaults(
    project: Project,
    previous_country: str | None,
    previous_region: str | None,
    ui_language: str | None = None,
) -> None:
    """After the country (or German Land) changed, update the supervisory authority, the
    children's age threshold and the policy languages, unless the user chose them differently
    from the old proposal."""
    org = project.organisation
    if org.country != previous_country:
        _update_languages(project, previous_country, ui_language)
    old_authority = proposed_authority_id(previous_country, previous_region)
    authority = project.authority
    if (not authority.catalog_id and not authority.name) or (
        authority.catalog_id is not None and authority.catalog_id == old_authority
    ):
        authority.catalog_id = proposed_authority_id(org.country, org.region)
    children = project.children
    if children.age_threshold is not None and children.age_threshold == proposed_age(
        previous_country
    ):
        children.age_threshold = proposed_age(org.country)


def proposed_age(country: str | None) -> int:
    """The Art. 8 age of digital consent for ``country`` (16, the GDPR default, if unknown)."""
    return consent_age(country)


def children_countries(project: Project) -> list[str]:
    """The countries whose Art. 8 age the children's threshold must respect: the country of
    establishment, then the other countries the services are offered to children in."""
    own = establishment(project)
    return list(dict.fromkeys(c for c in (own, *project.children.other_countries) if c))


def highest_age(project: Project) -> tuple[int, str | None]:
    """The highest Art. 8 age among :func:`children_countries` and the country that sets it
    (the GDPR default of 16 and ``None`` when no country is known)."""
    countries = children_countries(project)
    if not countries:
        return proposed_age(None), None
    return max(((proposed_age(c), c) for c in countries), key=lambda pair: pair[0])


#: The provider of a starter project's own cookies until the person enters their name: the
#: cookies page asks for it (a fact only the person knows).
STARTER_PROVIDER = "…"


def own_name(project: Project) -> str:
    """The name the organisation is known by: its trading name, else its legal name."""
    org = project.organisation
    return org.trading_name or org.legal_name


def apply_own_name(project: Project, previous_name: str) -> None:
    """After the organisation's name changed, its own (first-party) cookies that named it, or
    still wait for it (:data:`STARTER_PROVIDER`), name the new one as their provider."""
    name = own_name(project) or STARTER_PROVIDER
    for cookie in project.cookies.items:
        if cookie.party is Party.FIRST and cookie.provider in (STARTER_PROVIDER, previous_name):
            if cookie.provider != name:
                cookie.provider = name

