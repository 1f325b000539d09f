"""The JupyterHub path, for real: a local hub, a student, the nbgitpuller link, a lesson run.

The hub loads ``hub/jupyterhub_config.py`` (with the dummy authenticator and the simple
local spawner swapped in, see ``tests/localhub.py``). A student is created (REST API),
logs in through the hub's login form, and following the link that ``medialit link`` prints (through the
hub's ``user-redirect``) reaches nbgitpuller in the student's own server, which clones a
local clone of this repository into the student's home; Lesson 0 from that copy then runs
top to bottom in a kernel reached through the hub. JupyterLab's settings in that server
carry the course's override (no "Jupyter news?" pop-up).

Skipped, with the reason, where jupyterhub, nbgitpuller or configurable-http-proxy is
missing (``.ci/run`` installs them). Run only this: ``.venv/bin/python -m pytest -m hub``.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import localhub  # noqa: E402

from medialit.course.link import nbgitpuller_link  # noqa: E402

pytestmark = [pytest.mark.hub, pytest.mark.notebooks]
ROOT = Path(__file__).resolve().parents[1]
STUDENT = "alice"


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    reason = localhub.missing_pieces()
    if reason:
        pytest.skip(f"local JupyterHub unavailable: {reason}")
    started = time.perf_counter()
    with localhub.LocalHub(tmp_path_factory.mktemp("hub")) as running:
        print(f"\nhub started in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        yield running


@pytest.fixture(scope="module")
def course_repo(tmp_path_factory) -> tuple[str, str]:
    """A local clone of this repository with its current commit on a branch: (file URL, branch)."""
    folder = tmp_path_factory.mktemp("origin") / "medialit"
    git = ["git", "-c", "advice.detachedHead=false"]
    subprocess.run([*git, "clone", "--quiet", "--no-checkout", str(ROOT), str(folder)], check=True)
    subprocess.run([*git, "-C", str(folder), "fetch", "--quiet", str(ROOT), "HEAD"], check=True)
    subprocess.run([*git, "-C", str(folder), "branch", "--force", "course-test", "FETCH_HEAD"], check=True)
    return folder.as_uri(), "course-test"


def _pull(hub: localhub.LocalHub, link_url: str, browser) -> dict:
    """Follow the link as the student's browser would; then do what its page's script does (the pull)."""
    with browser.open(link_url, timeout=300) as response:
        final_url, page = response.url, response.read().decode("utf-8", errors="replace")
    assert response.status == 200 and f"/user/{STUDENT}/git-pull" in final_url, final_url
    assert "git-pull" in page
    params = {k: v[0] for k, v in parse_qs(urlsplit(final_url).query).items()}
    api = {k: params[k] for k in ("repo", "branch", "targetpath")}
    events = []
    with browser.open(f"{hub.url}/user/{STUDENT}/git-pull/api?{urlencode(api)}", timeout=300) as stream:
        for line in stream:
            if line.startswith(b"data: "):
                events.append(json.loads(line[6:]))
                if events[-1].get("phase") in ("finished", "error"):
                    break
    assert events and events[-1]["phase"] == "finished", events[-3:]
    return params


def test_a_student_follows_the_link_and_runs_lesson_0(hub, course_repo):
    repo, branch = course_repo
    token = hub.add_student(STUDENT)
    started = time.perf_counter()
    hub.start_server(STUDENT)
    print(f"{STUDENT}'s server ready in {time.perf_counter() - started:.1f} s", file=sys.stderr)

    browser = hub.login(STUDENT)  # the hub's login form (dummy authenticator)
    link = nbgitpuller_link(hub.url, repo=repo, branch=branch, lesson=0)
    params = _pull(hub, link, browser)
    home = hub.workdir / "homes" / STUDENT
    lesson = params["urlpath"].removeprefix("lab/tree/")
    assert (home / lesson).is_file(), f"nbgitpuller did not put {lesson} in the student's home"
    assert (home / "medialit" / "lessons" / "quizzes").is_dir()

    # A thread of its own: the session's shared Playwright browser keeps an event loop
    # running in this one (tests/conftest.py), and asyncio.run refuses to nest.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        run = pool.submit(asyncio.run, localhub.run_notebook(hub, STUDENT, lesson, token)).result()
    print(f"{lesson}: {run.cells} cells in {run.seconds:.1f} s in {STUDENT}'s server", file=sys.stderr)
    assert run.cells > 3 and not run.errors, run.errors


def test_the_students_jupyterlab_asks_nothing_about_news(hub):
    token = hub.add_student("bob")
    hub.start_server("bob")
    settings = hub.api("GET", "/user/bob/lab/api/settings/@jupyterlab/apputils-extension:notification",
                       token=token)
    defaults = settings["schema"]["properties"]  # overrides change the defaults a new student gets
    assert not settings["settings"]  # bob has set nothing himself
    assert defaults["fetchNews"]["default"] == "false"  # "none" would ask every new student
    assert defaults["checkForUpdates"]["default"] is False


def test_kernels_talk_to_the_server_over_unix_sockets(hub):
    """No TCP ports for kernels (students' kernels took each other's): IPC, in a short private folder
    that goes when the server stops."""
    environ = Path("/proc/self/environ")
    if not environ.exists():
        pytest.skip("needs /proc to read the server's environment")
    token = hub.add_student("carol")
    hub.start_server("carol")
    env = dict(item.split("=", 1) for item in
               Path(f"/proc/{hub.server_pid('carol')}/environ").read_text().split("\0") if "=" in item)
    runtime = Path(env["JUPYTER_RUNTIME_DIR"])
    kernel = hub.api("POST", "/user/carol/api/kernels", {"name": "python3"}, token=token)
    try:
        info = json.loads((runtime / f"kernel-{kernel['id']}.json").read_text())
        assert info["transport"] == "ipc", info
        sockets = [Path(f"{info['ip']}-{info[name]}") for name in
                   ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")]
        deadline = time.monotonic() + 60
        while not all(path.is_socket() for path in sockets) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert all(path.is_socket() for path in sockets), sockets
        assert max(len(str(path).encode()) for path in sockets) <= 107
        assert runtime.stat().st_mode & 0o077 == 0  # the student's alone
    finally:
        hub.api("DELETE", f"/user/carol/api/kernels/{kernel['id']}", token=token)
    hub.api("DELETE", "/hub/api/users/carol/server")
    deadline = time.monotonic() + 60
    while runtime.exists() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not runtime.exists(), f"{runtime} left behind when the server stopped"
