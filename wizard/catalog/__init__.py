"""Reference data loaders: supervisory authorities, Art. 8 ages, processors.

The list function ``authorities()`` is deliberately not re-exported here: it would shadow the
submodule ``wizard.catalog.authorities`` (``import wizard.catalog.authorities`` and
``unittest.mock.patch("wizard.catalog.authorities...")`` would then find the function). Import it
from :mod:`wizard.catalog.authorities`.
"""

from wizard.catalog.ages import (
    DEFAULT_AGE,
    ConsentAge,
    consent_age_entry,
    consent_ages,
    digital_consent_age,
)
from wizard.catalog.authorities import (
    LANGUAGES,
    SupervisoryAuthority,
    authority,
    default_authority,
)

__all__ = [
    "DEFAULT_AGE",
    "LANGUAGES",
    "ConsentAge",
    "SupervisoryAuthority",
    "authority",
    "consent_age_entry",
    "consent_ages",
    "default_authority",
    "digital_consent_age",
]
