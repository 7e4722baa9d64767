"""Pool sizes against each other (PORTAL_DB_POOL), one portal per size on
one data set, interleaved round by round: per round and page, every size
in turn, each with a fresh wrk run. Prints req/s and p99 per size and page
(medians over the rounds) and the load average. Not a test.

    bash bench/pool_sweep.sh --sizes 2,4,8,16 --scale 0.1                  # loads an SQLite data set
    python3 bench/pool_sweep.py --sqlite-dir target/run-XXXX/sqlite-1k   # a data set kept by bench/run --keep
    python3 bench/pool_sweep.py --postgres-db NAME                       # one loaded by `csp-portal demo --scale`
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402

# The pages whose reads dominate (the list pages) and the one that writes
# nothing but reads the most rows (the activity log).
PAGES = ("customer list", "customer search", "software tab, page 1", "activity log",
         "/my/software (customer global admin)")


def start(store_env, pool):
    port = harness.free_port()
    env = dict(store_env, PORTAL_DB_POOL=str(pool))
    proc = subprocess.Popen([str(harness.PORTAL), "serve", "--no-demo", "--bind", f"127.0.0.1:{port}"],
                            env=env, stdout=subprocess.DEVNULL)
    harness.wait_for(port, "/health")
    admin = harness.Browser("127.0.0.1", port).sign_in_ok(harness.ADMIN)
    ga = harness.Browser("127.0.0.1", port).sign_in_ok(harness.CUSTOMER_ADMIN)
    return proc, port, {"admin": admin.cookie_header(), "ga": ga.cookie_header()}, admin, ga


def sweep(opts, kind, env):
    sizes = [int(s) for s in opts.sizes.split(",")]
    portals = {n: start(env, n) for n in sizes}
    try:
        _, port0, _, admin0, ga0 = portals[sizes[0]]
        pages = [p for p in harness.Pages(port0, admin0, ga0).list if p[0] in PAGES]
        runs = {(n, p[0]): [] for n in sizes for p in pages}
        load_start = harness.loadavg()
        for rep in range(opts.reps):
            for name, path, marker, who in pages:
                for n in sizes:
                    _, port, cookies, _, _ = portals[n]
                    r = harness.wrk(opts, f"http://127.0.0.1:{port}{path}", marker, cookies.get(who))
                    runs[(n, name)].append(r)
                    harness.log(f"  {kind} rep {rep + 1}: pool {n:>3}  {name:<40} {r['rps']:8.0f} req/s"
                                f"  p99 {r['p99_us'] / 1000:7.1f} ms{harness.errors(r)}")
        load_end = harness.loadavg()
    finally:
        for proc, *_ in portals.values():
            proc.terminate()
            proc.wait()
    print(f"\n{kind}: pool sizes {opts.sizes}, {opts.reps} interleaved rounds of {opts.duration} s, "
          f"wrk {opts.threads} threads x {opts.connections} connections; load average {load_start} -> {load_end}\n")
    print("| page | " + " | ".join(f"pool {n}" for n in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for name, *_ in pages:
        cells = []
        for n in sizes:
            rs = runs[(n, name)]
            rps = statistics.median(r["rps"] for r in rs)
            p99 = statistics.median(r["p99_us"] for r in rs) / 1000
            errs = sum(r["errors"] for r in rs)
            cells.append(f"{rps:,.0f} · {p99:.0f}" + (f" · **{errs} errors**" if errs else ""))
        print(f"| {name} | " + " | ".join(cells) + " |")
    print("\nEach cell: req/s · p99 ms (medians).")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="2,4,8,16", help="pool sizes to compare")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--duration", type=int, default=6)
    ap.add_argument("--connections", type=int, default=64)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=30)
    ap.add_argument("--sqlite-dir", help="a kept SQLite data set (its portal.db and data/)")
    ap.add_argument("--postgres-db", help="an existing PostgreSQL database holding a data set")
    ap.add_argument("--postgres-url", default=os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432"))
    ap.add_argument("--scale", type=float, default=0.1, help="data set scale when one is loaded here")
    opts = ap.parse_args()
    opts.use_db, opts.keep = opts.postgres_db, False
    print(f"{os.cpu_count()} cores, {os.uname().sysname} {os.uname().release}; {harness.PORTAL}")
    if not (opts.sqlite_dir or opts.postgres_db):
        # Nothing named: an SQLite data set of the 1k shape at --scale, loaded here.
        store = harness.Store("sqlite", "1k", opts, Path(tempfile.mkdtemp(dir=harness.ROOT / "target")))
        harness.generate(store, "1k", opts)
        try:
            sweep(opts, "sqlite", store.env)
        finally:
            store.drop(False)
    if opts.sqlite_dir:
        d = Path(opts.sqlite_dir).resolve()
        env = harness.Store("sqlite", "sweep", opts, Path(tempfile.mkdtemp(dir=harness.ROOT / "target"))).env
        env.update(DATABASE_URL=f"sqlite://{d}/portal.db", PORTAL_DATA_DIR=str(d / "data"))
        sweep(opts, "sqlite", env)
    if opts.postgres_db:
        store = harness.Store("postgres", "sweep", opts, Path(tempfile.mkdtemp(dir=harness.ROOT / "target")))
        sweep(opts, "postgres", store.env)


if __name__ == "__main__":
    main()
