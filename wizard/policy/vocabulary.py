"""The words for the model's vocabularies, as translation units of the ``policy`` domain.

Each entry is a whole phrase a translator can render naturally; :class:`Words` looks them up in
the translator of the document's language. ``N_`` only marks a string for extraction.
"""

from __future__ import annotations

import gettext

from wizard import languages
from wizard.model.answers import (
    CookieCategory,
    DataCategory,
    DataSubject,
    LegalBasis,
    RecipientRole,
    Requirement,
    RetentionStart,
    Safeguard,
    SecurityMeasure,
    Service,
    SpecialCondition,
    TimeUnit,
)


def N_(message: str) -> str:
    """Mark ``message`` for extraction; it is translated later, in the document's language."""
    return message


SERVICES: dict[Service, str] = {
    Service.WEBSITE: N_("our website"),
    Service.MOBILE_APP: N_("our mobile app"),
    Service.ONLINE_PLATFORM: N_("our online platform"),
    Service.APPOINTMENT_BOOKING: N_("online appointment booking"),
    Service.TELECONSULTATION: N_("video consultations"),
    Service.PATIENT_CARE: N_("the care we provide"),
    Service.ONLINE_PAYMENTS: N_("online payments"),
    Service.NEWSLETTER: N_("our newsletter"),
    Service.CONTACT_FORM: N_("our contact and support channels"),
    Service.RECRUITMENT: N_("job applications"),
}

#: The name of each category; what it holds for a purpose is the user's (``Purpose.data_details``),
#: so the name makes no claim of its own ("such as ..." lists were claims the answers did not make).
DATA_CATEGORIES: dict[DataCategory, str] = {
    DataCategory.IDENTITY: N_("Identification data"),
    DataCategory.CONTACT: N_("Contact details"),
    DataCategory.NATIONAL_ID: N_("National identification number"),
    DataCategory.INSURANCE: N_("Health insurance details"),
    DataCategory.HEALTH: N_("Data concerning health"),
    DataCategory.GENETIC: N_("Genetic data"),
    DataCategory.BIOMETRIC: N_("Biometric data"),
    DataCategory.APPOINTMENT: N_("Appointment details"),
    DataCategory.PAYMENT: N_("Payment and billing data"),
    DataCategory.ACCOUNT: N_("Account data"),
    DataCategory.COMMUNICATION: N_("Correspondence and messages"),
    DataCategory.USAGE: N_("Usage data"),
    DataCategory.DEVICE: N_("Device and connection data"),
    DataCategory.LOCATION: N_("Location data"),
    DataCategory.VIDEO_AUDIO: N_("Image and sound during video consultations"),
    DataCategory.APPLICATION: N_("Application data"),
    DataCategory.MARKETING_PREFERENCES: N_("Communication preferences"),
}

SUBJECTS: dict[DataSubject, str] = {
    DataSubject.PATIENTS: N_("patients"),
    DataSubject.CUSTOMERS: N_("customers"),
    DataSubject.WEBSITE_VISITORS: N_("website visitors"),
    DataSubject.APP_USERS: N_("app users"),
    DataSubject.SUBSCRIBERS: N_("newsletter subscribers"),
    DataSubject.APPLICANTS: N_("job applicants"),
    DataSubject.CONTACTS: N_("people who contact us"),
}

LEGAL_BASES: dict[LegalBasis, str] = {
    LegalBasis.CONSENT: N_("Consent (Article 6(1)(a) GDPR)"),
    LegalBasis.CONTRACT: N_("Performance of a contract (Article 6(1)(b) GDPR)"),
    LegalBasis.LEGAL_OBLIGATION: N_("Legal obligation (Article 6(1)(c) GDPR)"),
    LegalBasis.VITAL_INTERESTS: N_("Vital interests (Article 6(1)(d) GDPR)"),
    LegalBasis.PUBLIC_TASK: N_("Task carried out in the public interest (Article 6(1)(e) GDPR)"),
    LegalBasis.LEGITIMATE_INTERESTS: N_("Legitimate interests (Article 6(1)(f) GDPR)"),
}

SPECIAL_CONDITIONS: dict[SpecialCondition, str] = {
    SpecialCondition.EXPLICIT_CONSENT: N_("Explicit consent (Article 9(2)(a) GDPR)"),
    SpecialCondition.EMPLOYMENT: N_(
        "Obligations under employment and social security law (Article 9(2)(b) GDPR)"
    ),
    SpecialCondition.VITAL_INTERESTS: N_(
        "Vital interests where consent cannot be given (Article 9(2)(c) GDPR)"
    ),
    SpecialCondition.NOT_FOR_PROFIT: N_(
        "Activities of a not-for-profit body with members (Article 9(2)(d) GDPR)"
    ),
    SpecialCondition.MADE_PUBLIC: N_("Data you have manifestly made public (Article 9(2)(e) GDPR)"),
    SpecialCondition.LEGAL_CLAIMS: N_(
        "Establishment, exercise or defence of legal claims (Article 9(2)(f) GDPR)"
    ),
    SpecialCondition.SUBSTANTIAL_PUBLIC_INTEREST: N_(
        "Substantial public interest laid down in law (Article 9(2)(g) GDPR)"
    ),
    SpecialCondition.HEALTH_CARE: N_(
        "Medical diagnosis and the provision of health care or treatment (Article 9(2)(h) GDPR)"
    ),
    SpecialCondition.PUBLIC_HEALTH: N_(
        "Public interest in the area of public health (Article 9(2)(i) GDPR)"
    ),
    SpecialCondition.RESEARCH: N_(
        "Scientific research or statistical purposes laid down in law (Article 9(2)(j) GDPR)"
    ),
}

SPECIAL_CATEGORY_NAMES: dict[DataCategory, str] = {
    DataCategory.HEALTH: N_("data concerning health"),
    DataCategory.GENETIC: N_("genetic data"),
    DataCategory.BIOMETRIC: N_("biometric data"),
}

REQUIREMENTS: dict[Requirement, str] = {
    Requirement.STATUTORY: N_("Providing these data is a statutory requirement."),
    Requirement.CONTRACTUAL: N_("Providing these data is a contractual requirement."),
    Requirement.NEEDED_FOR_CONTRACT: N_("We need these data to enter into a contract with you."),
    Requirement.VOLUNTARY: N_("Providing these data is voluntary."),
}

# A retention period and the event it runs from, as one phrase per event.
RETENTION_FROM: dict[RetentionStart | None, str] = {
    None: N_("%(period)s"),
    RetentionStart.COLLECTION: N_("%(period)s after collection"),
    RetentionStart.LAST_CONTACT: N_("%(period)s after our last contact with you"),
    RetentionStart.END_OF_TREATMENT: N_("%(period)s after the end of the treatment"),
    RetentionStart.END_OF_CONTRACT: N_("%(period)s after the end of the contract"),
    RetentionStart.ACCOUNT_CLOSURE: N_("%(period)s after you close your account"),
    RetentionStart.END_OF_PROCEDURE: N_("%(period)s after the end of the application procedure"),
    RetentionStart.WITHDRAWAL: N_("%(period)s after you withdraw your consent or unsubscribe"),
    RetentionStart.END_OF_FISCAL_YEAR: N_("%(period)s after the end of the financial year"),
    RetentionStart.RECORD_CREATION: N_("%(period)s from the date on which each record was made"),
}

ROLES: dict[RecipientRole, str] = {
    RecipientRole.PROCESSOR: N_("Processor"),
    RecipientRole.INDEPENDENT_CONTROLLER: N_("Independent controller"),
    RecipientRole.JOINT_CONTROLLER: N_("Joint controller"),
    RecipientRole.PUBLIC_AUTHORITY: N_("Public authority"),
}

SAFEGUARDS: dict[Safeguard, str] = {
    Safeguard.ADEQUACY: N_("Adequacy decision of the European Commission (Article 45 GDPR)"),
    Safeguard.DPF: N_(
        "EU-U.S. Data Privacy Framework: adequacy decision of the European Commission of "
        "10 July 2023 (Article 45 GDPR); the company that receives the data in the United States "
        "is certified under the framework"
    ),
    Safeguard.SCC: N_(
        "Standard contractual clauses adopted by the European Commission (Article 46(2)(c) GDPR)"
    ),
    Safeguard.BCR: N_("Binding corporate rules (Article 47 GDPR)"),
    Safeguard.DEROGATION: N_("Derogation for a specific situation (Article 49 GDPR)"),
    Safeguard.PRIVACY_SHIELD: N_(
        "EU-U.S. Privacy Shield (declared invalid by the Court of Justice of the EU on 16 July 2020)"
    ),
    Safeguard.NONE: N_("No adequacy decision and no appropriate safeguards"),
}

SECURITY_MEASURES: dict[SecurityMeasure, str] = {
    SecurityMeasure.ENCRYPTION_IN_TRANSIT: N_(
        "Encryption of data in transit (such as HTTPS/TLS for our website and e-mail)"
    ),
    SecurityMeasure.ENCRYPTION_AT_REST: N_("Encryption of stored data and of devices"),
    SecurityMeasure.ACCESS_CONTROL: N_(
        "Access only for the persons who need the data for their work, with personal accounts"
    ),
    SecurityMeasure.MULTI_FACTOR: N_("Multi-factor authentication for access to personal data"),
    SecurityMeasure.PSEUDONYMISATION: N_("Pseudonymisation of data where possible"),
    SecurityMeasure.BACKUPS: N_("Regular backups, so that data can be restored after an incident"),
    SecurityMeasure.UPDATES: N_("Timely security updates of software and devices"),
    SecurityMeasure.LOGGING: N_("Logging of access to personal data"),
    SecurityMeasure.CONFIDENTIALITY: N_(
        "Confidentiality obligations for everyone who has access to personal data"
    ),
    SecurityMeasure.TRAINING: N_("Regular data protection and security training of our staff"),
    SecurityMeasure.PROCESSOR_AGREEMENTS: N_(
        "Data processing agreements with our processors (Article 28 GDPR)"
    ),
    SecurityMeasure.PHYSICAL_SECURITY: N_("Physical protection of our premises and paper records"),
    SecurityMeasure.INCIDENT_RESPONSE: N_(
        "A procedure for handling personal data breaches (Articles 33 and 34 GDPR)"
    ),
    SecurityMeasure.REGULAR_TESTING: N_(
        "Regular testing and evaluation of the effectiveness of these measures"
    ),
}

COOKIE_CATEGORIES: dict[CookieCategory, str] = {
    CookieCategory.STRICTLY_NECESSARY: N_("Strictly necessary"),
    CookieCategory.PREFERENCES: N_("Preferences"),
    CookieCategory.ANALYTICS: N_("Statistics"),
    CookieCategory.MARKETING: N_("Marketing"),
}


class Words:
    """The vocabulary in one language."""

    def __init__(self, translator: gettext.NullTranslations, lang: str = "en") -> None:
        self._t = translator
        self._lang = lang

    def _(self, message: str) -> str:
        return self._t.gettext(message)

    def duration(self, amount: int, unit: TimeUnit) -> str:
        """``18 months``, with the plural form the language needs."""
        # Called as ``self._t.ngettext`` so that pybabel extracts both forms.
        if unit is TimeUnit.DAYS:
            text = self._t.ngettext("%(num)d day", "%(num)d days", amount)
        elif unit is TimeUnit.WEEKS:
            text = self._t.ngettext("%(num)d week", "%(num)d weeks", amount)
        elif unit is TimeUnit.MONTHS:
            text = self._t.ngettext("%(num)d month", "%(num)d months", amount)
        else:
            text = self._t.ngettext("%(num)d year", "%(num)d years", amount)
        return text % {"num": amount}

    def service(self, value: Service) -> str:
        return self._(SERVICES[value])

    def data_category(self, value: DataCategory) -> str:
        return self._(DATA_CATEGORIES[value])

    def subject(self, value: DataSubject) -> str:
        return self._(SUBJECTS[value])

    def legal_basis(self, value: LegalBasis) -> str:
        return self._(LEGAL_BASES[value])

    def special_condition(self, value: SpecialCondition) -> str:
        """The Art. 9(2) condition as it reads after a colon ("For data concerning health:
        medical diagnosis ..."): English, Dutch and French start it in lower case (German keeps
        the catalogue's capitals, which its nouns need)."""
        text = self._(SPECIAL_CONDITIONS[value])
        if not languages.get(self._lang).capitalised_nouns and text[:1].isupper() and not text[1:2].isupper():
            text = text[0].lower() + text[1:]
        return text

    def special_category(self, value: DataCategory) -> str:
        return self._(SPECIAL_CATEGORY_NAMES[value])

    def requirement(self, value: Requirement) -> str:
        return self._(REQUIREMENTS[value])

    def retention(self, amount: int, unit: TimeUnit, start: RetentionStart | None) -> str:
        return self._(RETENTION_FROM[start]) % {"period": self.duration(amount, unit)}

    def role(self, value: RecipientRole) -> str:
        return self._(ROLES[value])

    def safeguard(self, value: Safeguard) -> str:
        return self._(SAFEGUARDS[value])

    def security_measure(self, value: SecurityMeasure) -> str:
        return self._(SECURITY_MEASURES[value])

    def cookie_category(self, value: CookieCategory) -> str:
        return self._(COOKIE_CATEGORIES[value])
