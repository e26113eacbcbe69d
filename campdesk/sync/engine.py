"""One sync round: hello, push everything, pull everything, in that order.

Push before pull (so the pull brings back the merged result of our own changes). The
outbox entry is deleted only after the hub acknowledged it; the pull cursor moves only after
every page below the watermark has been applied. A crash or a cut connection anywhere
therefore repeats work on the next round but never loses or duplicates it.
"""
from __future__ import annotations

import queue
import threading
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from typing import Callable, Iterator, TypeVar

from campdesk import __version__
from campdesk.sync.errors import ClientTooOld, SyncError
from campdesk.sync.hub import HubSession
from campdesk.sync.local import LocalReplica
from campdesk.sync.version import CLIENT_SCHEMA

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
        text = (f"보냄 {self.pushed}건, 받음 {self.pulled}건, 확인 필요 {self.flagged}건 "
                f"(pushed {self.pushed}, pulled {self.pulled}, flagged {self.flagged})")
        if self.repaired:
            fixed = sum(self.repaired.values())
            text += f"; 허브와 다른 행 {fixed}건 복구 (repaired {fixed} rows: " \
                    f"{', '.join(sorted(self.repaired))})"
        return text


RESTORED_WARNING = ("이 PC의 데이터베이스가 예전 백업으로 되돌려진 것으로 보여, 허브에서 모든 기록을 "
                    "다시 받습니다. 보내지 않은 변경은 그대로 보냅니다. (This database was restored "
                    "from a backup: reading everything from the hub again.)")


def clock_warning(offset_ms: int) -> str | None:
    if abs(offset_ms) <= SKEW_WARNING_MS:
        return None
    minutes = round(offset_ms / 60000)
    return (f"이 PC의 시계가 허브와 {abs(minutes)}분 차이납니다. 시간을 맞춰 주세요. "
            f"(This PC's clock is {minutes:+d} min off the hub's.)")


def _hello(replica: LocalReplica, hub: HubSession, report: SyncReport) -> bool:
    """Register with the hub; True when the hub is another one than last time (restored)."""
    state = replica.state()
    before = replica.now_ms()
    info = hub.hello(state["site_id"], CLIENT_SCHEMA, __version__)
    if info.last_mutation > replica.last_seq_issued():
        # The hub has seen changes from us that this file never made: it is a restored copy.
        report.warnings.append(RESTORED_WARNING)
        info = hub.hello(replica.become_new_site(), CLIENT_SCHEMA, __version__)
        state = replica.state()
    after = replica.now_ms()
    report.clock_offset_ms = info.server_now_ms - (before + after) // 2
    warning = clock_warning(report.clock_offset_ms)
    if warning:
        report.warnings.append(warning)
    if CLIENT_SCHEMA < info.min_client_schema:
        raise ClientTooOld(
            "이 CampDesk는 허브보다 오래된 버전이라 동기화할 수 없습니다. CampDesk를 업데이트하세요. "
            "이 PC의 작업은 안전하게 보관됩니다. (This CampDesk is too old for the hub; "
            "please upgrade. Your work is kept.)")
    replaced = state["hub_generation"] not in (None, info.generation)
    if state["hub_generation"] != info.generation:
        # A new or restored hub: read it all again; our outbox is replayed by the push.
        replica.update_state(hub_generation=info.generation, pull_cursor=0)
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
    lo = replica.state()["pull_cursor"]
    report.bootstrap = lo == 0
    watermark, done = lo, 0
    with closing(fetched_ahead(hub.pull(lo, page_size))) as pages:
        for watermark, total, page in pages:
            # rows that changed something here
            report.pulled += replica.apply(page, insert_clocks=not hub.infers_insert_clocks)
            done += len(page)
            if progress:
                progress(done, total)
    replica.update_state(pull_cursor=watermark)
    if replica.refused:
        report.warnings.append(
            f"허브에서 받은 {len(replica.refused)}건을 이 PC에 저장하지 못했습니다 "
            f"(could not store {len(replica.refused)} pulled rows): {replica.refused[0]}")


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
    """One round. With ``verify``, also compare every table with the hub and repair."""
    report = SyncReport()
    hub_replaced = _hello(replica, hub, report)
    if hub_replaced:
        # A hub restored from a dump may hold rows of ours as they were before we changed or
        # deleted them: read it all, our own new rows included.
        hub.client_id = None
    push(replica, hub, report, chunk)
    pull(replica, hub, report, page_size, progress)
    if hub_replaced:
        from campdesk.sync.verify import resend_missing

        if resend_missing(replica, hub):
            push(replica, hub, report, chunk)
    elif verify:
        from campdesk.sync.verify import verify_and_repair

        report.repaired = verify_and_repair(replica, hub)
    replica.mark_synced(report.clock_offset_ms)
    return report


def run(db_path, target, *, progress: Progress | None = None, **options) -> SyncReport:
    """Open this PC's replica and the hub, run one round, close both.

    A failure is noted in ``sync_state.last_error`` (shown in the status bar) and re-raised.
    """
    from campdesk.sync.hub import connect

    replica = LocalReplica(db_path)
    try:
        try:
            session = HubSession(connect(target.conninfo, target.password))
        except SyncError as exc:
            replica.update_state(last_error=str(exc))
            raise
        try:
            return sync_once(replica, session, progress=progress, **options)
        except SyncError as exc:
            replica.update_state(last_error=str(exc))
            raise
        finally:
            session.close()
    finally:
        replica.close()
