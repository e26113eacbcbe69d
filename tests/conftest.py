"""Shared fixtures: offscreen Qt, a fresh data directory per test, a migrated database."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("CAMPDESK_HOME", None)

import pytest  # noqa: E402

from campdesk.services.context import open_context  # noqa: E402


def pytest_collection_modifyitems(config, items):
    """CAMPDESK_SKIP_HUB=1 (a developer without PostgreSQL; scripts/test.sh refuses it in CI)
    skips every hub test, saying why."""
    if os.environ.get("CAMPDESK_SKIP_HUB") != "1":
        return
    skip = pytest.mark.skip(reason="CAMPDESK_SKIP_HUB=1: the hub tests (PostgreSQL) were not run")
    for item in items:
        if "hub" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def ctx(tmp_path):
    """A migrated, empty local database in a temporary data directory."""
    context = open_context(tmp_path / "home")
    yield context
    context.close()


@pytest.fixture
def staffed_ctx(ctx):
    """As ``ctx``, with an on-site staff member sitting at this PC."""
    from campdesk.services import staff

    ctx.settings.staff_id = staff.add_staff(ctx, "김민서", "onsite")
    ctx.save_settings()
    return ctx


@pytest.fixture
def english():
    """The whole process in English for one test (texts, dates, reports), Korean after."""
    from campdesk import i18n
    i18n.set_language("en")
    try:
        yield
    finally:
        i18n.set_language("ko")
