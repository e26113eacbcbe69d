"""Where the hub is: a URL from the command line, or the settings plus the keyring."""
from __future__ import annotations

import re
from dataclasses import dataclass

from psycopg import ProgrammingError
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from campdesk.settings import Settings
from campdesk.sync import secrets
from campdesk.i18n import N_
from campdesk.sync.errors import SyncError


@dataclass(frozen=True)
class HubTarget:
    conninfo: str  # never contains the password
    password: str | None

    @property
    def display(self) -> str:
        """A form safe to print or log."""
        p = conninfo_to_dict(self.conninfo)
        return f"{p.get('user', '')}@{p.get('host', '')}:{p.get('port', 5432)}/{p.get('dbname', '')}"


def redact(conninfo: str) -> str:
    params = conninfo_to_dict(conninfo)
    params.pop("password", None)
    return make_conninfo(**params)


def from_url(url: str, password: str | None = None) -> HubTarget:
    """A URL may carry a password (for scripts and tests); it is split off at once."""
    try:
        params = conninfo_to_dict(url)
        password = params.pop("password", None) or password
        if password is None:
            password = secrets.get_password(_account(params))
        return HubTarget(make_conninfo(**params), password)
    except ProgrammingError as exc:
        raise SyncError(N_("허브 주소를 읽을 수 없습니다: {url} — 예: "
                           "postgresql://사용자@호스트:5432/campdesk"),
                        url=url_for_display(url)) from exc


def url_for_display(url: str) -> str:
    """A URL as it may be printed: any password in it replaced."""
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", re.sub(r"password=\S*", "password=***", url))


def from_settings(settings: Settings, password: str | None = None) -> HubTarget:
    """The configured hub. No password known is not an error here: a hub that takes none
    is never asked for one; one that wants it says so when the round connects
    (:class:`NoPassword`), and the app then asks for it."""
    if not settings.hub_host:
        raise SyncError(N_("허브 주소가 설정되지 않았습니다. 설정에서 허브를 지정하거나 --hub URL을 "
                           "주세요."))
    params = dict(host=settings.hub_host, port=str(settings.hub_port),
                  dbname=settings.hub_database, user=settings.hub_user,
                  sslmode=settings.hub_sslmode)
    if password is None:
        password = secrets.get_password(_account(params))
    return HubTarget(make_conninfo(**params), password)


def account_of(settings: Settings) -> str:
    return secrets.account(settings.hub_user, settings.hub_host, settings.hub_port,
                           settings.hub_database)


def _account(params: dict) -> str:
    return secrets.account(params.get("user", ""), params.get("host", ""),
                           params.get("port", 5432), params.get("dbname", ""))
