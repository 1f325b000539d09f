"""A class under load: N students on a local JupyterHub run Lessons 0 to 3 at the same moment.

    .venv/bin/python benchmarks/bench_class.py --students 10

Starts a local JupyterHub (``tests/localhub.py``: the course's ``hub/jupyterhub_config.py``
with the dummy authenticator and the simple local spawner), creates N students, puts the
course in each student's home (as an nbgitpuller link would), starts their N servers, and
then has every student run Lessons 0 to 3 top to bottom, one after the other, all
students at once: each lesson is opened as a notebook session and its code cells run in
order in that session's kernel, through the hub's proxy and the server's REST and
websocket API, as a class pressing "Run all" would. A lesson's kernel is shut down when
it has finished (the student closes the notebook), as in a class moving on.

Memory is sampled twice a second: per student, the resident memory (RSS) of their server
process plus its children (the kernel). Prints one line per student, the machine's load,
and last::

    class: N students, failures F, median run-all S s, slowest S s, peak memory per student M MB

where run-all is the time of one lesson, top to bottom, and the peak is the largest
student's. Needs jupyterhub, nbgitpuller, psutil (the test extra) and configurable-http-proxy
(``npm install``); says so and exits 0 where they are missing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import localhub  # noqa: E402

LAST_LESSON = 3
#: A cell that has not finished after this long counts as a failure (e.g. a kernel that died while
#: starting on an overloaded machine: the server gives up on it after 60 s without a reply).
CELL_TIMEOUT = 600


def lessons(last: int = LAST_LESSON) -> list[str]:
    """The lesson notebooks 0..last, as paths relative to a student's home."""
    found = sorted((ROOT / "lessons").glob("[0-9][0-9]-*.ipynb"))
    return [f"medialit/lessons/{p.name}" for p in found if int(p.name[:2]) <= last]


class MemorySampler(threading.Thread):
    """Peak RSS of each student's server plus its child processes (the kernels)."""

    def __init__(self, pids: dict[str, int], every: float = 0.5):
        super().__init__(daemon=True)
        self.pids, self.every = pids, every
        self.peak = dict.fromkeys(pids, 0)
        self.max_load = 0.0
        self.stopped = threading.Event()

    def tree_rss(self, pid: int) -> int:
        import psutil

        try:
            root = psutil.Process(pid)
            total = root.memory_info().rss
            for child in root.children(recursive=True):
                try:
                    total += child.memory_info().rss
                except psutil.Error:
                    pass
            return total
        except psutil.Error:
            return 0

    def run(self) -> None:
        while not self.stopped.is_set():
            for name, pid in self.pids.items():
                self.peak[name] = max(self.peak[name], self.tree_rss(pid))
            self.max_load = max(self.max_load, os.getloadavg()[0])
            self.stopped.wait(self.every)


async def run_student(hub: localhub.LocalHub, name: str, token: str, paths: list[str]) -> list[localhub.NotebookRun]:
    # run_notebook does not raise: a failed lesson carries its cause in .errors
    return [await localhub.run_notebook(hub, name, path, token, cell_timeout=CELL_TIMEOUT) for path in paths]


#: What the students' servers said about their kernels (in the hub's log, which collects them).
SERVER_SIGNS = {
    "kernel ports taken by another kernel": "Address already in use",
    "kernel restarts by a server": "restarting kernel (",
    "kernels given up by a server": "died, removing from map",
    "kernels that did not answer kernel_info in time": "Timeout waiting for kernel_info reply",
    "messages signed by another student's server (rejected)": "Invalid Signature",
}


def server_signs(log: str) -> dict[str, int]:
    return {label: log.count(sign) for label, sign in SERVER_SIGNS.items()}


def _prepare(hub: localhub.LocalHub, students: int) -> dict[str, str]:
    # One snapshot of the course first (the repository may change while the class runs).
    snapshot = hub.workdir / "course-snapshot"
    for folder in ("lessons", "datasets"):
        shutil.copytree(ROOT / folder, snapshot / folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    wanted = sorted(p.relative_to(snapshot) for p in snapshot.rglob("*"))
    tokens = {}
    for i in range(students):
        name = f"student{i + 1:03d}"
        tokens[name] = hub.add_student(name)
        course = hub.workdir / "homes" / name / "medialit"
        shutil.copytree(snapshot, course)
        if sorted(p.relative_to(course) for p in course.rglob("*")) != wanted:
            raise RuntimeError(f"copying the course into {name}'s home was incomplete")
    return tokens


def _start_servers(hub: localhub.LocalHub, names: list[str]) -> float:
    started = time.perf_counter()
    for name in names:
        hub.api("POST", f"/hub/api/users/{name}/server")
    for name in names:
        hub.start_server(name)  # waits until ready (it is already starting)
    return time.perf_counter() - started


def _report(results: dict[str, list[localhub.NotebookRun]], sampler: MemorySampler, students: int) -> None:
    times, failures = [], 0
    for name, runs in results.items():
        cells = " ".join(f"L{Path(r.path).name[:2]} {r.seconds:5.1f}s" for r in runs)
        errors = [f"{Path(r.path).name}: {e}" for r in runs for e in r.errors]
        failures += sum(1 for r in runs if r.errors)
        times += [r.seconds for r in runs if not r.errors]
        failed = f"  FAILED {errors[:2]}" if errors else ""
        print(f"{name}: peak {sampler.peak[name] / 2**20:6.0f} MB  {cells}{failed}")
    by_lesson: dict[str, list[float]] = {}
    for runs in results.values():
        for r in runs:
            if not r.errors:
                by_lesson.setdefault(Path(r.path).name, []).append(r.seconds)
    for lesson, values in sorted(by_lesson.items()):
        print(f"{lesson}: median {statistics.median(values):.1f} s, slowest {max(values):.1f} s")
    every = [r for runs in results.values() for r in runs]
    for name, runs in results.items():
        for r in runs:
            for event in r.events:
                print(f"  repeated: {name} {Path(r.path).name[:2]}: {event}")
    print(f"repeated, not failures: kernel websockets reconnected (as JupyterLab does) "
          f"{sum(r.reconnects for r in every)}; REST calls made again after a connection error, 404/424 or 5xx "
          f"(a reload) {sum(r.retries for r in every)}; lessons run again from the top after the server "
          f"restarted their kernel {sum(r.restarts for r in every)}; notebooks closed and opened again with a new "
          f"kernel (theirs out of reach) {sum(r.reopens for r in every)}")
    peak = max(sampler.peak.values()) / 2**20
    mean_peak = statistics.mean(sampler.peak.values()) / 2**20
    total = sum(sampler.peak.values()) / 2**20
    print(f"memory: largest student {peak:.0f} MB, mean {mean_peak:.0f} MB, sum of the students' peaks {total:.0f} MB")
    print(f"load: {os.cpu_count()} cores, highest 1-minute load average during the run {sampler.max_load:.1f}")
    median = statistics.median(times) if times else float("nan")
    slowest = max(times) if times else float("nan")
    print(f"class: {students} students, failures {failures}, median run-all {median:.1f} s, slowest {slowest:.1f} s, "
          f"peak memory per student {peak:.0f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=10, help="how many students (default 10)")
    parser.add_argument("--log", type=Path, help="copy the hub's log (with the students' servers' logs) here")
    args = parser.parse_args(argv)
    if args.students < 1:
        print("bench_class: --students must be at least 1", file=sys.stderr)
        return 2
    reason = localhub.missing_pieces()
    if reason:
        print(f"bench_class: skipped, local JupyterHub unavailable: {reason}")
        return 0
    paths = lessons()
    begun = time.perf_counter()
    print(f"load before: {os.getloadavg()[0]:.1f} (1-minute average, {os.cpu_count()} cores); "
          f"lessons {', '.join(Path(p).name for p in paths)}")
    with tempfile.TemporaryDirectory(prefix="bench-class-") as tmp, \
            localhub.LocalHub(Path(tmp), spawn_limit=args.students) as hub:
        tokens = _prepare(hub, args.students)
        print(f"{args.students} servers ready in {_start_servers(hub, list(tokens)):.1f} s")
        sampler = MemorySampler({name: hub.server_pid(name) for name in tokens})
        idle = [sampler.tree_rss(pid) for pid in sampler.pids.values()]
        print(f"an idle student server (no kernel yet): {statistics.mean(idle) / 2**20:.0f} MB on average")
        sampler.start()

        async def everyone():
            return await asyncio.gather(*(run_student(hub, n, t, paths) for n, t in tokens.items()))

        started = time.perf_counter()
        results = dict(zip(tokens, asyncio.run(everyone()), strict=True))
        sampler.stopped.set()
        sampler.join()
        print(f"the whole class finished Lessons 0-{LAST_LESSON} in {time.perf_counter() - started:.1f} s")
        print(f"load at the end: {_uptime_load()}")
        hub.stop()
        log = (hub.workdir / "jupyterhub.log").read_text(encoding="utf-8", errors="replace")
        print("the servers' log: " + "; ".join(f"{label} {n}" for label, n in server_signs(log).items()))
        if args.log:
            shutil.copyfile(hub.workdir / "jupyterhub.log", args.log)
            print(f"the hub's log: {args.log}")
        cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
        print(f"CPU time of the hub, proxy, servers and kernels (start to stop): user {cpu.ru_utime:.0f} s, "
              f"system {cpu.ru_stime:.0f} s, over {time.perf_counter() - begun:.0f} s wall on {os.cpu_count()} cores")
        _report(results, sampler, args.students)
    return 0


def _uptime_load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} (1, 5, 15 minutes)"


if __name__ == "__main__":
    sys.exit(main())
