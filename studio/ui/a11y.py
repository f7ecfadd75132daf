"""Accessible names and descriptions: what a screen reader says for a control.

Qt names a button by its text and a form field by its label; everything else (icon buttons,
combo boxes, whose default name is their current value, lists, sliders, scroll areas, painted
widgets) gets its name here, with a description of what it does.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def name(widget: QWidget, accessible_name: str, description: str = "") -> QWidget:
    """Set a control's accessible name and, when given, its description; returns the widget."""
    widget.setAccessibleName(accessible_name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def name_form_fields(form) -> None:
    """Name every field of a QFormLayout after its row's label (as the person sees it).

    Qt already reads a form label as the field's name for line edits and spin boxes; a combo
    box would otherwise be named by its current value, and a field inside a row layout by
    nothing at all."""
    from PySide6.QtWidgets import QFormLayout, QLabel

    for row in range(form.rowCount()):
        label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        label = label_item.widget() if label_item is not None else None
        if not isinstance(label, QLabel) or not label.text() or field_item is None:
            continue
        text = label.text().replace("&", "").rstrip(":")
        fields = [field_item.widget()] if field_item.widget() is not None else _layout_widgets(field_item.layout())
        for field in fields:
            if field is not None and not isinstance(field, QLabel) and not field.accessibleName():
                field.setAccessibleName(text)


def _layout_widgets(layout) -> list[QWidget]:
    if layout is None:
        return []
    found = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is not None:
            found.append(item.widget())
        elif item.layout() is not None:
            found += _layout_widgets(item.layout())
    return found
