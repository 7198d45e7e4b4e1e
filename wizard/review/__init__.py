"""The review of a project: which Art. 13/14 elements the policy covers, and what is risky.

No Qt here. Two things are computed for a :class:`~wizard.model.answers.Project`:

* :func:`coverage` -- for each element a privacy notice must contain (Articles 13 and 14 GDPR,
  in the order of the WP29 transparency guidelines' annex), whether the generated policy covers
  it and in which section of the real document (:func:`wizard.policy.engine.build_document`),
  why it does not apply, or that it is missing.
* :func:`findings` -- what is missing or risky, each with a severity, a short message, a
  plain-language explanation, the article it rests on, and the field path and wizard page to
  fix it. Most findings are :mod:`wizard.flow` issues (the same checks the wizard pages use),
  explained here; a few checks exist only in the review (cookie lifetimes, the Art. 8 age,
  a data protection officer for large-scale health data, vague retention, withdrawing consent).

Where things live:

- :mod:`~wizard.review.explanations`: the explanation and article of each flow issue, and of
  the review's own checks;
- :mod:`~wizard.review.findings`: the findings (the flow's issues explained, the review's own
  checks, the registered legal checks, the characters the PDF's fonts lack);
- :mod:`~wizard.review.judges`: whether each element applies and is given, one judge per
  element (:data:`~wizard.review.judges.JUDGES`);
- :mod:`~wizard.review.coverage`: each element's judgement and where the document gives it,
  read from the template's ``data-covers`` declarations;
- :mod:`~wizard.review.report`: :class:`Report`, as data and as text.

Messages, explanations and article references are English source strings marked with
:func:`~wizard.languages.N_`; callers translate them with a ``ui`` domain translator.
"""

from wizard.law.applicability import uses_consent
from wizard.law.elements import ELEMENT_IDS, ELEMENTS, Element, article_ref
from wizard.law.findings import Finding, Severity
from wizard.page_titles import PAGE_TITLES
from wizard.review.coverage import Coverage, coverage, locations
from wizard.review.findings import (
    LARGE_SCALE_SERVICES,
    MAX_COOKIE_MONTHS,
    blocking_findings,
    errors,
    findings,
    french_cookie_law,
    is_vague_retention,
    large_scale_health,
    page_findings,
    pdf_font_findings,
)
from wizard.review.judges import JUDGES, STATUS_LABELS, Status
from wizard.review.report import SEVERITY_LABELS, Report, report_data, report_text, review

__all__ = [
    "ELEMENTS",
    "ELEMENT_IDS",
    "JUDGES",
    "LARGE_SCALE_SERVICES",
    "MAX_COOKIE_MONTHS",
    "PAGE_TITLES",
    "SEVERITY_LABELS",
    "STATUS_LABELS",
    "Coverage",
    "Element",
    "Finding",
    "Report",
    "Severity",
    "Status",
    "article_ref",
    "blocking_findings",
    "coverage",
    "errors",
    "findings",
    "french_cookie_law",
    "is_vague_retention",
    "large_scale_health",
    "locations",
    "page_findings",
    "pdf_font_findings",
    "report_data",
    "report_text",
    "review",
    "uses_consent",
]
