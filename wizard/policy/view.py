"""The view of the answers a template sees, in the document's language: the facts the
policy's (and the other documents') sentences are chosen by, with the person's own words, and
which of those words are not yet written in that language."""

from __future__ import annotations

from typing import Any

from babel import Locale
from babel.lists import format_list

from wizard import languages
from wizard.i18n import translation
from wizard.law import applicability as law
from wizard.model.answers import (
    SPECIAL_CATEGORIES,
    CookieCategory,
    LegalBasis,
    Project,
    Safeguard,
    Service,
    SpecialCondition,
)
from wizard.policy.grammar import NameInSentence
from wizard.policy.items import (
    Texts,
    authority_view,
    cookie_views,
    purpose_views,
    recipient_views,
)
from wizard.policy.localised import address_line, country_name, long_date
from wizard.policy.typography import typography
from wizard.policy.vocabulary import Words


def missing_texts(project: Project, lang: str) -> list[str]:
    """The user's texts the policy in ``lang`` would print but that are not written in
    ``lang`` (by field path), from :func:`wizard.flow.texts.translation_gaps`."""
    from wizard.flow.texts import translation_gaps

    return [
        f"{gap.field.rpartition('.')[0]}: no text in language '{lang}'"
        for gap in translation_gaps(project, lang, "policy")
    ]


def engine_missing_texts(project: Project, lang: str) -> list[str]:
    """What the engine itself finds missing while it reads the answers (for the test that
    :func:`missing_texts` leaves nothing out)."""
    texts = Texts(lang)
    answers_view(project, lang, texts)
    return texts.missing


def answers_view(project: Project, lang: str, texts: Texts) -> dict[str, Any]:
    """The facts a template sees: the answers in ``lang``, the user's words picked by
    ``texts`` (which records what is not written in ``lang``)."""
    words = Words(translation("policy", lang), lang)
    locale = Locale.parse(languages.get(lang).locale)
    org = project.organisation

    purposes = purpose_views(project, lang, words, texts)
    recipients = recipient_views(project, locale, words, texts, purposes)
    cookies = cookie_views(project, words, texts)
    cookie_texts = {
        "consent": texts.get(project.cookies.consent_mechanism, "cookies.consent_mechanism")
        if project.cookies.used
        else None,
        "withdrawal": texts.get(project.cookies.withdrawal, "cookies.withdrawal")
        if project.cookies.used
        else None,
    }
    from wizard.catalog.cookie_laws import cookie_law

    establishment = project.organisation.country or project.organisation.address.country
    provision = cookie_law(establishment) if project.cookies.used else None
    if provision is not None and not provision.confirmed:
        provision = None  # never printed as fact (the review advises checking it)
    # The law in the reader's language, with the country named: a reader elsewhere is never
    # told about "our national law" as if it were theirs.
    cookie_texts["law"] = typography(provision.name(lang), lang) if provision else None
    cookie_texts["law_country"] = country_name(locale, provision.country) if provision else None

    any_special = any(c in SPECIAL_CATEGORIES for p in project.purposes for c in p.data_categories)
    direct_marketing = Service.NEWSLETTER in project.services and any(
        LegalBasis.LEGITIMATE_INTERESTS in p.bases
        and any(s.value == "subscribers" for s in p.subjects)
        for p in project.purposes
    )

    children = project.children
    age = children.age_threshold
    if age is None and children.targets_children:
        age = law.project_consent_age(project)
    # Who the services are for (the range) and the Art. 8 age are two answers: parental
    # consent is promised only for those in the range below the threshold, and an adults-only
    # service says nothing about children.
    children_view = {
        "applies": children.targets_children,
        "youngest": children.youngest_age,
        "oldest": children.oldest_age,
        "age": age,
        "parental": age is not None and children.minors_below(age),
        "parental_consent": texts.get(children.parental_consent, "children.parental_consent"),
    }

    ad = project.automated_decisions
    automated = {
        "answered": ad.used is not None,
        "used": bool(ad.used),
        "logic": texts.get(ad.logic, "automated_decisions.logic", required=bool(ad.used)),
        "consequences": texts.get(
            ad.consequences, "automated_decisions.consequences", required=bool(ad.used)
        ),
    }

    rights = project.rights
    rights_view = {
        "email": rights.email or org.email,
        "web_form": rights.web_form,
        "by_post": rights.by_post and bool(org.address.street or org.address.city),
        "identity_check": texts.get(rights.identity_check, "rights.identity_check"),
        "days": rights.response_days,
        "portability": law.portability_applies(project),
        "withdraw": law.uses_consent(project),
        "object": law.objection_applies(project),
        "object_legitimate": LegalBasis.LEGITIMATE_INTERESTS in law.legal_bases(project),
        "object_public_task": LegalBasis.PUBLIC_TASK in law.legal_bases(project),
        "direct_marketing": direct_marketing,
    }

    def person(p: Any) -> dict[str, Any] | None:
        if p is None or not (p.name or p.email or p.phone or p.address):
            return None
        addr = address_line(p.address, locale) if p.address else ""
        return {"name": p.name, "email": p.email, "phone": p.phone, "address": addr}

    effective = project.publication.effective_date
    effective_text = long_date(effective, locale) if effective else ""

    # The published versions, newest first (the one being published included, when the wizard
    # records it): version, effective date and what changed, in the document's language.
    history: list[dict[str, Any]] = []
    if project.publication.show_history:
        for version in reversed(project.history):
            date = version.effective_date or version.published
            history.append(
                {
                    "version": version.version,
                    "effective": long_date(date, locale),
                    # A summary written in other languages only is left out rather than
                    # blocking the document: earlier versions cannot be edited any more.
                    "summary": [
                        typography(line.strip(), lang)
                        for line in (version.summary.get(lang) or "").splitlines()
                        if line.strip()
                    ],
                }
            )

    return {
        "lang": lang,
        "org": {
            "name": org.legal_name or org.trading_name,
            # Inside a sentence, with the article German or French grammar needs.
            "in_sentence": NameInSentence(
                org.legal_name or org.trading_name, lang, org.name_article.get(lang)
            ),
            "trading_name": org.trading_name if org.trading_name != org.legal_name else "",
            "address": address_line(org.address, locale),
            "registration": org.registration_number,
            "email": org.email,
            "phone": org.phone,
            "website": org.website,
            "in_eu": law.established_in_eu(project),
            "outside_eea": law.established_outside_eea(project),
            # Outside the EU: whether the authority named is the representative's one.
            "authority_of_representative": law.authority_of_representative(project),
        },
        "services": format_list([words.service(s) for s in project.services], locale=locale)
        if project.services
        else "",
        "dpo": person(project.dpo),
        # Only a controller without an establishment in the EU/EEA has one (Art. 27).
        "representative": (
            person(project.representative) if law.established_outside_eea(project) else None
        ),
        "purposes": purposes,
        "legitimate": [p for p in purposes if p.legitimate_interest],
        "special": [p for p in purposes if p.special_data],
        "any_special": any_special,
        "sources": [p for p in purposes if p.source],
        "requirements": [p for p in purposes if p.requirement],
        "recipients": recipients,
        "transfers": [r for r in recipients if r.outside_eea],
        "own_processing": _own_processing(project, locale),
        "no_transfers": project.no_transfers_confirmed
        and not any(r.outside_eea for r in recipients),
        "copy_of_safeguards": any(
            r.safeguard_key in ("scc", "bcr")
            or any(f in project.recipients[i].fallback_safeguards for f in _COPYABLE)
            for i, r in enumerate(recipients)
            if r.outside_eea
        ),
        "withdrawals": [p for p in purposes if p.withdrawal],
        "security": {
            "measures": [words.security_measure(m) for m in law.security_measures_stated(project)],
            "other": _paragraphs(texts.get(project.security.other, "security.other")),
        },
        "own_sections": _own_sections(project, texts),
        "processor_activities": [
            {
                "service": texts.get(a.service, f"processor_activities[{i}].service", True),
                "controllers": texts.get(a.controllers, f"processor_activities[{i}].controllers"),
            }
            for i, a in enumerate(project.processor_activities)
        ],
        "other_authorities": [
            {
                "name": a.name,
                "country": country_name(locale, a.country),
                "law": texts.get(a.law, f"other_authorities[{i}].law", True),
                "address": a.address,
                "website": a.website,
                "email": a.email,
            }
            for i, a in enumerate(project.other_authorities)
        ],
        "app_sdks": Service.MOBILE_APP in project.services,
        "health_law": _health_law(project, lang),
        "cookies": cookies,
        "cookies_used": project.cookies.used,
        "cookies_need_consent": any(
            c.category is not CookieCategory.STRICTLY_NECESSARY for c in project.cookies.items
        ),
        "cookie_texts": cookie_texts,
        "children": children_view,
        "automated": automated,
        "rights": rights_view,
        "authority": authority_view(project, lang),
        "version": project.publication.version,
        "effective": effective_text,
        "history": history,
        # A draft (not for publication) or a policy without an effective date.
        "draft": project.publication.effective_date is None,
    }


def _own_processing(project: Project, locale: Locale) -> dict[str, Any] | None:
    """The controller's own processing outside the EEA (not a transfer): in its own country of
    establishment outside the EEA, with the recipients there (``established``), or, for a
    controller in the EU/EEA, by its own staff in the ``countries`` it named; ``None`` when
    there is none."""
    countries = law.own_processing_countries(project)
    if not countries:
        return None
    if not law.own_processing_country(project):
        return {
            "established": False,
            "countries": [country_name(locale, c) for c in countries],
        }
    country = countries[0]
    return {
        "established": True,
        "country": country_name(locale, country),
        "recipients": [
            r.name or r.category.get(locale.language) or ""
            for r in project.recipients
            if r.country == country
        ],
    }


def _health_law(project: Project, lang: str) -> dict[str, Any]:
    """Which Art. 9(2)(h)/(i) conditions the policy relies on, and the national provisions
    (in ``lang``) of the controller's country behind them and behind Art. 9(3)."""
    from wizard.catalog.health_law import health_law

    conditions = {p.special_condition for p in project.purposes if p.special_categories}
    org = project.organisation
    provisions = health_law(org.country or org.address.country)
    return {
        "care": SpecialCondition.HEALTH_CARE in conditions,
        "public": SpecialCondition.PUBLIC_HEALTH in conditions,
        "care_provision": provisions.care.get(lang) if provisions else None,
        "public_provision": provisions.public.get(lang) if provisions else None,
        "secrecy": provisions.secrecy.get(lang) if provisions else None,
    }


#: Safeguards of which people may obtain a copy (Art. 13(1)(f) GDPR).
_COPYABLE = (Safeguard.SCC, Safeguard.BCR)


def _paragraphs(text: str | None) -> list[str]:
    """A user's text split into paragraphs at blank lines (single line breaks are kept as
    spaces: the renderers wrap the lines)."""
    if not text:
        return []
    blocks = [
        " ".join(line.strip() for line in block.splitlines())
        for block in text.replace("\r\n", "\n").split("\n\n")
    ]
    return [b.strip() for b in blocks if b.strip()]


def _own_sections(project: Project, texts: Texts) -> dict[str, list[dict[str, Any]]]:
    """The organisation's own sections by the id of the section they follow."""
    out: dict[str, list[dict[str, Any]]] = {}
    for i, section in enumerate(project.own_sections):
        out.setdefault(section.after.value, []).append(
            {
                "heading": texts.get(section.heading, f"own_sections[{i}].heading", True) or "",
                "paragraphs": _paragraphs(texts.get(section.text, f"own_sections[{i}].text", True)),
            }
        )
    return out
