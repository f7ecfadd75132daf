"""The dark theme: a Fusion palette plus one style sheet, and the few colours widgets paint with."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

BG = "#1e2026"
BG_ALT = "#25282f"
PANEL = "#2b2f37"
RAISED = "#343943"
BORDER = "#3d424d"
TEXT = "#e6e8eb"
TEXT_DIM = "#9aa1ad"
ACCENT = "#4c8dff"
ACCENT_DIM = "#36629f"
WARN = "#e0a030"
ERROR = "#e5534b"
OK = "#3fb950"
# The keyboard focus: a light, saturated outline that reads on every surface of the dark theme
# (contrast over 7:1 against BG and PANEL).
FOCUS = "#9cc3ff"

SPACING = 8

STATUS_COLOURS = {"live": OK, "paused": WARN, "retired": ERROR}

STYLE_SHEET = f"""
QWidget {{ color: {TEXT}; }}
QMainWindow, QDialog {{ background: {BG}; }}
QMainWindow::separator {{ background: {BORDER}; width: 1px; height: 1px; }}
QDockWidget {{ titlebar-close-icon: none; font-weight: 600; }}
QDockWidget::title {{
    background: {BG_ALT}; padding: 6px 10px; border-bottom: 1px solid {BORDER};
    text-align: left;
}}
QToolBar {{ background: {BG_ALT}; border: none; border-bottom: 1px solid {BORDER}; padding: 4px; spacing: 4px; }}
QToolBar QToolButton {{ padding: 5px 10px; border-radius: 4px; }}
QToolBar QToolButton:hover {{ background: {RAISED}; }}
QToolBar QToolButton:checked {{ background: {ACCENT_DIM}; }}
QToolBar QToolButton:disabled {{ color: {TEXT_DIM}; }}
QMenuBar {{ background: {BG_ALT}; }}
QMenuBar::item {{ padding: 5px 10px; background: transparent; }}
QMenuBar::item:selected {{ background: {RAISED}; }}
QMenu {{ background: {PANEL}; border: 1px solid {BORDER}; padding: 4px; }}
QMenu::item {{ padding: 5px 24px 5px 20px; border-radius: 3px; }}
QMenu::item:selected {{ background: {ACCENT_DIM}; }}
QMenu::item:disabled {{ color: {TEXT_DIM}; }}
QMenu::separator {{ height: 1px; background: {BORDER}; margin: 4px 6px; }}
QStatusBar {{ background: {BG_ALT}; border-top: 1px solid {BORDER}; }}
QStatusBar QLabel {{ padding: 0 8px; }}

QLineEdit, QPlainTextEdit, QTextEdit, QSpinBox, QDoubleSpinBox, QComboBox {{
    background: {PANEL}; border: 1px solid {BORDER}; border-radius: 4px; padding: 4px 6px;
    selection-background-color: {ACCENT_DIM};
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QSpinBox:focus, QDoubleSpinBox:focus, QComboBox:focus {{
    border-color: {ACCENT};
}}
QLineEdit:disabled, QSpinBox:disabled, QDoubleSpinBox:disabled, QComboBox:disabled {{ color: {TEXT_DIM}; background: {BG_ALT}; }}
QComboBox {{ min-height: 20px; padding-right: 20px; }}
QComboBox QAbstractItemView {{ background: {PANEL}; border: 1px solid {BORDER}; selection-background-color: {ACCENT_DIM}; }}
QPushButton {{
    background: {RAISED}; border: 1px solid {BORDER}; border-radius: 4px; padding: 5px 14px; min-height: 20px;
}}
QPushButton:hover {{ background: #3d4350; }}
QPushButton:pressed {{ background: {BORDER}; }}
QPushButton:disabled {{ color: {TEXT_DIM}; background: {BG_ALT}; }}
QPushButton#primary {{ background: {ACCENT}; border-color: {ACCENT}; color: white; font-weight: 600; }}
QPushButton#primary:hover {{ background: #5d9aff; }}
QPushButton#primary:disabled {{ background: {ACCENT_DIM}; color: #c8d3e6; }}
QCheckBox {{ spacing: 6px; }}
QGroupBox {{ border: 1px solid {BORDER}; border-radius: 6px; margin-top: 14px; padding: 10px 8px 8px 8px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; color: {TEXT_DIM}; }}
QListView, QTreeView, QTableView, QListWidget {{
    background: {PANEL}; border: 1px solid {BORDER}; border-radius: 4px; alternate-background-color: {BG_ALT};
}}
QListView::item, QListWidget::item {{ padding: 6px; }}
QTableView::item {{ padding: 0px 6px; }}
QListView::item:selected, QListWidget::item:selected, QTreeView::item:selected {{ background: {ACCENT_DIM}; }}
QHeaderView::section {{ background: {BG_ALT}; border: none; border-right: 1px solid {BORDER}; padding: 4px 6px; }}
QScrollBar:horizontal {{ height: 10px; background: transparent; }}
QScrollBar:vertical {{ width: 10px; background: transparent; }}
QScrollBar::handle {{ background: {BORDER}; border-radius: 4px; min-width: 24px; min-height: 24px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
QToolTip {{ background: {PANEL}; color: {TEXT}; border: 1px solid {BORDER}; padding: 4px; }}
QProgressBar {{ background: {PANEL}; border: 1px solid {BORDER}; border-radius: 4px; text-align: center; }}
QProgressBar::chunk {{ background: {ACCENT}; border-radius: 3px; }}
QLabel#dim, QLabel[role="dim"] {{ color: {TEXT_DIM}; }}
QLabel#warning {{ color: {WARN}; }}
QLabel#error {{ color: {ERROR}; }}
QLabel#counterOver {{ color: {ERROR}; font-weight: 600; }}
QLabel#cost {{ font-weight: 600; }}
QFrame#dropZone {{ background: {BG_ALT}; border: 1px dashed {BORDER}; border-radius: 6px; }}
QFrame#dropZone[hover="true"] {{ border-color: {ACCENT}; background: #22304a; }}
QTabWidget::pane {{ border: 1px solid {BORDER}; }}
QTabBar::tab {{ background: {BG_ALT}; padding: 6px 12px; border: 1px solid {BORDER}; border-bottom: none; }}
QTabBar::tab:selected {{ background: {PANEL}; }}

/* The keyboard focus is always visible: an outline in FOCUS on whatever has it. */
QPushButton:focus, QToolButton:focus {{ border: 2px solid {FOCUS}; }}
QPushButton:focus {{ padding: 4px 13px; }}
QToolBar QToolButton:focus {{ border: 2px solid {FOCUS}; padding: 3px 8px; }}
QCheckBox:focus, QRadioButton:focus {{ border: 1px solid {FOCUS}; border-radius: 3px; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QSpinBox:focus, QDoubleSpinBox:focus, QComboBox:focus {{
    border: 2px solid {FOCUS}; padding: 3px 5px;
}}
QListView:focus, QTreeView:focus, QTableView:focus, QListWidget:focus, QScrollArea:focus {{ border: 2px solid {FOCUS}; }}
QSlider:focus {{ border: 1px solid {FOCUS}; border-radius: 3px; }}
QTabBar::tab:focus {{ border: 2px solid {FOCUS}; }}
"""


def dark_palette() -> QPalette:
    pal = QPalette()
    colours = {
        QPalette.Window: BG,
        QPalette.WindowText: TEXT,
        QPalette.Base: PANEL,
        QPalette.AlternateBase: BG_ALT,
        QPalette.ToolTipBase: PANEL,
        QPalette.ToolTipText: TEXT,
        QPalette.Text: TEXT,
        QPalette.Button: RAISED,
        QPalette.ButtonText: TEXT,
        QPalette.BrightText: "#ffffff",
        QPalette.Highlight: ACCENT_DIM,
        QPalette.HighlightedText: "#ffffff",
        QPalette.Link: ACCENT,
        QPalette.PlaceholderText: TEXT_DIM,
    }
    for role, colour in colours.items():
        pal.setColor(role, QColor(colour))
    for role in (QPalette.Text, QPalette.WindowText, QPalette.ButtonText):
        pal.setColor(QPalette.Disabled, role, QColor(TEXT_DIM))
    return pal


def apply_theme(app: QApplication) -> None:
    """Fusion + the dark palette + the style sheet, and a readable UI font size."""
    app.setStyle("Fusion")
    app.setPalette(dark_palette())
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    font.setHintingPreference(QFont.PreferNoHinting)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
