"""What the organisation offers; each service proposes the purposes it usually involves."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from wizard import flow
from wizard.flow import PageId
from wizard.model.answers import Service
from wizard.ui.labels import label
from wizard.ui.pages.base import BasePage
from wizard.ui.tr import _, text_language


class ServicesPage(BasePage):
    """One checkbox per service. Ticking one adds its usual purposes to the next page, where
    they can be changed or removed; unticking removes them again if they were not changed."""

    page_id = PageId.SERVICES

    def explanation_text(self) -> str:
        return _(
            "Tick everything you offer. Each service uses personal data in its own way; the "
            "wizard proposes the usual purposes for it on the next page, where you can adapt them."
        )

    def build(self, body: QWidget) -> None:
        layout = QVBoxLayout(body)
        self.boxes: dict[Service, QCheckBox] = {}
        for service in Service:
            box = QCheckBox(label(service))
            box.setAccessibleName(label(service))
            box.toggled.connect(lambda checked, s=service: self._toggled(s, checked))
            layout.addWidget(box)
            self.boxes[service] = box
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(_("Purposes added or removed"))
        layout.addSpacing(8)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def load(self) -> None:
        chosen = set(self.project.services)
        for service, box in self.boxes.items():
            box.setChecked(service in chosen)
        self.status.clear()

    def _toggled(self, service: Service, checked: bool) -> None:
        if self.loading:
            return
        project = self.project
        chosen = set(project.services)
        if checked:
            chosen.add(service)
        else:
            chosen.discard(service)
        project.services = [s for s in Service if s in chosen]
        lang = text_language(list(project.publication.languages))
        if checked:
            added = flow.add_suggestions(project, service)
            names = ", ".join(flow.purpose_label(p, lang) for p in added)
            self.status.setText(
                _("Proposed on the next page: {purposes}.").format(purposes=names) if added else ""
            )
        else:
            removed = flow.remove_untouched_suggestions(project, service)
            names = ", ".join(flow.purpose_label(p, lang) for p in removed)
            self.status.setText(
                _("Removed the unchanged proposals: {purposes}.").format(purposes=names)
                if removed
                else ""
            )
        self.changed()
