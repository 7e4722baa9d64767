#!/usr/bin/env python3
"""CPU time per request, portal and PostgreSQL together (or the portal
alone on SQLite), for two or more portal binaries on one data set,
interleaved. Throughput on a shared, loaded
machine says more about the neighbours than about the code; the CPU a
request costs (the portal's, plus that of every PostgreSQL backend) is
steadier. Used to compare a change against the build before it:

    bench/cpu_per_request.py --db csp_bench_1m --portal /tmp/old --portal target/release/csp-portal
    bench/cpu_per_request.py --sqlite /tmp/s1k --portal /tmp/old --portal target/release/csp-portal

With `--ceiling target/release/examples/ceiling` it also measures the
framework ceiling's page and the software tab's content alone (its
`/software`), on the first portal's store: what the portal adds to a
page's content, apart from what the content costs.

A change with a migration is compared on two copies of one data set, one
per binary (`cp -r` the SQLite directory; `createdb -T` on PostgreSQL):
`--portal BINARY@STORE`, STORE being a directory with `--sqlite` and a
database name with `--db`.

The database is a data set loaded before (`csp-portal demo --scale 1`,
password bench-password-1; for `--sqlite DIR`, loaded with
`DATABASE_URL=sqlite://DIR/portal.db PORTAL_DATA_DIR=DIR/data`); it is
left as is, but for the sessions the runs sign in.
"""
import argparse
import datetime
import os
import re
import statistics
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids):
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except (FileNotFoundError, ProcessLookupError):
            pass
    return total / TICK


def postgres_pids():
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/comm") as f:
                    if f.read().strip() == "postgres":
                        out.append(int(d))
            except OSError:
                pass
    return out


# The pages it can measure: name, path, a marker of the page, who asks.
PAGES = {
    "list": ("customer list", "/customers", 'href="/customers/', "admin"),
    "search": ("customer search", "/customers?q=Con", 'href="/customers/', "admin"),
    "software": ("software tab, page 1", "/customers/{contoso}/software", 'href="/customers/{contoso}/software/', "admin"),
    # Past the cancellation window: each row says when it closed.
    "software-deep": ("software tab, deep page", "{deep}", 'href="/customers/{contoso}/software/', "admin"),
    # One product's purchases among all of the customer's.
    "software-search": ("software tab, product search", "/customers/{contoso}/software?q=SQL+Server+2019+Enterprise",
                        'href="/customers/{contoso}/software/', "admin"),
    # The purchases still inside their window, newest and oldest first.
    "cancellable": ("software tab, cancellable now", "/customers/{contoso}/software?status=cancellable",
                    'href="/customers/{contoso}/software/', "admin"),
    "cancellable-oldest": ("software tab, cancellable now, oldest first",
                           "/customers/{contoso}/software?status=cancellable&sort=oldest",
                           'href="/customers/{contoso}/software/', "admin"),
    "keys": ("Get keys and downloads", "/customers/{contoso}/software/{purchase}?show=1", '<table class="files', "admin"),
    "log": ("activity log", "/activity", "<table", "admin"),
    # Each event names a file and a product through its link and purchase.
    "log-links": ("activity log, links created", "/activity?action=link_created", "<table", "admin"),
    "my": ("/my/software", "/my/software", 'href="/my/software/', "ga"),
}


def label(portal):
    """A binary's name, and its own store's when it has one."""
    exe, _, store = portal.partition("@")
    return Path(exe).name + (f" ({Path(store).name})" if store else "")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    store = ap.add_mutually_exclusive_group(required=True)
    store.add_argument("--db", help="existing PostgreSQL database with a loaded data set")
    store.add_argument("--sqlite", help="directory of a loaded SQLite data set (portal.db, data/)")
    ap.add_argument("--portal", action="append", required=True,
                    help="a portal binary (give two or more), BINARY@STORE for a store of its own")
    ap.add_argument("--ceiling", help="also the framework ceiling (target/release/examples/ceiling): its page "
                    "and the software tab's content, on the first portal's store")
    ap.add_argument("--postgres-url", default="postgres://postgres@127.0.0.1:5432")
    ap.add_argument("--duration", type=int, default=8)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--pages", default="list,software,log",
                    help="comma-separated, of: " + ", ".join(PAGES))
    opts = ap.parse_args()
    opts.threads, opts.timeout = 2, 30
    work = Path(tempfile.mkdtemp(prefix="cpu-", dir="/tmp"))

    def env_for(portal):
        store = portal.partition("@")[2] or opts.sqlite or opts.db
        if opts.sqlite:
            data, url = Path(store) / "data", f"sqlite://{Path(store).resolve()}/portal.db"
        else:
            data, url = work / "data", f"{opts.postgres_url}/{store}"
        return dict(os.environ, PORTAL_DATA_DIR=str(data), DATABASE_URL=url,
                    DEMO_PASSWORD=harness.PASSWORD, RUST_LOG="warn", PORTAL_JOBS="false")
    wanted = opts.pages.split(",")
    unknown = [p for p in wanted if p not in PAGES]
    if unknown:
        sys.exit(f"unknown page(s) {unknown}; known: {', '.join(PAGES)}")
    results = {}  # (binary, page) -> [ms per request]
    # The harness's deep page: the page after a cursor 330 days back, nine
    # tenths into a year (the pager's own link, which carries the rows ahead).
    deep_at = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=330)).isoformat()
    print(f"load average {harness.loadavg()}", file=sys.stderr)

    def measure(exe, pid, port, name, path, marker, cookie=None):
        """One wrk run of `path` on `port`; the CPU of `pid` (and of every
        PostgreSQL backend) it cost, a request."""
        pg = [] if opts.sqlite else postgres_pids()
        before, before_pg = cpu_seconds([pid]), cpu_seconds(pg)
        r = harness.wrk(opts, f"http://127.0.0.1:{port}{path}", marker, cookie, opts.duration)
        pg = [] if opts.sqlite else sorted(set(pg) | set(postgres_pids()))
        own = cpu_seconds([pid]) - before
        spent = own + cpu_seconds(pg) - before_pg
        if r["errors"]:
            print(f"  {name}: {r['errors']} errors", file=sys.stderr)
        ms = 1000 * spent / max(1, r["requests"])
        own_ms = 1000 * own / max(1, r["requests"])
        results.setdefault((exe, name), []).append(ms)
        if not opts.sqlite:
            results.setdefault((exe, name + " (portal's share)"), []).append(own_ms)
        print(f"round {rnd + 1} {label(exe):>24} {name:<22} {r['rps']:8.0f} req/s "
              f"{ms:6.2f} ms CPU/request, {own_ms:5.2f} of them the portal's", file=sys.stderr)

    columns = opts.portal + ([opts.ceiling] if opts.ceiling else [])
    for rnd in range(opts.rounds):
        if opts.ceiling:
            # The yardstick, on the first portal's store: one query and a
            # template, then the software tab's content (examples/ceiling.rs).
            port = harness.free_port()
            ceiling = subprocess.Popen([opts.ceiling, f"127.0.0.1:{port}"], env=env_for(opts.portal[0]),
                                       stdout=subprocess.DEVNULL)
            try:
                harness.wait_for(port)
                for name, path, marker in (("ceiling", "/", '<code class="id">'),
                                           (harness.CONTENT_CEILING, "/software", '<code class="id"')):
                    harness.Browser("127.0.0.1", port).get_ok(path, marker)
                    measure(opts.ceiling, ceiling.pid, port, name, path, marker)
            finally:
                ceiling.terminate()
                ceiling.wait()
        for exe in opts.portal:
            port = harness.free_port()
            portal = subprocess.Popen([exe.partition("@")[0], "serve", "--no-demo", "--bind", f"127.0.0.1:{port}"],
                                      env=env_for(exe), stdout=subprocess.DEVNULL)
            try:
                harness.wait_for(port, "/health")
                admin = harness.Browser("127.0.0.1", port).sign_in_ok(harness.ADMIN)
                body = admin.get_ok("/customers?q=Contoso")
                contoso = re.search(rf'href="/customers/({harness.UUID})">Contoso<', body).group(1)
                body = admin.get_ok(f"/customers/{contoso}/software")
                purchase = next(s for s in re.findall(rf'href="/customers/{contoso}/software/({harness.UUID})"', body)
                                if '<table class="files' in admin.get_ok(f"/customers/{contoso}/software/{s}?show=1"))
                ga = harness.Browser("127.0.0.1", port).sign_in_ok(harness.CUSTOMER_ADMIN)
                jump = f"/customers/{contoso}/software?" + urllib.parse.urlencode(
                    {"after_at": deep_at, "after_id": "ffffffff-ffff-ffff-ffff-ffffffffffff"})
                deep = harness.next_link(admin.get_ok(jump)) or jump
                for key in wanted:
                    name, path, marker, who = PAGES[key]
                    path = path.format(contoso=contoso, purchase=purchase, deep=deep)
                    marker = marker.format(contoso=contoso)
                    browser = ga if who == "ga" else admin
                    browser.get_ok(path, marker)  # warm: statements prepared
                    measure(exe, portal.pid, port, name, path, marker, browser.cookie_header())
            finally:
                portal.terminate()
                portal.wait()
    print(f"\nCPU per request ({'the portal, SQLite' if opts.sqlite else 'portal + PostgreSQL'}), median of {opts.rounds} interleaved rounds; "
          f"load average at the end {harness.loadavg()}\n")
    names = sorted({n for _, n in results}, key=lambda n: [k[1] for k in results].index(n))
    print("| page | " + " | ".join(label(e) for e in columns) + " |")
    print("|---|" + "---|" * len(columns))
    for n in names:
        print(f"| {n} | " + " | ".join(f"{1000 * statistics.median(results[(e, n)]):.0f} µs" if (e, n) in results
                                       else "–" for e in columns) + " |")


if __name__ == "__main__":
    main()
