"""The load: wrk against one address, its output read, and response sizes as sent.

wrk (Debian's, /usr/bin/wrk) is a C load generator on epoll: two threads keep sixteen
connections busy at a fraction of the CPU a Python client would need, which matters
when the generator shares two cores with the server it measures.
"""

import re
import shutil
import statistics
import subprocess
from dataclasses import dataclass

from stack import get

WRK = shutil.which("wrk") or "/usr/bin/wrk"
# What a browser sends: the server may answer with either compression.
BROWSER_ENCODING = "gzip, br"
THREADS = 2
CONNECTIONS = 16

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
DURATION = re.compile(r"([\d.]+)(us|ms|s|m|h)")


class WrkError(Exception):
    """wrk could not run, or printed something this module cannot read."""


@dataclass(frozen=True)
class WrkResult:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    # Answers that were not 2xx or 3xx, and connect, read, write and timeout errors.
    bad_responses: int = 0
    socket_errors: int = 0

    @property
    def failed(self):
        return self.bad_responses + self.socket_errors


def duration_ms(text):
    """wrk's durations (512.00us, 1.25ms, 2.01s, 1.50m) in milliseconds."""
    match = DURATION.fullmatch(text.strip())
    if not match:
        raise WrkError(f"not a wrk duration: {text!r}")
    return float(match[1]) * UNITS_MS[match[2]]


def parse_wrk(output):
    """A WrkResult from `wrk --latency`'s report."""

    def find(pattern):
        match = re.search(pattern, output, re.MULTILINE)
        if not match:
            raise WrkError(f"wrk's report has no {pattern!r}:\n{output}")
        return match

    socket_errors = 0
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if errors:
        socket_errors = sum(int(n) for n in errors.groups())
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return WrkResult(
        requests_per_second=float(find(r"^Requests/sec:\s+([\d.]+)")[1]),
        p50_ms=duration_ms(find(r"^\s+50%\s+(\S+)")[1]),
        p99_ms=duration_ms(find(r"^\s+99%\s+(\S+)")[1]),
        requests=int(find(r"^\s+(\d+) requests in ")[1]),
        bad_responses=int(bad[1]) if bad else 0,
        socket_errors=socket_errors,
    )


def run_wrk(url, seconds=10, threads=THREADS, connections=CONNECTIONS):
    """Load `url` for `seconds` as browsers would ask for it; the parsed report."""
    command = [
        WRK,
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--latency",
        # Slower than this is a failed request, counted as such.
        "--timeout",
        "10s",
        "-H",
        f"Accept-Encoding: {BROWSER_ENCODING}",
        url,
    ]
    try:
        result = subprocess.run(  # noqa: S603 - fixed program
            command,
            capture_output=True,
            text=True,
            timeout=seconds + 30,
            check=False,
        )
    except FileNotFoundError:
        raise WrkError(f"wrk is not installed ({WRK}): apt-get install wrk") from None
    except subprocess.TimeoutExpired:
        raise WrkError(f"wrk did not finish within {seconds + 30} s on {url}") from None
    if result.returncode != 0:
        raise WrkError(f"wrk failed on {url}: {result.stderr.strip() or result.stdout}")
    return parse_wrk(result.stdout)


@dataclass(frozen=True)
class Sizes:
    """Body bytes as sent: uncompressed, gzip, br, and for a browser's "gzip, br"."""

    plain: int
    gzip: int | None
    br: int | None
    served: int
    served_encoding: str


def sizes(port, path):
    """What the page weighs on the wire; None for a compression the server did not use."""

    def fetch(encoding):
        status, headers, body = get(port, path, {"Accept-Encoding": encoding})
        if status != 200:
            raise WrkError(f"{path} answered {status}, not 200")
        used = {k.lower(): v for k, v in headers.items()}.get("content-encoding", "")
        return len(body), used

    plain, _ = fetch("identity")
    gzip, gzip_used = fetch("gzip")
    br, br_used = fetch("br")
    served, served_used = fetch(BROWSER_ENCODING)
    return Sizes(
        plain=plain,
        gzip=gzip if gzip_used == "gzip" else None,
        br=br if br_used == "br" else None,
        served=served,
        served_encoding=served_used or "none",
    )


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None
