"""What the policy tells the people whose data it is about: cookies on the website (ePrivacy
Art. 5(3)), children (Art. 8), how rights are exercised (Art. 12, 15-22) and automated
decisions (Art. 22).
"""

from __future__ import annotations

from pydantic import Field, ValidationInfo, field_validator

from wizard.model.fields import CountryCode, Email, LocalText, NonEmpty, Strict, Url
from wizard.model.processing import Duration
from wizard.model.vocabularies import CookieCategory, Party


class Cookie(Strict):
    name: NonEmpty
    provider: NonEmpty
    party: Party = Party.FIRST
    category: CookieCategory
    purpose: LocalText
    #: ``None`` means the cookie is deleted when the browser is closed (a session cookie).
    lifetime: Duration | None = None


class Cookies(Strict):
    """Cookies and similar technologies (ePrivacy Art. 5(3))."""

    used: bool = False
    #: How consent is asked, in the user's words (e.g. "a banner on the first visit").
    consent_mechanism: LocalText = Field(default_factory=LocalText)
    #: How people change their mind (e.g. "the 'Cookie settings' link in the footer").
    withdrawal: LocalText = Field(default_factory=LocalText)
    items: list[Cookie] = Field(default_factory=list)


class Children(Strict):
    """Children (Art. 8 GDPR)."""

    #: Whether the services are meant for people under 18 (``False``: adults only, and the
    #: policy says nothing about children).
    targets_children: bool = False
    #: The youngest age the services are meant for; ``None``: no lower limit.
    youngest_age: int | None = Field(default=None, ge=0, le=17)
    #: The oldest age the services are meant for, when they are only for minors; ``None``:
    #: adults too. Kept apart from :attr:`age_threshold`, the Art. 8 age: a service for 13 to
    #: 17 year olds under a threshold of 16 asks parental consent for those under 16 only.
    oldest_age: int | None = Field(default=None, ge=0, le=17)
    #: The age below which a parent's consent is needed (Art. 8); default from the country.
    age_threshold: int | None = Field(default=None, ge=13, le=18)
    #: How parental consent is obtained and checked, in the user's words.
    parental_consent: LocalText = Field(default_factory=LocalText)
    #: Other countries whose children the services are offered to: the threshold must not be
    #: below the Art. 8 age of any of them (13 to 16 in the EU/EEA).
    other_countries: list[CountryCode] = Field(default_factory=list)

    @field_validator("other_countries")
    @classmethod
    def _unique_countries(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))

    @field_validator("oldest_age")
    @classmethod
    def _range_in_order(cls, value: int | None, info: ValidationInfo) -> int | None:
        youngest = info.data.get("youngest_age")
        if value is not None and youngest is not None and value < youngest:
            raise ValueError(f"the oldest age ({value}) is below the youngest age ({youngest})")
        return value

    @property
    def only_minors(self) -> bool:
        """Whether the services are meant only for people under 18."""
        return self.targets_children and self.oldest_age is not None

    def minors_below(self, age: int) -> bool:
        """Whether people under ``age`` are among those the services are meant for."""
        return self.targets_children and (self.youngest_age is None or self.youngest_age < age)


class Rights(Strict):
    """How people exercise their rights (Art. 12, 15-22)."""

    email: Email | None = None
    web_form: Url | None = None
    by_post: bool = True
    #: How identity is checked before a request is answered, in the user's words.
    identity_check: LocalText = Field(default_factory=LocalText)
    #: Answer time in days; the GDPR allows one month (Art. 12(3)).
    response_days: int = Field(default=30, ge=1, le=30)


class AutomatedDecisions(Strict):
    """Automated decision-making, including profiling (Art. 22)."""

    #: ``None``: not answered yet (the policy then says nothing about it).
    used: bool | None = None
    logic: LocalText = Field(default_factory=LocalText)
    consequences: LocalText = Field(default_factory=LocalText)
