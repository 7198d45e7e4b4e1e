"""The answers a user gives in the wizard, as plain typed objects (pydantic models, no Qt).

Everything the policy says comes from here. An answer that was not given is ``None`` or an empty
list, never a guessed default: the policy engine leaves out what the answers do not say, and the
review reports what is still missing. Free text that ends up in the document is a
:class:`LocalText`, one string per output language, so a Dutch document never borrows an English
sentence.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    ValidationInfo,
    field_validator,
    model_validator,
)

from wizard.languages import LANGUAGES as LANGUAGES
from wizard.languages import SOURCE
from wizard.model.countries import EEA_COUNTRIES, is_country_code


class Strict(BaseModel):
    """Base of every answers object: unknown fields are errors, assignments are validated."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        str_strip_whitespace=True,
        use_enum_values=False,
    )


def _country(value: str) -> str:
    value = value.strip().upper()
    if not is_country_code(value):
        raise ValueError(f"unknown country code {value!r}")
    return value


def _language(value: str) -> str:
    if value not in LANGUAGES:
        raise ValueError(f"unsupported language {value!r} (choose from {', '.join(LANGUAGES)})")
    return value


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _email(value: str) -> str:
    value = value.strip()
    if not _EMAIL.match(value):
        raise ValueError(f"not an e-mail address: {value!r}")
    return value


#: A bare host name as people type it ("www.example.nl", "example.com/privacy").
_BARE_HOST = re.compile(r"^[^\s/:@]+\.[a-z]{2,}(?:[/?#]\S*)?$", re.IGNORECASE)


def complete_url(value: str) -> str:
    """``www.example.nl`` -> ``https://www.example.nl``; anything else unchanged."""
    value = value.strip()
    return "https://" + value if _BARE_HOST.match(value) else value


def _url(value: str) -> str:
    value = complete_url(value)
    if not re.match(r"^https?://[^\s/$.?#].[^\s]*$", value, re.IGNORECASE):
        raise ValueError(f"not a web address starting with http:// or https://: {value!r}")
    return value


CountryCode = Annotated[str, AfterValidator(_country), Field(examples=["NL", "DE"])]
Language = Annotated[str, AfterValidator(_language)]
Email = Annotated[str, AfterValidator(_email)]
Url = Annotated[str, AfterValidator(_url)]
NonEmpty = Annotated[str, Field(min_length=1)]


class LocalText(RootModel[dict[Language, str]]):
    """A user's own text in one or more output languages, e.g. ``{"en": "...", "nl": "..."}``."""

    root: dict[Language, str] = Field(default_factory=dict)

    @field_validator("root")
    @classmethod
    def _strip(cls, value: dict[str, str]) -> dict[str, str]:
        return {lang: text.strip() for lang, text in value.items() if text.strip()}

    def get(self, lang: str) -> str | None:
        """The text in ``lang``, or ``None`` when it was not given in that language."""
        return self.root.get(lang)

    def languages(self) -> set[str]:
        """The languages this text is available in."""
        return set(self.root)

    def text_in(self, lang: str | None) -> str:
        """The text for a reader of ``lang``: in ``lang``, else in the source language, else in
        the first registered language that has it ("" when it is written in none)."""
        found = self.pick(lang)
        return found[1] if found else ""

    def pick(self, lang: str | None) -> tuple[str, str] | None:
        """The language and the text :meth:`text_in` gives (``None`` when there is none)."""
        for code in (lang, SOURCE, *LANGUAGES):
            if code and (text := self.root.get(code)):
                return code, text
        return None

    @classmethod
    def join(cls, parts: Iterable[LocalText | str], sep: str = ", ") -> LocalText | str:
        """``parts`` (texts, or plain strings that read the same in every language) joined with
        ``sep``, language by language; a plain string when no part is a text."""
        items = list(parts)
        langs = [
            lang
            for lang in LANGUAGES
            if any(isinstance(p, LocalText) and lang in p.root for p in items)
        ]
        if not langs:
            return sep.join(plain(p, None) for p in items)
        return cls({lang: sep.join(plain(p, lang) for p in items) for lang in langs})

    def __bool__(self) -> bool:
        return bool(self.root)


def plain(value: LocalText | str, lang: str | None) -> str:
    """``value`` for a reader of ``lang``: a text in that language (:meth:`LocalText.text_in`),
    a plain string as it is."""
    return value.text_in(lang) if isinstance(value, LocalText) else value


# --- vocabularies -------------------------------------------------------------------------------


class Service(StrEnum):
    """What the organisation offers; each service suggests its usual purposes."""

    WEBSITE = "website"
    MOBILE_APP = "mobile_app"
    ONLINE_PLATFORM = "online_platform"
    APPOINTMENT_BOOKING = "appointment_booking"
    TELECONSULTATION = "teleconsultation"
    PATIENT_CARE = "patient_care"
    ONLINE_PAYMENTS = "online_payments"
    NEWSLETTER = "newsletter"
    CONTACT_FORM = "contact_form"
    RECRUITMENT = "recruitment"


class DataCategory(StrEnum):
    """Categories of personal data the wizard knows how to name in every language."""

    IDENTITY = "identity"  # name, date of birth, sex
    CONTACT = "contact"  # address, e-mail, phone
    NATIONAL_ID = "national_id"  # citizen service number, social security number
    INSURANCE = "insurance"  # health insurer, policy number
    HEALTH = "health"  # medical history, diagnoses, treatment notes (special category)
    GENETIC = "genetic"  # special category
    BIOMETRIC = "biometric"  # special category
    APPOINTMENT = "appointment"  # appointment date, time, practitioner, reason
    PAYMENT = "payment"  # bank account, invoices, payment status
    ACCOUNT = "account"  # user name, password hash, settings
    COMMUNICATION = "communication"  # messages, correspondence
    USAGE = "usage"  # pages visited, clicks, app events
    DEVICE = "device"  # IP address, browser, device identifiers
    LOCATION = "location"
    VIDEO_AUDIO = "video_audio"  # images and sound during video consultations
    APPLICATION = "application"  # CV, motivation letter, references
    MARKETING_PREFERENCES = "marketing_preferences"


#: Categories that are special categories of personal data under Art. 9(1) GDPR.
SPECIAL_CATEGORIES: frozenset[DataCategory] = frozenset(
    {DataCategory.HEALTH, DataCategory.GENETIC, DataCategory.BIOMETRIC}
)


class DataSubject(StrEnum):
    """Whose data a purpose concerns."""

    PATIENTS = "patients"
    CUSTOMERS = "customers"
    WEBSITE_VISITORS = "website_visitors"
    APP_USERS = "app_users"
    SUBSCRIBERS = "subscribers"
    APPLICANTS = "applicants"
    CONTACTS = "contacts"  # people who write or call


class LegalBasis(StrEnum):
    """The six lawful bases of Art. 6(1) GDPR, points (a) to (f)."""

    CONSENT = "consent"  # (a)
    CONTRACT = "contract"  # (b)
    LEGAL_OBLIGATION = "legal_obligation"  # (c)
    VITAL_INTERESTS = "vital_interests"  # (d)
    PUBLIC_TASK = "public_task"  # (e)
    LEGITIMATE_INTERESTS = "legitimate_interests"  # (f)


class SpecialCondition(StrEnum):
    """The conditions of Art. 9(2) GDPR, points (a) to (j), for special categories of data."""

    EXPLICIT_CONSENT = "explicit_consent"  # (a)
    EMPLOYMENT = "employment"  # (b)
    VITAL_INTERESTS = "vital_interests"  # (c)
    NOT_FOR_PROFIT = "not_for_profit"  # (d)
    MADE_PUBLIC = "made_public"  # (e)
    LEGAL_CLAIMS = "legal_claims"  # (f)
    SUBSTANTIAL_PUBLIC_INTEREST = "substantial_public_interest"  # (g)
    HEALTH_CARE = "health_care"  # (h)
    PUBLIC_HEALTH = "public_health"  # (i)
    RESEARCH = "research"  # (j)


class Requirement(StrEnum):
    """Whether people must provide the data (Art. 13(2)(e) GDPR)."""

    STATUTORY = "statutory"
    CONTRACTUAL = "contractual"
    NEEDED_FOR_CONTRACT = "needed_for_contract"
    VOLUNTARY = "voluntary"


class TimeUnit(StrEnum):
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"
    YEARS = "years"


class RetentionStart(StrEnum):
    """The event from which a retention period runs."""

    COLLECTION = "collection"
    LAST_CONTACT = "last_contact"
    END_OF_TREATMENT = "end_of_treatment"
    END_OF_CONTRACT = "end_of_contract"
    ACCOUNT_CLOSURE = "account_closure"
    END_OF_PROCEDURE = "end_of_procedure"  # recruitment
    WITHDRAWAL = "withdrawal"  # of consent / unsubscribing
    END_OF_FISCAL_YEAR = "end_of_fiscal_year"
    #: From the day each record was made (the Dutch WGBO's 20 years, art. 7:454 BW).
    RECORD_CREATION = "record_creation"


class RecipientRole(StrEnum):
    PROCESSOR = "processor"
    INDEPENDENT_CONTROLLER = "independent_controller"
    JOINT_CONTROLLER = "joint_controller"
    PUBLIC_AUTHORITY = "public_authority"


class Safeguard(StrEnum):
    """The legal ground for a transfer outside the EEA (Chapter V GDPR)."""

    ADEQUACY = "adequacy"  # Art. 45
    DPF = "dpf"  # EU-US Data Privacy Framework (an adequacy decision of 10 July 2023)
    SCC = "scc"  # Art. 46(2)(c) standard contractual clauses
    BCR = "bcr"  # Art. 47 binding corporate rules
    DEROGATION = "derogation"  # Art. 49
    PRIVACY_SHIELD = "privacy_shield"  # invalid since 16 July 2020; kept so old files load
    NONE = "none"


class SecurityMeasure(StrEnum):
    """Technical and organisational measures of Art. 32 GDPR a small organisation commonly takes."""

    ENCRYPTION_IN_TRANSIT = "encryption_in_transit"
    ENCRYPTION_AT_REST = "encryption_at_rest"
    ACCESS_CONTROL = "access_control"
    MULTI_FACTOR = "multi_factor"
    PSEUDONYMISATION = "pseudonymisation"
    BACKUPS = "backups"
    UPDATES = "updates"
    LOGGING = "logging"
    CONFIDENTIALITY = "confidentiality"  # staff bound to confidentiality
    TRAINING = "training"
    PROCESSOR_AGREEMENTS = "processor_agreements"  # Art. 28 contracts
    PHYSICAL_SECURITY = "physical_security"
    INCIDENT_RESPONSE = "incident_response"
    REGULAR_TESTING = "regular_testing"  # Art. 32(1)(d)


class SectionAnchor(StrEnum):
    """The policy's sections, by id, after which an organisation's own section can be placed."""

    CONTROLLER = "controller"
    PURPOSES = "purposes"
    SOURCES = "sources"
    RECIPIENTS = "recipients"
    TRANSFERS = "transfers"
    COOKIES = "cookies"
    CHILDREN = "children"
    AUTOMATED_DECISIONS = "automated-decisions"
    SECURITY = "security"
    RIGHTS = "rights"
    COMPLAINTS = "complaints"
    CHANGES = "changes"


class CookieCategory(StrEnum):
    STRICTLY_NECESSARY = "strictly_necessary"
    PREFERENCES = "preferences"
    ANALYTICS = "analytics"
    MARKETING = "marketing"


class Party(StrEnum):
    FIRST = "first"
    THIRD = "third"


class OutputFormat(StrEnum):
    """A file format the policy is written in; the value is the file name's extension."""

    DOCX = "docx"
    PDF = "pdf"
    HTML = "html"
    MARKDOWN = "md"


class DocumentKind(StrEnum):
    """A document written from the answers; the value is what ``--document`` takes."""

    POLICY = "policy"
    #: The short notice, "privacy at a glance" (and a version for children where the service
    #: is directed at them).
    NOTICE = "notice"
    #: The record of processing activities (Art. 30(1) GDPR).
    RECORDS = "records"
    #: The consent wording for each purpose on consent, and the cookie banner's first layer.
    CONSENT = "consent"


# --- the answers --------------------------------------------------------------------------------


class Address(Strict):
    street: str = ""
    postal_code: str = ""
    city: str = ""
    country: CountryCode | None = None


class Organisation(Strict):
    """The controller: who decides why and how the data are processed."""

    legal_name: str = ""
    trading_name: str = ""
    address: Address = Field(default_factory=Address)
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
    own_processing_countries: list[CountryCode] = Field(default_factory=list)

    @field_validator("own_processing_countries")
    @classmethod
    def _outside_the_eea(cls, value: list[str]) -> list[str]:
        inside = [c for c in value if c in EEA_COUNTRIES]
        if inside:
            raise ValueError(
                f"{', '.join(inside)} is in the EU/EEA: list only countries outside it"
            )
        return list(dict.fromkeys(value))


class Person(Strict):
    """A contact person or body: the data protection officer or the EU representative."""

    name: str = ""
    email: Email | None = None
    phone: str = ""
    address: Address | None = None


class DpoFacts(Strict):
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
    people_processing: int | None = Field(default=None, ge=0, le=1_000_000)


class Duration(Strict):
    amount: int = Field(ge=1, le=1000)
    unit: TimeUnit


class Retention(Strict):
    """How long data are kept (Art. 13(2)(a)): a period, and/or the criteria that decide it."""

    period: Duration | None = None
    starting: RetentionStart | None = None
    #: Criteria in the user's words, for when no fixed period can be given.
    criteria: LocalText = Field(default_factory=LocalText)
    #: A statute that imposes the period, e.g. "WGBO (Dutch Civil Code, Book 7, art. 454)".
    statutory_reference: str = ""


class Purpose(Strict):
    """One purpose of processing with everything Art. 13/14 asks about it."""

    id: NonEmpty = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    #: What the purpose is, in the user's words, per language.
    name: LocalText
    subjects: list[DataSubject] = Field(default_factory=list)
    data_categories: list[DataCategory] = Field(default_factory=list)
    #: What each category holds for this purpose, in the user's words per language ("name,
    #: date of birth"): the policy prints exactly this after the category's name, and nothing
    #: for a category without details. The wizard proposes the usual contents.
    data_details: dict[DataCategory, LocalText] = Field(default_factory=dict)
    #: Further categories in the user's words.
    other_data: LocalText = Field(default_factory=LocalText)
    legal_basis: LegalBasis | None = None
    #: Further Art. 6(1) bases for the same purpose, e.g. a legal obligation to keep the
    #: records of a treatment given under a contract (format 3).
    additional_bases: list[LegalBasis] = Field(default_factory=list)
    #: The interest pursued, required where a basis is legitimate interests.
    legitimate_interest: LocalText = Field(default_factory=LocalText)
    #: The Art. 9(2) condition, required where special categories are processed.
    special_condition: SpecialCondition | None = None
    #: Where the data come from when not from the person (Art. 14); empty means from the person.
    source: LocalText = Field(default_factory=LocalText)
    source_is_public: bool = False
    requirement: Requirement | None = None
    #: What happens if the person does not provide the data.
    consequence: LocalText = Field(default_factory=LocalText)
    retention: Retention = Field(default_factory=Retention)
    #: How people withdraw their consent for this purpose (e.g. "the unsubscribe link in
    #: every newsletter", "the switch under Settings > Privacy in the app"), format 3.
    withdrawal: LocalText = Field(default_factory=LocalText)

    @field_validator("additional_bases")
    @classmethod
    def _unique_bases(cls, value: list[LegalBasis]) -> list[LegalBasis]:
        return list(dict.fromkeys(value))

    @model_validator(mode="after")
    def _details_of_chosen_categories(self) -> Purpose:
        # Details of a category the purpose no longer has are never printed: they go with it
        # (changed in place, so that validating an assignment does not validate again).
        for category in [c for c in self.data_details if c not in self.data_categories]:
            del self.data_details[category]
        return self

    @property
    def special_categories(self) -> list[DataCategory]:
        """The special categories of data among this purpose's data."""
        return [c for c in self.data_categories if c in SPECIAL_CATEGORIES]

    @property
    def bases(self) -> list[LegalBasis]:
        """Every Art. 6(1) basis of this purpose: the main one first, then the further ones."""
        main = [self.legal_basis] if self.legal_basis is not None else []
        return list(dict.fromkeys([*main, *self.additional_bases]))

    @property
    def relies_on_consent(self) -> bool:
        """Whether a basis or the Art. 9(2) condition is (explicit) consent."""
        return LegalBasis.CONSENT in self.bases or (
            bool(self.special_categories)
            and self.special_condition is SpecialCondition.EXPLICIT_CONSENT
        )


class Recipient(Strict):
    """A processor or other recipient of personal data."""

    #: The recipient's own name (a company's name is not translated).
    name: str = ""
    #: A category of recipients in the user's words, for when no single name applies
    #: (Art. 13(1)(e): "recipients or categories of recipients"), e.g. "your health insurer".
    category: LocalText = Field(default_factory=LocalText)
    #: Identifier in the processor catalogue, when picked from it.
    catalog_id: str | None = None
    role: RecipientRole = RecipientRole.PROCESSOR
    #: What the recipient does with the data, in the user's words.
    service: LocalText = Field(default_factory=LocalText)
    #: Country where the data are processed or from where they are accessed.
    country: CountryCode
    safeguard: Safeguard | None = None
    #: Further safeguards that also cover the transfer, e.g. standard contractual clauses
    #: that apply should the recipient's Data Privacy Framework certification end (format 3).
    fallback_safeguards: list[Safeguard] = Field(default_factory=list)
    #: Ids of the purposes for which this recipient receives data.
    purposes: list[str] = Field(default_factory=list)

    @field_validator("fallback_safeguards")
    @classmethod
    def _unique_safeguards(cls, value: list[Safeguard]) -> list[Safeguard]:
        return list(dict.fromkeys(value))

    @model_validator(mode="after")
    def _named(self) -> Recipient:
        if not self.name and not self.category:
            raise ValueError("name: give the recipient's name or a category of recipients")
        return self

    @property
    def outside_eea(self) -> bool:
        """True when data go to a third country (outside the EU/EEA)."""
        return self.country not in EEA_COUNTRIES


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


class Authority(Strict):
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


class AutomatedDecisions(Strict):
    """Automated decision-making, including profiling (Art. 22)."""

    #: ``None``: not answered yet (the policy then says nothing about it).
    used: bool | None = None
    logic: LocalText = Field(default_factory=LocalText)
    consequences: LocalText = Field(default_factory=LocalText)


class Security(Strict):
    """How the data are protected (Art. 32 GDPR): printed in the policy, and the general
    description of the measures the record of processing activities asks for (Art. 30(1)(g))."""

    measures: list[SecurityMeasure] = Field(default_factory=list)
    #: Other measures in the user's words.
    other: LocalText = Field(default_factory=LocalText)

    @field_validator("measures")
    @classmethod
    def _unique_measures(cls, value: list[SecurityMeasure]) -> list[SecurityMeasure]:
        return list(dict.fromkeys(value))

    def __bool__(self) -> bool:
        return bool(self.measures or self.other)


class OwnSection(Strict):
    """A section of the organisation's own, printed after a chosen section of the policy."""

    heading: LocalText
    #: The text; a blank line starts a new paragraph.
    text: LocalText
    after: SectionAnchor = SectionAnchor.CHANGES


class ProcessorActivity(Strict):
    """A service for which the organisation processes personal data on behalf of its
    customers, as their processor (Art. 28): this policy does not cover those data."""

    #: The service, in the user's words (e.g. "the practice software we host for clinics").
    service: LocalText
    #: On whose behalf (e.g. "the clinics that use our software"); optional.
    controllers: LocalText = Field(default_factory=LocalText)


class OtherAuthority(Strict):
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

    @model_validator(mode="after")
    def _outside_gdpr(self) -> OtherAuthority:
        if self.country in EEA_COUNTRIES:
            raise ValueError(
                "country: an authority in the EU/EEA is a GDPR authority; choose it as the "
                "supervisory authority instead"
            )
        return self


class Record(Strict):
    """What the record of processing activities (Art. 30(1) GDPR) needs beyond the policy."""

    #: A general description of the technical and organisational security measures (Art. 32).
    security: LocalText = Field(default_factory=LocalText)
    #: Who inside the organisation receives the data (teams or roles, not names).
    internal_recipients: LocalText = Field(default_factory=LocalText)
    #: The date of the record (the day it was last reviewed); generation day when not set.
    date: _dt.date | None = None


class Publication(Strict):
    """What to generate, and the facts printed on it."""

    effective_date: _dt.date | None = None
    version: str = "1.0"
    languages: list[Language] = Field(default_factory=lambda: ["en"])
    formats: list[OutputFormat] = Field(default_factory=lambda: [OutputFormat.PDF])
    output_folder: str | None = None
    #: Print the "Changes to this privacy policy" list of published versions (when there are any).
    show_history: bool = True
    #: The documents to write (the policy, and the short notice, record and consent texts).
    documents: list[DocumentKind] = Field(default_factory=lambda: [DocumentKind.POLICY])
    #: Where the full policy is published: the short notice links to it and prints its QR code.
    policy_url: Url | None = None

    @field_validator("languages")
    @classmethod
    def _unique_languages(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))

    @field_validator("documents")
    @classmethod
    def _unique_documents(cls, value: list[DocumentKind]) -> list[DocumentKind]:
        return list(dict.fromkeys(value))


class Answers(Strict):
    """Every answer of a project: what a published version's snapshot keeps (no history)."""

    organisation: Organisation = Field(default_factory=Organisation)
    dpo: Person | None = None
    #: The facts that decide whether a data protection officer is required.
    dpo_facts: DpoFacts | None = None
    representative: Person | None = None
    services: list[Service] = Field(default_factory=list)
    purposes: list[Purpose] = Field(default_factory=list)
    recipients: list[Recipient] = Field(default_factory=list)
    cookies: Cookies = Field(default_factory=Cookies)
    children: Children = Field(default_factory=Children)
    rights: Rights = Field(default_factory=Rights)
    authority: Authority = Field(default_factory=Authority)
    #: Authorities under other regimes (not the GDPR) the policy also names (format 3).
    other_authorities: list[OtherAuthority] = Field(default_factory=list)
    automated_decisions: AutomatedDecisions = Field(default_factory=AutomatedDecisions)
    #: The user confirms that no recipient processes the data outside the EU/EEA (format 3).
    no_transfers_confirmed: bool = False
    security: Security = Field(default_factory=Security)
    #: Services in which the organisation is itself a processor for others (format 3).
    processor_activities: list[ProcessorActivity] = Field(default_factory=list)
    own_sections: list[OwnSection] = Field(default_factory=list)
    record: Record = Field(default_factory=Record)
    publication: Publication = Field(default_factory=Publication)

    @model_validator(mode="after")
    def _check_references(self) -> Answers:
        ids = [p.id for p in self.purposes]
        seen: set[str] = set()
        for index, pid in enumerate(ids):
            if pid in seen:
                raise ValueError(f"purposes[{index}].id: duplicate purpose id {pid!r}")
            seen.add(pid)
        for r_index, recipient in enumerate(self.recipients):
            for p_index, pid in enumerate(recipient.purposes):
                if pid not in seen:
                    raise ValueError(
                        f"recipients[{r_index}].purposes[{p_index}]: no purpose with id {pid!r}"
                    )
        return self

    def purpose(self, purpose_id: str) -> Purpose | None:
        """The purpose with this id, if any."""
        return next((p for p in self.purposes if p.id == purpose_id), None)


class PublishedVersion(Strict):
    """One version of the policy as it was published: when, what changed, and the answers."""

    version: NonEmpty
    effective_date: _dt.date | None = None
    #: The day the documents were generated.
    published: _dt.date
    #: What changed since the previous version, per language (printed in the policy).
    summary: LocalText = Field(default_factory=LocalText)
    #: The documents written for this version (older files, which did not say, had the policy).
    documents: list[DocumentKind] = Field(default_factory=lambda: [DocumentKind.POLICY])
    #: The answers as published, so the next version can say what changed since.
    answers: Answers


class Project(Answers):
    """A whole project: everything needed to write the policy again next year."""

    format_version: int = 3
    #: The published versions, oldest first.
    history: list[PublishedVersion] = Field(default_factory=list)

    def snapshot(self) -> Answers:
        """The answers without the history (a deep copy), as a published version keeps them."""
        data = self.model_dump(exclude={"format_version", "history"})
        return Answers.model_validate(data)
