"""The desktop app's marker: ``campdesk.pid`` in the data folder while the app runs.

It lets ``campdesk db restore`` and ``db upgrade`` say "CampDesk is open" rather than "another
program" when they find the database in use (campdesk.store.instance asks SQLite whether it
is). The marker only chooses those words: one whose process is gone, or that another PC left
(a copied folder), is ignored. Standard library only: the app writes it before its data layer
is loaded.
"""
from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

MARKER = "campdesk.pid"


@dataclass
class Marker:
    """This process's marker; ``release`` removes it unless another app has taken it over."""

    path: Path
    pid: int

    def release(self) -> None:
        data = _read(self.path)
        if data is not None and data.get("pid") == self.pid and data.get("host") == _host():
            try:
                self.path.unlink()
            except OSError:
                pass


def _host() -> str:
    return socket.gethostname()


def _read(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("pid"), int):
        return None
    return data


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":
        # os.kill(pid, 0) would send CTRL_C_EVENT (0) on Windows: ask the kernel instead.
        import ctypes
        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() == 5  # ERROR_ACCESS_DENIED: it exists
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _other_live_app(data: dict | None) -> bool:
    return (data is not None and data.get("host") == _host() and data["pid"] != os.getpid()
            and _alive(data["pid"]))


def mark(home: Path | str) -> Marker | None:
    """Note in the data folder that the app runs here. None when another app that is still
    running noted it first (its marker is left alone), or when the folder cannot be written."""
    path = Path(home) / MARKER
    if _other_live_app(_read(path)):
        return None
    tmp = path.with_name(f"{MARKER}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps({"pid": os.getpid(), "host": _host()}), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        return None
    return Marker(path, os.getpid())


def running_app(home: Path | str) -> dict | None:
    """The marker of a CampDesk app running on this data folder (not this process), if any."""
    data = _read(Path(home) / MARKER)
    return data if _other_live_app(data) else None
