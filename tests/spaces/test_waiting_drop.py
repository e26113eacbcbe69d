"""A waiting-list entry dragged onto a space of the floor plan: the assign dialog opens filled
in, or the reason it cannot go there is shown and nothing changes. The drop handler is called
with the real mime data the list puts on a drag (real drags are hard offscreen), and one real
QDropEvent goes through the plan's view."""
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox

from campdesk.domain.dates import today_seoul
from campdesk.services import spaces
from campdesk.services.errors import UserError
from campdesk.ui.spaces.waiting_list import MIME_TYPE, request_id_of

TODAY = today_seoul()
SOON = TODAY + timedelta(days=10)


def _settle(qtbot, app):
    qtbot.waitUntil(lambda: not app.ops.busy, timeout=5000)


@pytest.fixture
def panel(floor_plan):
    """The Spaces page on the third floor (the offices, the open-desk room, the meeting room)."""
    return floor_plan(3)


def _request(camp, company, kind="desk", desks=1, wanted=SOON, area=None):
    return spaces.add_request(camp.ctx, camp.co[company], kind, desks, area, wanted)


def _reload(qtbot, app, panel):
    panel.refresh()
    _settle(qtbot, app)


def _drag_mime(panel, request_id):
    """What the waiting list puts on the drag of that entry."""
    entries = panel.waiting_list.list
    row = entries.ids().index(request_id)
    return entries.mimeData([entries.item(row)])


def _drop(qtbot, app, panel, request_id, space_id):
    assert panel.drop_request(_drag_mime(panel, request_id), space_id)
    _settle(qtbot, app)


def _status(camp, request_id):
    return next(r.status for r in spaces.list_requests(camp.ctx, status=None) if r.id == request_id)


def test_the_list_shows_who_waits_and_its_entries_carry_their_request(qtbot, app, camp, panel):
    first = _request(camp, "무등랩스", desks=2)
    _request(camp, "양림데이터", kind="office", desks=4, wanted=SOON + timedelta(days=5))
    _reload(qtbot, app, panel)
    entries = panel.waiting_list.list
    assert entries.count() == 2
    assert entries.item(0).text() == f"무등랩스 · 좌석 · 2석 · {SOON.year}. {SOON.month}. {SOON.day}.부터"
    assert panel.waiting_list.title.text() == "입주 대기 2개 기업"
    mime = _drag_mime(panel, first)
    assert mime.hasFormat(MIME_TYPE) and request_id_of(mime) == first and mime.text() == "무등랩스"
    assert not panel.drop_request(type(mime)(), camp.desks[0])  # something else dropped


def test_a_drop_on_a_free_desk_opens_the_assign_dialog_filled_in(qtbot, app, camp, panel):
    req = _request(camp, "무등랩스")
    _reload(qtbot, app, panel)
    _drop(qtbot, app, panel, req, camp.desks[0])
    dialog = panel.placing
    assert dialog is not None and dialog.isVisible()
    assert "3F 302-D1" in dialog.windowTitle() or "302-D1" in dialog.windowTitle()
    assert dialog.company.text() == "무등랩스" and dialog.company.isReadOnly()
    assert dialog.starts.value() == SOON            # the day the company asked for
    assert dialog.ends.value() is None              # open-ended: nothing booked later
    assert panel.waiting_list.message.isHidden()
    # Accepting assigns the desk and marks the request placed; it leaves the list.
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    _settle(qtbot, app)
    made = spaces.list_assignments(camp.ctx, space_id=camp.desks[0])
    assert [(a.company, a.starts_on, a.ends_on, a.status) for a in made] == \
        [("무등랩스", SOON, None, "confirmed")]
    assert _status(camp, req) == "placed"
    qtbot.waitUntil(lambda: req not in panel.waiting_list.list.ids())
    assert panel.waiting_list.title.text() == "입주 대기 0개 기업"


def test_a_space_booked_later_is_offered_until_the_day_before(qtbot, app, camp, panel):
    later = SOON + timedelta(days=30)
    spaces.assign(camp.ctx, camp.office, camp.co["빛고을AI"], later, status="reserved")
    req = _request(camp, "무등랩스", kind="office", desks=4)
    _reload(qtbot, app, panel)
    _drop(qtbot, app, panel, req, camp.office)
    assert panel.placing.ends.value() == later - timedelta(days=1)


def test_a_wanted_day_already_past_starts_on_the_plans_day(qtbot, app, camp, panel):
    req = _request(camp, "무등랩스", wanted=TODAY - timedelta(days=40))
    _reload(qtbot, app, panel)
    _drop(qtbot, app, panel, req, camp.desks[0])
    assert panel.placing.starts.value() == panel.day.value()


@pytest.mark.parametrize("case, words", [
    ("occupied", ("빛고을AI", "겹칩니다")),
    ("reserved", ("양림데이터", "겹칩니다")),
    ("wrong kind", ("무등랩스", "사무실", "배정할 수 없습니다")),
    ("too few seats", ("1석", "3석", "모자랍니다")),
    ("meeting room", ("회의실",)),
])
def test_a_refused_drop_says_why_and_changes_nothing(qtbot, app, camp, panel, case, words):
    target, kind, desks = camp.desks[1], "desk", 1
    if case == "occupied":
        spaces.assign(camp.ctx, target, camp.co["빛고을AI"], date(2020, 1, 1))
    elif case == "reserved":   # booked from before the wanted day, not moved into yet
        spaces.assign(camp.ctx, target, camp.co["양림데이터"], SOON - timedelta(days=3),
                      status="reserved")
    elif case == "wrong kind":
        kind = "office"
    elif case == "too few seats":
        desks = 3
    else:
        target = camp.meeting
    req = _request(camp, "무등랩스", kind=kind, desks=desks)
    before = spaces.list_assignments(camp.ctx)
    _reload(qtbot, app, panel)
    _drop(qtbot, app, panel, req, target)
    message = panel.waiting_list.message
    assert message.isVisible()
    for word in words:
        assert word in message.text()
    assert panel.placing is None                       # no dialog
    assert spaces.list_assignments(camp.ctx) == before
    assert _status(camp, req) == "waiting" and req in panel.waiting_list.list.ids()
    # The next drop that works clears the message.
    fitting = {"wrong kind": camp.office, "too few seats": camp.room}.get(case, camp.desks[2])
    _drop(qtbot, app, panel, req, fitting)
    assert message.isHidden() and panel.placing.isVisible()


def test_cancelling_the_dialog_changes_nothing(qtbot, app, camp, panel):
    req = _request(camp, "무등랩스")
    _reload(qtbot, app, panel)
    _drop(qtbot, app, panel, req, camp.desks[0])
    dialog = panel.placing
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    _settle(qtbot, app)
    assert spaces.list_assignments(camp.ctx) == []
    assert _status(camp, req) == "waiting" and req in panel.waiting_list.list.ids()


def test_a_refusal_in_english(qtbot, app, camp, panel):
    from campdesk.ui.core import i18n

    req = _request(camp, "무등랩스", desks=3)
    _reload(qtbot, app, panel)
    i18n.set_language("en")
    qtbot.waitUntil(lambda: panel.waiting_list.title.text() == "Waiting list: 1 company")
    assert "3 desks" in panel.waiting_list.list.item(0).text()
    _drop(qtbot, app, panel, req, camp.desks[0])
    assert panel.waiting_list.message.text() == \
        "3F 302-D1 has 1 desk, fewer than the 3 무등랩스 needs."


def test_a_real_drop_event_on_a_desk_reaches_the_handler(qtbot, app, camp, panel):
    req = _request(camp, "무등랩스")
    _reload(qtbot, app, panel)
    view = panel.view
    desk = panel.scene.items_by_id[camp.desks[0]]
    where = view.mapFromScene(desk.sceneBoundingRect().center())
    got = []
    view.dropped.connect(lambda mime, space_id: got.append((request_id_of(mime), space_id)))
    mime = _drag_mime(panel, req)   # kept alive: the event does not own it
    event = QDropEvent(QPointF(where), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    view.dropEvent(event)
    assert event.isAccepted() and got == [(req, camp.desks[0])]
    _settle(qtbot, app)
    assert panel.placing is not None and panel.placing.company.text() == "무등랩스"


def test_placing_is_one_transaction(camp):
    """The service refuses the whole placement when the space cannot take it."""
    req = _request(camp, "무등랩스")
    spaces.assign(camp.ctx, camp.desks[0], camp.co["빛고을AI"], date(2020, 1, 1))
    with pytest.raises(UserError):
        spaces.place_request(camp.ctx, req, camp.desks[0], SOON)
    assert _status(camp, req) == "waiting"
    spaces.place_request(camp.ctx, req, camp.desks[1], SOON)
    assert _status(camp, req) == "placed"
    with pytest.raises(UserError, match="이미 처리"):   # placed once only
        spaces.place_request(camp.ctx, req, camp.desks[2], SOON)


def test_the_history_table_fits_in_english_at_1366x768(qtbot, app, camp, panel):
    """The side panel's three history columns keep their whole titles in English."""
    from campdesk.ui.core import i18n

    spaces.assign(camp.ctx, camp.office, camp.co["빛고을AI"], date(2026, 1, 1), date(2026, 12, 31))
    i18n.set_language("en")
    _reload(qtbot, app, panel)
    panel.scene.items_by_id[camp.office].setSelected(True)
    _settle(qtbot, app)
    view = panel.details.table.view
    qtbot.waitUntil(lambda: view.model().rowCount() == 1)
    header = view.horizontalHeader()
    titles = [view.model().headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert titles == ["Company", "Period", "Status"]
    for c, title in enumerate(titles):
        assert header.sectionSize(c) >= header.fontMetrics().horizontalAdvance(title) + 12, title
    assert header.length() <= view.viewport().width() + 1          # no sideways scrolling
    assert view.horizontalScrollBar().maximum() == 0
    assert panel.side.width() <= 400


def test_enter_on_an_entry_places_it_in_the_space_chosen_on_the_plan(qtbot, app, camp, panel):
    """The keyboard's way to drop: choose a space, then Enter on the waiting company."""
    from PySide6.QtTest import QTest

    req = _request(camp, "무등랩스")
    _reload(qtbot, app, panel)
    entries = panel.waiting_list.list
    entries.setCurrentRow(0)
    entries.setFocus()
    QTest.keyClick(entries, Qt.Key.Key_Return)  # no space chosen yet: it says what to do
    assert "공간을 선택" in panel.waiting_list.message.text() and panel.placing is None
    panel.scene.items_by_id[camp.desks[1]].setSelected(True)
    _settle(qtbot, app)
    QTest.keyClick(entries, Qt.Key.Key_Return)
    _settle(qtbot, app)
    dialog = panel.placing
    assert dialog is not None and "302-D2" in dialog.windowTitle()
    assert dialog.company.text() == "무등랩스" and panel.waiting_list.message.isHidden()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _status(camp, req) == "placed", timeout=5000)
