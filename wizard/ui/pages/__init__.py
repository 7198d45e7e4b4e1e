"""The wizard's pages, one ``<Topic>Page`` per module.

Deliberately empty: the welcome page is imported on its own, before the answers model, so the
window paints quickly; :meth:`wizard.ui.wizard.PolicyWizard.add_pages` imports the others.
"""
