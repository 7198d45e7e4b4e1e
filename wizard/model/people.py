"""What the policy tells the people whose data it is about: cookies on the website (ePrivacy
Art. 5(3)), children (Art. 8), how rights are exercised (Art. 12, 15-22) and automated
decisions (Art. 22).
"""

from __future__ import annotations

from typing import Annotated

from msgspec import field

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
from wizard.model.processing import Duration
from wizard.model.vocabularies import CookieCategory, Party


class Cookie(Strict, kw_only=True):
    name: NonEmpty
    provider: NonEmpty
    party: Party = Party.FIRST
    category: CookieCategory
    purpose: LocalText
    #: ``None`` means the cookie is deleted when the browser is closed (a session cookie).
    lifetime: Duration | None = None


class Cookies(Strict, kw_only=True):
    """Cookies and similar technologies (ePrivacy Art. 5(3))."""

    used: bool = False
    #: How consent is asked, in the user's words (e.g. "a banner on the first visit").
    consent_mechanism: LocalText = field(default_factory=LocalText)
    #: How people change their mind (e.g. "the 'Cookie settings' link in the footer").
    withdrawal: LocalText = field(default_factory=LocalText)
    items: list[Cookie] = field(default_factory=list)


class Children(Strict, kw_only=True):
    """Children (Art. 8 GDPR)."""

    #: Whether the services are meant for people under 18 (``False``: adults only, and the
    #: policy says nothing about children).
    targets_children: bool = False
    #: The youngest age the services are meant for; ``None``: no lower limit.
    youngest_age: Annotated[int, Meta(ge=0, le=17)] | None = None
    #: The oldest age the services are meant for, when they are only for minors; ``None``:
    #: adults too. Kept apart from :attr:`age_threshold`, the Art. 8 age: a service for 13 to
    #: 17 year olds under a threshold of 16 asks parental consent for those under 16 only.
    oldest_age: Annotated[int, Meta(ge=0, le=17)] | None = None
    #: The age below which a parent's consent is needed (Art. 8); default from the country.
    age_threshold: Annotated[int, Meta(ge=13, le=18)] | None = None
    #: How parental consent is obtained and checked, in the user's words.
    parental_consent: LocalText = field(default_factory=LocalText)
    #: Other countries whose children the services are offered to: the threshold must not be
    #: below the Art. 8 age of any of them (13 to 16 in the EU/EEA).
    other_countries: Annotated[list[CountryCode], Check(unique)] = field(default_factory=list)

    def _check(self) -> None:
        oldest, youngest = self.oldest_age, self.youngest_age
        if oldest is not None and youngest is not None and oldest < youngest:
            raise ValueError(
                f"oldest_age: the oldest age ({oldest}) is below the youngest age ({youngest})"
            )

    @property
    def only_minors(self) -> bool:
        """Whether the services are meant only for people under 18."""
        return self.targets_children and self.oldest_age is not None

    def minors_below(self, age: int) -> bool:
        """Whether people under ``age`` are among those the services are meant for."""
        return self.targets_children and (self.youngest_age is None or self.youngest_age < age)


class Rights(Strict, kw_only=True):
    """How people exercise their rights (Art. 12, 15-22)."""

    email: Email | None = None
    web_form: Url | None = None
    by_post: bool = True
    #: How identity is checked before a request is answered, in the user's words.
    identity_check: LocalText = field(default_factory=LocalText)
    #: Answer time in days; the GDPR allows one month (Art. 12(3)).
    response_days: Annotated[int, Meta(ge=1, le=30)] = 30


class AutomatedDecisions(Strict, kw_only=True):
    """Automated decision-making, including profiling (Art. 22)."""

    #: ``None``: not answered yet (the policy then says nothing about it).
    used: bool | None = None
    logic: LocalText = field(default_factory=LocalText)
    consequences: LocalText = field(default_factory=LocalText)
