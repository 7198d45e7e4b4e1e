"""International transfers: the safeguard for each recipient outside the EU/EEA."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from wizard import flow
from wizard.flow import PageId
from wizard.model.answers import Safeguard
from wizard.ui.labels import country_name, label
from wizard.ui.pages.base import BasePage
from wizard.ui.tr import _
from wizard.ui.widgets import FieldError

#: The safeguards offered for a new choice (the Privacy Shield only shows when a file has it).
OFFERED = (Safeguard.ADEQUACY, Safeguard.DPF, Safeguard.SCC, Safeguard.BCR, Safeguard.DEROGATION)


class TransfersPage(BasePage):
    """One safeguard per recipient outside the EU/EEA; shown only when there is one."""

    page_id = PageId.TRANSFERS

    def explanation_text(self) -> str:
        return _(
            "Some recipients process data outside the EU/EEA. The law allows this only with a "
            "safeguard, and the policy must name it. Your contract with the recipient or its "
            "privacy page says which one applies; for US companies it is usually the Data "
            "Privacy Framework or standard contractual clauses."
        ) + " " + _(flow.NOT_SURE["transfers"])

    def build(self, body: QWidget) -> None:
        self._layout = QVBoxLayout(body)
        self._grid_host: QWidget | None = None
        self.combos: dict[int, QComboBox] = {}
        self.fallbacks: dict[int, QComboBox] = {}
        self.errors: dict[int, FieldError] = {}

    def load(self) -> None:
        if self._grid_host is not None:
            self._layout.removeWidget(self._grid_host)
            self._grid_host.hide()
            self._grid_host.deleteLater()
        self._grid_host = QWidget()
        grid = QGridLayout(self._grid_host)
        grid.setColumnStretch(1, 1)
        self.combos.clear()
        self.fallbacks.clear()
        self.errors.clear()
        row = 0
        for index, recipient in enumerate(self.project.recipients):
            if not recipient.outside_eea:
                continue
            name = QLabel(
                _("{recipient} ({country}):").format(
                    recipient=flow.recipient_label(recipient),
                    country=country_name(recipient.country),
                )
            )
            name.setWordWrap(True)
            combo = QComboBox()
            combo.addItem(_("(choose the safeguard)"), None)
            offered = list(OFFERED)
            if recipient.safeguard is not None and recipient.safeguard not in offered:
                offered.append(recipient.safeguard)
            for safeguard in offered:
                combo.addItem(label(safeguard), safeguard)
            combo.setCurrentIndex(max(0, combo.findData(recipient.safeguard)))
            combo.setAccessibleName(
                _("Safeguard for {recipient}").format(recipient=flow.recipient_label(recipient))
            )
            name.setBuddy(combo)
            combo.currentIndexChanged.connect(lambda _i, n=index: self._chosen(n))
            fallback = QComboBox()
            fallback.addItem(_("(no further safeguard)"), None)
            for safeguard in OFFERED:
                fallback.addItem(label(safeguard), safeguard)
            current = recipient.fallback_safeguards[0] if recipient.fallback_safeguards else None
            fallback.setCurrentIndex(max(0, fallback.findData(current)))
            fallback.setAccessibleName(
                _("Further safeguard for {recipient}").format(
                    recipient=flow.recipient_label(recipient)
                )
            )
            fallback.setToolTip(
                _("A safeguard that also covers the transfer, e.g. standard contractual "
                  "clauses should the recipient's Data Privacy Framework certification end")
            )
            fallback_label = QLabel(_("If that ends, also covered by:"))
            fallback_label.setBuddy(fallback)
            fallback.currentIndexChanged.connect(lambda _i, n=index: self._fallback_chosen(n))
            error = FieldError()
            grid.addWidget(name, row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(fallback_label, row + 1, 0)
            grid.addWidget(fallback, row + 1, 1)
            grid.addWidget(error, row + 2, 1)
            self.combos[index] = combo
            self.fallbacks[index] = fallback
            self.errors[index] = error
            row += 3
        self._layout.insertWidget(0, self._grid_host)
        self._grid_host.show()
        if self._layout.count() == 1:
            self._layout.addStretch(1)
        self._show_errors()

    def _show_errors(self) -> None:
        for index, error in self.errors.items():
            recipient = self.project.recipients[index]
            problem = flow.transfer_problem(recipient.country, recipient.safeguard)
            if problem is None:
                problem = next(
                    (
                        found
                        for f in recipient.fallback_safeguards
                        if (found := flow.fallback_problem(recipient.country, f))
                    ),
                    None,
                )
            error.show_message(_(problem) if problem else None)

    def _chosen(self, index: int) -> None:
        if self.loading:
            return
        self.project.recipients[index].safeguard = self.combos[index].currentData()
        self._show_errors()
        self.changed()

    def _fallback_chosen(self, index: int) -> None:
        if self.loading:
            return
        chosen = self.fallbacks[index].currentData()
        recipient = self.project.recipients[index]
        rest = [f for f in recipient.fallback_safeguards[1:] if f != chosen]
        recipient.fallback_safeguards = ([chosen] if chosen is not None else []) + rest
        self._show_errors()
        self.changed()
