"""Load for bench/signin_memory.sh: N threads signing in over and over
(half with the right password, half with a wrong one on an address nobody
has), while one signed-in client reads the Software tab and times it.

Prints one JSON line: sign-in counts by status and the page's latencies.
"""
import http.client
import json
import random
import re
import sys
import threading
import time
import urllib.parse

HOST, PORT = sys.argv[1], int(sys.argv[2])
THREADS, SECONDS = int(sys.argv[3]), float(sys.argv[4])
PASSWORD, PAGE = sys.argv[5], sys.argv[6]
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


class Client:
    def __init__(self, spoof=False):
        self.spoof = spoof
        self.conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
        self.cookies = {}

    def request(self, method, path, body=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
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
            self.conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
            return 0, ""
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


counts = {}
lock = threading.Lock()
stop = time.monotonic() + SECONDS


def signer(i):
    c = Client(spoof=True)
    n = 0
    while time.monotonic() < stop:
        if i % 2 == 0:
            status = c.sign_in("admin@northwind.example", PASSWORD)
        else:
            status = c.sign_in(f"nobody{n}-{i}@example.com", "wrong password")
        n += 1
        with lock:
            counts[status] = counts.get(status, 0) + 1


latencies = []


def reader():
    c = Client()
    c.sign_in("sales@northwind.example", PASSWORD)
    while time.monotonic() < stop:
        t = time.monotonic()
        status, _ = c.request("GET", PAGE)
        if status == 200:
            latencies.append((time.monotonic() - t) * 1000)


threads = [threading.Thread(target=signer, args=(i,)) for i in range(THREADS)]
threads.append(threading.Thread(target=reader))
for t in threads:
    t.start()
for t in threads:
    t.join()
latencies.sort()


def pct(p):
    return round(latencies[min(len(latencies) - 1, int(len(latencies) * p))], 1) if latencies else None


print(json.dumps({
    "sign_ins": {str(k): v for k, v in sorted(counts.items())},
    "page_requests": len(latencies),
    "page_p50_ms": pct(0.50),
    "page_p99_ms": pct(0.99),
}))
