"""Privacy Wizard: an offline desktop wizard that writes GDPR privacy policies.

The package is layered, and data flows one way:
``model`` (the answers and the project file) <- ``catalog`` (reference data) <- ``policy``
(answers + language -> a format-neutral document) <- ``render`` (document -> DOCX/PDF/...)
<- ``ui`` (the Qt wizard) and ``cli``. Nothing below ``ui`` imports Qt.
"""

__version__ = "0.1.0"
APP_NAME = "Privacy Wizard"
