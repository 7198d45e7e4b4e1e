"""The list of files a generation run wrote, with buttons that open a file or its folder in
the desktop's own applications (the Output page shows it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from wizard.ui.tr import _


class WrittenFiles(QWidget):
    """The files written, the latest selected; Open file and Open folder act on the selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Generated files"))
        # As tall as the page leaves room for, at least four lines: its own size hint would push
        # the Open buttons below the fold.
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.list.setMinimumHeight(self.list.fontMetrics().lineSpacing() * 4 + 8)
        label = QLabel(_("Files w&ritten:"))
        label.setBuddy(self.list)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.open_file_button = QPushButton(_("Open f&ile"))
        self.open_folder_button = QPushButton(_("Open fol&der"))
        for button in (self.open_file_button, self.open_folder_button):
            button.setAccessibleName(button.text().replace("&", ""))
            button.setEnabled(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.list.itemActivated.connect(lambda _item: self.open_file())
        self.list.currentItemChanged.connect(self._update_buttons)
        self.open_file_button.clicked.connect(self.open_file)
        self.open_folder_button.clicked.connect(self.open_folder)

    def clear(self) -> None:
        self.list.clear()

    def add(self, path: str) -> None:
        """Add a file written and select it."""
        item = QListWidgetItem(path)
        item.setData(Qt.ItemDataRole.UserRole, path)
        self.list.addItem(item)
        self.list.setCurrentItem(item)

    def _update_buttons(self, *_args: object) -> None:
        has = self.list.currentItem() is not None
        self.open_file_button.setEnabled(has)
        self.open_folder_button.setEnabled(has)

    def open_file(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(item.data(Qt.ItemDataRole.UserRole)))

    def open_folder(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            folder = Path(item.data(Qt.ItemDataRole.UserRole)).parent
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
