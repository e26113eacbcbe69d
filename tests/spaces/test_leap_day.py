"""29 February on the floor plan: the assign dialog opens, its end date a year later."""
from datetime import date

from campdesk.domain.dates import a_year_later


def test_a_year_after_a_leap_day_is_the_28th():
    assert a_year_later(date(2028, 2, 29)) == date(2029, 2, 28)
    assert a_year_later(date(2026, 12, 5)) == date(2027, 12, 5)


def test_assigning_on_29_february_opens_the_dialog(qtbot, app, camp):
    from campdesk.services.spaces import get_space
    from campdesk.ui.spaces.dialogs import AssignDialog

    dialog = AssignDialog(app, get_space(camp.ctx, camp.desks[0]), date(2028, 2, 29))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.starts.value() == date(2028, 2, 29)
    dialog.ends.check.setChecked(True)
    assert dialog.ends.value() == date(2029, 2, 28)
