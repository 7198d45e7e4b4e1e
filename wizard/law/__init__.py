"""The GDPR knowledge in one place, without Qt.

* :mod:`wizard.law.applicability` -- when a right, a section or a rule applies (consent used,
  objection and portability, the Art. 8 age with its fallback, transfers, the controller's place).
* :mod:`wizard.law.elements` -- the Art. 13/14 element schedule as data, and how each language's
  version of the GDPR cites an article.
* :mod:`wizard.law.checks` -- the legal checks the review adds to the wizard's own questions,
  each a registered object with a stable code, page, field, severity and article.
* :mod:`wizard.law.gate` -- what keeps a policy from being published (the must-fix findings).

The policy engine's view, the review and the history ask these modules instead of deciding the
same thing each on its own. Submodules are imported on demand, so the model and the flow can use
:mod:`~wizard.law.applicability` without loading the review.
"""
