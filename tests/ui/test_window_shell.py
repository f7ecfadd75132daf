"""The studio window before its services: shown at once with its docks in place and its commands
greyed out, then given its services and panels without anything on screen moving."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import QSettings, Qt

from conftest import AnsweringPrompter

pytestmark = pytest.mark.ui

DOCKS = ("editor_dock", "storyboard_dock", "preview_dock", "jobs_dock", "history_dock")


def _shell(qtbot, ini, prompter=None):
    from studio.ui.main_window import MainWindow

    window = MainWindow(qsettings=QSettings(str(ini), QSettings.IniFormat), prompter=prompter, autosave_ms=3_600_000)
    qtbot.addWidget(window)
    window.resize(1400, 900)  # the offscreen screen is smaller than a saved studio window
    window.show()
    qtbot.waitExposed(window)
    return window


def _waiting_commands(window):
    return [window.act_new, window.act_open, window.act_save, window.act_save_as, window.act_export,
            window.act_export_now, window.act_export_timeline, window.act_settings, window.act_add_shot,
            window.act_duplicate, window.act_delete, window.act_generate, window.act_generate_all,
            window.act_preview_cut, window.act_spend, window.act_data]  # fmt: skip


def _places(window):
    return {name: getattr(window, name).geometry() for name in DOCKS if name != "history_dock"}


def test_the_window_without_services_shows_its_docks_and_waits_with_its_commands_greyed(qtbot, tmp_path):
    window = _shell(qtbot, tmp_path / "ui.ini")
    assert window.services is None and window.controller is None and window.project is None
    assert not window.is_ready()
    assert window.windowTitle() == "Studio"
    for name in DOCKS:
        dock = getattr(window, name)
        assert dock.widget().accessibleName() == "Loading…"
    assert all(getattr(window, name).isVisible() for name in ("editor_dock", "storyboard_dock", "preview_dock", "jobs_dock"))
    assert all(not action.isEnabled() for action in _waiting_commands(window))
    assert not window.recent_menu.isEnabled()
    for action in _waiting_commands(window):
        action.trigger()  # a shortcut or a click that gets through does nothing
    # What needs no services works: the panels' keys, the View menu, the layout, Quit.
    window.panel_actions[1].trigger()
    window.history_dock.toggleViewAction().trigger()
    window.reset_layout()
    assert window.wait_painted()
    window.close()
    assert not window.isVisible()
    assert QSettings(str(tmp_path / "ui.ini"), QSettings.IniFormat).value("window/state") is not None


def test_attaching_the_services_fills_the_docks_where_they_stand(services, qtbot, tmp_path):
    from studio.ui.main_window import MainWindow

    ini = tmp_path / "ui.ini"
    # A layout the person arranged with the full window, saved when it closed.
    full = MainWindow(services, qsettings=QSettings(str(ini), QSettings.IniFormat), prompter=AnsweringPrompter())
    qtbot.addWidget(full)
    full.resize(1400, 900)
    full.show()
    qtbot.waitExposed(full)
    full.resizeDocks([full.editor_dock], [520], Qt.Horizontal)
    full.save_layout()
    full.controller.shutdown()
    full.close()
    prompter = AnsweringPrompter()
    window = _shell(qtbot, ini, prompter)
    before = _places(window)
    filled = []
    window.docks_filled.connect(lambda: filled.append(True))
    window.attach_services(services)
    window.fill_docks_later()
    assert window.editor is None  # the panels come on the next turns of the event loop, not here
    qtbot.waitUntil(lambda: bool(filled), timeout=20_000)
    assert window.is_ready()
    assert window.editor_dock.widget() is window.editor and window.storyboard_dock.widget() is window.storyboard
    assert window.preview_dock.widget() is window.preview and window.jobs_dock.widget() is window.jobs
    assert window.history_dock.widget() is window.history
    qtbot.wait(50)
    after = _places(window)
    for name in before:  # nothing on screen moved when the panels came in
        b, a = before[name], after[name]
        assert abs(a.x() - b.x()) <= 2 and abs(a.y() - b.y()) <= 2, (name, b, a)
        assert abs(a.width() - b.width()) <= 2 and abs(a.height() - b.height()) <= 2, (name, b, a)
    assert window.act_new.isEnabled() and window.act_open.isEnabled() and window.act_settings.isEnabled()
    assert not window.act_generate_all.isEnabled()  # no project yet
    assert window.controller.open_or_create_sample()
    assert window.act_generate_all.isEnabled() and window.act_generate.isEnabled()
    assert window.editor.shot_id == window.project.shots[0].id
    assert "Sample" in window.windowTitle()
    window.controller.shutdown()
    window.close()


def test_closing_the_window_before_its_services_are_ready_ends_the_start_cleanly(qtbot, tmp_path, run):
    """The person closes the window while the services are still being built: the start stops,
    the services built meanwhile are closed again, and no project is created."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from studio.app import run_window

    home = tmp_path / "home"
    window = _shell(qtbot, tmp_path / "ui.ini")
    QTimer.singleShot(0, window.close)
    args = argparse.Namespace(home=str(home), project=None)
    assert run(run_window(QApplication.instance(), args, window), timeout=60) == 0
    assert not list((home / "projects").glob("*/project.json"))


def test_closing_the_window_while_its_panels_are_built_stops_the_filling_and_closes_the_services(qtbot, tmp_path, run):
    """Closed between attach_services and the last panel: no further panel is built, the
    services are closed again (their runner thread ends) and no project is opened."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from studio.app import run_window

    home = tmp_path / "home"
    window = _shell(qtbot, tmp_path / "ui.ini")
    attached = []
    attach = window.attach_services

    def attach_then_close(services):
        attach(services)
        attached.append(services)
        QTimer.singleShot(0, window.close)  # before the panels' turns end

    window.attach_services = attach_then_close
    args = argparse.Namespace(home=str(home), project=None)
    assert run(run_window(QApplication.instance(), args, window), timeout=60) == 0
    assert attached and attached[0].runner_thread is None  # closed by run_window
    assert window.history is None and not window.is_ready()  # the filling stopped
    assert not window.isVisible()
    assert not list((home / "projects").glob("*/project.json"))


def test_a_panel_that_cannot_be_built_ends_the_start_with_a_message_instead_of_loading_forever(
    qtbot, tmp_path, run, monkeypatch
):
    from PySide6.QtWidgets import QApplication, QMessageBox

    from studio.app import run_window
    from studio.ui import history

    def broken(self, *args, **kwargs):
        raise RuntimeError("the history pane broke")

    monkeypatch.setattr(history.HistoryPane, "__init__", broken)
    told = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a, **k: told.append((parent, title, text)))
    home = tmp_path / "home"
    window = _shell(qtbot, tmp_path / "ui.ini")
    args = argparse.Namespace(home=str(home), project=None)
    assert run(run_window(QApplication.instance(), args, window), timeout=60) == 1
    assert len(told) == 1
    parent, title, text = told[0]
    assert parent is window and title == "Studio cannot start" and "the history pane broke" in text
    assert not window.isVisible()
    assert not list((home / "projects").glob("*/project.json"))


def test_the_toolbar_shows_its_waiting_commands_greyed_out(qloop, qtbot, tmp_path):  # qloop: the theme
    """The theme colours every text itself (QWidget { color }), so a disabled tool button kept
    the bright text of a live one: the toolbar looked ready while its commands waited."""
    from PySide6.QtGui import QColor

    window = _shell(qtbot, tmp_path / "ui.ini")

    def brightest_text(action):
        image = window.toolbar.widgetForAction(action).grab().toImage()
        return max(QColor(image.pixel(x, y)).lightness() for x in range(image.width()) for y in range(image.height()))

    waiting = brightest_text(window.act_new)
    window.act_new.setEnabled(True)
    live = brightest_text(window.act_new)
    assert live - waiting >= 40, (waiting, live)


def test_a_go_to_panel_key_pressed_while_the_panels_load_puts_the_focus_in_that_panel_when_it_comes(services, qtbot, tmp_path):
    window = _shell(qtbot, tmp_path / "ui.ini", AnsweringPrompter())
    window.activateWindow()
    window.panel_actions[0].trigger()  # Alt+1: the prompt editor, still a placeholder
    window.attach_services(services)
    window.fill_docks_now()
    focused = window.focusWidget()
    assert focused is not None and window.editor.isAncestorOf(focused), focused
    window.controller.shutdown()
    window.close()


def test_the_storyboard_asked_for_while_the_panels_load_gets_the_focus_with_its_timeline(services, qtbot, tmp_path):
    window = _shell(qtbot, tmp_path / "ui.ini", AnsweringPrompter())
    window.activateWindow()
    window.panel_actions[1].trigger()  # Alt+2: the storyboard, still a placeholder
    window.attach_services(services)
    window.fill_docks_now()  # ready, but the timeline comes with the project
    assert window.controller.open_or_create_sample()
    assert window.focusWidget() is window.storyboard.canvas
    window.controller.shutdown()
    window.close()


def test_a_window_closed_while_it_waits_for_its_first_paint_ends_the_wait_cleanly(qtbot, tmp_path):
    from PySide6.QtCore import QTimer

    from studio.ui.main_window import MainWindow

    window = MainWindow(qsettings=QSettings(str(tmp_path / "ui.ini"), QSettings.IniFormat))
    window.setAttribute(Qt.WA_DeleteOnClose)  # as the app makes it: closing deletes it
    window.show()
    QTimer.singleShot(0, window.close)
    window.wait_painted(5_000)  # no "Internal C++ object already deleted"
    assert window.was_closed()
