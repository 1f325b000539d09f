"""A local JupyterHub for tests and benchmarks: start it, add students, run notebooks in their servers.

Used by ``tests/test_hub.py`` and ``benchmarks/bench_class.py``. The hub loads the course's
``hub/jupyterhub_config.py`` and then swaps in what a test needs: the dummy authenticator,
the simple local spawner (every student's server runs as this user, with its own home
folder), free ports, and a temporary folder for the database and cookie secret. A service
token with admin scopes drives the REST API; kernels are reached through the hub's proxy at
``/user/NAME/api/...``, as a student's browser reaches them.

Needs jupyterhub and nbgitpuller (``pip install -c constraints.txt -e ".[test]"``) and
configurable-http-proxy (``npm install``, found in ``node_modules/.bin`` or on PATH).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import quote, urlencode
from urllib.request import HTTPCookieProcessor, OpenerDirector, Request, build_opener, urlopen

ROOT = Path(__file__).resolve().parents[1]
HUB_CONFIG = ROOT / "hub" / "jupyterhub_config.py"
SERVICE = "medialit-test"


def missing_pieces() -> str | None:
    """Why a local hub cannot start here (a message), or None when every piece is present."""
    import importlib.util

    for module in ("jupyterhub", "nbgitpuller"):
        if importlib.util.find_spec(module) is None:
            return f"{module} is not installed (pip install -c constraints.txt -e '.[test]')"
    if proxy_command() is None:
        return "configurable-http-proxy not found (npm install, at the top of the repository)"
    if shutil.which("git") is None:
        return "git not found"
    if shutil.which("jupyterhub-singleuser", path=str(Path(sys.executable).parent)) is None:
        return "jupyterhub-singleuser is not beside this Python"
    return None


def proxy_command() -> str | None:
    """configurable-http-proxy from ``node_modules/.bin`` (npm install) or PATH."""
    local = ROOT / "node_modules" / ".bin" / "configurable-http-proxy"
    return str(local) if local.is_file() else shutil.which("configurable-http-proxy")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _test_config(workdir: Path, port: int, token: str, spawn_limit: int) -> str:
    bin_dir = Path(sys.executable).parent
    args = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    settings = {
        "hub_config": str(HUB_CONFIG),
        "bind_url": f"http://127.0.0.1:{port}",
        "hub_port": free_port(),
        "proxy_api": f"http://127.0.0.1:{free_port()}",
        "proxy": proxy_command(),
        "db": f"sqlite:///{workdir / 'jupyterhub.sqlite'}",
        "secret": str(workdir / "jupyterhub_cookie_secret"),
        "homes": str(workdir / "homes" / "{username}"),
        "singleuser": str(bin_dir / "jupyterhub-singleuser"),
        "args": args,
        "token": token,
        "spawn_limit": spawn_limit,
        "path": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    return f"""# Written by tests/localhub.py: the course's hub config, then what a local test needs.
import json
s = json.loads({json.dumps(json.dumps(settings))})
load_subconfig(s["hub_config"])
c.JupyterHub.authenticator_class = "dummy"
c.JupyterHub.spawner_class = "simple"
c.Authenticator.allow_all = True
c.JupyterHub.bind_url = s["bind_url"]
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = s["hub_port"]
c.ConfigurableHTTPProxy.api_url = s["proxy_api"]
c.ConfigurableHTTPProxy.command = [s["proxy"]]
c.ConfigurableHTTPProxy.should_start = True
c.JupyterHub.db_url = s["db"]
c.JupyterHub.cookie_secret_file = s["secret"]
c.JupyterHub.cleanup_servers = True
c.JupyterHub.concurrent_spawn_limit = s["spawn_limit"]
c.JupyterHub.active_server_limit = 0
c.SimpleLocalProcessSpawner.home_dir_template = s["homes"]
c.Spawner.cmd = [s["singleuser"]]
c.Spawner.args.extend(s["args"])  # after the course's own (its kernel settings)
c.Spawner.environment.update({{"PATH": s["path"]}})  # keeps the course's runtime folder
c.JupyterHub.services = [{{"name": "{SERVICE}", "api_token": s["token"]}}]
c.JupyterHub.load_roles = [{{
    "name": "{SERVICE}",
    "scopes": ["admin:users", "admin:servers", "admin:server_state", "access:servers", "tokens"],
    "services": ["{SERVICE}"],
}}]
"""


@dataclass
class LocalHub:
    """A JupyterHub on 127.0.0.1 with its state in ``workdir``; use as a context manager."""

    workdir: Path
    spawn_limit: int = 100
    port: int = field(default_factory=free_port)
    token: str = field(default_factory=lambda: secrets.token_hex(32))
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LocalHub:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self, timeout: float = 120) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        config = self.workdir / "jupyterhub_config.py"
        config.write_text(_test_config(self.workdir, self.port, self.token, self.spawn_limit), encoding="utf-8")
        log = (self.workdir / "jupyterhub.log").open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(config)],
            cwd=self.workdir, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the hub exited ({self.process.returncode}):\n{self.log_tail()}")
            try:
                self.api("GET", "/hub/api/")
                return
            except OSError:
                time.sleep(0.5)
        raise TimeoutError(f"the hub did not answer within {timeout:.0f} s:\n{self.log_tail()}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)  # the hub stops the students' servers and the proxy
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def log_tail(self, chars: int = 3000) -> str:
        path = self.workdir / "jupyterhub.log"
        return path.read_text(encoding="utf-8", errors="replace")[-chars:] if path.exists() else ""

    # ------------------------------------------------------------------ REST API

    def api(self, method: str, path: str, body: dict | None = None, token: str | None = None,
            timeout: float = 300) -> dict | list | None:
        """Call the hub (``/hub/api/...``) or a student's server (``/user/NAME/api/...``)."""
        data = json.dumps(body).encode() if body is not None else (b"" if method in ("POST", "PUT") else None)
        request = Request(self.url + path, data=data, method=method,
                          headers={"Authorization": f"token {token or self.token}",
                                   "Content-Type": "application/json"})
        with urlopen(request, timeout=timeout) as response:
            raw = response.read()
        return json.loads(raw) if raw else None

    def add_student(self, name: str) -> str:
        """Create the student (through the REST API) and return a token of their own."""
        (self.workdir / "homes" / name).mkdir(parents=True, exist_ok=True)
        self.api("POST", f"/hub/api/users/{name}")
        reply = self.api("POST", f"/hub/api/users/{name}/tokens", {"note": "medialit test", "expires_in": 7200})
        return reply["token"]

    def start_server(self, name: str, timeout: float = 600) -> None:
        """Start the student's server and wait until it is ready."""
        try:
            self.api("POST", f"/hub/api/users/{name}/server")
        except HTTPError as exc:
            if exc.code != 400:  # 400: already running
                raise
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            server = (self.api("GET", f"/hub/api/users/{name}")["servers"] or {}).get("")
            if server and server.get("ready"):
                return
            time.sleep(1)
        raise TimeoutError(f"{name}'s server was not ready within {timeout:.0f} s:\n{self.log_tail()}")

    def server_pid(self, name: str) -> int | None:
        server = (self.api("GET", f"/hub/api/users/{name}")["servers"] or {}).get("")
        return ((server or {}).get("state") or {}).get("pid")

    def login(self, name: str, password: str = "any") -> OpenerDirector:
        """Log ``name`` in through the hub's login form; returns a browser-like opener with the cookies."""
        jar = CookieJar()
        browser = build_opener(HTTPCookieProcessor(jar))
        with browser.open(f"{self.url}/hub/login", timeout=60) as response:
            form = response.read().decode("utf-8", errors="replace")
        xsrf = re.search(r'name="_xsrf"\s+value="([^"]+)"', form)
        fields = {"username": name, "password": password, **({"_xsrf": xsrf.group(1)} if xsrf else {})}
        with browser.open(f"{self.url}/hub/login", data=urlencode(fields).encode(), timeout=600) as response:
            response.read()
        if not any(cookie.name.startswith("jupyterhub-session") for cookie in jar):
            raise RuntimeError(f"logging {name} in failed:\n{self.log_tail()}")
        return browser


# ---------------------------------------------------------------------- running notebooks


@dataclass
class NotebookRun:
    """The result of running a notebook's code cells in a student's kernel.

    ``errors`` are failures (the first one is the cause). What a student's browser, or the
    student, would simply do again is counted apart and described in ``events``, in order.
    """

    path: str
    seconds: float = 0.0
    cells: int = 0
    errors: list[str] = field(default_factory=list)
    reconnects: int = 0  #: kernel websocket connections made again (as JupyterLab reconnects)
    retries: int = 0  #: REST calls made again after a connection error, 404/424 or 5xx (a reload)
    restarts: int = 0  #: "Run all" pressed again after the server restarted the lesson's kernel
    reopens: int = 0  #: notebook closed and opened again (a new kernel) when its kernel was out of reach
    events: list[str] = field(default_factory=list)


class KernelUnreachable(Exception):
    """The kernel's process runs but no answer comes back through the student's server."""


class KernelRestarted(Exception):
    """The server says the kernel was restarted (``restarting``) or given up (``dead``)."""

    def __init__(self, state: str):
        super().__init__(f"the server reported the kernel {state}")
        self.state = state


def _message(msg_type: str, content: dict, session: str) -> tuple[str, str]:
    msg_id = uuid.uuid4().hex
    message = {
        "header": {"msg_id": msg_id, "username": "student", "session": session, "msg_type": msg_type,
                   "version": "5.3", "date": datetime.now(timezone.utc).isoformat()},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [], "content": content,
    }
    return msg_id, json.dumps(message)


def _execute_message(code: str, session: str) -> tuple[str, str]:
    return _message("execute_request", {"code": code, "silent": False, "store_history": True,
                                        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
                    session)


async def _await_idle(connection, msg_id: str, timeout: float, errors: list[str]) -> None:
    """Read the kernel's messages until the request ``msg_id`` is done; errors go into ``errors``.

    Raises KernelRestarted when the server announces a restart (its own status message, with
    no parent): the request will never be answered, as JupyterLab knows.
    """
    while True:
        raw = await asyncio.wait_for(connection.read_message(), timeout)
        if raw is None:
            raise ConnectionError("the kernel's websocket closed")
        if isinstance(raw, bytes):
            continue  # a message with binary buffers (a widget's state): nothing to check
        reply = json.loads(raw)
        kind, content = reply.get("msg_type"), reply.get("content", {})
        if kind == "status" and not reply.get("parent_header") \
                and content.get("execution_state") in ("restarting", "dead"):
            raise KernelRestarted(content["execution_state"])
        if reply.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        if kind == "error":
            errors.append(f"{content.get('ename')}: {content.get('evalue')}")
        elif kind == "status" and content.get("execution_state") == "idle" and reply.get("channel") == "iopub":
            return


@dataclass
class KernelLink:
    """A kernel's websocket that reconnects as JupyterLab does: same ``session_id``, so the
    server replays what the kernel said while the connection was down."""

    url: str
    token: str
    connection: object = None
    reconnects: int = 0
    events: list[str] = field(default_factory=list)

    async def connect(self, attempts: int = 3) -> None:
        from tornado.httpclient import HTTPClientError, HTTPRequest
        from tornado.websocket import websocket_connect

        request = HTTPRequest(self.url, headers={"Authorization": f"token {self.token}"},
                              connect_timeout=300, request_timeout=300)
        for attempt in range(attempts):
            try:
                self.connection = await websocket_connect(request)
                return
            except (HTTPClientError, OSError) as exc:
                if attempt == attempts - 1:
                    raise
                self.reconnects += 1
                self.events.append(f"kernel websocket: {type(exc).__name__}: {exc}; again in 5 s")
                await asyncio.sleep(5)

    async def reconnect(self, why: str, fresh: bool = False) -> None:
        """Connect again: with the same ``session_id`` (the server replays what was missed), or
        ``fresh``, with a new one, as a reloaded page does. After the server restarted a kernel
        that died starting, the same ``session_id`` gets back channels on the dead kernel's ports
        (seen here: the server's kernel_info nudges went unanswered for 3 x 60 s); a new one gets
        channels on the new kernel's ports."""
        self.reconnects += 1
        self.events.append(f"kernel websocket: {why}; connected again" + (" as a reloaded page" if fresh else ""))
        self.close()
        if fresh:
            self.url = re.sub(r"session_id=\w+", f"session_id={uuid.uuid4().hex}", self.url)
        await self.connect()

    async def ready(self, session: str, timeout: float = 90, attempts: int = 2) -> None:
        """Wait until the kernel answers a kernel_info_request through this connection; connect
        again (as a reloaded page) if it does not. Raises KernelUnreachable after ``attempts``."""
        for attempt in range(attempts):
            msg_id, message = _message("kernel_info_request", {}, session)
            try:
                await self.connection.write_message(message)
                await _await_idle(self.connection, msg_id, timeout, [])
                return
            except (asyncio.TimeoutError, ConnectionError) as exc:
                if attempt == attempts - 1:
                    raise KernelUnreachable(f"the kernel did not answer kernel_info through the server "
                                            f"({attempts} connections, {timeout:.0f} s each)") from exc
                await self.reconnect(f"no answer to kernel_info ({type(exc).__name__})", fresh=True)

    async def run_cell(self, code: str, session: str, timeout: float) -> list[str]:
        msg_id, message = _execute_message(code, session)
        await self.connection.write_message(message)
        errors: list[str] = []
        for attempt in range(3):
            try:
                await _await_idle(self.connection, msg_id, timeout, errors)
                return errors
            except ConnectionError:
                if attempt == 2:
                    raise
                await self.reconnect("the websocket closed during a cell")
            except asyncio.TimeoutError:
                raise TimeoutError(f"the cell had not finished after {timeout:.0f} s") from None
        return errors

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()


async def _call(hub: LocalHub, run: NotebookRun, *args):
    """A REST call through the hub, made again (twice at most, 5 s apart) after a connection
    error, a 404/424 (no route to the server for a moment) or a 5xx, as a student reloads."""
    for attempt in range(3):
        try:
            return await asyncio.to_thread(hub.api, *args)
        except HTTPError as exc:
            if attempt == 2 or not (exc.code in (404, 424) or exc.code >= 500):
                raise RuntimeError(f"{args[0]} {args[1]}: HTTP {exc.code} {exc.reason}") from exc
            reason = f"HTTP {exc.code} {exc.reason}"
        except OSError as exc:  # refused, reset, timed out
            if attempt == 2:
                raise RuntimeError(f"{args[0]} {args[1]}: {type(exc).__name__}: {exc}") from exc
            reason = f"{type(exc).__name__}: {exc}"
        run.retries += 1
        run.events.append(f"{args[0]} {args[1]}: {reason}; again in 5 s")
        await asyncio.sleep(5)


async def _run_all(link: KernelLink, cells: list[str], session: str, run: NotebookRun, timeout: float) -> None:
    run.cells = 0
    for code in cells:
        run.cells += 1
        errors = await link.run_cell(code, session, timeout)
        if errors:
            run.errors += [f"cell {run.cells}: {e}" for e in errors]
            return


async def _run_in_kernel(link: KernelLink, cells: list[str], session: str, run: NotebookRun,
                         timeout: float) -> None:
    """Run the cells top to bottom; when the server restarts the kernel (it died), reconnect
    and run the lesson again from the top, as a student presses "Run all" again (twice at most)."""
    await link.connect()
    for attempt in range(3):
        try:
            await link.ready(session)
            await _run_all(link, cells, session, run, timeout)
            return
        except KernelRestarted as exc:
            if exc.state == "dead" or attempt == 2:
                raise
            run.restarts += 1
            run.events.append(f"cell {run.cells}: the server restarted the kernel; Run all again")
            await asyncio.sleep(2)  # the restart itself (new ports) happens after the announcement
            await link.reconnect("after the kernel's restart", fresh=True)


async def _open_session(hub: LocalHub, run: NotebookRun, base: str, path: str, token: str) -> tuple[dict, KernelLink]:
    session = await _call(hub, run, "POST", f"{base}/sessions", {"path": path, "type": "notebook",
                          "name": Path(path).name, "kernel": {"name": "python3"}}, token)
    link = KernelLink(hub.url.replace("http", "ws", 1) + f"{base}/kernels/{session['kernel']['id']}/channels"
                      f"?session_id={uuid.uuid4().hex}", token, events=run.events)
    return session, link


async def _close_session(hub: LocalHub, run: NotebookRun, base: str, session: dict, token: str,
                         gone_is_fine: bool = False) -> None:
    try:
        await _call(hub, run, "DELETE", f"{base}/sessions/{session['id']}", None, token)
    except RuntimeError as exc:
        if not gone_is_fine:
            run.errors.append(f"closing the session: {exc}")


async def run_notebook(hub: LocalHub, student: str, path: str, token: str, cell_timeout: float = 600) -> NotebookRun:
    """Open ``path`` (in the student's home) as a notebook session and run every code cell in order.

    When the lesson's kernel cannot be reached through the server (it died starting and the
    server lost track of its restart), the notebook is closed and opened again with a new
    kernel, once, as a student would. Does not raise: a failure is in ``errors`` (the first is
    the cause); what was done again is counted and described in ``events``.
    """
    run = NotebookRun(path=path)
    base = f"/user/{student}/api"
    session, link = None, None
    started = time.perf_counter()
    try:
        notebook = await _call(hub, run, "GET", f"{base}/contents/{quote(path)}?content=1", None, token)
        cells = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
                 for c in notebook["content"]["cells"] if c["cell_type"] == "code"]
        for attempt in range(2):
            session, link = await _open_session(hub, run, base, path, token)
            if attempt == 0:
                started = time.perf_counter()
            try:
                await _run_in_kernel(link, cells, session["id"], run, cell_timeout)
                break
            except (KernelUnreachable, KernelRestarted) as exc:
                if attempt == 1:
                    raise
                run.reopens += 1
                run.events.append(f"{exc}; closed the notebook and opened it again (a new kernel)")
                link.close()
                run.reconnects += link.reconnects
                await _close_session(hub, run, base, session, token, gone_is_fine=True)
                session, link = None, None
    except Exception as exc:  # noqa: BLE001 (any failure of this run is reported, with its cause)
        run.errors.append(f"cell {run.cells}: {type(exc).__name__}: {exc}" if run.cells else
                          f"{type(exc).__name__}: {exc}")
    finally:
        run.seconds = time.perf_counter() - started
        if link is not None:
            link.close()
            run.reconnects += link.reconnects
    if session is not None:
        await _close_session(hub, run, base, session, token)
    return run
