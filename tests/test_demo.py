"""Demo data looks like the camp's year, and every row of it is queued for the hub."""
from datetime import date

from sqlalchemy import text

from campdesk.services import consultations, demo


def test_small_demo_is_queued_for_sync_and_has_a_live_follow_up_list(ctx):
    counts = demo.generate(ctx, "small", seed=3, today=date(2026, 11, 25))
    assert counts["companies"] >= 120 and counts["mentors"] == 91 and counts["spaces"] == 60
    with ctx.db.reading() as s:
        queued = dict(s.execute(text("SELECT tbl, count(*) FROM sync_outbox GROUP BY tbl")).all())
        mou = s.execute(text("SELECT count(*) FROM companies WHERE relationship = 'mou'")).scalar()
        concerts = s.execute(text("SELECT held_on FROM events WHERE kind = 'concert'")).scalars().all()
    assert queued["companies"] == counts["companies"]
    assert queued["consultations"] == counts["consultations"]
    assert mou >= 90
    assert all(date.fromisoformat(str(d)).weekday() == 3 for d in concerts)  # Thursdays
    open_items = consultations.list_follow_ups(ctx)
    assert 0 < len(open_items) < 60  # a realistic handful, not a year of neglect
