"""One sync round: hello, push everything, pull everything, in that order.

Push before pull (so the pull brings back the merged result of our own changes). The
outbox entry is deleted only after the hub acknowledged it; the pull cursor moves only after
every page below the watermark has been applied. A crash or a cut connection anywhere
therefore repeats work on the next round but never loses or duplicates it.
"""
from __future__ import annotations

import json
import logging
import queue
import threading
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from typing import Callable, Iterator, TypeVar

from campdesk import __version__
from campdesk.i18n import N_, _, ngettext
from campdesk.sync.errors import ClientTooOld, SiteTaken, SyncError
from campdesk.sync.hub import HubSession
from campdesk.sync.local import LocalReplica
from campdesk.sync.version import CLIENT_SCHEMA

log = logging.getLogger(__name__)
SKEW_WARNING_MS = 5 * 60 * 1000
PUSH_DEPTH = 2  # batches on their way at once, each on its own connection to the hub
Progress = Callable[[int, int], None]
T = TypeVar("T")


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    flagged: int = 0
    clock_offset_ms: int = 0
    bootstrap: bool = False
    repaired: dict[str, int] = field(default_factory=dict)  # table -> rows put right
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = _("보냄 {pushed}건, 받음 {pulled}건, 확인 필요 {flagged}건").format(
            pushed=self.pushed, pulled=self.pulled, flagged=self.flagged)
        if self.repaired:
            fixed = sum(self.repaired.values())
            text += "; " + ngettext("허브와 다른 행 {n}건 복구 ({tables})",
                                    "허브와 다른 행 {n}건 복구 ({tables})", fixed).format(
                n=fixed, tables=", ".join(sorted(self.repaired)))
        return text


NEW_IDENTITY_WARNING = N_(
    "이 PC의 데이터 폴더가 다른 PC에서 복사되었거나 예전 백업으로 되돌려진 것으로 보여, 이 PC에 새 "
    "동기화 ID를 주었습니다. 이 PC에서 기록한 내용은 하나도 빠짐없이 새 ID로 보내고, 허브의 기록을 "
    "모두 다시 받습니다.")


def clock_warning(offset_ms: int) -> str | None:
    if abs(offset_ms) <= SKEW_WARNING_MS:
        return None
    minutes = abs(round(offset_ms / 60000))
    return ngettext("이 PC의 시계가 허브와 {minutes}분 차이납니다. 시간을 맞춰 주세요.",
                    "이 PC의 시계가 허브와 {minutes}분 차이납니다. 시간을 맞춰 주세요.",
                    minutes).format(minutes=minutes)


def pc_name() -> str:
    """What the other PCs call this one beside the values it made."""
    import socket

    return socket.gethostname()[:100] or "PC"


def _introduce(replica: LocalReplica, hub: HubSession):
    """Say hello, proving the site with its token and binding a new one to it."""
    known, token = replica.propose_token()
    info = hub.hello(replica.site_id, CLIENT_SCHEMA, __version__, known, token, pc_name())
    if info.identity != "taken":
        replica.settle_token(token if info.identity == "ok" else None)
    return info


def _hello(replica: LocalReplica, hub: HubSession, report: SyncReport) -> bool:
    """Register with the hub; True when the hub is another one than last time (restored).

    A PC that cannot prove its site (a copy of another PC's data folder: both hold the
    same site id) or whose file went back in time (the hub has seen changes from it that
    it never made) goes on as a new site, keeping everything it recorded."""
    before = replica.now_ms()
    info = _introduce(replica, hub)
    # Taken: another PC holds the site's token. Or the hub has seen changes from us that
    # this file never made (a hub that binds no site): it went back in time.
    if info.identity == "taken" or info.last_mutation > replica.last_seq_issued():
        report.warnings.append(_(NEW_IDENTITY_WARNING))
        replica.become_new_site()
        info = _introduce(replica, hub)
    if info.identity == "taken":
        raise SyncError(N_("허브가 이 PC의 새 동기화 ID도 받아들이지 않았습니다. 관리자에게 "
                           "문의하세요."))
    state = replica.state()
    after = replica.now_ms()
    report.clock_offset_ms = info.server_now_ms - (before + after) // 2
    warning = clock_warning(report.clock_offset_ms)
    if warning:
        report.warnings.append(warning)
    if CLIENT_SCHEMA < info.min_client_schema:
        raise ClientTooOld(N_(
            "이 CampDesk는 허브보다 오래된 버전이라 동기화할 수 없습니다. CampDesk를 업데이트하세요. "
            "이 PC의 작업은 안전하게 보관됩니다."))
    replaced = state["hub_generation"] not in (None, info.generation)
    if state["hub_generation"] != info.generation:
        # A new or restored hub: read it all again; our outbox is replayed by the push.
        replica.update_state(hub_generation=info.generation, pull_cursor=0, pull_after=None)
    if not replaced:
        replica.ack(info.last_mutation)  # merged before a crash stopped us from noting it
    return replaced


def push(replica: LocalReplica, hub: HubSession, report: SyncReport, chunk: int) -> None:
    """Send the outbox in batches, in order, and forget each batch once the hub took it.

    Two batches may be on their way at once, on two connections: the hub parses the next
    while it merges this one, and this PC reads and acknowledges meanwhile. Each batch
    names the last change of the one before; the hub merges them one at a time and refuses
    a batch whose predecessor has not arrived (the hub skips every change at or below the
    last it took, so a batch must never overtake one that failed)."""
    site = replica.site_id
    read = replica.next_split_batch if hub.splits_batches else replica.next_batch
    batch = read(chunk)
    if batch is None:
        return
    depth = PUSH_DEPTH if hub.current else 1
    sessions = [hub]  # batch i goes on session i % depth, the others opened when needed
    in_flight: deque = deque()  # answers to come, oldest first
    try:
        with ThreadPoolExecutor(max_workers=depth, thread_name_prefix="sync-push") as sender:
            sent, after = 0, None

            def send(payload, last: int) -> None:
                nonlocal sent, after
                if len(sessions) < depth and sent == len(sessions):
                    sessions.append(hub.second())
                session = sessions[sent % len(sessions)]
                in_flight.append(sender.submit(session.push, site, CLIENT_SCHEMA, payload,
                                               after))
                sent, after = sent + 1, last

            while batch is not None or in_flight:
                if batch is not None and len(in_flight) < depth:
                    send(*batch)
                    batch = read(chunk, after=after)
                    continue
                answer = in_flight.popleft().result()
                if batch is not None:  # the next goes out before this PC notes the answer
                    send(*batch)
                    batch = read(chunk, after=after)
                replica.ack(answer["acked_seq"])
                report.pushed += answer["applied"]
                report.flagged += answer["flagged"]
    finally:
        for extra in sessions[1:]:
            extra.close()


def pull(replica: LocalReplica, hub: HubSession, report: SyncReport, page_size: int,
         progress: Progress | None) -> None:
    """Read what changed on the hub since the last pull, page by page. Each page notes how
    far it got in the same transaction, so a pull cut off goes on from there next time;
    the cursor moves to the watermark once every page below it is applied."""
    state = replica.state()
    lo = state["pull_cursor"]
    # [xid, table, id, rows read so far] of the last row a pull cut off applied
    after = json.loads(state["pull_after"]) if state["pull_after"] else None
    report.bootstrap = lo == 0
    watermark, done = lo, after[3] if after else 0
    with closing(fetched_ahead(hub.pull(lo, page_size, after and tuple(after[:3])))) as pages:
        for watermark, total, page in pages:
            done += len(page)
            position = (page[-1].xid, page[-1].tbl, page[-1].id, done) if page else None
            # rows that changed something here
            report.pulled += replica.apply(page, insert_clocks=not hub.infers_insert_clocks,
                                           position=position)
            if progress:
                progress(min(done, total), total)
    replica.update_state(pull_cursor=watermark, pull_after=None)
    _note_refused(replica, report)


def _note_refused(replica: LocalReplica, report: SyncReport) -> None:
    """Hub rows this PC could not store: flagged once under "needs attention" (and left
    out when this PC compares itself with the hub), and said in the round's report."""
    if not replica.refused:
        return
    (tbl, row_id), reason = next(iter(replica.refused.items()))
    report.flagged += replica.flag_unstorable(replica.refused)
    n = len(replica.refused)
    report.warnings.append(ngettext(
        "허브에서 받은 {n}건을 이 PC에 저장하지 못해 '확인 필요'에 올렸습니다: {table} {row}: {reason}",
        "허브에서 받은 {n}건을 이 PC에 저장하지 못해 '확인 필요'에 올렸습니다: {table} {row}: {reason}",
        n).format(n=n, table=tbl, row=row_id, reason=reason))
    replica.refused.clear()


def fetched_ahead(pages: Iterator[T]) -> Iterator[T]:
    """The items of ``pages``, the next one fetched on a thread while this one is used.

    A pulled page is written to SQLite while the hub sends the next: both wait outside
    Python (on the socket, in SQLite), so the two overlap. An error on either side stops
    both; the hub's generator is closed on its own thread, ending its transaction.
    """
    slot: queue.Queue = queue.Queue(maxsize=1)
    stop = threading.Event()

    def offer(entry) -> bool:
        while not stop.is_set():
            try:
                slot.put(entry, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def fetch() -> None:
        try:
            for item in pages:
                if not offer((item, None)):
                    return
            offer((_END, None))
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer, raised there
            offer((_END, exc))
        finally:
            pages.close()

    worker = threading.Thread(target=fetch, name="sync-fetch-ahead", daemon=True)
    worker.start()
    try:
        while True:
            item, error = slot.get()
            if error is not None:
                raise error
            if item is _END:
                return
            yield item
    finally:
        stop.set()
        worker.join()


_END = object()


def sync_once(replica: LocalReplica, hub: HubSession, *, chunk: int = 2000,
              page_size: int = 5000, progress: Progress | None = None,
              verify: bool = False) -> SyncReport:
    """One round. With ``verify``, also compare every table with the hub and put right
    what differs."""
    report = SyncReport()
    hub_replaced = _hello(replica, hub, report)
    if hub_replaced:
        # A hub restored from a dump may hold rows of ours as they were before we changed or
        # deleted them: read it all, our own new rows included.
        hub.client_id = None
    replica.resend_fixed(_fits_hub)
    _push(replica, hub, report, chunk)
    pull(replica, hub, report, page_size, progress)
    if hub_replaced or verify:
        from campdesk.sync.verify import reconcile

        report.repaired = reconcile(replica, hub)
        _note_refused(replica, report)
        if replica.pending_count():
            _push(replica, hub, report, chunk)  # rows the hub lacked, sent again
    replica.mark_synced(report.clock_offset_ms)
    return report


def _push(replica: LocalReplica, hub: HubSession, report: SyncReport, chunk: int) -> None:
    try:
        push(replica, hub, report, chunk)
    except SiteTaken:
        replica.become_new_site()  # the next round says hello as a new site
        raise


def _fits_hub(table: str, values: dict) -> bool:
    from campdesk.store.limits import row_problems

    return not row_problems(table, values)


def run(db_path, target, *, progress: Progress | None = None, group: object = None,
        **options) -> SyncReport:
    """Open this PC's replica and the hub, run one round, close both. ``group``: whose
    round it is, for the watchdog (see ``watchdog.cut_group``).

    A failure is noted in ``sync_state.last_error`` (shown in the status bar) and raised
    as a :class:`SyncError` whose message staff can read; an unexpected one is logged with
    its traceback first. Nothing recorded on this PC is lost either way.
    """
    from campdesk.sync.hub import connect

    replica = LocalReplica(db_path)
    try:
        try:
            session = HubSession(connect(target.conninfo, target.password), group=group)
            try:
                return sync_once(replica, session, progress=progress, **options)
            finally:
                session.close()
        except SyncError as exc:
            _note_error(replica, exc)
            raise
        except Exception as exc:  # noqa: BLE001 - a bug or a surprise: said plainly, logged
            log.exception("sync round failed")
            error = SyncError(N_("동기화 중 예기치 않은 오류가 났습니다. 이 PC의 기록은 그대로 "
                                 "보관되며 다음 동기화에서 다시 시도합니다. ({error})"),
                              error=f"{type(exc).__name__}: {_first_line(exc)}")
            _note_error(replica, error)
            raise error from exc
    finally:
        replica.close()


def _note_error(replica: LocalReplica, error: SyncError) -> None:
    """Keep why the round failed, in Korean (stored data stays Korean)."""
    message = error.in_language("ko")
    try:
        replica.update_state(last_error=message)
    except Exception:  # noqa: BLE001 - the database is busy: the caller still says why
        log.warning("could not note the sync error: %s", message)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else ""
