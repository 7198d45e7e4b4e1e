"""The short notice ("privacy at a glance"): one page that points to the full policy, and the
version written for children where the service is directed at them."""

from __future__ import annotations

from wizard.documents.common import document, render_blocks
from wizard.i18n import translation
from wizard.model.answers import Project
from wizard.policy.document import Document, QrCode, link_target
from wizard.policy.engine import facts


def build_notice(project: Project, lang: str, children: bool = False) -> Document:
    """The short notice of ``project`` in ``lang`` (the children's version with ``children``)."""
    context = facts(project, lang)
    url = link_target(project.publication.policy_url)
    context["policy_url"] = url
    words = translation("documents", lang)
    template = "notice/children.html.j2" if children else "notice/notice.html.j2"
    blocks = render_blocks(template, lang, context)
    if url:
        alt = words.gettext("QR code leading to the full privacy policy: {url}")
        blocks = (*blocks, QrCode(url, alt.replace("{url}", url)))
    title = (
        words.gettext("Your privacy: the short version")
        if children
        else words.gettext("Privacy at a glance")
    )
    org = context["org"]["name"]
    subject = words.gettext("A summary of how {organisation} processes personal data").replace(
        "{organisation}", org
    )
    return document(project, lang, title, subject, blocks)
