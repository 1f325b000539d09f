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

c = get_config()  # noqa: F821 (JupyterHub provides get_config when it loads this file)

# Every student lands in JupyterLab; an nbgitpuller link then opens the lesson it names.
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"

# One class logging in at the start of a lesson: spawns queue rather than fail, and a busy
# machine gets time to start each server.
c.JupyterHub.concurrent_spawn_limit = int(os.environ.get("MEDIALIT_CONCURRENT_SPAWNS", "30"))
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120

# Kernels on one machine. Every student's server picks free TCP ports for each kernel it
# starts and the kernel binds them a moment later; when a whole class opens a lesson at the
# same moment, another student's kernel can take a port in between, and that kernel dies
# with "Address already in use". The server restarts it "with new random ports", but with
# jupyter_client's default port cache it reuses the same ports, so all five restarts fail
# and the kernel is given up (bench_class.py lost 1-2 of 120 lesson runs this way with 30
# students). Without the cache, the restart really picks new ports. A kernel that failed this
# way can still stay out of reach of its server ("Connecting"; 2-3 lessons in 120 with 30
# students): closing the notebook and opening it again starts a fresh one (see the guide).
# (Zero to JupyterHub gives every student a pod of their own, so ports never collide there.)
c.Spawner.args = ["--KernelManager.cache_ports=False"]

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
