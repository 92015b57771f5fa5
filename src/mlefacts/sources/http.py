"""Polite, bounded, never-raising HTTP fetching.

Polite: an honest User-Agent, robots.txt (fetched once per origin per run, `run_hosts`),
Crawl-delay (kept across the run's batches and threads), retries with exponential backoff that
honour Retry-After, conditional requests (ETag / Last-Modified). Bounded: one overall deadline per
fetch (retries, waits, robots.txt and a body sent byte by byte all come out of it), timeouts, a
byte limit enforced while streaming, a redirect limit. Safe: every hop, redirects and robots.txt
included, passes `safety.check_url`, and the connection goes to the very address that was
checked (keeping the Host header and the TLS server name), so a name that answers differently
the second time (DNS rebinding) cannot reach an internal address. Problems come back as
`FetchOutcome(status='error', error=<one line>)`, never as exceptions.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import weakref
from dataclasses import dataclass, field
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.util.retry import Retry

from mlefacts import __version__
from mlefacts.sources.decode import sniff_media_type
from mlefacts.sources.safety import UnsafeSourceError, check_url

PRODUCT_TOKEN = "mlefacts"
CHUNK_BYTES = 64 * 1024
ROBOTS_MAX_BYTES = 512 * 1024
ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.1"


@dataclass(frozen=True)
class FetchSettings:
    """Every limit of a fetch, with defaults meant for fetching a handful of articles."""

    user_agent: str = f"{PRODUCT_TOKEN}/{__version__} (+https://github.com/mlefacts/mlefacts)"
    """The User-Agent header; its product token is what robots.txt rules are matched against."""

    deadline: float = 60.0
    """Seconds one source may take in all: retries, Retry-After waits, robots.txt included."""

    connect_timeout: float = 5.0
    """Seconds to wait for a connection."""

    read_timeout: float = 20.0
    """Seconds to wait for the next bytes of a response."""

    retries: int = 3
    """Retries of a request that failed to connect or answered a retried status."""

    backoff_factor: float = 0.5
    """Exponential backoff between retries, in seconds (0.5, 1, 2, ...)."""

    retry_statuses: frozenset[int] = frozenset({429, 500, 502, 503, 504})
    """HTTP statuses that are retried."""

    max_retry_after: float = 60.0
    """Longest Retry-After wait honoured, in seconds."""

    max_redirects: int = 5
    """Redirects followed from the manifest's URL."""

    max_bytes: int = 20_000_000
    """Largest source read, in bytes (a page or a file); a larger one is that source's error."""

    allowed_media_types: frozenset[str] = frozenset(
        {"text/html", "application/xhtml+xml", "text/plain", "text/markdown"}
    )
    """Content types accepted from a server."""

    respect_robots: bool = True
    """Obey robots.txt (disallowed pages are that source's error; crawl delays are kept)."""

    max_crawl_delay: float = 30.0
    """Longest robots.txt Crawl-delay honoured, in seconds."""

    allow_private_hosts: bool = False
    """Fetch URLs on loopback or private addresses."""

    @property
    def robots_agent(self) -> str:
        """The product token robots.txt rules are matched against ('mlefacts')."""
        return self.user_agent.split("/", 1)[0].strip()


@dataclass(frozen=True)
class FetchOutcome:
    """What one fetch produced. `attempts` counts requests for the final URL, retries included."""

    status: str
    http_status: int | None
    data: bytes | None
    media_type: str | None
    charset: str | None
    etag: str | None
    last_modified: str | None
    final_url: str
    error: str | None
    elapsed_ms: int
    attempts: int = 1


class DeadlineExceeded(urllib3.exceptions.HTTPError):
    """The fetch's overall deadline ran out (raised instead of waiting past it)."""


class _Budget:
    """The time left for one fetch, and the sockets it uses: when the deadline passes, a timer
    shuts them down, which ends a read blocked on a server that sends a byte now and then."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.ends_at = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()

    def left(self) -> float:
        """Seconds left; raises `DeadlineExceeded` when none are."""
        left = self.ends_at - time.monotonic()
        if left <= 0 or self.expired:
            self.expired = True
            raise DeadlineExceeded(f"deadline of {self.seconds:g} s exceeded")
        return left

    def allow(self, seconds: float) -> None:
        """Raise `DeadlineExceeded` at once when waiting `seconds` would pass the deadline."""
        if seconds >= self.left():
            self.expired = True
            raise DeadlineExceeded(f"deadline of {self.seconds:g} s exceeded")

    def wait(self, seconds: float) -> None:
        """Sleep `seconds` unless that would pass the deadline."""
        self.allow(seconds)
        time.sleep(seconds)

    def watch(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shutdown(sock)

    def expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shutdown(sock)


def _shutdown(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed
        sock.shutdown(socket.SHUT_RDWR)


_ACTIVE = threading.local()  # the _Budget of the fetch running on this thread


def _budget() -> _Budget | None:
    return getattr(_ACTIVE, "budget", None)


class _WatchedHTTPConnection(HTTPConnection):
    """A connection whose socket the running fetch's budget can shut down."""

    def connect(self) -> None:
        super().connect()
        _watch(self.sock)

    def request(self, *args: object, **kwargs: object) -> None:  # type: ignore[override]
        _watch(self.sock)  # a kept-alive socket, reused by this fetch
        super().request(*args, **kwargs)  # type: ignore[arg-type]


class _WatchedHTTPSConnection(HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _watch(self.sock)

    def request(self, *args: object, **kwargs: object) -> None:  # type: ignore[override]
        _watch(self.sock)
        super().request(*args, **kwargs)  # type: ignore[arg-type]


def _watch(sock: socket.socket | None) -> None:
    budget = _budget()
    if budget is not None:
        budget.watch(sock)


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


class PinnedAdapter(HTTPAdapter):
    """Resolves and checks each request's host once and connects to that checked address,
    sending the original name as Host and as the TLS server name (checked in the certificate)."""

    def __init__(self, *, allow_private_hosts: bool, max_retries: Retry) -> None:
        self.allow_private_hosts = allow_private_hosts
        super().__init__(max_retries=max_retries)

    def init_poolmanager(self, *args: object, **kwargs: object) -> None:
        super().init_poolmanager(*args, **kwargs)  # type: ignore[arg-type]
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}

    def build_connection_pool_key_attributes(
        self,
        request: requests.PreparedRequest,
        verify: bool | str,
        cert: str | tuple[str, str] | None = None,
    ) -> tuple[dict[str, object], dict[str, object]]:
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(
            request, verify, cert
        )
        name = str(host_params["host"])
        checked = check_url(str(request.url), allow_private_hosts=self.allow_private_hosts)
        host_params["host"] = checked[0]
        if host_params["scheme"] == "https":
            pool_kwargs["server_hostname"] = name
            pool_kwargs["assert_hostname"] = name
        return host_params, pool_kwargs

    def send(self, request: requests.PreparedRequest, **kwargs: object) -> requests.Response:  # type: ignore[override]
        request.headers["Host"] = urlsplit(str(request.url)).netloc.rpartition("@")[2]
        return super().send(request, **kwargs)  # type: ignore[arg-type]


class CappedRetry(Retry):
    """urllib3 `Retry` whose Retry-After wait is capped, so one header cannot stall a run, and
    whose waits come out of the running fetch's deadline."""

    max_retry_after: float = 60.0

    def get_retry_after(self, response: urllib3.BaseHTTPResponse) -> float | None:
        wait = super().get_retry_after(response)
        return None if wait is None else min(wait, self.max_retry_after)

    def sleep(self, response: urllib3.BaseHTTPResponse | None = None) -> None:
        budget = _budget()
        if budget is not None:
            wait = self.get_retry_after(response) if response is not None else None
            budget.allow(wait if wait is not None else self.get_backoff_time())
        super().sleep(response)


@dataclass
class _HostState:
    robots: RobotFileParser | None = None
    robots_error: str | None = None
    next_request_at: float = 0.0
    # Held while robots.txt is read (once, however many threads ask the origin at once) and
    # while a request takes its turn under the Crawl-delay.
    lock: threading.Lock = field(default_factory=threading.Lock)


class Hosts:
    """What each origin's robots.txt says and when it may be asked next (its Crawl-delay),
    shared by every session and thread given it."""

    def __init__(self) -> None:
        self._origins: dict[str, _HostState] = {}
        self._lock = threading.Lock()

    def state(self, url: str) -> _HostState:
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        with self._lock:
            return self._origins.setdefault(origin, _HostState())


_RUN_HOSTS: dict[int, Hosts] = {}
_RUN_HOSTS_LOCK = threading.Lock()
_SESSION_HOSTS: weakref.WeakKeyDictionary[requests.Session, Hosts] = weakref.WeakKeyDictionary()


def run_hosts(settings: FetchSettings) -> Hosts:
    """The hosts of the run these settings belong to, for as long as the settings object lives:
    every batch of a run (each with its session, some on other threads) reads robots.txt once
    per origin and keeps its Crawl-delay. Keyed by the object, not its value: two runs with
    equal settings are still two runs."""
    key = id(settings)
    with _RUN_HOSTS_LOCK:
        hosts = _RUN_HOSTS.get(key)
        if hosts is None:
            hosts = _RUN_HOSTS[key] = Hosts()
            weakref.finalize(settings, _RUN_HOSTS.pop, key, None)
        return hosts


class _FetchFailed(Exception):
    """Internal: carries a one-line error and the HTTP status to the outcome."""

    def __init__(self, message: str, http_status: int | None = None) -> None:
        super().__init__(message)
        self.http_status = http_status


def make_session(settings: FetchSettings, *, hosts: Hosts | None = None) -> requests.Session:
    """A Session with the User-Agent and the retry policy mounted for http and https, keeping
    robots.txt and Crawl-delay in `hosts` (shared with other sessions), else its own."""
    retry = CappedRetry(
        total=settings.retries,
        connect=settings.retries,
        read=settings.retries,
        status=settings.retries,
        redirect=0,
        other=0,
        backoff_factor=settings.backoff_factor,
        status_forcelist=sorted(settings.retry_statuses),
        allowed_methods=frozenset({"GET", "HEAD"}),
        respect_retry_after_header=True,
        raise_on_status=False,
        raise_on_redirect=False,
    )
    retry.max_retry_after = settings.max_retry_after
    adapter = PinnedAdapter(allow_private_hosts=settings.allow_private_hosts, max_retries=retry)
    session = requests.Session()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers.update({"User-Agent": settings.user_agent, "Accept": ACCEPT})
    _SESSION_HOSTS[session] = hosts if hosts is not None else Hosts()
    return session


def fetch_url(
    url: str,
    *,
    settings: FetchSettings,
    session: requests.Session | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
) -> FetchOutcome:
    """GET `url` within `settings`; conditional when `etag`/`last_modified` are given."""
    started = time.monotonic()
    own_session = session is None
    active = make_session(settings) if session is None else session
    budget = _Budget(settings.deadline)
    timer = threading.Timer(settings.deadline, budget.expire)
    timer.daemon = True
    _ACTIVE.budget = budget
    timer.start()
    try:
        outcome = _fetch(url, active, settings, etag, last_modified, started)
    finally:
        timer.cancel()
        _ACTIVE.budget = None
        if own_session:
            active.close()
    if budget.expired:  # whatever the read returned after its socket was shut down
        message = f"deadline of {settings.deadline:g} s exceeded fetching {outcome.final_url}"
        return _error(outcome.final_url, message, started, outcome.http_status, None)
    return outcome


def _fetch(
    url: str,
    session: requests.Session,
    settings: FetchSettings,
    etag: str | None,
    last_modified: str | None,
    started: float,
) -> FetchOutcome:
    current = url
    response: requests.Response | None = None
    try:
        for redirects in range(settings.max_redirects + 1):
            _check_hop(current, session, settings)
            response = _get(current, session, settings, etag, last_modified)
            if not response.is_redirect:
                break
            target = urljoin(current, response.headers["Location"])
            response.close()
            if redirects == settings.max_redirects:
                raise _FetchFailed(
                    f"too many redirects ({settings.max_redirects}) starting at {url}",
                    response.status_code,
                )
            if urlsplit(target).scheme.lower() not in ("http", "https"):
                raise _FetchFailed(
                    f"refused: redirect from {current} to {target} "
                    "(only http and https are allowed)",
                    response.status_code,
                )
            current = target
        assert response is not None
        return _outcome(response, current, settings, etag, last_modified, started)
    except _FetchFailed as failure:
        return _error(current, str(failure), started, failure.http_status, response)
    except UnsafeSourceError as refusal:
        return _error(current, str(refusal), started, None, response)
    except (requests.RequestException, urllib3.exceptions.HTTPError) as exc:
        return _error(current, _describe(exc, current, settings), started, None, response)
    except ValueError as exc:  # requests parses a redirect's Location even when not following it
        message = f"refused: a malformed URL in the response to {current} ({exc})"
        return _error(current, message, started, None, response)
    finally:
        if response is not None:
            response.close()


def _outcome(
    response: requests.Response,
    url: str,
    settings: FetchSettings,
    etag: str | None,
    last_modified: str | None,
    started: float,
) -> FetchOutcome:
    status = response.status_code
    new_etag = response.headers.get("ETag")
    new_modified = response.headers.get("Last-Modified")
    if status == HTTPStatus.NOT_MODIFIED:
        return FetchOutcome(
            status="not_modified",
            http_status=status,
            data=None,
            media_type=None,
            charset=None,
            etag=new_etag or etag,
            last_modified=new_modified or last_modified,
            final_url=url,
            error=None,
            elapsed_ms=_elapsed_ms(started),
            attempts=_attempts(response),
        )
    if not 200 <= status < 300 or status == HTTPStatus.NO_CONTENT:
        raise _FetchFailed(f"HTTP {status} {_reason(response)} for {url}", status)
    declared_type, charset = _content_type(response.headers.get("Content-Type"))
    if declared_type and declared_type not in settings.allowed_media_types:
        raise _FetchFailed(f"content type {declared_type} is not a supported text type", status)
    data = _read_body(response, settings.max_bytes)
    return FetchOutcome(
        status="ok",
        http_status=status,
        data=data,
        media_type=sniff_media_type(data, filename=urlsplit(url).path, declared=declared_type),
        charset=charset,
        etag=new_etag,
        last_modified=new_modified,
        final_url=url,
        error=None,
        elapsed_ms=_elapsed_ms(started),
        attempts=_attempts(response),
    )


def _get(
    url: str,
    session: requests.Session,
    settings: FetchSettings,
    etag: str | None,
    last_modified: str | None,
) -> requests.Response:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    budget = _budget()
    left = budget.left() if budget is not None else settings.read_timeout
    return session.get(
        url,
        headers=headers,
        timeout=(min(settings.connect_timeout, left), min(settings.read_timeout, left)),
        allow_redirects=False,
        stream=True,
    )


def _check_hop(url: str, session: requests.Session, settings: FetchSettings) -> None:
    """Safety, robots.txt and Crawl-delay for one request about to be made."""
    check_url(url, allow_private_hosts=settings.allow_private_hosts)
    if not settings.respect_robots:
        return
    host = _SESSION_HOSTS[session].state(url)
    with host.lock:
        if host.robots is None and host.robots_error is None:
            _load_robots(host, url, session, settings)
    if host.robots_error is not None:
        raise _FetchFailed(host.robots_error)
    assert host.robots is not None
    if not host.robots.can_fetch(settings.robots_agent, url):
        raise _FetchFailed(
            f"disallowed by robots.txt for user agent {settings.robots_agent}: {url}"
        )
    delay = host.robots.crawl_delay(settings.robots_agent)
    if delay:
        budget = _budget()
        with host.lock:  # this request's turn, reserved before it waits for it
            turn = max(time.monotonic(), host.next_request_at)
            if budget is not None:
                budget.allow(turn - time.monotonic())  # no turn taken that is never used
            host.next_request_at = turn + min(float(delay), settings.max_crawl_delay)
        time.sleep(max(0.0, turn - time.monotonic()))


def _load_robots(
    host: _HostState, url: str, session: requests.Session, settings: FetchSettings
) -> None:
    """Fetch and parse robots.txt; 4xx means no rules, an unreachable file means keep out
    (RFC 9309, section 2.3.1)."""
    parts = urlsplit(url)
    robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
    outcome = _fetch_robots(robots_url, session, settings)
    parser = RobotFileParser(robots_url)
    if isinstance(outcome, str):
        host.robots_error = outcome
        return
    status, body = outcome
    if 400 <= status < 500:
        parser.parse([])
    elif 200 <= status < 300:
        parser.parse(body.decode("utf-8", "replace").splitlines())
    else:
        host.robots_error = (
            f"robots.txt at {robots_url} is unreachable (HTTP {status}); "
            "treated as disallowing everything"
        )
        return
    host.robots = parser


def _fetch_robots(
    robots_url: str, session: requests.Session, settings: FetchSettings
) -> tuple[int, bytes] | str:
    """(status, body) of robots.txt after up to `max_redirects` safe redirects, or an error."""
    current = robots_url
    try:
        for _ in range(settings.max_redirects + 1):
            check_url(current, allow_private_hosts=settings.allow_private_hosts)
            with _get(current, session, settings, None, None) as response:
                if response.is_redirect:
                    current = urljoin(current, response.headers["Location"])
                    continue
                if not 200 <= response.status_code < 300:
                    return response.status_code, b""
                return response.status_code, _read_body(response, ROBOTS_MAX_BYTES)
    except (_FetchFailed, UnsafeSourceError) as exc:
        return f"robots.txt at {robots_url} could not be read: {exc}"
    except ValueError as exc:  # a malformed Location, parsed by requests
        return f"robots.txt at {robots_url} could not be read: a malformed URL ({exc})"
    except (requests.RequestException, urllib3.exceptions.HTTPError) as exc:
        return f"robots.txt at {robots_url} is unreachable: {_describe(exc, current, settings)}"
    return f"robots.txt at {robots_url} could not be read: too many redirects"


def _read_body(response: requests.Response, max_bytes: int) -> bytes:
    """The decoded body, refusing (early when Content-Length says so) past `max_bytes`."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _FetchFailed(
            f"body larger than {max_bytes} bytes (Content-Length {declared})",
            response.status_code,
        )
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_content(CHUNK_BYTES):
        total += len(chunk)
        if total > max_bytes:
            raise _FetchFailed(f"body larger than {max_bytes} bytes", response.status_code)
        chunks.append(chunk)
    return b"".join(chunks)


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    """('text/html', 'utf-8') from 'text/html; charset="UTF-8"'.

    >>> _content_type('text/HTML; charset="UTF-8"')
    ('text/html', 'UTF-8')
    """
    if not header:
        return None, None
    media, *params = header.split(";")
    charset = None
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media.strip().lower() or None, charset


def _describe(exc: BaseException, url: str, settings: FetchSettings) -> str:
    """One line for a network failure, looking through requests' and urllib3's wrappers."""
    chain: list[BaseException] = []
    seen: BaseException | None = exc
    while seen is not None and seen not in chain:
        chain.append(seen)
        nested = getattr(seen, "reason", None)
        if not isinstance(nested, BaseException) and seen.args:
            nested = seen.args[0] if isinstance(seen.args[0], BaseException) else None
        seen = nested or seen.__cause__ or seen.__context__
    host = urlsplit(url).hostname or url
    for item in chain:
        # NameResolutionError < NewConnectionError < ConnectTimeoutError in urllib3 2.x.
        if isinstance(item, urllib3.exceptions.NameResolutionError):
            return f"cannot resolve host {host}"
        if isinstance(item, urllib3.exceptions.NewConnectionError):
            reason = _first_line(item).split("): ", 1)[-1]
            return f"cannot connect to {urlsplit(url).netloc}: {reason}"
        if isinstance(item, urllib3.exceptions.ConnectTimeoutError | requests.ConnectTimeout):
            return f"connect timed out after {settings.connect_timeout:g} s to {host}"
        if isinstance(item, urllib3.exceptions.ReadTimeoutError | requests.ReadTimeout):
            return f"read timed out after {settings.read_timeout:g} s for {url}"
        if isinstance(item, urllib3.exceptions.SSLError | requests.exceptions.SSLError):
            return f"TLS error for {host}: {_first_line(item)}"
        if isinstance(
            item, urllib3.exceptions.ProtocolError | requests.exceptions.ChunkedEncodingError
        ):
            return f"connection broken while reading {url}: {_first_line(item)}"
        if isinstance(item, requests.exceptions.ContentDecodingError):
            return f"cannot decompress the body of {url}: {_first_line(item)}"
    return f"{type(exc).__name__} for {url}: {_first_line(exc)}"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__


def _reason(response: requests.Response) -> str:
    """The standard reason phrase ('Not Found'), else what the server sent."""
    try:
        return HTTPStatus(response.status_code).phrase
    except ValueError:
        return str(response.reason or "").strip()


def _attempts(response: requests.Response) -> int:
    retries = getattr(response.raw, "retries", None)
    return 1 + len(retries.history) if retries is not None else 1


def _elapsed_ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)


def _error(
    url: str,
    message: str,
    started: float,
    http_status: int | None,
    response: requests.Response | None,
) -> FetchOutcome:
    return FetchOutcome(
        status="error",
        http_status=http_status,
        data=None,
        media_type=None,
        charset=None,
        etag=None,
        last_modified=None,
        final_url=url,
        error=message,
        elapsed_ms=_elapsed_ms(started),
        attempts=_attempts(response) if response is not None else 1,
    )
