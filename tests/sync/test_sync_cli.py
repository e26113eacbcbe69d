"""The command line contract: ``campdesk hub init URL`` and ``campdesk sync [--hub URL]``,
and the hub password kept only in the keyring."""
from __future__ import annotations

from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.fail
import psycopg
import pytest

from campdesk.cli import main
from campdesk.services.context import open_context
from campdesk.store.models import Company
from campdesk.sync import secrets, target
from campdesk.sync.errors import NoPassword

pytestmark = pytest.mark.hub
PASSWORD = "s3cret-허브-pw"


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1

    def __init__(self):
        super().__init__()
        self.store = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(previous)


def _with_password(url: str) -> str:
    return psycopg.conninfo.make_conninfo(url, password=PASSWORD)


def _files_mention(root: Path, text: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and text.encode() in p.read_bytes()]


def test_two_data_dirs_exchange_records_through_the_cli(tmp_path, empty_db, capsys):
    url = _with_password(empty_db)
    a, b = tmp_path / "a", tmp_path / "b"
    assert main(["--home", str(a), "hub", "init", url]) == 0
    assert main(["--home", str(a), "hub", "init", url]) == 0  # harmless again
    ctx = open_context(a)
    with ctx.db.transaction() as s:
        s.add(Company(name="명령줄 기업", name_norm="명령줄기업"))
    ctx.close()
    assert main(["--home", str(a), "sync", "--hub", url]) == 0
    assert "보냄 1건" in capsys.readouterr().out
    assert main(["--home", str(b), "sync", "--hub", url]) == 0
    assert "받음 1건" in capsys.readouterr().out
    ctx = open_context(b)
    with ctx.db.reading() as s:
        assert [c.name for c in s.query(Company)] == ["명령줄 기업"]
    ctx.close()
    out = capsys.readouterr()
    assert PASSWORD not in out.out + out.err
    assert _files_mention(tmp_path, PASSWORD) == []


def test_unreachable_hub_is_one_line_and_exit_1(tmp_path, capsys):
    code = main(["--home", str(tmp_path), "sync", "--hub",
                 "postgresql://nobody@127.0.0.1:1/none"])
    err = capsys.readouterr().err
    assert code == 1 and "오프라인" in err and len(err.strip().splitlines()) == 1


def test_password_comes_from_the_keyring(memory_keyring, tmp_path):
    ctx = open_context(tmp_path)
    s = ctx.settings
    s.hub_host, s.hub_user, s.hub_database = "hub.camp.local", "kim", "campdesk"
    secrets.set_password(secrets.account("kim", "hub.camp.local", 5432, "campdesk"), PASSWORD)
    t = target.from_settings(s)
    assert t.password == PASSWORD and PASSWORD not in t.conninfo
    assert "kim@hub.camp.local" in t.display
    ctx.save_settings()
    assert _files_mention(tmp_path, PASSWORD) == []
    ctx.close()


def test_without_a_keyring_staff_are_told_and_nothing_is_stored(no_keyring, tmp_path, capsys):
    """The hub asks for a password, and this PC has no keyring to keep it in: staff are
    told so (and how to give it), and nothing is written down."""
    from .proxy import PasswordDemandingServer

    server = PasswordDemandingServer()
    try:
        ctx = open_context(tmp_path)
        ctx.settings.hub_host, ctx.settings.hub_user = "127.0.0.1", "kim"
        ctx.settings.hub_port, ctx.settings.hub_sslmode = server.port, "disable"
        ctx.save_settings()
        ctx.close()
        with pytest.raises(NoPassword, match="키링"):
            secrets.set_password("kim@hub", PASSWORD)
        assert main(["--home", str(tmp_path), "sync"]) == 1
        err = capsys.readouterr().err
        assert "비밀번호" in err and "키링" in err and len(err.strip().splitlines()) == 1
        assert server.asked == 1
    finally:
        server.close()
    assert _files_mention(tmp_path, PASSWORD) == []
