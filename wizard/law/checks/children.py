"""The checks for services meant for children: the impact assessment, legitimate interests
weighed against a child's, and who can give consent.
"""

from __future__ import annotations

from wizard.flow.pages import PageId
from wizard.languages import N_
from wizard.law import applicability as law
from wizard.law.checks.registry import Hit, check, hits_on_basis
from wizard.law.findings import Severity
from wizard.model.answers import LegalBasis, Project


@check(
    "children_dpia",
    PageId.CHILDREN,
    Severity.WARNING,
    N_("Art. 35(1), (3) and (4) GDPR"),
    N_(
        "Children are vulnerable data subjects (Recital 75). A service meant for them meets "
        "criteria under which a data protection impact assessment is likely required (Art. "
        "35(1) and (3); the EDPB's criteria for a high risk count vulnerable data subjects as "
        "one), and the lists the supervisory authorities publish under Art. 35(4) name "
        "processing of children's data. Carry out and document the assessment before the "
        "processing starts, or record why it is not needed."
    ),
)
def _children_dpia(project: Project) -> list[Hit]:
    if not project.children.targets_children:
        return []
    return [
        Hit(
            "children.targets_children",
            N_(
                "Your services are meant for children: a data protection impact assessment is "
                "likely needed."
            ),
        )
    ]


@check(
    "children_legitimate_interests",
    PageId.PURPOSES,
    Severity.WARNING,
    N_("Art. 6(1)(f) GDPR"),
    N_(
        "Legitimate interests are no basis where the interests or fundamental rights of the "
        'person override them, "in particular where the data subject is a child" (Art. '
        "6(1)(f)). Weigh the child's interests explicitly and record the balancing; for "
        "marketing or profiling it will rarely allow the processing (Recital 38)."
    ),
)
def _children_interests(project: Project) -> list[Hit]:
    if not project.children.targets_children:
        return []
    return hits_on_basis(
        project,
        LegalBasis.LEGITIMATE_INTERESTS,
        N_(
            "{purpose}: rests on legitimate interests, and your services are meant for "
            "children: their interests weigh more."
        ),
    )


@check(
    "children_consent_capacity",
    PageId.PURPOSES,
    Severity.WARNING,
    N_("Art. 8 and Art. 9(2)(a) GDPR"),
    N_(
        "For an online service offered directly to a child, a child under the age of digital "
        "consent cannot consent alone: the holder of parental responsibility gives or "
        "authorises the consent (Art. 8(1)). Art. 8 covers only that consent: whether a minor "
        "can give the explicit consent of Art. 9(2)(a) to health or other special data "
        "depends on national law (Art. 8(3) leaves the Member States' rules on capacity "
        "untouched). Make sure each consent you rely on can be given by the people your "
        "services are meant for, or is given by their parents."
    ),
)
def _children_consent(project: Project) -> list[Hit]:
    from wizard.flow.issues import purpose_named
    from wizard.model.answers import SpecialCondition

    children = project.children
    if not children.targets_children:
        return []
    age = law.project_consent_age(project)
    hits: list[Hit] = []
    for index, purpose in enumerate(project.purposes):
        args = {"purpose": purpose_named(purpose), "age": age}
        if LegalBasis.CONSENT in purpose.bases and children.minors_below(age):
            hits.append(
                Hit(
                    f"purposes[{index}].legal_basis",
                    N_(
                        "{purpose}: rests on consent, and some of the people your services "
                        "are meant for are under {age}: their parents give or authorise it."
                    ),
                    args,
                )
            )
        if (
            purpose.special_categories
            and purpose.special_condition is SpecialCondition.EXPLICIT_CONSENT
        ):
            hits.append(
                Hit(
                    f"purposes[{index}].special_condition",
                    N_(
                        "{purpose}: rests on explicit consent to special categories of data, "
                        "and your services are meant for minors: check at what age national "
                        "law lets a minor give it."
                    ),
                    args,
                )
            )
    return hits
