"""1 GiB (--size-mib) to 20 clients (--clients) from an S3-compatible bucket:
streamed through the portal (Download signed in, and a download link), and
via the presigned redirect (the link, curl following the 302 to the
bucket), with the portal's peak RSS during each, and the `files add` that
wrote the file into the bucket (its time and peak RSS: the upload streams in
8 MiB parts, never whole). The bucket is moto's server (target/s3-venv, see
.ci/s3-server): a Python server, so it, not the portal, bounds the
throughput here; the figures say what the portal adds. Not a test.

    bash bench/s3_download.sh [--size-mib 1024] [--clients 20]
"""
import argparse
import html
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402  (free_port, fetch_all, wait_for, Browser, loadavg)

ROOT = harness.ROOT
# BENCH_PORTAL: another build (a debug one is much slower: say so).
PORTAL = Path(os.environ.get("BENCH_PORTAL", harness.PORTAL))
MOTO = ROOT / "target/s3-venv/bin/moto_server"
log = harness.log


def start_moto(work):
    port = harness.free_port()
    out = open(work / "moto.log", "w")
    proc = subprocess.Popen([str(MOTO), "-H", "127.0.0.1", "-p", str(port)], stdout=out, stderr=out)
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(endpoint + "/", timeout=2)
            break
        except Exception:
            time.sleep(0.2)
    bucket = f"bench-{uuid.uuid4().hex[:12]}"
    urllib.request.urlopen(urllib.request.Request(f"{endpoint}/{bucket}", method="PUT"))
    return proc, endpoint, bucket


def serve(env, work, name):
    port = harness.free_port()
    out = open(work / f"{name}.log", "w")
    proc = subprocess.Popen([str(PORTAL), "serve", "--bind", f"127.0.0.1:{port}", "--no-demo"],
                            env=env, stdout=out, stderr=out)
    harness.wait_for(port, "/health/ready")
    return proc, port


def file_and_link(port):
    admin = harness.Browser("127.0.0.1", port).sign_in_ok(harness.ADMIN)
    base = None
    body = admin.get_ok("/customers")
    contoso = re.search(rf'href="/customers/({harness.UUID})"[^>]*>\s*Contoso\s*<', body).group(1)
    base = f"/customers/{contoso}/software"
    path, sub = base, None
    while path and not sub:
        listing = admin.get_ok(path)
        m = re.search(rf'Windows Server 2022 Datacenter</t[hd]>.*?href="{base}/({harness.UUID})"', listing, re.S)
        sub = m.group(1) if m else None
        path = harness.next_link(listing)
    if not sub:
        raise SystemExit(f"no Windows Server 2022 Datacenter purchase under {base}")
    show = admin.get_ok(f"{base}/{sub}?language=en-US&show=1")
    file_id = re.search(rf"bench\.iso</td>.*?/files/({harness.UUID})", show, re.S).group(1)

    def new_link():
        token = harness.signin_load.TOKEN.search(admin.get_ok(f"{base}/{sub}?show=1")).group(1)
        status, body = admin.request("POST", f"{base}/{sub}/links", {"csrf_token": token, "file_id": file_id})
        if status == 303:
            body = admin.get_ok(admin.location)
        return html.unescape(re.search(r'id="new-link-url" value="([^"]+)"', body).group(1))

    return admin, f"{base}/{sub}/files/{file_id}", new_link


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-mib", type=int, default=1024)
    ap.add_argument("--clients", type=int, default=20)
    opts = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="csp-s3-bench-"))
    moto, endpoint, bucket = start_moto(work)
    load_start = harness.loadavg()
    rows = []
    try:
        env = dict(os.environ, PORTAL_DATA_DIR=str(work / "data"),
                   DATABASE_URL=f"sqlite://{work}/portal.db", DEMO_PASSWORD=harness.PASSWORD,
                   PORTAL_FILES_URL=f"s3://{bucket}/bench", AWS_ENDPOINT_URL=endpoint,
                   AWS_REGION="us-east-1", AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench-secret",
                   AWS_ALLOW_HTTP="true", RUST_LOG="warn")
        env.pop("PORTAL_FILES_PRESIGN", None)
        subprocess.run([str(PORTAL), "demo"], env=env, check=True, stdout=subprocess.DEVNULL)
        big = work / "bench.iso"
        with open(big, "wb") as f:
            chunk = os.urandom(1 << 20)
            for _ in range(opts.size_mib):
                f.write(chunk)
        size = big.stat().st_size
        t = time.monotonic()
        add = subprocess.Popen([str(PORTAL), "files", "add", "--product", "WS2022-DAT", "--version", "2022",
                                "--language", "en-US", "--bitness", "64-bit", "--name", "bench.iso", str(big)],
                               env=env, stdout=subprocess.DEVNULL)
        # wait4: this one child's peak, not the largest of every child so far
        # (RUSAGE_CHILDREN would report `demo`'s peak when it was larger).
        _, status, usage = os.wait4(add.pid, 0)
        add.returncode = os.waitstatus_to_exitcode(status)
        if add.returncode != 0:
            sys.exit(f"files add failed ({add.returncode})")
        add_secs = time.monotonic() - t
        add_rss = usage.ru_maxrss / 1024
        big.unlink()
        log(f"files add: {opts.size_mib} MiB into the bucket in {add_secs:.1f} s, peak RSS {add_rss:.0f} MiB")

        for mode, extra in (("streamed", {}), ("presigned", {"PORTAL_FILES_PRESIGN": "300s"})):
            proc, port = serve(dict(env, **extra), work, mode)
            try:
                idle = harness.rss_mib(proc.pid)
                admin, download, new_link = file_and_link(port)
                cases = [("Download (signed in)", f"http://127.0.0.1:{port}{download}", admin.cookie_header()),
                         ("download link", new_link(), None)]
                for name, url, cookie in cases:
                    r = harness.fetch_all(url, opts.clients, size, cookie, proc.pid, follow=(mode == "presigned"))
                    log(f"{mode:>9} {name:<22} {r['mib_s']:8.1f} MiB/s  {r['seconds']:.1f} s  "
                        f"RSS peak {r['peak_rss_mib']:.1f} MiB (idle {idle:.1f})  failed {r['failed']}")
                    rows.append((mode, name, r, idle))
            finally:
                proc.terminate()
                proc.wait()
    finally:
        moto.terminate()
        moto.wait()
    load_end = harness.loadavg()
    print(f"\n{PORTAL}: {opts.size_mib} MiB to {opts.clients} clients from moto; load average {load_start} -> {load_end}; "
          f"`files add` {add_secs:.1f} s, peak RSS {add_rss:.0f} MiB\n")
    print("| mode | route | MiB/s (all clients) | seconds | failed | portal RSS peak (idle) |")
    print("|---|---|---|---|---|---|")
    for mode, name, r, idle in rows:
        print(f"| {mode} | {name} | {r['mib_s']:.1f} | {r['seconds']:.1f} | {r['failed']} | "
              f"{r['peak_rss_mib']:.1f} ({idle:.1f}) MiB |")


if __name__ == "__main__":
    main()
