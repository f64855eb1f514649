"""`make bench`: the cost of `petition` as letters grow, against the performance budgets below and the PDF engines'.

Generates letter projects with 140 to 100,000 signatories (bench/generate.py),
runs every step several times, each in a fresh process as a user would, and
prints one table of median wall time and peak memory, then each budget with
its ratio, met or missed. The baselines the ratios are taken against (PyYAML's
C loader on the same file, raw WeasyPrint on the same HTML, with and without
PDF/UA tagging) are measured in the same run, on the same machine, so that a
ratio never compares two days' noise. PDFs are made with both engines side by
side at every size: WeasyPrint up to 10,000 signatories against its budgets and
once at 100,000 for comparison, Typst (`--engine typst`) up to 100,000.
Everything is also written to bench/results.json so that runs can be compared.

Usage: python bench/run.py [--sizes 140 1000 …] [--repeat 5] [--quick] [--skip-pdf]
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import importlib.metadata
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import inline
import officer
import reviewer
from generate import SIZES, generate_project, project_name

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
IAP = ROOT / "data"
IAP_SIGNATORIES = 130
PDF_MAX_SIGNATORIES = 10_000
# Typst lays out 100,000 signatories in well under a minute.
TYPST_MAX_SIGNATORIES = 100_000
# Lists this long take seconds a run; fewer runs keep `make bench` near 15 minutes.
LARGE = 10_000
LARGE_REPEAT = 5
PDF_LARGE_REPEAT = 3
PACKAGES = (
    "petitioncli",
    "PyYAML",
    "weasyprint",
    "pydyf",
    "fonttools",
    "typst",
    "typer",
    "rich",
    "markdown-it-py",
    "Jinja2",
    "babel",
)
NOTE_WIDTH = 72
RAW_WEASYPRINT = "baseline: raw weasyprint"
PDF_VARIANT = "pdf/ua-1"
TAGGED_WEASYPRINT = f"raw weasyprint, {PDF_VARIANT}"
TYPST = "build pdf, typst"
MB = 1_000_000
MIB = 1024**2
GIB = 1024**3
GB = 1_000_000_000

# The baseline of the relative budgets: PyYAML's own C loader on the same file, in a fresh
# process; the load alone is timed inside it too and printed on stdout.
C_LOADER = (
    "import sys, time, yaml\n"
    "start = time.perf_counter()\n"
    "yaml.load(open(sys.argv[1], encoding='utf-8'), Loader=yaml.CSafeLoader)\n"
    "print(time.perf_counter() - start)\n"
)


def _script(name: str, module: str) -> list[str]:
    """A console script of this interpreter's environment, else its module form."""
    path = Path(sys.executable).parent / name
    return [str(path)] if path.exists() else [sys.executable, "-m", module]


@dataclass(slots=True)
class Project:
    id: str
    label: str
    path: Path
    signatories: int
    format: str
    signatories_file: Path


@dataclass(slots=True)
class Run:
    wall_s: float
    max_rss_kb: int
    in_process_s: float | None = None


@dataclass(slots=True)
class Measurement:
    project: str
    project_label: str
    signatories: int | None
    format: str | None
    step: str
    command: list[str]
    # The process prints how long its own work took (the C loader baseline).
    reports_time: bool = False
    runs: list[Run] = field(default_factory=list)
    status: str = "ok"  # ok | failed | unavailable
    message: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok" and bool(self.runs)

    @property
    def median_s(self) -> float | None:
        return statistics.median(r.wall_s for r in self.runs) if self.ok else None

    @property
    def peak_rss_bytes(self) -> int | None:
        return max(r.max_rss_kb for r in self.runs) * 1024 if self.ok else None

    @property
    def in_process_median_s(self) -> float | None:
        values = [r.in_process_s for r in self.runs if r.in_process_s is not None]
        return statistics.median(values) if self.ok and values else None

    def as_json(self) -> dict:
        data = asdict(self)
        data.update(
            median_s=self.median_s,
            min_s=min((r.wall_s for r in self.runs), default=None) if self.ok else None,
            max_s=max((r.wall_s for r in self.runs), default=None) if self.ok else None,
            peak_rss_bytes=self.peak_rss_bytes,
            in_process_median_s=self.in_process_median_s,
        )
        return data


# Starts one command and reports its wall time and peak RSS. Linux carries a
# parent's peak RSS into its child across fork and exec, so a step started
# straight from this runner, which holds generated lists of 100,000 names,
# would seem to need at least the runner's memory. This launcher is a bare
# interpreter (-S, no imports beyond os, sys and time) of a few MB: a floor
# below any step measured.
LAUNCHER = """\
import os, sys, time
report, command = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(command[0], command)
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
with open(report, "w") as f:
    f.write(f"{wall} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def run_once(command: Sequence[str], cwd: Path, *, reports_time: bool = False) -> tuple[Run | None, str | None]:
    """One fresh process: wall time and its own peak RSS, or the reason it failed.

    `os.wait4` in the launcher reports the peak RSS of that one child;
    getrusage(RUSAGE_CHILDREN) would give the maximum over every child so far,
    hiding small runs after big ones.
    """
    env = dict(os.environ, NO_COLOR="1")
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report"
        out_path, err_path = Path(scratch) / "stdout", Path(scratch) / "stderr"
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            subprocess.run(
                [sys.executable, "-S", "-c", LAUNCHER, str(report), *command],
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                check=True,
            )
        wall_text, rss_text, code_text = report.read_text().split()
        if int(code_text) != 0:
            lines = [line for line in err_path.read_text("utf-8", "replace").splitlines() if line.strip()]
            return None, f"exit {code_text}: {lines[-1].strip() if lines else 'no message'}"
        printed = out_path.read_text("utf-8", "replace").strip()
    return Run(float(wall_text), int(rss_text), float(printed) if reports_time else None), None


def measure(group: Sequence[Measurement], repeat: int, *, warm_up: bool, cwd: Path) -> None:
    """Runs the steps of GROUP in turn, REPEAT rounds; a failing step is recorded once and dropped.

    A budget compares steps (check against the C loader, build pdf against raw
    WeasyPrint): interleaved, a busy spell on a shared machine slows both of a
    pair alike instead of one of them.
    """
    for m in group:
        print(f"  {m.project_label:<18} {m.step:<26} ×{repeat}", file=sys.stderr, flush=True)
    if warm_up:
        # One unmeasured round first: byte-code compiled and files in the page
        # cache, as they are for a user's second command.
        for m in group:
            _, failure = run_once(m.command, cwd, reports_time=m.reports_time)
            if failure is not None:
                _failed(m, failure)
    for _ in range(repeat):
        for m in group:
            if m.status != "ok":
                continue
            run, failure = run_once(m.command, cwd, reports_time=m.reports_time)
            if failure is not None:
                _failed(m, failure)
            else:
                m.runs.append(run)


def _failed(measurement: Measurement, message: str) -> None:
    # Until a renderer lands, its format fails with "No module named …", and
    # Typst's engine says it is an optional extra: steps not available here,
    # not regressions.
    missing = "ModuleNotFoundError" in message or "No module named" in message or "optional extra" in message
    measurement.status = "unavailable" if missing else "failed"
    measurement.message = message[message.index("No module named") :] if "No module named" in message else message
    measurement.runs.clear()


def projects(sizes: Sequence[int], projects_dir: Path) -> list[Project]:
    found = [Project("iap", "IAP letter", IAP, IAP_SIGNATORIES, "yaml", IAP / "signatories.yaml")]
    for n in sizes:
        for fmt in ("yaml", "csv"):
            name = project_name(n, fmt)
            path = projects_dir / name
            print(f"  generating {name}", file=sys.stderr, flush=True)
            generate_project(path, n, fmt)
            found.append(Project(name, f"{n:,} {fmt.upper()}", path, n, fmt, path / f"signatories.{fmt}"))
    return found


def _compile_package() -> None:
    """Byte-compiles petitioncli's own modules, as `pip install` does for an installed package.

    An editable install (`make`'s) leaves them as source, and where
    PYTHONDONTWRITEBYTECODE is set (this project's machine sets it) every
    command compiled some 60 modules again: 0.1 to 0.4 s of each run that
    no installed user pays.
    """
    import petitioncli

    compileall.compile_dir(Path(petitioncli.__file__).parent, quiet=1)


def run_all(args: argparse.Namespace) -> list[Measurement]:
    _compile_package()
    petition = _script("petition", "petitioncli")
    weasyprint = _script("weasyprint", "weasyprint")
    out_root = args.projects_dir / "out"
    measurements: list[Measurement] = []

    def new(project: Project | None, name: str, command: list[str], **kwargs) -> Measurement:
        m = Measurement(
            project=project.id if project else "-",
            project_label=project.label if project else "-",
            signatories=project.signatories if project else None,
            format=project.format if project else None,
            step=name,
            command=command,
            **kwargs,
        )
        measurements.append(m)
        return m

    def measure_all(project: Project | None, group: list[Measurement], repeat: int) -> None:
        warm_up = args.repeat > 1 and (project is None or project.signatories < LARGE)
        measure(group, repeat, warm_up=warm_up, cwd=ROOT)

    print("Generating projects", file=sys.stderr, flush=True)
    found = projects(args.sizes, args.projects_dir)
    print("Measuring", file=sys.stderr, flush=True)
    measure_all(None, [new(None, "petition --help", [*petition, "--help"])], args.repeat)
    for project in found:
        large = project.signatories >= LARGE
        repeat = min(args.repeat, LARGE_REPEAT) if large else args.repeat
        out_dir = out_root / project.id
        build = [*petition, "build", str(project.path), "--output-dir", str(out_dir), "--format"]
        group = [
            new(project, "check", [*petition, "check", str(project.path)]),
            new(project, "build txt", [*build, "txt"]),
        ]
        if project.format == "csv":
            # Past loading, a CSV list is the same letter as its YAML twin: the
            # HTML and PDF cost is measured once, on the YAML project.
            measure_all(project, group, repeat)
            continue
        loader = [sys.executable, "-c", C_LOADER, str(project.signatories_file)]
        group.append(new(project, "baseline: PyYAML C loader", loader, reports_time=True))
        html = new(project, "build html", [*build, "html"])
        docx = new(project, "build docx", [*build, "docx"])
        measure_all(project, [*group, html, docx], repeat)
        if args.skip_pdf or project.signatories > TYPST_MAX_SIGNATORIES:
            continue
        pdf_repeat = min(args.repeat, PDF_LARGE_REPEAT) if large else args.repeat
        typst = new(project, TYPST, [*build, "pdf", "--engine", "typst"])
        if project.signatories > PDF_MAX_SIGNATORIES:
            measure_all(project, [typst], pdf_repeat)
            # Beside Typst, for comparison: WeasyPrint takes minutes here, so it runs once, against no budget.
            measure_all(project, [new(project, "build pdf", [*build, "pdf"])], 1)
            continue
        pdf = new(project, "build pdf", [*build, "pdf"])
        html_files = sorted(out_dir.glob("*.html"))
        if html.ok and html_files:
            raw = [*weasyprint, str(html_files[0]), str(out_dir / "raw-weasyprint.pdf")]
            # The baseline of issue 12's budget: WeasyPrint with the PDF/UA
            # tagging every PDF gets, as `petition` makes it.
            tagged = [*raw, "--pdf-variant", PDF_VARIANT]
            group = [pdf, new(project, RAW_WEASYPRINT, raw), new(project, TAGGED_WEASYPRINT, tagged), typst]
            measure_all(project, group, pdf_repeat)
        else:
            measure_all(project, [pdf, typst], pdf_repeat)
            for name in (RAW_WEASYPRINT, TAGGED_WEASYPRINT):
                m = new(project, name, [*weasyprint, "<the html build's output>"])
                m.status, m.message = "unavailable", "needs the HTML that `build --format html` writes"
    # Inline Markdown at 100 KB and 1 MB (bench/inline.py).
    for name, path in inline.make_projects(args.projects_dir, 0.01 if args.quick else 1.0).items():
        text = Project(name, name, path, 1, "yaml", path / "signatories.yaml")
        steps = inline.commands(petition, path, out_root / name)
        measure_all(text, [new(text, step, command) for step, command in steps], min(args.repeat, LARGE_REPEAT))
    # The officer's and the reviewer's commands, on the largest YAML list (bench/officer.py).
    largest = max((p for p in found if p.format == "yaml"), key=lambda p: p.signatories)
    steps = officer.commands(petition, largest.path, largest.signatories, args.projects_dir)
    steps += reviewer.commands(petition, largest.path, args.projects_dir)
    measure_all(largest, [new(largest, step, command) for step, command in steps], min(args.repeat, LARGE_REPEAT))
    return measurements


@dataclass(slots=True)
class Budget:
    """One performance budget: an absolute limit, or a factor times a baseline."""

    name: str
    limit: str
    measured: float | None
    unit: str  # "s" or "MB"
    absolute: float | None = None
    baseline: float | None = None
    factor: float | None = None
    note: str = ""

    @property
    def allowed(self) -> float | None:
        if self.absolute is not None:
            return self.absolute
        return self.baseline * self.factor if self.baseline is not None else None

    @property
    def times_baseline(self) -> float | None:
        """The ratio a relative budget states, e.g. 1.15 against "≤ 1.1×"."""
        if self.measured is None or not self.baseline:
            return None
        return self.measured / self.baseline

    @property
    def share(self) -> float | None:
        """Measured over allowed: at most 1 is a budget met."""
        if self.measured is None or not self.allowed:
            return None
        return self.measured / self.allowed

    @property
    def verdict(self) -> str:
        if self.share is None:
            return "not measured"
        return "met" if self.share <= 1 else "MISSED"

    def as_json(self) -> dict:
        return {
            **asdict(self),
            "allowed": self.allowed,
            "times_baseline": self.times_baseline,
            "share": self.share,
            "verdict": self.verdict,
        }


def budgets(measurements: list[Measurement]) -> list[Budget]:
    """The performance budgets, each with what it was measured against."""
    by_key = {(m.project, m.step): m for m in measurements}

    def median(project: str, step_name: str) -> float | None:
        m = by_key.get((project, step_name))
        return m.median_s if m else None

    def peak_mb(project: str, step_name: str) -> float | None:
        m = by_key.get((project, step_name))
        return m.peak_rss_bytes / MB if m and m.peak_rss_bytes is not None else None

    def seconds(name: str, project: str, step_name: str, limit: float) -> Budget:
        return Budget(name, f"< {limit:g} s", median(project, step_name), "s", absolute=limit)

    def relative(name: str, project: str, step_name: str, base_step: str, factor: float) -> Budget:
        base_name = base_step.removeprefix("baseline: ")
        return Budget(
            name,
            f"≤ {factor:g}× {base_name}",
            median(project, step_name),
            "s",
            baseline=median(project, base_step),
            factor=factor,
        )

    def pdf(name: str, project: str) -> Budget:
        budget = relative(name, project, "build pdf", RAW_WEASYPRINT, 1.1)
        tagged = median(project, TAGGED_WEASYPRINT)
        if budget.measured is not None and tagged:
            budget.note = f"{budget.measured / tagged:.2f}× {TAGGED_WEASYPRINT}"
        return budget

    def linear(name: str, step_name: str, small: str, large: str, factor: float) -> Budget:
        """Cost that grows in proportion: ten times the signatories within `factor` times the time."""
        return Budget(
            name,
            f"≤ {factor:g}× the smaller",
            median(large, step_name),
            "s",
            baseline=median(small, step_name),
            factor=factor,
            note="10× the signatories; linear is 10×",
        )

    def memory(name: str, project: str, step_name: str, limit_bytes: int, limit: str) -> Budget:
        # MB are 10⁶ bytes throughout, the stricter reading; MiB beside them for comparison.
        measured = peak_mb(project, step_name)
        note = f"{measured * MB / MIB:,.0f} MiB" if measured is not None else ""
        return Budget(name, f"< {limit}", measured, "MB", absolute=limit_bytes / MB, note=note)

    big_yaml, big_csv, pdf_yaml, thousand = (
        project_name(100_000, "yaml"),
        project_name(100_000, "csv"),
        project_name(10_000, "yaml"),
        project_name(1_000, "yaml"),
    )
    return [
        seconds("petition --help", "-", "petition --help", 0.3),
        seconds("check, IAP letter", "iap", "check", 0.5),
        seconds("check, 10,000 YAML", project_name(10_000, "yaml"), "check", 2),
        seconds("check, 100,000 CSV", big_csv, "check", 3),
        relative("check, 100,000 YAML", big_yaml, "check", "baseline: PyYAML C loader", 1.5),
        seconds("build txt, IAP letter", "iap", "build txt", 0.5),
        relative("build txt, 100,000 YAML", big_yaml, "build txt", "check", 1.2),
        relative("build txt, 100,000 CSV", big_csv, "build txt", "check", 1.2),
        memory("build txt, 100,000 YAML: memory", big_yaml, "build txt", GIB, "1 GiB"),
        memory("build txt, 100,000 CSV: memory", big_csv, "build txt", GIB, "1 GiB"),
        pdf("build pdf, IAP letter", "iap"),
        pdf("build pdf, 10,000 YAML", pdf_yaml),
        seconds("build pdf, 10,000 YAML: time", pdf_yaml, "build pdf", 40),
        memory("build pdf, 10,000 YAML: memory", pdf_yaml, "build pdf", 400 * MB, "400 MB"),
        # Issue 12: the WeasyPrint engine no slower than WeasyPrint itself making the same tagged PDF.
        relative("build pdf, 1,000 YAML: tagged", thousand, "build pdf", TAGGED_WEASYPRINT, 1.0),
        relative("build pdf, 10,000 YAML: tagged", pdf_yaml, "build pdf", TAGGED_WEASYPRINT, 1.0),
        seconds("typst, IAP letter", "iap", TYPST, 1),
        seconds("typst, 10,000 YAML", pdf_yaml, TYPST, 5),
        memory("typst, 10,000 YAML: memory", pdf_yaml, TYPST, 400 * MB, "400 MB"),
        seconds("typst, 100,000 YAML", big_yaml, TYPST, 60),
        # Issue 21: under 1 GB, the loaded letter (about 470 MB) included.
        memory("typst, 100,000 YAML: memory", big_yaml, TYPST, GB, "1 GB"),
        linear("typst, 100,000 against 10,000", TYPST, pdf_yaml, big_yaml, 12.5),
        # Issue 26: the Word copy, each signatory a paragraph of its own.
        seconds("build docx, IAP letter", "iap", "build docx", 1),
        relative("build docx, 100,000 YAML", big_yaml, "build docx", "check", 4),
        memory("build docx, 100,000 YAML: memory", big_yaml, "build docx", GIB, "1 GiB"),
        linear("build docx, 100,000 against 10,000", "build docx", pdf_yaml, big_yaml, 12.5),
        *officer.budgets(seconds, relative, big_yaml),
        *reviewer.budgets(relative, big_yaml),
        *inline.budgets(linear),
    ]


def _fmt(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def _markdown_table(header: Sequence[str], rows: list[Sequence[str]], right: set[int]) -> str:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        padded = [
            str(c).rjust(w) if i in right else str(c).ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "| " + " | ".join(padded) + " |"

    rule = "|" + "|".join(("-" * (w + 1) + ":") if i in right else ("-" * (w + 2)) for i, w in enumerate(widths)) + "|"
    return "\n".join([line(header), rule, *(line(r) for r in rows)])


def measurements_table(measurements: list[Measurement]) -> str:
    rows = []
    for m in measurements:
        if m.ok:
            walls = [r.wall_s for r in m.runs]
            spread = f"{min(walls):.2f}–{max(walls):.2f}"
            note = f"load alone {m.in_process_median_s:.2f} s" if m.in_process_median_s is not None else ""
            rss = _fmt(m.peak_rss_bytes / MB, 0)
        else:
            # The whole message is in results.json; the table keeps its start.
            message = m.message if len(m.message or "") <= NOTE_WIDTH else m.message[: NOTE_WIDTH - 1] + "…"
            spread, rss, note = "—", "—", f"{m.status}: {message}"
        rows.append([m.project_label, m.step, str(len(m.runs)), _fmt(m.median_s), spread, rss, note])
    header = ["project", "step", "runs", "median s", "min–max s", "peak RSS MB", "note"]
    return _markdown_table(header, rows, right={2, 3, 4, 5})


def budgets_table(found: list[Budget]) -> str:
    rows = []
    for b in found:
        digits = 0 if b.unit == "MB" else 2

        def amount(value: float | None, digits: int = digits, unit: str = b.unit) -> str:
            return f"{_fmt(value, digits)} {unit}" if value is not None else "—"

        times = f"{b.times_baseline:.2f}×" if b.times_baseline is not None else "—"
        share = f"{b.share:.0%}" if b.share is not None else "—"
        rows.append([b.name, b.limit, amount(b.measured), amount(b.baseline), times, share, b.verdict, b.note])
    header = ["budget", "limit", "measured", "baseline", "× baseline", "of budget", "verdict", "note"]
    return _markdown_table(header, rows, right={2, 3, 4, 5})


PAGE_START = "<!-- bench: written by `make bench` (bench/run.py --page) from its results; the text around it is not -->"
PAGE_END = "<!-- /bench -->"


def page_block(info: dict, started: dt.datetime, minutes: float, load: tuple[float, float], tables: list[str]) -> str:
    """The measured part of docs/explanation/performance.md: when, where, on what, then the tables."""
    packages = info["packages"]
    typst = f", Typst {packages['typst']}" if packages.get("typst") else ""
    said = (
        f"Measured on {started:%Y-%m-%d} with `make bench` on {info['nproc']} cores ({info['cpu']}, Python "
        f"{info['python']}, WeasyPrint {packages['weasyprint']}{typst}, commit {(info['git_commit'] or '?')[:7]}"
        f"{' with uncommitted changes' if info['uncommitted_changes_in_src'] else ''}; {minutes:.1f} minutes, load "
        f"average {load[0]:.2f} before and {load[1]:.2f} after): median wall time of fresh processes, peak "
        "resident memory of the process."
    )
    return "\n\n".join([said, *tables])


def write_page(page: Path, block: str) -> None:
    """Rewrites what lies between the page's bench markers, and nothing else of it."""
    text = page.read_text(encoding="utf-8")
    start, end = text.find(PAGE_START), text.find(PAGE_END)
    if start < 0 or end < start:
        raise SystemExit(f"{page} lacks the markers {PAGE_START} … {PAGE_END}")
    page.write_text(text[: start + len(PAGE_START)] + "\n" + block + "\n" + text[end:], encoding="utf-8")


def machine() -> dict:
    versions = {}
    for package in PACKAGES:
        try:
            versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            versions[package] = None
    cpu = next(
        (line.split(":", 1)[1].strip() for line in _read_lines("/proc/cpuinfo") if line.startswith("model name")),
        platform.processor() or None,
    )
    memory_kb = next(
        (int(line.split()[1]) for line in _read_lines("/proc/meminfo") if line.startswith("MemTotal")), None
    )
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    # Others edit the library while benchmarks run: say whether the code measured was the commit.
    changed = subprocess.run(
        ["git", "status", "--porcelain", "--", "src"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return {
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": cpu,
        "memory_bytes": memory_kb * 1024 if memory_kb else None,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "packages": versions,
        "git_commit": commit or None,
        "uncommitted_changes_in_src": bool(changed),
    }


def _read_lines(path: str) -> list[str]:
    try:
        return Path(path).read_text().splitlines()
    except OSError:
        return []


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="signatory counts to generate")
    parser.add_argument(
        "--repeat",
        type=int,
        default=5,
        help=f"runs per step (lists of {LARGE:,}+: at most {LARGE_REPEAT}, their PDF {PDF_LARGE_REPEAT})",
    )
    parser.add_argument("--quick", action="store_true", help="smallest size only, one run each: a smoke test")
    parser.add_argument("--skip-pdf", action="store_true", help="leave out the PDF build and raw WeasyPrint")
    parser.add_argument("--projects-dir", type=Path, default=BENCH / "projects", help="where projects are generated")
    parser.add_argument("--results", type=Path, default=BENCH / "results.json", help="where the JSON results go")
    parser.add_argument(
        "--page", type=Path, help="a Markdown page whose measured block (between its bench markers) to rewrite"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.repeat = [min(args.sizes)], 1
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    args.projects_dir = args.projects_dir.resolve()
    started = dt.datetime.now(dt.UTC)
    info = machine()
    load_before = os.getloadavg()
    clock = time.perf_counter()
    measurements = run_all(args)
    found = budgets(measurements)
    duration = time.perf_counter() - clock
    load_after = os.getloadavg()

    code = f"commit {(info['git_commit'] or 'unknown')[:7]}"
    if info["uncommitted_changes_in_src"]:
        code += " with uncommitted changes in src/"
    print(
        f"petition benchmark, {started:%Y-%m-%d %H:%M} UTC, {code}: {info['nproc']} cores ({info['cpu']}), "
        f"Python {info['python']}, WeasyPrint {info['packages']['weasyprint']}"
    )
    print(
        f"Median wall time of fresh processes; lists of {LARGE:,}+ signatories run {LARGE_REPEAT}× "
        f"(their PDF {PDF_LARGE_REPEAT}×); load average {load_before[0]:.2f} before, {load_after[0]:.2f} after."
    )
    print()
    print(measurements_table(measurements))
    print()
    print(budgets_table(found))
    missed = sum(b.verdict == "MISSED" for b in found)
    unmeasured = sum(b.verdict == "not measured" for b in found)
    print()
    print(
        f"{len(found) - missed - unmeasured} budgets met, {missed} missed, {unmeasured} not measured "
        f"({duration / 60:.1f} min). Results: {args.results}"
    )

    if args.page is not None:
        tables = [budgets_table(found), measurements_table(measurements)]
        write_page(args.page, page_block(info, started, duration / 60, (load_before[0], load_after[0]), tables))
        print(f"Written into {args.page}")

    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(
        json.dumps(
            {
                "date": started.isoformat(timespec="seconds"),
                "duration_s": round(duration, 1),
                "machine": info,
                "load_average": {"before": load_before, "after": load_after},
                "settings": {
                    "sizes": args.sizes,
                    "repeat": args.repeat,
                    "large_repeat": LARGE_REPEAT,
                    "pdf_large_repeat": PDF_LARGE_REPEAT,
                    "skip_pdf": args.skip_pdf,
                },
                "measurements": [m.as_json() for m in measurements],
                "budgets": [b.as_json() for b in found],
            },
            indent=2,
            ensure_ascii=False,
            default=str,
        )
        + "\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
