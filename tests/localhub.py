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
c.Spawner.args = s["args"]
c.Spawner.environment = {{"PATH": s["path"]}}
c.Spawner.start_timeout = 600
c.Spawner.http_timeout = 600
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
    """The result of running a notebook's code cells in a student's kernel."""

    path: str
    seconds: float = 0.0
    cells: int = 0
    errors: list[str] = field(default_factory=list)
    reconnects: int = 0  #: kernel websocket connections made again (as JupyterLab reconnects)
    retries: int = 0  #: REST calls repeated after a 404 or 5xx under load


def _execute_message(code: str, session: str) -> tuple[str, str]:
    msg_id = uuid.uuid4().hex
    message = {
        "header": {"msg_id": msg_id, "username": "student", "session": session, "msg_type": "execute_request",
                   "version": "5.3", "date": datetime.now(timezone.utc).isoformat()},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True},
    }
    return msg_id, json.dumps(message)


async def _await_idle(connection, msg_id: str, timeout: float, errors: list[str]) -> None:
    """Read the kernel's messages until the cell ``msg_id`` is done; errors go into ``errors``."""
    while True:
        raw = await asyncio.wait_for(connection.read_message(), timeout)
        if raw is None:
            raise ConnectionError("the kernel's websocket closed")
        if isinstance(raw, bytes):
            continue  # a message with binary buffers (a widget's state): nothing to check
        reply = json.loads(raw)
        if reply.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind, content = reply.get("msg_type"), reply.get("content", {})
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

    async def connect(self, attempts: int = 3) -> None:
        from tornado.httpclient import HTTPClientError, HTTPRequest
        from tornado.websocket import websocket_connect

        request = HTTPRequest(self.url, headers={"Authorization": f"token {self.token}"},
                              connect_timeout=300, request_timeout=300)
        for attempt in range(attempts):
            try:
                self.connection = await websocket_connect(request)
                return
            except (HTTPClientError, OSError):
                if attempt == attempts - 1:
                    raise
                self.reconnects += 1
                await asyncio.sleep(5)

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
                self.reconnects += 1
                await self.connect()
        return errors

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()


async def _call(hub: LocalHub, run: NotebookRun, *args):
    """A REST call through the hub; retried twice on a 404/5xx, as a student would reload."""
    for attempt in range(3):
        try:
            return await asyncio.to_thread(hub.api, *args)
        except HTTPError as exc:
            if attempt == 2 or not (exc.code == 404 or exc.code >= 500):
                raise RuntimeError(f"{args[0]} {args[1]}: HTTP {exc.code} {exc.reason}") from exc
            run.retries += 1
            await asyncio.sleep(5)


async def run_notebook(hub: LocalHub, student: str, path: str, token: str, cell_timeout: float = 600) -> NotebookRun:
    """Open ``path`` (in the student's home) as a notebook session and run every code cell in order."""
    run = NotebookRun(path=path)
    base = f"/user/{student}/api"
    notebook = await _call(hub, run, "GET", f"{base}/contents/{quote(path)}?content=1", None, token)
    cells = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
             for c in notebook["content"]["cells"] if c["cell_type"] == "code"]
    session = await _call(hub, run, "POST", f"{base}/sessions", {"path": path, "type": "notebook",
                          "name": Path(path).name, "kernel": {"name": "python3"}}, token)
    ws_url = (hub.url.replace("http", "ws", 1) + f"{base}/kernels/{session['kernel']['id']}/channels"
              f"?session_id={uuid.uuid4().hex}")
    link = KernelLink(ws_url, token)
    started = time.perf_counter()
    try:
        await link.connect()
        for code in cells:
            run.cells += 1
            run.errors += [f"cell {run.cells}: {e}" for e in await link.run_cell(code, session["id"], cell_timeout)]
            if run.errors:
                break
    finally:
        link.close()
        run.seconds = time.perf_counter() - started
        run.reconnects = link.reconnects
        await _call(hub, run, "DELETE", f"{base}/sessions/{session['id']}", None, token)
    return run
