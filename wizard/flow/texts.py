"""The person's own texts that the documents print, and the translation check: which of them
are not yet written in an output language (:func:`translation_gaps`, the one check the pages,
the review, the Output page and the documents all use)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import msgspec

from wizard.flow.issues import Issue, language_named, purpose_named, recipient_named
from wizard.flow.pages import PageId
from wizard.languages import N_
from wizard.model.answers import DocumentKind, LegalBasis, LocalText, Project, Purpose
from wizard.model.digest import once_per_answers


class UsedText(msgspec.Struct, frozen=True):
    """A text of the person's own that the policy prints: where it is answered, its model
    path, whether the policy needs it even when it is empty, and the message naming it."""

    page: PageId
    path: str
    text: LocalText
    required: bool
    message: str
    args: Mapping[str, Any] = msgspec.field(default_factory=dict)
    #: The document that prints it: the policy, or the record of processing activities.
    document: str = "policy"


def record_texts(project: Project) -> list[UsedText]:
    """The record's own texts (asked on the Output page), which only the record prints."""
    page, record = PageId.OUTPUT, project.record
    return [
        UsedText(
            page,
            "record.security",
            record.security,
            False,
            N_("Record of processing: your security measures are not written in {language} yet."),
            document="records",
        ),
        UsedText(
            page,
            "record.internal_recipients",
            record.internal_recipients,
            False,
            N_(
                "Record of processing: who receives the data inside your organisation is "
                "not written in {language} yet."
            ),
            document="records",
        ),
    ]


def purpose_texts(purpose: Purpose, index: int) -> list[UsedText]:
    page, base = PageId.PURPOSES, f"purposes[{index}]"
    args = {"purpose": purpose_named(purpose)}
    lawful_interest = LegalBasis.LEGITIMATE_INTERESTS in purpose.bases
    return [
        UsedText(
            page,
            f"{base}.name",
            purpose.name,
            True,
            N_("Purpose '{purpose}': name not written in {language} yet."),
            args,
        ),
        *(
            UsedText(
                page,
                f"{base}.data_details.{category.value}",
                details,
                False,
                N_(
                    "Purpose '{purpose}': what its data categories hold is not written in "
                    "{language} yet."
                ),
                args,
            )
            for category, details in purpose.data_details.items()
            if category in purpose.data_categories
        ),
        UsedText(
            page,
            f"{base}.other_data",
            purpose.other_data,
            False,
            N_("Purpose '{purpose}': other data not written in {language} yet."),
            args,
        ),
        UsedText(
            page,
            f"{base}.legitimate_interest",
            purpose.legitimate_interest,
            lawful_interest,
            N_("Purpose '{purpose}': legitimate interest not written in {language} yet."),
            args,
        ),
        UsedText(
            page,
            f"{base}.source",
            purpose.source,
            False,
            N_("Purpose '{purpose}': source of the data not written in {language} yet."),
            args,
        ),
        UsedText(
            page,
            f"{base}.consequence",
            purpose.consequence,
            False,
            N_(
                "Purpose '{purpose}': what happens without the data is not written in "
                "{language} yet."
            ),
            args,
        ),
        UsedText(
            page,
            f"{base}.retention.criteria",
            purpose.retention.criteria,
            False,
            N_("Purpose '{purpose}': retention criteria not written in {language} yet."),
            args,
        ),
        *(
            [
                UsedText(
                    page,
                    f"{base}.withdrawal",
                    purpose.withdrawal,
                    False,
                    N_(
                        "Purpose '{purpose}': how consent is withdrawn is not written in "
                        "{language} yet."
                    ),
                    args,
                )
            ]
            if purpose.relies_on_consent
            else []
        ),
    ]


def used_texts(project: Project) -> list[UsedText]:
    """Every text of the person's own that the policy prints (the same conditions as the
    policy engine's), in page order. :func:`translation_gaps` checks them per language."""
    return list(_used_texts(project))


@once_per_answers
def _used_texts(project: Project) -> tuple[UsedText, ...]:
    out: list[UsedText] = []
    for index, purpose in enumerate(project.purposes):
        out += purpose_texts(purpose, index)
    page = PageId.RECIPIENTS
    for index, recipient in enumerate(project.recipients):
        args = {"recipient": recipient_named(recipient)}
        if not recipient.name:
            out.append(
                UsedText(
                    page,
                    f"recipients[{index}].category",
                    recipient.category,
                    True,
                    N_("Recipient '{recipient}': category not written in {language} yet."),
                    args,
                )
            )
        out.append(
            UsedText(
                page,
                f"recipients[{index}].service",
                recipient.service,
                False,
                N_("Recipient '{recipient}': what it does is not written in {language} yet."),
                args,
            )
        )
    cookies = project.cookies
    if cookies.used:
        page = PageId.COOKIES
        out.append(
            UsedText(
                page,
                "cookies.consent_mechanism",
                cookies.consent_mechanism,
                False,
                N_("Cookies: how consent is asked is not written in {language} yet."),
            )
        )
        out.append(
            UsedText(
                page,
                "cookies.withdrawal",
                cookies.withdrawal,
                False,
                N_("Cookies: how consent is withdrawn is not written in {language} yet."),
            )
        )
        for index, cookie in enumerate(cookies.items):
            out.append(
                UsedText(
                    page,
                    f"cookies.items[{index}].purpose",
                    cookie.purpose,
                    True,
                    N_("Cookie '{cookie}': purpose not written in {language} yet."),
                    {"cookie": cookie.name},
                )
            )
    out.append(
        UsedText(
            PageId.CHILDREN,
            "children.parental_consent",
            project.children.parental_consent,
            False,
            N_("Children: how parents give consent is not written in {language} yet."),
        )
    )
    page = PageId.RIGHTS
    out.append(
        UsedText(
            page,
            "rights.identity_check",
            project.rights.identity_check,
            False,
            N_("Rights: how you check identity is not written in {language} yet."),
        )
    )
    decisions = project.automated_decisions
    out.append(
        UsedText(
            page,
            "automated_decisions.logic",
            decisions.logic,
            bool(decisions.used),
            N_("Automated decisions: the logic involved is not written in {language} yet."),
        )
    )
    out.append(
        UsedText(
            page,
            "automated_decisions.consequences",
            decisions.consequences,
            bool(decisions.used),
            N_("Automated decisions: the consequences are not written in {language} yet."),
        )
    )
    page = PageId.SECURITY
    for index, authority in enumerate(project.other_authorities):
        out.append(
            UsedText(
                page,
                f"other_authorities[{index}].law",
                authority.law,
                True,
                N_("Authority '{authority}': the law it applies is not written in {language} yet."),
                {"authority": authority.name},
            )
        )
    out.append(
        UsedText(
            page,
            "security.other",
            project.security.other,
            False,
            N_("Security: your other measures are not written in {language} yet."),
        )
    )
    for index, activity in enumerate(project.processor_activities):
        numbered: dict[str, Any] = {"number": str(index + 1)}
        out.append(
            UsedText(
                page,
                f"processor_activities[{index}].service",
                activity.service,
                True,
                N_("Service {number} you provide as a processor: not written in {language} yet."),
                numbered,
            )
        )
        out.append(
            UsedText(
                page,
                f"processor_activities[{index}].controllers",
                activity.controllers,
                False,
                N_(
                    "Service {number} you provide as a processor: on whose behalf is "
                    "not written in {language} yet."
                ),
                numbered,
            )
        )
    for index, section in enumerate(project.own_sections):
        numbered = {"number": str(index + 1)}
        out.append(
            UsedText(
                page,
                f"own_sections[{index}].heading",
                section.heading,
                True,
                N_("Your section {number}: heading not written in {language} yet."),
                numbered,
            )
        )
        out.append(
            UsedText(
                page,
                f"own_sections[{index}].text",
                section.text,
                True,
                N_("Your section {number}: text not written in {language} yet."),
                numbered,
            )
        )
    if DocumentKind.RECORDS in project.publication.documents:
        out += record_texts(project)
    return tuple(out)


def gaps(texts: Iterable[UsedText], languages: Iterable[str]) -> list[Issue]:
    """An issue for each of ``texts`` the documents print but that is not written in one of
    ``languages`` (or is required and empty)."""
    issues = []
    for lang in languages:
        for used in texts:
            if (used.required or used.text) and not used.text.get(lang):
                issues.append(
                    Issue(
                        used.page,
                        f"{used.path}.{lang}",
                        used.message,
                        {**used.args, "language": language_named(lang), "lang": lang},
                        blocking=False,
                        translation=True,
                        code="text_missing_in_language",
                    )
                )
    return issues


def translation_gaps(project: Project, lang: str, document: str | None = None) -> list[Issue]:
    """What the documents in ``lang`` still lack of the person's own text: each text they
    print that is not written in ``lang`` (or is required and empty); with ``document``, only
    the texts that document prints ("policy", or "records" for the record's own texts, which
    count only when the record is chosen). The one check of missing translations: the pages,
    the review, the Output page and the documents all use it, so a review with nothing missing
    means every document can be written."""
    texts = used_texts(project)
    if document == "records":
        texts = record_texts(project)
    elif document is not None:
        texts = [t for t in texts if t.document == document]
    return gaps(texts, [lang])


def page_gaps(project: Project, page: PageId, used: list[UsedText] | None = None) -> list[Issue]:
    texts = [t for t in (used_texts(project) if used is None else used) if t.page is page]
    return gaps(texts, project.publication.languages)


def without_covered_gaps(issues: list[Issue]) -> list[Issue]:
    """``issues`` without the missing translations of a text whose absence is already a
    blocking issue ("Describe the purpose." says it all): one message per problem."""
    covered = {i.field for i in issues if i.blocking}
    return [i for i in issues if not (i.translation and i.field.rpartition(".")[0] in covered)]
