"""Keyboard and screen-reader access: every control is named (and described where its name
is not enough), every command has a key or a menu, the focus is visible, Help lists the keys
the window really has, and job states are never told by colour alone."""

from __future__ import annotations

import dataclasses

import pytest
from a11y_checks import _new_dialogs, accessible_name, shown_controls, undescribed_controls, unnamed_controls


def _dialogs(window):
    from studio.ui.export import ExportDialog
    from studio.ui.settings import SettingsDialog
    from studio.ui.shortcuts import ShortcutsDialog
    from studio.ui.storyboard.story_split import StorySplitDialog

    return [
        SettingsDialog(window.services, window),
        ExportDialog(window.services, window.project, window.folder, window),
        StorySplitDialog(window.services, window),
        ShortcutsDialog(window),
        *_new_dialogs(window),
    ]


def _pages(dialog):
    """The dialog once per tab page, so hidden tabs are walked too."""
    tabs = getattr(dialog, "tabs", None)
    if tabs is None:
        yield dialog
        return
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        yield dialog


@pytest.fixture
def busy_window(window, qtbot):
    """The sample project with a shot selected, so the inspector and editor are filled in."""
    window.storyboard.select(window.project.shots[1].id)
    qtbot.waitUntil(lambda: window.editor.shot() is not None, timeout=5000)
    return window


def test_every_control_in_the_window_has_a_name_and_needed_description(busy_window):
    assert not unnamed_controls(busy_window), "controls without an accessible name:\n" + "\n".join(unnamed_controls(busy_window))
    missing = undescribed_controls(busy_window)
    assert not missing, "controls without an accessible description:\n" + "\n".join(missing)


def test_the_walk_covers_the_timeline_and_the_panels(busy_window):
    from studio.ui.storyboard.timeline import TimelineCanvas

    controls = shown_controls(busy_window)
    canvas = busy_window.storyboard.canvas
    assert any(isinstance(w, TimelineCanvas) for w in controls)
    assert accessible_name(canvas) and canvas.accessibleDescription()
    names = {accessible_name(w) for w in controls}
    assert {"Prompt", "Model", "Take", "Continuity", "Jobs", "Play", "Position", "Timeline zoom"} <= names


def test_every_control_in_every_dialog_has_a_name_and_needed_description(window, qtbot):
    problems = []
    for dialog in _dialogs(window):
        qtbot.addWidget(dialog)
        dialog.show()
        for page in _pages(dialog):
            problems += [f"{type(dialog).__name__}: unnamed {c}" for c in unnamed_controls(page)]
            problems += [f"{type(dialog).__name__}: undescribed {c}" for c in undescribed_controls(page)]
        dialog.close()
    assert not problems, "\n".join(dict.fromkeys(problems))


def test_the_checks_catch_an_unnamed_icon_button_and_a_bare_combo_box(qtbot):
    from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QToolButton, QWidget

    panel = QWidget()
    qtbot.addWidget(panel)
    row = QHBoxLayout(panel)
    icon_only = QToolButton()
    combo = QComboBox()
    combo.addItems(["16:9", "9:16"])
    row.addWidget(icon_only)
    row.addWidget(combo)
    row.addWidget(QPushButton("Save"))  # named by its text
    panel.show()
    assert len(unnamed_controls(panel)) == 2
    icon_only.setAccessibleName("Mute")
    combo.setAccessibleName("Aspect")
    assert unnamed_controls(panel) == []
    assert len(undescribed_controls(panel)) == 2  # an icon and a combo box say too little alone


def test_the_timeline_tells_which_shot_is_selected(busy_window, qtbot):
    from PySide6.QtCore import Qt

    canvas = busy_window.storyboard.canvas
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    first = canvas.accessibleDescription()
    assert first.startswith("Shot 1 of 3")
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.accessibleDescription().startswith("Shot 2 of 3") and canvas.accessibleDescription() != first


# -- keyboard -------------------------------------------------------------------------------


def test_every_menu_and_toolbar_command_is_reachable_by_keyboard(window):
    """Each menu opens with Alt and a letter; each toolbar command is in a menu too, where the
    arrows reach it; the commands used most have a shortcut of their own."""
    titles = [a.text() for a in window.menuBar().actions()]
    assert all("&" in t for t in titles), titles
    in_menus = {a for m in window.menuBar().actions() for a in m.menu().actions()}
    for action in window.toolbar.actions():
        assert action.isSeparator() or action in in_menus, f"{action.text()!r} is only on the toolbar"
    for action in (window.act_save, window.act_generate, window.act_generate_all, window.act_export,
                   window.act_preview_cut, window.act_add_shot, window.act_undo, window.act_shortcuts):  # fmt: skip
        assert not action.shortcut().isEmpty(), action.text()


def test_every_control_takes_the_keyboard_focus(busy_window):
    """Tab reaches every enabled control (nothing is mouse-only)."""
    from PySide6.QtCore import Qt

    mouse_only = [f"{type(w).__name__} {accessible_name(w)!r} in {type(w.parent()).__name__}" for w in shown_controls(busy_window)
                  if w.isEnabled() and not w.focusPolicy() & Qt.FocusPolicy.TabFocus and not _mouse_shortcut_for_a_menu_command(w)]  # fmt: skip
    assert not mouse_only, mouse_only


def _mouse_shortcut_for_a_menu_command(widget) -> bool:
    """A toolbar button, or a dock's own close and float buttons: View toggles every panel
    (and Alt+1..5 shows one), and floating a panel is a mouse gesture by nature."""
    from PySide6.QtWidgets import QDockWidget

    from PySide6.QtWidgets import QToolBar

    if isinstance(widget.parent(), QToolBar):
        return True  # the toolbar repeats menu commands (see the test above) and takes no focus
    return isinstance(widget.parent(), QDockWidget) and widget.objectName().startswith("qt_dockwidget_")


def test_alt_number_puts_the_focus_in_a_panel(window, qtbot):
    from PySide6.QtGui import QKeySequence

    storyboard = next(a for a in window.panel_actions if a.shortcut() == QKeySequence("Alt+2"))
    window.activateWindow()
    storyboard.trigger()
    qtbot.waitUntil(lambda: window.storyboard.canvas.hasFocus() or not window.isActiveWindow(), timeout=2000)
    assert window.focusWidget() is window.storyboard.canvas


def test_help_lists_the_shortcuts_the_window_really_has(window):
    from PySide6.QtGui import QAction, QKeySequence

    from studio.ui.shortcuts import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    rows = {(r.keys, r.what) for r in dialog.rows}
    keys = {r.keys for r in dialog.rows}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            assert sequence.toString(QKeySequence.SequenceFormat.NativeText) in " / ".join(keys), action.text()
    native = QKeySequence("Alt+Left").toString(QKeySequence.SequenceFormat.NativeText)
    assert (native, "Move the shot left") in rows  # declared by the timeline
    assert any(what == "Play or pause" for _k, what in rows)  # the preview's own shortcut
    assert dialog.table.rowCount() == len(dialog.rows) >= 20
    dialog.deleteLater()


# -- focus and colour -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["QPushButton", "QCheckBox", "QComboBox", "QLineEdit", "QListWidget"])
def test_the_keyboard_focus_is_drawn(qtbot, kind):
    from PySide6 import QtWidgets
    from PySide6.QtCore import Qt

    from studio.ui import style

    holder = QtWidgets.QWidget()
    holder.setStyleSheet(style.STYLE_SHEET)
    qtbot.addWidget(holder)
    layout = QtWidgets.QHBoxLayout(holder)
    other = QtWidgets.QPushButton("Other")
    widget = getattr(QtWidgets, kind)()
    if hasattr(widget, "setText"):
        widget.setText("Focus me")
    layout.addWidget(other)
    layout.addWidget(widget)
    holder.show()
    qtbot.waitExposed(holder)
    other.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(other.hasFocus, timeout=2000)
    unfocused = widget.grab().toImage()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=2000)
    focused = widget.grab().toImage()
    assert _focus_pixels(unfocused) == 0
    assert _focus_pixels(focused) >= 20, f"{kind} shows no focus outline"


def _focus_pixels(image) -> int:
    """How many pixels are drawn in the theme's focus colour."""
    from PySide6.QtGui import QColor

    from studio.ui import style

    target = QColor(style.FOCUS)
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if abs(c.red() - target.red()) + abs(c.green() - target.green()) + abs(c.blue() - target.blue()) < 24:
                count += 1
    return count


def test_job_states_have_a_word_and_a_mark_not_only_a_colour(qtbot):
    from PySide6.QtCore import Qt

    from studio.core.jobs import Job, JobState
    from studio.ui.jobs.model import COL_STATE, STATE_MARKS, JobTableModel

    model = JobTableModel()
    job = Job.new("animatic:kenburns", {"prompt": "A boat"})
    marks = set()
    for state in JobState:
        model.upsert(dataclasses.replace(job, state=state))
        index = model.index(0, COL_STATE)
        assert index.data(Qt.ItemDataRole.DisplayRole), state
        assert not index.data(Qt.ItemDataRole.DecorationRole).isNull(), state
        marks.add(STATE_MARKS[state])
    assert len(marks) == len(JobState)  # each state its own shape
