#!/usr/bin/env python3
"""The body of bench/run (which installs the tools and builds the release
binaries first). For each store and data size: load the data set
(`csp-portal demo --scale`), start the portal and the ceiling
(examples/ceiling.rs) on the same store, sign in, find each page of the
issue's table, and run one interleaved series with wrk: the ceiling, then a
page, the ceiling, the next page... `--reps` times. Every response is
checked to be the page (bench/check.lua); a run with errors says so.
Then 1 GiB downloads (Download signed in, and a download link) against
nginx serving the same file, and the Software tab while 20 clients sign in.

Figures are medians of the runs; a page's ratio is its req/s (p99) over the
ceiling run just before it, the median of those ratios.
"""
import argparse
import datetime
import html
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import signin_load  # noqa: E402  (bench/signin_load.py: the browser and the sign-in load)

ROOT = Path(__file__).resolve().parent.parent
PORTAL = ROOT / "target/release/csp-portal"
CEILING = ROOT / "target/release/examples/ceiling"
CHECK = ROOT / "bench/check.lua"
PASSWORD = "bench-password-1"
ADMIN = "admin@northwind.example"
CUSTOMER_ADMIN = "ga@contoso.example"
# The data sizes of the table: the arguments after `demo --scale S`.
SIZES = {"1k": ["--contoso", "1000"], "1M": []}
# What wrk counts as not the page: bench/check.lua's two, and its socket errors.
ERROR_KINDS = ("bad_status", "bad_body", "connect", "read", "write", "timeout")
# examples/ceiling.rs's /software: not a page of the portal, a yardstick.
CONTENT_CEILING = "ceiling with the software tab's content"
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def wait_for(port, path="/"):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        c = signin_load.Client("127.0.0.1", port)
        status, _ = c.request("GET", path)
        if status == 200:
            return
        time.sleep(0.2)
    raise SystemExit(f"nothing answered 200 on port {port}{path} within 60 s")


def next_link(body):
    m = re.search(r'rel="next" href="([^"]+)"', body)
    return html.unescape(m.group(1)) if m else None


class Browser(signin_load.Client):
    def request(self, method, path, body=None):
        status, text = super().request(method, path, body)
        if status == 0:
            # The server closed the kept-alive connection while it sat idle
            # (through a series of runs); the client has opened a new one.
            status, text = super().request(method, path, body)
        return status, text

    def get_ok(self, path, marker=None):
        status, body = self.request("GET", path)
        if status != 200 or (marker and marker not in body):
            raise SystemExit(f"GET {path} answered {status}, not the page (marker {marker!r})")
        return body

    def sign_in_ok(self, email):
        status = self.sign_in(email, PASSWORD)
        if status != 303:
            raise SystemExit(f"signing in as {email} answered {status}")
        return self


def wrk(opts, url, marker, cookie=None, seconds=None):
    cmd = ["wrk", f"-t{opts.threads}", f"-c{opts.connections}", f"-d{seconds or opts.duration}s",
           f"--timeout={opts.timeout}s", "--latency", "-s", str(CHECK)]
    if cookie:
        cmd += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(cmd + [url], env=dict(os.environ, BENCH_MARKER=marker),
                         capture_output=True, text=True, check=True).stdout
    line = next((l for l in out.splitlines() if l.startswith("BENCH ")), None)
    if line is None:
        raise SystemExit(f"wrk printed no figures for {url}:\n{out}")
    r = json.loads(line[len("BENCH "):])
    r["rps"] = r["requests"] / (r["duration_us"] / 1e6)
    r["errors"] = sum(r[k] for k in ERROR_KINDS)
    return r


class Store:
    """A scratch store for one data size: an SQLite file or a PostgreSQL database."""

    def __init__(self, kind, size, opts, work):
        self.kind, self.dir = kind, work / f"{kind}-{size}"
        self.dir.mkdir(parents=True)
        self.reused = (kind == "postgres" and opts.use_db) or (kind == "sqlite" and opts.use_sqlite)
        if kind == "sqlite" and self.reused:
            # A data set kept before (`--keep`): its portal.db and data/.
            kept = Path(opts.use_sqlite).resolve()
            self.db, self.admin = str(kept), None
            self.url = f"sqlite://{kept}/portal.db"
        elif kind == "sqlite":
            self.url = f"sqlite://{self.dir}/portal.db"
        elif self.reused:
            # A data set loaded before (`csp-portal demo --scale`), kept as is.
            self.db, self.admin = opts.use_db, None
            self.url = f"{opts.postgres_url}/{self.db}"
        else:
            self.db = f"csp_bench_{os.getpid()}_{size.lower()}"
            self.admin = f"{opts.postgres_url}/postgres"
            psql(self.admin, f"DROP DATABASE IF EXISTS {self.db} WITH (FORCE)")
            psql(self.admin, f"CREATE DATABASE {self.db}")
            self.url = f"{opts.postgres_url}/{self.db}"
        data = Path(opts.use_sqlite).resolve() / "data" if kind == "sqlite" and self.reused else self.dir / "data"
        self.env = dict(os.environ, PORTAL_DATA_DIR=str(data), DATABASE_URL=self.url,
                        DEMO_PASSWORD=PASSWORD, RUST_LOG="warn", PORTAL_JOBS="false",
                        # Lets the sign-in load give each attempt an address of its own.
                        PORTAL_TRUSTED_PROXIES="127.0.0.1")

    def drop(self, keep):
        if self.reused:
            shutil.rmtree(self.dir, ignore_errors=True)
            return
        if self.kind == "postgres" and not keep:
            psql(self.admin, f"DROP DATABASE IF EXISTS {self.db} WITH (FORCE)")
        if not keep:
            shutil.rmtree(self.dir, ignore_errors=True)


def psql(url, sql):
    subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-qc", sql], check=True,
                   stdout=subprocess.DEVNULL)


def generate(store, size, opts):
    cmd = [str(PORTAL), "demo", "--scale", str(opts.scale)] + SIZES[size]
    log(f"loading the data set: {' '.join(cmd[1:])} ({store.kind})")
    t = time.monotonic()
    out = subprocess.run(cmd, env=store.env, capture_output=True, text=True)
    secs = time.monotonic() - t
    if out.returncode != 0:
        raise SystemExit(f"demo --scale failed:\n{out.stdout}\n{out.stderr}")
    parts = [l.strip() for l in out.stdout.splitlines() if re.match(r"^\s+\S.*\brows\b", l)]
    log(f"  loaded in {secs:.0f} s")
    return {"seconds": round(secs, 1), "parts": parts}


class Pages:
    """The issue's pages: (name, path, marker, who) with who in admin/ga/none."""

    def __init__(self, port, admin, ga, cport=None):
        self.list, self.notes = [], {}
        customers = admin.get_ok("/customers")
        first = re.search(rf'href="/customers/({UUID})"', customers)
        self.add("customer list", "/customers", first.group(1), "admin")

        # The deep page: the pager followed to 90% of its length.
        urls, path = [], "/customers"
        while path and len(urls) < 400:
            urls.append(path)
            path = next_link(admin.get_ok(path))
        deep = urls[min(len(urls) - 1, len(urls) * 9 // 10)]
        body = admin.get_ok(deep)
        m = re.search(rf'href="/customers/({UUID})">([^<]+)<', body)
        self.add("customer list, deep page", deep, m.group(1), "admin",
                 f"page {urls.index(deep) + 1} of {len(urls)}")
        # A word of a customer's name: about one name in twenty has it.
        word = m.group(2).split()[1 if len(m.group(2).split()) > 1 else 0].lower()
        search = "/customers?" + urllib.parse.urlencode({"q": word})
        hit = re.search(rf'href="/customers/({UUID})"', admin.get_ok(search))
        self.add("customer search", search, hit.group(1), "admin", f"q={word}")

        m = re.search(rf'href="/customers/({UUID})">Contoso<', admin.get_ok("/customers?q=Contoso"))
        self.contoso = m.group(1)
        base = f"/customers/{self.contoso}/software"
        page1 = admin.get_ok(base)
        subs = re.findall(rf'href="{base}/({UUID})"', page1)
        self.add("software tab, page 1", base, subs[0], "admin")
        # The ceiling carrying that page's content (its statement and table,
        # nothing of the portal's else): what the content costs, apart.
        if cport:
            self.add(CONTENT_CEILING, "/software", subs[0], "ceiling",
                     "examples/ceiling.rs: the tab's statement and table markup, no session or layout")
        # Deep: the page after a cursor 330 days back, where the year of
        # purchases is nine tenths read (the pager's own cursor, from its link).
        at = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=330)).isoformat()
        jump = base + "?" + urllib.parse.urlencode({"after_at": at, "after_id": "ffffffff-ffff-ffff-ffff-ffffffffffff"})
        deep = next_link(admin.get_ok(jump)) or jump
        sub = re.search(rf'href="{base}/({UUID})"', admin.get_ok(deep))
        self.add("software tab, deep page", deep, sub.group(1), "admin",
                 "the page after a cursor 330 days back")
        # A product search: one product of the catalog's ten, read product
        # by product (store::software::searched_from), so a customer's other
        # purchases cost nothing.
        search = base + "?" + urllib.parse.urlencode({"q": "SQL Server 2019 Enterprise"})
        sub = re.search(rf'href="{base}/({UUID})"', admin.get_ok(search))
        self.add("software tab, product search", search, sub.group(1), "admin", "one product")
        # The purchases still inside their window, oldest first: read from
        # the longest window's beginning (store::software::window_bound).
        cancellable = base + "?status=cancellable&sort=oldest"
        sub = re.search(rf'href="{base}/({UUID})"', admin.get_ok(cancellable))
        self.add("software tab, cancellable now", cancellable, sub.group(1), "admin", "oldest first")
        for s in subs:
            show = f"{base}/{s}?show=1"
            if '<table class="files' in admin.get_ok(show):
                self.add("Get keys and downloads", show, '<table class="files', "admin")
                break
        self.add("activity log", "/activity", "<tbody>", "admin")
        own = re.search(rf'href="/my/software/({UUID})"', ga.get_ok("/my/software"))
        self.add("/my/software (customer global admin)", "/my/software", own.group(1), "ga")
        css = re.search(r'<link rel="stylesheet" href="([^"]+)"', customers).group(1)
        _, css_body = admin.request("GET", css)
        self.add("static CSS (with the session cookie)", css, css_body[:40], "admin")
        self.add("sign-in form (anonymous)", "/sign-in", 'name="csrf_token"', None)
        for name, path, marker, who in self.list:
            c = {"admin": admin, "ga": ga}.get(who) or Browser("127.0.0.1", cport if who == "ceiling" else port)
            c.get_ok(path, marker)

    def add(self, name, path, marker, who, note=""):
        self.list.append((name, path, marker, who))
        self.notes[name] = f"{path}" + (f" ({note})" if note else "")


def series(opts, port, ceiling_port, pages, cookies):
    """The interleaved runs: per rep, ceiling then page, for every page."""
    runs = {name: [] for name, *_ in pages.list}
    ceilings = []
    ceiling_url = f"http://127.0.0.1:{ceiling_port}/"
    ceiling_marker = '<code class="id">'
    for rep in range(opts.reps):
        for name, path, marker, who in pages.list:
            c = wrk(opts, ceiling_url, ceiling_marker)
            p = wrk(opts, f"http://127.0.0.1:{ceiling_port if who == 'ceiling' else port}{path}", marker,
                    cookies.get(who))
            p["ratio"] = p["rps"] / c["rps"] if c["rps"] else 0
            p["p99_ratio"] = p["p99_us"] / c["p99_us"] if c["p99_us"] else 0
            ceilings.append(c)
            runs[name].append(p)
            log(f"  rep {rep + 1}: {name:<45} {p['rps']:8.0f} req/s  p99 {p['p99_us'] / 1000:7.1f} ms"
                f"  x{p['ratio']:.2f}  (ceiling {c['rps']:.0f}){errors(p)}{errors(c, ' (ceiling)')}")
    return ceilings, runs


def errors(run, whose=""):
    if not run["errors"]:
        return ""
    return f"  ERRORS{whose} " + ", ".join(f"{k} {run[k]}" for k in ERROR_KINDS if run[k])


def summary(results):
    med = lambda k: statistics.median(r[k] for r in results)
    s = {"rps": med("rps"), "p50_ms": med("p50_us") / 1000, "p99_ms": med("p99_us") / 1000,
         "errors": sum(r["errors"] for r in results),
         "requests": sum(r["requests"] for r in results)}
    if s["errors"]:
        s["error_kinds"] = {k: sum(r[k] for r in results) for k in ERROR_KINDS if any(r[k] for r in results)}
    if "ratio" in results[0]:
        s["ratio"] = med("ratio")
        s["p99_ratio"] = med("p99_ratio")
    return s


def cell(s):
    text = f"{s['rps']:,.0f} · {s['p50_ms']:.0f}/{s['p99_ms']:.0f}"
    if "ratio" in s:
        text += f" · {s['ratio']:.2f}"
    if s["errors"]:
        kinds = ", ".join(f"{k.replace('_', ' ')} {n}" for k, n in s["error_kinds"].items())
        text += f" · **{s['errors']} errors in {s['requests']}** ({kinds})"
    return text


# ---------------------------------------------------------------------------
# Downloads: the portal against nginx serving the same file.

def nginx_start(work, root, port):
    conf = work / "nginx.conf"
    conf.write_text(f"""
user root;
worker_processes auto;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  sendfile on;
  tcp_nopush on;
  default_type application/octet-stream;
  client_body_temp_path {work}/client_body;
  proxy_temp_path {work}/proxy;
  fastcgi_temp_path {work}/fastcgi;
  uwsgi_temp_path {work}/uwsgi;
  scgi_temp_path {work}/scgi;
  server {{ listen 127.0.0.1:{port}; root {root}; }}
}}
""")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    proc = subprocess.Popen([nginx, "-p", str(work), "-c", str(conf), "-g", "daemon off;"])
    wait_for_file(port)
    return proc


def wait_for_file(port):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"nginx did not listen on {port}")


def fetch_all(url, clients, expect, cookie=None, pid=None, follow=False):
    """`clients` curls at once; MiB/s over the wall time, and the peak RSS of `pid`.
    `follow`: curl follows redirects (a presigned download's 302)."""
    peak, stop = [0.0], threading.Event()

    def sample():
        while not stop.is_set():
            try:
                peak[0] = max(peak[0], rss_mib(pid))
            except OSError:
                return
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    if pid:
        sampler.start()
    cmd = ["curl", "-fs", "-o", "/dev/null", "-w", "%{size_download}"] + (["-L"] if follow else [])
    if cookie:
        cmd += ["-H", f"Cookie: {cookie}"]
    t = time.monotonic()
    procs = [subprocess.Popen(cmd + [url], stdout=subprocess.PIPE, text=True) for _ in range(clients)]
    sizes = [int(p.communicate()[0] or 0) if p.wait() == 0 else -1 for p in procs]
    secs = time.monotonic() - t
    stop.set()
    if pid:
        sampler.join()
    failed = sum(1 for s in sizes if s != expect)
    return {"mib_s": sum(max(s, 0) for s in sizes) / 1048576 / secs, "seconds": secs,
            "failed": failed, "peak_rss_mib": peak[0]}


def downloads(opts, store, port, admin, pages, big, pid):
    """Download (signed in) and a fresh link each run, each after nginx on the same file."""
    base = f"/customers/{pages.contoso}/software"
    path, sub = base, None
    for _ in range(200):
        body = admin.get_ok(path)
        m = re.search(rf'Windows Server 2022 Datacenter</t[dh]>.*?href="{base}/({UUID})"', body, re.S)
        if m:
            sub = m.group(1)
            break
        path = next_link(body)
        if not path:
            break
    if not sub:
        raise SystemExit("no Windows Server 2022 Datacenter purchase of Contoso to download")
    show = admin.get_ok(f"{base}/{sub}?language=en-US&show=1")
    file_id = re.search(rf"bench\.iso</t[dh]>.*?/files/({UUID})", show, re.S).group(1)
    size = big.stat().st_size
    nport = free_port()
    nginx = nginx_start(store.dir, big.parent, nport)
    runs = {"nginx": [], "Download (signed in)": [], "download link": []}
    try:
        idle = rss_mib(pid)
        for rep in range(opts.download_reps):
            for name in ("Download (signed in)", "download link"):
                n = fetch_all(f"http://127.0.0.1:{nport}/{big.name}", opts.download_clients, size)
                if name == "download link":
                    token = signin_load.TOKEN.search(admin.get_ok(f"{base}/{sub}?show=1")).group(1)
                    status, body = admin.request("POST", f"{base}/{sub}/links",
                                                 {"csrf_token": token, "file_id": file_id})
                    if status == 303:
                        # Post/redirect/get: the page the redirect names shows the link.
                        body = admin.get_ok(admin.location)
                    url = re.search(r'id="new-link-url" value="([^"]+)"', body).group(1)
                    r = fetch_all(html.unescape(url), opts.download_clients, size, pid=pid)
                else:
                    r = fetch_all(f"http://127.0.0.1:{port}{base}/{sub}/files/{file_id}",
                                  opts.download_clients, size, admin.cookie_header(), pid)
                r["ratio"] = r["mib_s"] / n["mib_s"] if n["mib_s"] else 0
                runs["nginx"].append(n)
                runs[name].append(r)
                log(f"  rep {rep + 1}: {name:<22} {r['mib_s']:8.0f} MiB/s  x{r['ratio']:.2f} nginx ({n['mib_s']:.0f})"
                    f"  RSS peak {r['peak_rss_mib']:.1f} MiB (idle {idle:.1f}){'  FAILED ' + str(r['failed']) if r['failed'] else ''}")
    finally:
        nginx.terminate()
        nginx.wait()
    out = {"idle_rss_mib": idle, "file_mib": size / 1048576, "clients": opts.download_clients}
    for name, rs in runs.items():
        out[name] = {"mib_s": statistics.median(r["mib_s"] for r in rs),
                     "failed": sum(r["failed"] for r in rs)}
        if name != "nginx":
            out[name]["ratio"] = statistics.median(r["ratio"] for r in rs)
            out[name]["peak_rss_mib"] = max(r["peak_rss_mib"] for r in rs)
    return out


def signin_under_load(opts, port, page, cookie, marker):
    """The Software tab (wrk) while `--signin-clients` sign in over and over."""
    result = {}
    t = threading.Thread(target=lambda: result.update(signin_load.run(
        "127.0.0.1", port, opts.signin_clients, opts.duration, PASSWORD, page)))
    t.start()
    w = wrk(opts, f"http://127.0.0.1:{port}{page}", marker, cookie)
    t.join()
    signed = result.get("sign_ins", {})
    return {"page": summary([w]), "attempts_per_s": sum(signed.values()) / opts.duration,
            "sign_ins_per_s": signed.get("303", 0) / opts.duration,
            "sign_in_statuses": signed, "reader_p99_ms": result.get("page_p99_ms")}


# ---------------------------------------------------------------------------

def one(opts, kind, size, work, with_downloads):
    log(f"== {kind}, {size} (load average {loadavg()})")
    store = Store(kind, size, opts, work)
    out = {"store": kind, "size": size, "load_start": loadavg()}
    procs = []
    try:
        out["generation"] = ({"seconds": 0, "parts": [f"reused {store.db}"]} if store.reused
                             else generate(store, size, opts))
        big = None
        if with_downloads:
            big = store.dir / "www" / "bench.iso"
            big.parent.mkdir()
            with open(big, "wb") as f:
                for _ in range(opts.download_mib):
                    f.write(os.urandom(1 << 20))
            subprocess.run([str(PORTAL), "files", "add", "--product", "WS2022-DAT", "--version", "2022",
                            "--language", "en-US", "--bitness", "64-bit", "--name", "bench.iso", str(big)],
                           env=store.env, check=True, stdout=subprocess.DEVNULL)
        port, cport = free_port(), free_port()
        portal = subprocess.Popen([str(PORTAL), "serve", "--no-demo", "--bind", f"127.0.0.1:{port}"],
                                  env=store.env, stdout=subprocess.DEVNULL)
        procs.append(portal)
        procs.append(subprocess.Popen([str(CEILING), f"127.0.0.1:{cport}"], env=store.env,
                                      stdout=subprocess.DEVNULL))
        wait_for(port, "/health")
        wait_for(cport)
        admin = Browser("127.0.0.1", port).sign_in_ok(ADMIN)
        ga = Browser("127.0.0.1", port).sign_in_ok(CUSTOMER_ADMIN)
        pages = Pages(port, admin, ga, cport)
        cookies = {"admin": admin.cookie_header(), "ga": ga.cookie_header()}
        out["rss_idle_mib"] = rss_mib(portal.pid)
        ceilings, runs = series(opts, port, cport, pages, cookies)
        out["rss_after_series_mib"] = rss_mib(portal.pid)
        out["ceiling"] = summary(ceilings)
        out["pages"] = {name: summary(rs) for name, rs in runs.items()}
        out["urls"] = pages.notes
        if big:
            out["downloads"] = downloads(opts, store, port, admin, pages, big, portal.pid)
        if opts.signin_clients:
            name, path, marker, _ = pages.list[3]
            log(f"  {path} while {opts.signin_clients} clients sign in")
            out["signin_load"] = signin_under_load(opts, port, path, cookies["admin"], marker)
            out["signin_load"]["quiet"] = out["pages"][name]
    finally:
        for p in procs:
            p.terminate()
            p.wait()
        store.drop(opts.keep)
    out["load_end"] = loadavg()
    return out


def report(opts, results, machine):
    lines = [f"Machine: {machine}. wrk -t{opts.threads} -c{opts.connections}, {opts.reps} x {opts.duration} s "
             f"interleaved runs, data scale {opts.scale}.", ""]
    cols = [f"{r['store']} {r['size']}" for r in results]
    lines += ["Each cell: req/s · p50/p99 ms · ratio to the ceiling run just before it (medians).", "",
              "| page | " + " | ".join(cols) + " |", "|---|" + "---|" * len(cols)]
    lines.append("| ceiling (one query + template) | " + " | ".join(cell(r["ceiling"]) for r in results) + " |")
    for name in results[0]["pages"]:
        row = [cell(r["pages"][name]) if name in r["pages"] else "–" for r in results]
        lines.append(f"| {name} | " + " | ".join(row) + " |")
    lines.append("| p99 / ceiling's p99, worst page | " + " | ".join(
        f"{max(s['p99_ratio'] for n, s in r['pages'].items() if n != CONTENT_CEILING):.1f}"
        for r in results) + " |")
    lines.append(f"| software tab, page 1 ÷ {CONTENT_CEILING} (req/s) | " + " | ".join(
        f"{r['pages']['software tab, page 1']['rps'] / r['pages'][CONTENT_CEILING]['rps']:.2f}"
        if r["pages"].get(CONTENT_CEILING, {}).get("rps") else "–" for r in results) + " |")
    lines += ["", "Pages (" + f"{results[0]['store']} {results[0]['size']}" + "):", ""]
    lines += [f"- {name}: `{note}`" for name, note in results[0]["urls"].items()]
    lines += ["", "| store, size | data set loaded in | load average start → end | portal RSS idle → after the series |",
              "|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['store']} {r['size']} | {r['generation']['seconds']:.0f} s | {r['load_start']} → {r['load_end']} "
                     f"| {r['rss_idle_mib']:.0f} → {r['rss_after_series_mib']:.0f} MiB |")
    for r in results:
        d = r.get("downloads")
        if d:
            lines += ["", f"Downloads ({r['store']} {r['size']}): {d['clients']} clients x {d['file_mib']:.0f} MiB, "
                      f"portal RSS idle {d['idle_rss_mib']:.1f} MiB.", "",
                      "| | MiB/s | ratio to nginx | portal RSS peak (above idle) |", "|---|---|---|---|",
                      f"| nginx (sendfile) | {d['nginx']['mib_s']:,.0f} | | |"]
            for name in ("Download (signed in)", "download link"):
                x = d[name]
                fail = f" ({x['failed']} failed)" if x["failed"] else ""
                lines.append(f"| {name} | {x['mib_s']:,.0f}{fail} | {x['ratio']:.2f} | "
                             f"{x['peak_rss_mib']:.1f} (+{x['peak_rss_mib'] - d['idle_rss_mib']:.1f}) |")
        s = r.get("signin_load")
        if s:
            lines += ["", f"Software tab while {opts.signin_clients} clients sign in ({r['store']} {r['size']}): "
                      f"{cell(s['page'])} (quiet: {cell(s['quiet'])}); {s['attempts_per_s']:.0f} attempts/s "
                      f"({s['sign_ins_per_s']:.0f} signed in; statuses {s['sign_in_statuses']})."]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description="bench/run: the portal's pages against the framework ceiling")
    ap.add_argument("--stores", default="sqlite,postgres", help="sqlite,postgres (default both)")
    ap.add_argument("--sizes", default="1k,1M", help="1k (Contoso with 1,000 purchases), 1M (1,000,000 purchases)")
    ap.add_argument("--scale", type=float, default=1.0, help="data set scale (1 = the issue's; 0.01 for a quick look)")
    ap.add_argument("--duration", type=int, default=15, help="seconds a wrk run (15)")
    ap.add_argument("--reps", type=int, default=3, help="interleaved series (3)")
    ap.add_argument("--connections", type=int, default=64)
    ap.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    ap.add_argument("--timeout", type=int, default=30,
                    help="seconds before wrk gives a request up and counts an error (30: slow pages get a latency)")
    ap.add_argument("--download-mib", type=int, default=1024, help="download file size (1024; 0: no downloads)")
    ap.add_argument("--download-clients", type=int, default=20)
    ap.add_argument("--download-reps", type=int, default=None, help="download runs (default: --reps)")
    ap.add_argument("--signin-clients", type=int, default=20, help="clients signing in during the last run (0: none)")
    ap.add_argument("--postgres-url", default=os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432"))
    ap.add_argument("--out", default=None, help="also write the report (markdown) and raw figures (.json) here")
    ap.add_argument("--keep", action="store_true", help="keep the data sets (under target/bench)")
    ap.add_argument("--use-db", default=None,
                    help="PostgreSQL only: run against this existing database (a data set loaded before "
                         "with `csp-portal demo --scale`) instead of loading one; it is left as is")
    ap.add_argument("--use-sqlite", default=None,
                    help="SQLite only: run against the data set kept in this directory (its portal.db and "
                         "data/, from an earlier --keep) instead of loading one; it is left as is")
    ap.add_argument("--portal", default=None, help="the portal binary (default target/release/csp-portal)")
    opts = ap.parse_args()
    if opts.portal:
        global PORTAL
        PORTAL = Path(opts.portal).resolve()
    opts.download_reps = opts.download_reps or opts.reps
    for exe in (PORTAL, CEILING):
        if not exe.exists():
            raise SystemExit(f"{exe} is missing: run bench/run, which builds it")
    work = Path(tempfile.mkdtemp(prefix="run-", dir=ROOT / "target"))
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    machine = f"{os.cpu_count()} cores ({cpu}), {os.uname().sysname} {os.uname().release}"
    log(f"{machine}; load average {loadavg()}; work in {work}")
    started, results = loadavg(), []
    try:
        for kind in opts.stores.split(","):
            for i, size in enumerate(opts.sizes.split(",")):
                if size not in SIZES or kind not in ("sqlite", "postgres"):
                    raise SystemExit(f"unknown store or size: {kind} {size}")
                with_downloads = opts.download_mib > 0 and i == 0
                results.append(one(opts, kind, size, work, with_downloads))
    finally:
        if not opts.keep:
            shutil.rmtree(work, ignore_errors=True)
    text = report(opts, results, machine) + f"\n\nLoad average at the start {started}, at the end {loadavg()}.\n"
    print(text)
    if opts.out:
        Path(opts.out).write_text(text)
        Path(opts.out).with_suffix(".json").write_text(json.dumps(results, indent=1))
    if any(s["errors"] for r in results for s in list(r["pages"].values()) + [r["ceiling"]]):
        log("some runs had responses that were not the page: their cells say how many")
        sys.exit(2)


if __name__ == "__main__":
    main()
