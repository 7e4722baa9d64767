"""Load for bench/signin_memory.sh and bench/run: N threads signing in over
and over (half with the right password, half with a wrong one on an address
nobody has), while one signed-in client reads a page and times it.

Run as a script it prints one JSON line: sign-in counts by status and the
page's latencies. bench/run imports it for `run` and `Client`.
"""
import http.client
import json
import random
import re
import sys
import threading
import time
import urllib.parse

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


class Client:
    """One browser: a keep-alive connection and a cookie jar."""

    def __init__(self, host, port, spoof=False):
        self.host, self.port, self.spoof = host, port, spoof
        self.conn = http.client.HTTPConnection(host, port, timeout=30)
        self.cookies = {}
        self.location = None

    def cookie_header(self):
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def request(self, method, path, body=None):
        headers = {"Cookie": self.cookie_header()}
        if self.spoof:
            # The server trusts 127.0.0.1 as a proxy here, so each sign-in
            # seems to come from an address of its own: a botnet, which the
            # per-address throttle does not stop, so every attempt is hashed.
            headers["X-Forwarded-For"] = ".".join(str(random.randint(1, 254)) for _ in range(4))
        if body is not None:
            body = urllib.parse.urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.conn.request(method, path, body=body, headers=headers)
            res = self.conn.getresponse()
        except (http.client.HTTPException, OSError):
            self.conn.close()
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            return 0, ""
        self.location = res.getheader("Location")
        for k, v in res.getheaders():
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                value = rest.split(";", 1)[0]
                if "Max-Age=0" in v or value == "":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = value
        return res.status, res.read().decode("utf-8", "replace")

    def sign_in(self, email, password):
        self.cookies.clear()
        _, form = self.request("GET", "/sign-in")
        m = TOKEN.search(form)
        status, _ = self.request(
            "POST",
            "/sign-in",
            {"csrf_token": m.group(1) if m else "", "email": email, "password": password},
        )
        return status


def run(host, port, threads, seconds, password, page):
    """Signs in from `threads` clients for `seconds` while one reads `page`."""
    counts = {}
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    latencies = []

    def signer(i):
        c = Client(host, port, spoof=True)
        n = 0
        while time.monotonic() < stop:
            if i % 2 == 0:
                status = c.sign_in("admin@northwind.example", password)
            else:
                status = c.sign_in(f"nobody{n}-{i}@example.com", "wrong password")
            n += 1
            with lock:
                counts[status] = counts.get(status, 0) + 1

    def reader():
        c = Client(host, port)
        c.sign_in("sales@northwind.example", password)
        while time.monotonic() < stop:
            t = time.monotonic()
            status, _ = c.request("GET", page)
            if status == 200:
                latencies.append((time.monotonic() - t) * 1000)

    workers = [threading.Thread(target=signer, args=(i,)) for i in range(threads)]
    workers.append(threading.Thread(target=reader))
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    latencies.sort()

    def pct(p):
        return round(latencies[min(len(latencies) - 1, int(len(latencies) * p))], 1) if latencies else None

    return {
        "sign_ins": {str(k): v for k, v in sorted(counts.items())},
        "page_requests": len(latencies),
        "page_p50_ms": pct(0.50),
        "page_p99_ms": pct(0.99),
    }


if __name__ == "__main__":
    HOST, PORT = sys.argv[1], int(sys.argv[2])
    THREADS, SECONDS = int(sys.argv[3]), float(sys.argv[4])
    PASSWORD, PAGE = sys.argv[5], sys.argv[6]
    print(json.dumps(run(HOST, PORT, THREADS, SECONDS, PASSWORD, PAGE)))
