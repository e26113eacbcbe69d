"""Outages as the staff meet them: a network that drops mid-round (packets that just stop),
a hub that goes away while the app is open, a hub that wants a password this PC lacks."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from contextlib import contextmanager

import psycopg
import pytest

from campdesk.store.models import Company
from campdesk.sync import target
from campdesk.sync.errors import NoPassword
from campdesk.sync.runner import SyncRunner
from campdesk.sync.status import NEEDS_PASSWORD, OFFLINE, ONLINE
from .pcs import assert_converged
from .proxy import CuttingProxy, PasswordDemandingServer
from .test_delivery import _bulk_companies

pytestmark = pytest.mark.hub


def _through(proxy: CuttingProxy, url: str) -> str:
    params = psycopg.conninfo.conninfo_to_dict(url) | {"host": "127.0.0.1",
                                                        "port": str(proxy.port)}
    return psycopg.conninfo.make_conninfo(**params)


def test_campdesk_sync_gives_up_on_a_silent_network_within_a_minute(make_pc, tmp_path):
    """The packets stop mid-push and nothing says so: `campdesk sync` does not wait for the
    operating system's two hours; it gives up with a plain reason and keeps the work."""
    a = make_pc("a")
    _bulk_companies(a, 3000, "drop")
    a.ctx.db.dispose()
    proxy = CuttingProxy()
    try:
        proxy.freeze_after(up=60_000)
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "campdesk", "--home", str(a.path.parent),
                               "sync", "--hub", _through(proxy, a.hub_url)],
                              capture_output=True, text=True, timeout=120)
        elapsed = time.monotonic() - started
    finally:
        proxy.close()
    assert done.returncode == 1 and elapsed < 60, (elapsed, done.stderr)
    assert "허브" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert a.pending() > 0  # nothing lost: what did not go out is still queued
    a.sync()
    assert_converged(a.hub_url, a)


@contextmanager
def _app_behind_proxy(pc):
    """The app's background sync on ``pc``, its hub reached through a proxy; yields the
    proxy and every status it published, once it is online."""
    proxy = CuttingProxy()
    hub = target.from_url(_through(proxy, pc.hub_url))
    seen: list = []
    runner = SyncRunner(pc.path, lambda: hub, interval_s=300, on_status=seen.append)
    runner.start()
    try:
        _wait(lambda: seen and seen[-1].state == ONLINE, 15)
        yield proxy, seen, runner
    finally:
        runner.stop()
        proxy.close()


def test_the_runner_reports_a_silent_network_soon_and_recovers_by_itself(make_pc):
    a, b = make_pc("a"), make_pc("b")
    with _app_behind_proxy(a) as (proxy, seen, runner):
        _bulk_companies(a, 3000, "wifi")
        proxy.freeze_after(up=60_000)
        dropped = time.monotonic()
        runner.request_sync()
        _wait(lambda: seen[-1].state == OFFLINE, 30)
        assert time.monotonic() - dropped < 30
        assert "허브" in seen[-1].message and seen[-1].pending > 0
        proxy.thaw()  # the network is back; no one presses anything
        _wait(lambda: seen[-1].state == ONLINE and seen[-1].pending == 0, 30)
    b.sync()
    assert b.get(Company, "wifi-002999") is not None
    assert_converged(a.hub_url, a, b)


def test_a_hub_gone_while_the_app_is_open_is_noticed_within_ten_seconds(make_pc):
    with _app_behind_proxy(make_pc("a")) as (proxy, seen, _runner):
        time.sleep(0.5)  # idle, listening
        proxy.freeze()
        gone = time.monotonic()
        _wait(lambda: seen[-1].state == OFFLINE, 15)
        assert time.monotonic() - gone < 10


def test_a_hub_that_wants_a_password_is_asked_for_one_and_one_that_does_not_is_not(make_pc):
    a = make_pc("a")
    server = PasswordDemandingServer()
    wants = target.from_url(server.url)
    assert wants.password is None
    seen: list = []
    runner = SyncRunner(a.path, lambda: wants, on_status=seen.append, listen=False)
    try:
        runner.run_once()
        assert seen[-1].state == NEEDS_PASSWORD and "비밀번호" in seen[-1].message
        with pytest.raises(NoPassword):
            a.sync_with(wants)
        wrong = target.from_url(server.url, "not-the-password")
        SyncRunner(a.path, lambda: wrong, on_status=seen.append, listen=False).run_once()
        assert seen[-1].state == NEEDS_PASSWORD and "받아들이지 않았습니다" in seen[-1].message
    finally:
        server.close()
    free = target.from_url(a.hub_url)  # trust: no password, no question
    SyncRunner(a.path, lambda: free, on_status=seen.append, listen=False).run_once()
    assert seen[-1].state == ONLINE


def test_cli_without_a_terminal_says_a_password_is_needed_in_one_line(tmp_path):
    server = PasswordDemandingServer()
    no_keyring = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    try:
        done = subprocess.run([sys.executable, "-m", "campdesk", "--home", str(tmp_path),
                               "sync", "--hub", server.url], env=no_keyring,
                              capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    finally:
        server.close()
    assert done.returncode == 1 and "비밀번호" in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_a_malformed_hub_url_is_one_line_not_a_traceback(tmp_path):
    for url in ("postgresql://kim@hub:notaport/campdesk", "host=hub port=", "==="):
        done = subprocess.run([sys.executable, "-m", "campdesk", "--home", str(tmp_path),
                               "sync", "--hub", url], capture_output=True, text=True, timeout=60)
        assert done.returncode == 1, url
        assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def _wait(condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("timed out waiting")
