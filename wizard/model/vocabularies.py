"""The closed lists the answers choose from (services, data categories, legal bases, safeguards,
...), each value a stable word in the project file that every language names in its own way.
"""

from __future__ import annotations

from enum import StrEnum


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
