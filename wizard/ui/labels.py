"""Plain-language names for the model's vocabularies, translated into the UI language.

The tables hold English source strings marked with ``N_``; :func:`label` translates on use, so a
change of UI language needs no rebuild of the tables. Babel (CLDR's names of countries, its
dates) is imported by the functions that use it: it loads when a page first shows a country or
a date, not with the pages when the window gets ready.
"""

from __future__ import annotations

import datetime as _dt
import unicodedata
from enum import Enum

from wizard import languages
from wizard.languages import N_
from wizard.model.answers import (
    CookieCategory,
    DataCategory,
    DataSubject,
    LegalBasis,
    OutputFormat,
    Party,
    RecipientRole,
    Requirement,
    RetentionStart,
    Safeguard,
    SectionAnchor,
    SecurityMeasure,
    Service,
    SpecialCondition,
    TimeUnit,
)
from wizard.model.countries import country_codes
from wizard.ui.tr import _, ngettext, ui_language

_LABELS: dict[Enum, str] = {
    Service.WEBSITE: N_("Website"),
    Service.MOBILE_APP: N_("Mobile app"),
    Service.ONLINE_PLATFORM: N_("Online platform or software as a service"),
    Service.APPOINTMENT_BOOKING: N_("Appointment booking"),
    Service.TELECONSULTATION: N_("Video consultations"),
    Service.PATIENT_CARE: N_("Patient care and patient records"),
    Service.ONLINE_PAYMENTS: N_("Online payments or web shop"),
    Service.NEWSLETTER: N_("Newsletter"),
    Service.CONTACT_FORM: N_("Contact form or support"),
    Service.RECRUITMENT: N_("Recruitment of staff"),
    DataCategory.IDENTITY: N_("Identity (name, date of birth, sex)"),
    DataCategory.CONTACT: N_("Contact details (address, e-mail, phone)"),
    DataCategory.NATIONAL_ID: N_("National identification number"),
    DataCategory.INSURANCE: N_("Health insurance details"),
    DataCategory.HEALTH: N_("Health data (medical history, diagnoses, treatment notes)"),
    DataCategory.GENETIC: N_("Genetic data"),
    DataCategory.BIOMETRIC: N_("Biometric data"),
    DataCategory.APPOINTMENT: N_("Appointments (date, time, practitioner, reason)"),
    DataCategory.PAYMENT: N_("Payment details (bank account, invoices)"),
    DataCategory.ACCOUNT: N_("User account (user name, password, settings)"),
    DataCategory.COMMUNICATION: N_("Messages and correspondence"),
    DataCategory.USAGE: N_("Use of our website or app (pages, clicks)"),
    DataCategory.DEVICE: N_("Device data (IP address, browser, device identifiers)"),
    DataCategory.LOCATION: N_("Location"),
    DataCategory.VIDEO_AUDIO: N_("Image and sound during video calls"),
    DataCategory.APPLICATION: N_("Job applications (CV, letter, references)"),
    DataCategory.MARKETING_PREFERENCES: N_("Marketing preferences"),
    DataSubject.PATIENTS: N_("Patients"),
    DataSubject.CUSTOMERS: N_("Customers"),
    DataSubject.WEBSITE_VISITORS: N_("Website visitors"),
    DataSubject.APP_USERS: N_("App users"),
    DataSubject.SUBSCRIBERS: N_("Newsletter subscribers"),
    DataSubject.APPLICANTS: N_("Job applicants"),
    DataSubject.CONTACTS: N_("People who contact us"),
    LegalBasis.CONSENT: N_("(a) Consent of the person"),
    LegalBasis.CONTRACT: N_("(b) Needed for a contract with the person"),
    LegalBasis.LEGAL_OBLIGATION: N_("(c) Required by law"),
    LegalBasis.VITAL_INTERESTS: N_("(d) To protect someone's life"),
    LegalBasis.PUBLIC_TASK: N_("(e) A task in the public interest"),
    LegalBasis.LEGITIMATE_INTERESTS: N_("(f) Our legitimate interests"),
    Requirement.STATUTORY: N_("Required by law"),
    Requirement.CONTRACTUAL: N_("Required by a contract"),
    Requirement.NEEDED_FOR_CONTRACT: N_("Needed to enter into a contract"),
    Requirement.VOLUNTARY: N_("Voluntary"),
    TimeUnit.DAYS: N_("days"),
    TimeUnit.WEEKS: N_("weeks"),
    TimeUnit.MONTHS: N_("months"),
    TimeUnit.YEARS: N_("years"),
    RetentionStart.COLLECTION: N_("after collection"),
    RetentionStart.LAST_CONTACT: N_("after the last contact"),
    RetentionStart.END_OF_TREATMENT: N_("after the end of the treatment"),
    RetentionStart.END_OF_CONTRACT: N_("after the end of the contract"),
    RetentionStart.ACCOUNT_CLOSURE: N_("after the account is closed"),
    RetentionStart.END_OF_PROCEDURE: N_("after the end of the procedure"),
    RetentionStart.WITHDRAWAL: N_("after consent is withdrawn"),
    RetentionStart.END_OF_FISCAL_YEAR: N_("after the end of the financial year"),
    RetentionStart.RECORD_CREATION: N_("from the day each record was made"),
    RecipientRole.PROCESSOR: N_("Processor (works for us)"),
    RecipientRole.INDEPENDENT_CONTROLLER: N_("Independent controller"),
    RecipientRole.JOINT_CONTROLLER: N_("Joint controller"),
    RecipientRole.PUBLIC_AUTHORITY: N_("Public authority"),
    Safeguard.ADEQUACY: N_("Adequacy decision of the European Commission"),
    Safeguard.DPF: N_("EU-US Data Privacy Framework (certified recipient)"),
    Safeguard.SCC: N_("Standard contractual clauses"),
    Safeguard.BCR: N_("Binding corporate rules"),
    Safeguard.DEROGATION: N_("Exception for a specific situation (Art. 49)"),
    Safeguard.PRIVACY_SHIELD: N_("Privacy Shield (invalid since 2020)"),
    Safeguard.NONE: N_("None"),
    SecurityMeasure.ENCRYPTION_IN_TRANSIT: N_("Encrypted connections (HTTPS/TLS)"),
    SecurityMeasure.ENCRYPTION_AT_REST: N_("Encrypted storage and devices"),
    SecurityMeasure.ACCESS_CONTROL: N_("Access only for those who need it, personal accounts"),
    SecurityMeasure.MULTI_FACTOR: N_("Multi-factor authentication"),
    SecurityMeasure.PSEUDONYMISATION: N_("Pseudonymisation where possible"),
    SecurityMeasure.BACKUPS: N_("Regular backups"),
    SecurityMeasure.UPDATES: N_("Timely security updates"),
    SecurityMeasure.LOGGING: N_("Logging of access to personal data"),
    SecurityMeasure.CONFIDENTIALITY: N_("Staff bound to confidentiality"),
    SecurityMeasure.TRAINING: N_("Regular staff training"),
    SecurityMeasure.PROCESSOR_AGREEMENTS: N_("Data processing agreements with processors"),
    SecurityMeasure.PHYSICAL_SECURITY: N_("Locked premises and paper records"),
    SecurityMeasure.INCIDENT_RESPONSE: N_("A procedure for data breaches"),
    SecurityMeasure.REGULAR_TESTING: N_("Regular testing of these measures"),
    SectionAnchor.CONTROLLER: N_("Who is responsible"),
    SectionAnchor.PURPOSES: N_("Data, purposes and retention"),
    SectionAnchor.SOURCES: N_("Where the data come from"),
    SectionAnchor.RECIPIENTS: N_("Recipients"),
    SectionAnchor.TRANSFERS: N_("Transfers outside the EEA"),
    SectionAnchor.COOKIES: N_("Cookies"),
    SectionAnchor.CHILDREN: N_("Children"),
    SectionAnchor.AUTOMATED_DECISIONS: N_("Automated decisions"),
    SectionAnchor.SECURITY: N_("Security"),
    SectionAnchor.RIGHTS: N_("Your rights"),
    SectionAnchor.COMPLAINTS: N_("Complaints"),
    SectionAnchor.CHANGES: N_("Changes to the policy (at the end)"),
    CookieCategory.STRICTLY_NECESSARY: N_("Strictly necessary"),
    CookieCategory.PREFERENCES: N_("Preferences"),
    CookieCategory.ANALYTICS: N_("Analytics"),
    CookieCategory.MARKETING: N_("Marketing"),
    Party.FIRST: N_("First party (ours)"),
    Party.THIRD: N_("Third party"),
    OutputFormat.DOCX: N_("Word document (DOCX), to edit further"),
    OutputFormat.PDF: N_("PDF, to publish"),
    OutputFormat.HTML: N_("Web page (HTML), for your website"),
    OutputFormat.MARKDOWN: N_("Markdown (MD), for website editors"),
}


#: Apart from ``_LABELS``: their values are strings, and ``SpecialCondition.VITAL_INTERESTS``
#: equals ``LegalBasis.VITAL_INTERESTS`` as a dict key (one would hide the other's label).
_CONDITION_LABELS: dict[Enum, str] = {
    SpecialCondition.EXPLICIT_CONSENT: N_("(a) Explicit consent"),
    SpecialCondition.EMPLOYMENT: N_("(b) Employment and social security law"),
    SpecialCondition.VITAL_INTERESTS: N_("(c) Vital interests"),
    SpecialCondition.NOT_FOR_PROFIT: N_("(d) Not-for-profit body"),
    SpecialCondition.MADE_PUBLIC: N_("(e) Made public by the person"),
    SpecialCondition.LEGAL_CLAIMS: N_("(f) Legal claims"),
    SpecialCondition.SUBSTANTIAL_PUBLIC_INTEREST: N_("(g) Substantial public interest"),
    SpecialCondition.HEALTH_CARE: N_("(h) Health care (treatment by a professional)"),
    SpecialCondition.PUBLIC_HEALTH: N_("(i) Public health"),
    SpecialCondition.RESEARCH: N_("(j) Research or statistics"),
}


#: The processor catalogue's categories (wizard.catalog.processors.CATEGORIES).
_CATALOG_CATEGORIES: dict[str, str] = {
    "analytics": N_("Website statistics"),
    "hosting": N_("Hosting"),
    "email_office": N_("E-mail and office software"),
    "payments": N_("Payments"),
    "error_monitoring": N_("Error monitoring"),
    "video": N_("Video calls"),
    "booking": N_("Appointment booking"),
    "crm_support": N_("Customer relations and support"),
    "newsletter": N_("Newsletters"),
    "forms": N_("Online forms"),
    "esignature": N_("Electronic signatures"),
    "other": N_("Other"),
}


def catalog_category_name(category: str) -> str:
    """The name of a processor-catalogue category, in the UI language."""
    return _(_CATALOG_CATEGORIES[category]) if category in _CATALOG_CATEGORIES else category


def label(value: Enum) -> str:
    """The plain-language name of a vocabulary value, in the UI language."""
    table = _CONDITION_LABELS if isinstance(value, SpecialCondition) else _LABELS
    return _(table[value])


def duration_text(amount: int, unit: TimeUnit) -> str:
    """``1 year``, ``2 years``: the amount with the unit in its singular or plural form, as the
    UI language has it (through ngettext, so "1 Jahr" and "2 Jahre", "1 an" and "2 ans")."""
    if unit is TimeUnit.DAYS:
        text = ngettext("{count} day", "{count} days", amount)
    elif unit is TimeUnit.WEEKS:
        text = ngettext("{count} week", "{count} weeks", amount)
    elif unit is TimeUnit.MONTHS:
        text = ngettext("{count} month", "{count} months", amount)
    else:
        text = ngettext("{count} year", "{count} years", amount)
    return text.format(count=amount)


def language_name(code: str) -> str:
    """The name of an output language, in the UI language."""
    return _(languages.get(code).name)


def country_name(code: str) -> str:
    """The name of a country, in the UI language (from CLDR)."""
    from babel import Locale

    return str(Locale.parse(ui_language()).territories.get(code, code))


def name_key(name: str) -> str:
    """A key that sorts names as a reader expects: Dänemark before Deutschland, Österreich
    among the O's (accents do not count, nor does case)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def countries_sorted() -> list[tuple[str, str]]:
    """``(code, name)`` for every country, sorted by name in the UI language."""
    from babel import Locale

    names = Locale.parse(ui_language()).territories
    return sorted(
        ((code, names.get(code, code)) for code in country_codes()), key=lambda t: name_key(t[1])
    )


def long_date(date: _dt.date) -> str:
    """A date in the UI language's long form ("1 December 2026", "1. Dezember 2026"); English
    in the British form the policy uses, not the American "December 1, 2026"."""
    from babel import Locale
    from babel.dates import format_date

    lang = ui_language()
    return format_date(date, "long", locale=Locale.parse(languages.get(lang).locale))
