# JupyterHub on ONE server for a class taking the medialit course.
#
# Two ways to use this file (the instructor guide, book/instructor/jupyterhub.md, walks through both):
#   * The Littlest JupyterHub (TLJH): copy it to /opt/tljh/config/jupyterhub_config.d/medialit.py
#     and run `sudo tljh-config reload`. TLJH keeps its own authenticator and spawner (one system
#     user per student, memory limits through systemd); this file adds the course's settings.
#   * A plain JupyterHub on one machine: `jupyterhub -f hub/jupyterhub_config.py`. By default
#     students log in with their accounts on the machine (PAM) and each server runs as that user.
#
# The student servers need, in their Python environment: medialit (the wheel, or
# `pip install -c constraints.txt .` from a clone), jupyterhub (same major version as the hub)
# and nbgitpuller; `pip install -c constraints.txt ".[test]"` or binder/requirements.txt has them.
# Sizes below come from benchmarks/bench_class.py (see the sizing table in the guide).
import os
import secrets
import shutil
import weakref

c = get_config()  # noqa: F821 (JupyterHub provides get_config when it loads this file)

# Every student lands in JupyterLab; an nbgitpuller link then opens the lesson it names.
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"

# One class logging in at the start of a lesson: spawns queue rather than fail, and a busy
# machine gets time to start each server.
c.JupyterHub.concurrent_spawn_limit = int(os.environ.get("MEDIALIT_CONCURRENT_SPAWNS", "30"))
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120

# Kernels on one machine talk to their student's server over Unix sockets (IPC), not TCP.
# With TCP, every server picks free ports for each kernel it starts and the kernel binds them
# a moment later; when a whole class opens a lesson at the same moment, another student's
# kernel can take a port in between. bench_class.py saw 2-4 such clashes in each 30-student
# run: kernels died with "Address already in use" or stayed out of reach of their server
# until the student closed and reopened the notebook. Unix sockets have no ports to share:
# jupyter_client names each kernel's sockets after its connection file
# (<runtime dir>/kernel-<id>-ipc-1 ... -5), so they are private to the kernel.
# cache_ports=False: never keep TCP ports across restarts (jupyter_client already skips the
# cache for IPC; this keeps a restart safe if the transport is set back to TCP).
c.Spawner.args = ["--KernelManager.transport=ipc", "--KernelManager.cache_ports=False"]


_RUNTIME_DIRS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _short_runtime_dir(spawner) -> str:
    """A new short, private runtime folder for each server start.

    A Unix socket path may be at most 107 bytes, and the kernel's socket names add 49 to the
    folder's path; the default folder (~/.local/share/jupyter/runtime) can be too long. The
    server creates the folder with mode 700. The name is random, so another user on the
    machine cannot create it first (a fixed /tmp/jupyter-NAME could be taken by a student
    with a terminal).
    """
    path = _RUNTIME_DIRS[spawner] = f"/tmp/jupyter-{secrets.token_hex(8)}"
    return path


def _remove_runtime_dir(spawner) -> None:
    """The server is stopped: its runtime folder (server info, cookie secret) goes too."""
    path = _RUNTIME_DIRS.pop(spawner, None)
    if path:
        shutil.rmtree(path, ignore_errors=True)  # refuses a symlink; gone already is fine


c.Spawner.environment = {"JUPYTER_RUNTIME_DIR": _short_runtime_dir}
c.Spawner.post_stop_hook = _remove_runtime_dir

# Memory per student: the server plus one lesson's kernel peaked at 415-416 MB in
# bench_class.py (10 and 30 students at once); the limit leaves room for a student's own
# article and a second open kernel.
# Spawners that enforce limits (TLJH's systemd spawner, DockerSpawner) use these; the plain
# local spawner only passes them to the server as MEM_LIMIT.
c.Spawner.mem_guarantee = os.environ.get("MEDIALIT_MEM_GUARANTEE", "512M")
c.Spawner.mem_limit = os.environ.get("MEDIALIT_MEM_LIMIT", "1G")
c.Spawner.cpu_limit = float(os.environ.get("MEDIALIT_CPU_LIMIT", "1"))

# Servers left open after class are stopped by the idle culler (TLJH runs one; on a plain hub
# add the jupyterhub-idle-culler service). Students' files stay in their home folders.
c.JupyterHub.shutdown_on_logout = False
