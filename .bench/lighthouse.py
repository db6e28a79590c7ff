"""Google Lighthouse (pinned in package.json) on Debian's Chromium, as a phone sees a page.

Mobile is Lighthouse's default: a mid-range phone's screen and CPU, and a slow 4G
connection simulated over the measured page load.
"""

import json
import os
import shutil
import signal
import statistics
import subprocess
import tempfile
from pathlib import Path

from budgets import LighthouseResult
from stack import say

HERE = Path(__file__).resolve().parent
CLI = HERE / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
RUN_WITHIN = 180
INSTALL_WITHIN = 600
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
# Scores a Lighthouse audit reports only for information, never a pass or a fail.
UNSCORED = {"informative", "notApplicable", "manual", "error"}


class LighthouseMissing(Exception):
    """Lighthouse cannot run here; the message says what is missing."""


def ensure_installed():
    """Install the pinned Lighthouse into .bench/node_modules if it is not there yet."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        raise LighthouseMissing(
            "node and npm are not installed (apt-get install nodejs npm)"
        )
    if not Path(CHROME).exists():
        raise LighthouseMissing(f"no Chromium at {CHROME} (apt-get install chromium)")
    if CLI.exists():
        return
    say("Installing Lighthouse (npm ci in .bench/)")
    try:
        subprocess.run(  # noqa: S603 - fixed program
            [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=HERE,
            check=True,
            capture_output=True,
            text=True,
            timeout=INSTALL_WITHIN,
        )
    except subprocess.CalledProcessError as error:
        raise LighthouseMissing(f"npm ci failed: {error.stderr.strip()}") from None
    except subprocess.TimeoutExpired:
        raise LighthouseMissing(f"npm ci took over {INSTALL_WITHIN} s") from None


def run_once(url, report_stem, cpu_slowdown=None):
    """Lighthouse's JSON report for `url`, written beside `report_stem` (and its HTML)."""
    throttling = (
        [f"--throttling.cpuSlowdownMultiplier={cpu_slowdown}"] if cpu_slowdown else []
    )
    command = [
        shutil.which("node"),
        str(CLI),
        url,
        "--quiet",
        "--only-categories=performance",
        "--output=json",
        "--output=html",
        f"--output-path={report_stem}",
        f"--chrome-flags={CHROME_FLAGS}",
        *throttling,
    ]
    process = subprocess.Popen(  # noqa: S603 - fixed program
        command,
        env=os.environ | {"CHROME_PATH": CHROME},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # Its own process group, so a run that hangs is ended with its Chromium.
        start_new_session=True,
    )
    try:
        _, errors = process.communicate(timeout=RUN_WITHIN)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return None, f"no report within {RUN_WITHIN} s"
    except BaseException:  # Ctrl-C: its own session never saw it
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise
    report = Path(f"{report_stem}.report.json")
    if process.returncode != 0 or not report.exists():
        return None, (errors.strip().splitlines() or ["failed"])[-1]
    return json.loads(report.read_text()), ""


def summarise(report):
    """Score, LCP and friends, and the audits that cost points, from one report."""
    category = report["categories"]["performance"]
    audits = report["audits"]
    runtime_error = report.get("runtimeError", {}).get("message", "")

    def value(audit_id):
        return audits.get(audit_id, {}).get("numericValue")

    flagged = []
    for audit in audits.values():
        score = audit.get("score")
        if audit.get("scoreDisplayMode") in UNSCORED or score is None or score >= 0.9:
            continue
        flagged.append(
            (score, f"{audit['title']} {audit.get('displayValue', '')}".strip())
        )
    flagged.sort()
    score = category.get("score")
    return LighthouseResult(
        score=None if score is None else round(score * 100),
        lcp_ms=value("largest-contentful-paint"),
        fcp_ms=value("first-contentful-paint"),
        tbt_ms=value("total-blocking-time"),
        cls=value("cumulative-layout-shift"),
        flagged=tuple(text for _, text in flagged),
        error=runtime_error,
        benchmark_index=report.get("environment", {}).get("benchmarkIndex"),
    )


def median_result(results):
    """The median of each figure over several runs; flags from the median-scored run."""
    good = [r for r in results if r.score is not None and not r.error]
    if not good:
        return results[-1]
    by_score = sorted(good, key=lambda r: r.score)
    middle = by_score[len(by_score) // 2]

    def med(attribute):
        values = [
            getattr(r, attribute) for r in good if getattr(r, attribute) is not None
        ]
        return statistics.median(values) if values else None

    return LighthouseResult(
        score=round(med("score")),
        lcp_ms=med("lcp_ms"),
        fcp_ms=med("fcp_ms"),
        tbt_ms=med("tbt_ms"),
        cls=med("cls"),
        flagged=middle.flagged,
        benchmark_index=med("benchmark_index"),
    )


def audit(url, report_stem, cpu_slowdown=None):
    """One run's result; a run Chromium fumbled (no trace, no paint) is tried once more."""
    for attempt in ("", "-retry"):
        report, error = run_once(url, f"{report_stem}{attempt}", cpu_slowdown)
        result = (
            summarise(report)
            if report
            else LighthouseResult(score=None, lcp_ms=None, error=error)
        )
        if result.score is not None and not result.error:
            break
    return result


def audit_pages(pages, runs=1, report_dir=None, cpu_slowdown=None):
    """{name: LighthouseResult} for {name: url}; reports kept in report_dir when given.

    cpu_slowdown replaces Lighthouse's 4× CPU throttling (its docs: calibrate it to
    the machine's benchmark index); None keeps Lighthouse's own.
    """
    results = {}
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as scratch:
        folder = Path(report_dir or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for name, url in pages.items():
            say(f"Lighthouse: {name} ({url})")
            attempts = []
            for n in range(runs):
                attempts.append(audit(url, folder / f"{name}-{n + 1}", cpu_slowdown))
            results[name] = median_result(attempts)
    return results
