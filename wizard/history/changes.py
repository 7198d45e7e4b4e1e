"""A change between two versions of a policy: its kind (:class:`ChangeKind`, stable names for
tests and tools) and its sentence in the policy's voice (:class:`Change`), rendered in any
language with the ``policy`` translator, so the "what changed" summary uses the same official
GDPR terms as the document it is printed in."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from wizard.history.values import Value, render, renderer


class ChangeKind(StrEnum):
    """What kind of change a :class:`Change` is (stable names, for tests and tools)."""

    ORGANISATION_RENAMED = "organisation_renamed"
    ORGANISATION_EMAIL = "organisation_email"
    ORGANISATION_CONTACT = "organisation_contact"
    DPO_ADDED = "dpo_added"
    DPO_REMOVED = "dpo_removed"
    DPO_CHANGED = "dpo_changed"
    REPRESENTATIVE_ADDED = "representative_added"
    REPRESENTATIVE_REMOVED = "representative_removed"
    REPRESENTATIVE_CHANGED = "representative_changed"
    SERVICE_ADDED = "service_added"
    SERVICE_REMOVED = "service_removed"
    PURPOSE_ADDED = "purpose_added"
    PURPOSE_REMOVED = "purpose_removed"
    PURPOSE_DATA_ADDED = "purpose_data_added"
    PURPOSE_DATA_REMOVED = "purpose_data_removed"
    LEGAL_BASIS_CHANGED = "legal_basis_changed"
    SPECIAL_CONDITION_CHANGED = "special_condition_changed"
    RETENTION_SHORTENED = "retention_shortened"
    RETENTION_LENGTHENED = "retention_lengthened"
    RETENTION_CHANGED = "retention_changed"
    PURPOSE_UPDATED = "purpose_updated"
    RECIPIENT_ADDED = "recipient_added"
    RECIPIENT_REMOVED = "recipient_removed"
    RECIPIENT_COUNTRY_CHANGED = "recipient_country_changed"
    RECIPIENT_SAFEGUARD_CHANGED = "recipient_safeguard_changed"
    RECIPIENT_ROLE_CHANGED = "recipient_role_changed"
    RECIPIENT_PURPOSE_ADDED = "recipient_purpose_added"
    RECIPIENT_PURPOSE_REMOVED = "recipient_purpose_removed"
    RECIPIENT_UPDATED = "recipient_updated"
    COOKIES_STARTED = "cookies_started"
    COOKIES_STOPPED = "cookies_stopped"
    COOKIE_ADDED = "cookie_added"
    COOKIE_REMOVED = "cookie_removed"
    COOKIE_LIFETIME_SHORTENED = "cookie_lifetime_shortened"
    COOKIE_LIFETIME_LENGTHENED = "cookie_lifetime_lengthened"
    COOKIE_LIFETIME_CHANGED = "cookie_lifetime_changed"
    COOKIE_CATEGORY_CHANGED = "cookie_category_changed"
    COOKIE_CONSENT_CHANGED = "cookie_consent_changed"
    CHILDREN_TARGETED = "children_targeted"
    CHILDREN_NOT_TARGETED = "children_not_targeted"
    CHILDREN_AGES_CHANGED = "children_ages_changed"
    AGE_THRESHOLD_CHANGED = "age_threshold_changed"
    RESPONSE_TIME_CHANGED = "response_time_changed"
    RIGHTS_CHANNELS_CHANGED = "rights_channels_changed"
    AUTHORITY_CHANGED = "authority_changed"
    AUTHORITY_DETAILS_CHANGED = "authority_details_changed"
    AUTOMATED_DECISIONS_STARTED = "automated_decisions_started"
    AUTOMATED_DECISIONS_STOPPED = "automated_decisions_stopped"
    AUTOMATED_DECISIONS_CHANGED = "automated_decisions_changed"
    OTHER = "other"


#: Two full stops that are not an ellipsis.
_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")


@dataclass(frozen=True)
class Change:
    """One change between two versions, as a sentence in the policy's voice.

    ``message`` is the English source (a translation unit of the ``policy`` domain) with named
    ``{placeholders}``; ``params`` holds their values, rendered in the language asked for.
    """

    kind: ChangeKind
    message: str
    params: Mapping[str, Value] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        """The change as one sentence in ``lang`` (any registered language)."""
        language = renderer(lang)
        values = {name: render(value, language) for name, value in self.params.items()}
        text = language.gettext(self.message).format(**values)
        # A value ending in a full stop ("Inc.", a phrase of the vocabulary) before the
        # sentence's own full stop: one is enough.
        return _DOUBLE_STOP.sub(".", text)

