"""What a build may replace, and what a failed or interrupted build leaves on disk.

Every test compares the files left behind byte for byte: a failed build keeps
each earlier letter as it was and leaves no hidden `.part` file.
"""

from __future__ import annotations

import os
import resource
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

LEADERSHIP = "iap-2017_iap-leadership_2017-09-05"
TXT = f"{LEADERSHIP}.txt"
HTML = f"{LEADERSHIP}.html"


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    folder = tmp_path / "dist"
    folder.mkdir()
    return folder


def build(run_cli, project: Path, *extra):
    return run_cli("build", project, *extra)


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry of FOLDER: a file's bytes, or what else the entry is."""
    found: dict[str, bytes | str] = {}
    for entry in sorted(folder.iterdir()):
        info = entry.lstat()
        if stat.S_ISLNK(info.st_mode):
            found[entry.name] = f"link to {os.readlink(entry)}"
        elif stat.S_ISREG(info.st_mode):
            found[entry.name] = entry.read_bytes()
        else:
            found[entry.name] = stat.filemode(info.st_mode)[0]
    return found


def one_line_error(result) -> str:
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# What an output path may be ----------------------------------------------------------


def make_device(path: Path) -> None:
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a private twin of /dev/null
    except PermissionError:
        pytest.skip("making a device node needs root (CAP_MKNOD), as in CI containers")


def make_socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
    except OSError as exc:
        pytest.skip(f"cannot bind a socket at {path}: {exc}")
    finally:
        server.close()


NOT_FILES = {
    "a character device": make_device,
    "a named pipe": os.mkfifo,
    "a socket": make_socket,
    "a folder": os.mkdir,
}


@pytest.mark.parametrize("kind", NOT_FILES)
def test_an_output_that_is_not_a_regular_file_is_refused_and_left_alone(run_cli, iap_project, dist, kind):
    target = dist / "letter.txt"
    NOT_FILES[kind](target)
    before = snapshot(dist)
    result = build(run_cli, iap_project, "--format", "txt", "--output", target)
    assert result.exit_code == 2
    message = one_line_error(result)
    assert f"cannot write {target}: it is {kind}" in message
    assert ".part" not in message
    assert snapshot(dist) == before


@pytest.mark.parametrize("kind", NOT_FILES)
def test_a_link_to_something_that_is_not_a_regular_file_is_refused(run_cli, iap_project, dist, tmp_path, kind):
    thing = tmp_path / "thing"
    NOT_FILES[kind](thing)
    (dist / "letter.txt").symlink_to(thing)
    before = snapshot(dist)
    result = build(run_cli, iap_project, "--format", "txt", "--output", dist / "letter.txt")
    assert result.exit_code == 2
    assert f"it is a symbolic link to {thing}, which is {kind}" in one_line_error(result)
    assert snapshot(dist) == before
    assert stat.S_IFMT(thing.lstat().st_mode) != stat.S_IFREG


def test_a_link_to_a_file_replaces_the_file_it_leads_to_and_stays_a_link(run_cli, iap_project, dist, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "letter.txt").write_bytes(b"last year's letter\n")
    (dist / "letter.txt").symlink_to("../site/letter.txt")
    result = build(run_cli, iap_project, "--format", "txt", "--output", dist / "letter.txt")
    assert result.exit_code == 0, result.stderr
    assert os.readlink(dist / "letter.txt") == "../site/letter.txt"
    assert (site / "letter.txt").read_text(encoding="utf-8").startswith("Petition to the International")
    assert sorted(p.name for p in site.iterdir()) == ["letter.txt"]
    assert sorted(p.name for p in dist.iterdir()) == ["letter.txt"]


def test_a_dangling_link_is_refused(run_cli, iap_project, dist, tmp_path):
    (dist / "letter.txt").symlink_to(tmp_path / "nowhere" / "letter.txt")
    result = build(run_cli, iap_project, "--format", "txt", "--output", dist / "letter.txt")
    assert result.exit_code == 2
    assert "which does not exist" in one_line_error(result)
    assert not (tmp_path / "nowhere").exists()


def test_a_strangers_link_in_a_shared_sticky_folder_is_not_followed(run_cli, iap_project, tmp_path):
    # /tmp's classic trap: someone else plants letter.txt -> a file of yours; the
    # kernel's protected_symlinks rule refuses such links, and so does petition.
    if os.geteuid() != 0:
        pytest.skip("giving a link to another user needs root")
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    precious = tmp_path / "precious.txt"
    precious.write_bytes(b"not a letter\n")
    (shared / "letter.txt").symlink_to(precious)
    os.lchown(shared / "letter.txt", 65534, 65534)
    result = build(run_cli, iap_project, "--format", "txt", "--output", shared / "letter.txt")
    assert result.exit_code == 2
    assert "belongs to another user" in one_line_error(result)
    assert precious.read_bytes() == b"not a letter\n"
    assert (shared / "letter.txt").is_symlink()


def test_an_output_under_a_file_says_which_part_is_not_a_folder(run_cli, iap_project, dist):
    (dist / "notes").write_bytes(b"a file, not a folder\n")
    result = build(run_cli, iap_project, "--format", "txt", "--output", dist / "notes" / "letter.txt")
    assert result.exit_code == 2
    assert f"cannot write {dist / 'notes' / 'letter.txt'}: {dist / 'notes'} is not a folder" in one_line_error(result)
    assert snapshot(dist) == {"notes": b"a file, not a folder\n"}


def test_an_output_dir_that_is_a_file_is_refused(run_cli, iap_project, dist):
    (dist / "out").write_bytes(b"a file\n")
    result = build(run_cli, iap_project, "--format", "txt", "--output-dir", dist / "out")
    assert result.exit_code == 2
    assert f"{dist / 'out'} is not a folder" in one_line_error(result)
    assert snapshot(dist) == {"out": b"a file\n"}


def test_a_build_never_replaces_a_file_of_its_own_project(run_cli, iap_project):
    letter = (iap_project / "letter.md").read_bytes()
    result = build(run_cli, iap_project, "--format", "txt", "--output", iap_project / "letter.md")
    assert result.exit_code == 2
    assert "the letter is read from it" in one_line_error(result)
    assert (iap_project / "letter.md").read_bytes() == letter


def test_every_output_is_checked_before_any_is_written(run_cli, iap_project, dist):
    assert build(run_cli, iap_project, "--format", "txt", "--width", "50", "--output-dir", dist).exit_code == 0
    (dist / HTML).mkdir()
    before = snapshot(dist)
    result = build(run_cli, iap_project, "--format", "txt", "--format", "html", "--output-dir", dist)
    assert result.exit_code == 2
    assert f"cannot write {dist / HTML}: it is a folder" in one_line_error(result)
    assert snapshot(dist) == before


def test_two_outputs_that_are_one_file_are_refused(run_cli, iap_project, dist):
    (dist / HTML).write_bytes(b"an old page\n")
    (dist / TXT).symlink_to(HTML)
    before = snapshot(dist)
    result = build(run_cli, iap_project, "--format", "txt", "--format", "html", "--output-dir", dist)
    assert result.exit_code == 2
    assert f"cannot write {dist / HTML}: it is the same file as {dist / TXT}" in one_line_error(result)
    assert snapshot(dist) == before


# A batch of files: all or nothing --------------------------------------------------------


def retitle(project: Path) -> None:
    """Changes the project so that the next build's letters differ from the last build's."""
    manifest = project / "petition.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("title: Petition to", "title: Second petition to"),
        encoding="utf-8",
    )


@pytest.fixture
def earlier(run_cli, iap_project, dist) -> dict[str, bytes | str]:
    """A text letter and a web page from an earlier build in dist/, and the project changed since."""
    assert build(run_cli, iap_project, "--format", "txt", "--format", "html", "--output-dir", dist).exit_code == 0
    retitle(iap_project)
    return snapshot(dist)


def failing_on_call(number: int, function, error: OSError):
    calls = []

    def failing(*args, **kwargs):
        calls.append(args)
        if len(calls) == number:
            raise error
        return function(*args, **kwargs)

    return failing


def test_a_write_failing_on_the_second_file_keeps_the_first_as_it_was(run_cli, iap_project, dist, earlier, monkeypatch):
    monkeypatch.setattr(os, "fsync", failing_on_call(2, os.fsync, OSError(28, "No space left on device")))
    result = build(run_cli, iap_project, "--format", "txt", "--format", "html", "--output-dir", dist)
    assert result.exit_code == 2
    assert one_line_error(result) == f"petition: error: cannot write {dist / HTML}: No space left on device"
    assert snapshot(dist) == earlier


def test_a_rename_failing_midway_says_which_files_were_already_replaced(
    run_cli, iap_project, dist, earlier, monkeypatch
):
    monkeypatch.setattr(os, "replace", failing_on_call(2, os.replace, OSError(5, "Input/output error")))
    result = build(run_cli, iap_project, "--format", "txt", "--format", "html", "--output-dir", dist)
    assert result.exit_code == 2
    assert one_line_error(result) == (
        f"petition: error: cannot write {dist / HTML}: Input/output error; {dist / TXT} had already been replaced"
    )
    left = snapshot(dist)
    assert sorted(left) == [HTML, TXT]
    assert left[HTML] == earlier[HTML]
    assert left[TXT] != earlier[TXT]


def limit_file_size(limit: int):
    def apply() -> None:
        # Python ignores the SIGXFSZ that would kill it: past the limit, a write fails with EFBIG.
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_real_write_failure_names_the_users_file_and_keeps_every_earlier_one(iap_project, dist, earlier):
    # A file size limit fails a write for root too: the closest thing to a full disk a test can make.
    result = subprocess.run(
        [sys.executable, "-m", "petitioncli", "build", iap_project, "-f", "txt", "-f", "html", "--output-dir", dist],
        capture_output=True,
        text=True,
        preexec_fn=limit_file_size(50_000),
        check=False,
    )
    assert result.returncode == 2
    assert one_line_error(result) == f"petition: error: cannot write {dist / HTML}: File too large"
    assert snapshot(dist) == earlier


def test_a_new_letter_is_as_readable_as_the_umask_allows(run_cli, iap_project, dist):
    old = os.umask(0o027)
    try:
        assert build(run_cli, iap_project, "--format", "txt", "--output-dir", dist).exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((dist / TXT).stat().st_mode) == 0o640


def test_a_replaced_letter_keeps_the_permissions_it_was_given(run_cli, iap_project, dist, earlier):
    # Someone made last year's letter private; its replacement must not become readable by all.
    (dist / TXT).chmod(0o600)
    assert build(run_cli, iap_project, "--format", "txt", "--output-dir", dist).exit_code == 0
    assert b"Second petition" in (dist / TXT).read_bytes()
    assert stat.S_IMODE((dist / TXT).stat().st_mode) == 0o600


# Signals: Ctrl-C (SIGINT), a CI cancelling the job (SIGTERM), a closed terminal (SIGHUP) ---------

# Runs the real CLI, made to pause at one moment of a build so that a test can
# send a signal exactly then: it writes MARKER, then waits for a file named
# "go" beside it (a signal may arrive instead). "staging" pauses once the first
# file has been written and synced beside its target; "renaming" before the
# first rename; "rendering" before the text letter is rendered.
PAUSING = """
import os, runpy, signal, sys, time
from pathlib import Path

marker, moment, ignored = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
# As in a terminal, whatever the test runner ignores; then what the test asks to ignore (nohup).
signal.signal(signal.SIGINT, signal.default_int_handler)
signal.signal(signal.SIGTERM, signal.SIG_DFL)
signal.signal(signal.SIGHUP, signal.SIG_DFL)
for name in filter(None, ignored.split(",")):
    signal.signal(getattr(signal, name), signal.SIG_IGN)

def pause():
    if not marker.exists():
        marker.write_text(moment)
        while not marker.with_name("go").exists():
            time.sleep(0.01)

def after(function):
    def paused(*args):
        result = function(*args)
        pause()
        return result
    return paused

def before(function):
    def paused(*args):
        pause()
        return function(*args)
    return paused

if moment == "staging":
    os.fsync = after(os.fsync)
elif moment == "renaming":
    os.replace = before(os.replace)
else:
    import petitioncli.render.text as text
    text.render_text = before(text.render_text)

sys.argv = ["petition", *sys.argv[4:]]
runpy.run_module("petitioncli", run_name="__main__")
"""


class PausedBuild:
    """A `petition build` in another process, paused at MOMENT until a signal or `go()`."""

    def __init__(self, tmp_path: Path, moment: str, *args, ignored: str = ""):
        self.marker = tmp_path / "paused"
        command = [sys.executable, "-c", PAUSING, self.marker, moment, ignored, "build", *args]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def wait_until_paused(self) -> None:
        # Not a measurement: only a bound, so that a build that never pauses fails the test instead of hanging it.
        give_up = time.monotonic() + 120
        while not self.marker.exists():
            if self.process.poll() is not None or time.monotonic() > give_up:
                self.process.kill()
                pytest.fail(f"the build never paused: {self.process.communicate()}")
            time.sleep(0.02)

    def parts(self) -> list[Path]:
        return sorted(self.marker.parent.rglob("*.part"))

    def go(self) -> None:
        self.marker.with_name("go").touch()

    def finish(self) -> tuple[int, str]:
        _, stderr = self.process.communicate(timeout=120)
        return self.process.returncode, stderr


@pytest.fixture
def paused_build(tmp_path, iap_project, dist):
    """Starts `petition build -f txt -f html` of the project into dist/, paused at a moment."""
    started: list[PausedBuild] = []

    def start(moment: str, *, ignored: str = "") -> PausedBuild:
        paused = PausedBuild(
            tmp_path, moment, iap_project, "-f", "txt", "-f", "html", "--output-dir", dist, ignored=ignored
        )
        started.append(paused)
        paused.wait_until_paused()
        return paused

    yield start
    for paused in started:
        if paused.process.poll() is None:
            paused.process.kill()
            paused.process.communicate()


@pytest.mark.parametrize(("name", "code"), [("SIGINT", 130), ("SIGTERM", 143), ("SIGHUP", 129)])
def test_a_signal_while_files_are_staged_keeps_every_earlier_file(paused_build, dist, earlier, name, code):
    paused = paused_build("staging")
    assert len(paused.parts()) == 1  # the text letter is staged, the web page not yet
    paused.process.send_signal(getattr(signal, name))
    returncode, stderr = paused.finish()
    assert returncode == code
    assert stderr == f"petition: error: interrupted by {name}; files written before were left as they were\n"
    assert snapshot(dist) == earlier


def test_a_signal_while_files_are_renamed_waits_until_all_are(paused_build, dist, earlier):
    paused = paused_build("renaming")
    paused.process.send_signal(signal.SIGINT)
    paused.go()
    returncode, stderr = paused.finish()
    assert returncode == 130
    assert stderr == "petition: error: interrupted by SIGINT; every file of this build had been written\n"
    left = snapshot(dist)
    assert sorted(left) == [HTML, TXT]
    assert left[TXT] != earlier[TXT] and left[HTML] != earlier[HTML]
    assert b"Second petition" in left[TXT]


@pytest.mark.parametrize(("name", "code"), [("SIGINT", 130), ("SIGTERM", 143)])
def test_a_signal_while_letters_render_is_reported_like_the_others(paused_build, dist, earlier, name, code):
    paused = paused_build("rendering")
    paused.process.send_signal(getattr(signal, name))
    returncode, stderr = paused.finish()
    assert returncode == code
    assert stderr == f"petition: error: interrupted by {name}; files written before were left as they were\n"
    assert snapshot(dist) == earlier


def test_an_ignored_hangup_leaves_the_build_running(paused_build, dist, earlier):
    # `nohup petition build …` ignores SIGHUP: the build must not start listening to it.
    paused = paused_build("staging", ignored="SIGHUP")
    paused.process.send_signal(signal.SIGHUP)
    paused.go()
    returncode, stderr = paused.finish()
    assert (returncode, stderr) == (0, "")
    assert b"Second petition" in snapshot(dist)[TXT]


def test_the_library_puts_back_the_signal_handlers_it_found(iap_project, dist):
    from petitioncli.build import BuildOptions
    from petitioncli.build import build as build_letters

    def handler(signum, frame):
        pass

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        build_letters(iap_project / "petition.yaml", BuildOptions(formats=["txt"], output_dir=dist))
        assert signal.getsignal(signal.SIGTERM) is handler
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert sorted(p.name for p in dist.iterdir()) == [TXT]


def test_the_library_builds_in_a_thread_where_signals_cannot_be_handled(iap_project, dist):
    from petitioncli.build import BuildOptions
    from petitioncli.build import build as build_letters

    failures: list[BaseException] = []

    def work() -> None:
        try:
            build_letters(iap_project / "petition.yaml", BuildOptions(formats=["txt"], output_dir=dist))
        except BaseException as exc:
            failures.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert failures == []
    assert sorted(p.name for p in dist.iterdir()) == [TXT]


# After SIGKILL or a power cut nothing could clean up: the next build does ---------------------


def age(path: Path, seconds: int = 600) -> None:
    """Makes PATH look SECONDS old: the sweep leaves young files to the build that may be writing them."""
    then = path.stat().st_mtime - seconds
    os.utime(path, (then, then))


def killed_while_staging(paused_build) -> Path:
    paused = paused_build("staging")
    paused.process.kill()
    paused.finish()
    (part,) = paused.parts()  # nothing can clean up after SIGKILL
    return part


def test_the_next_build_sweeps_what_a_killed_build_left(run_cli, iap_project, dist, earlier, paused_build):
    part = killed_while_staging(paused_build)
    assert part.parent == dist and part.name.startswith(f".{TXT}.") and part.name.endswith(".part")
    age(part)
    assert build(run_cli, iap_project, "--format", "txt", "--output-dir", dist).exit_code == 0
    left = snapshot(dist)
    assert sorted(left) == [HTML, TXT]
    assert b"Second petition" in left[TXT]


def test_a_part_file_younger_than_a_minute_is_left_to_its_build(run_cli, iap_project, dist, earlier, paused_build):
    part = killed_while_staging(paused_build)
    assert build(run_cli, iap_project, "--format", "txt", "--output-dir", dist).exit_code == 0
    assert part.exists()


def test_a_running_builds_staged_file_is_never_swept(run_cli, iap_project, dist, earlier, paused_build):
    # Two builds into one folder: the first, paused with a file staged, holds a
    # lock on it that ends only with its process.
    running = paused_build("staging")
    (part,) = running.parts()
    age(part)
    assert build(run_cli, iap_project, "--format", "txt", "--output-dir", dist).exit_code == 0
    assert part.exists()
    running.go()
    assert running.finish() == (0, "")
    assert sorted(snapshot(dist)) == [HTML, TXT]


def test_only_files_named_as_petition_names_them_are_swept(run_cli, iap_project, dist):
    ours = dist / f".{TXT}.petition-0123abcd.part"
    others = [
        dist / f".{TXT}.0123abcd.part",  # another program's
        dist / f".{TXT}.petition-0123abcd.part.bak",
        dist / "notes.part",
    ]
    for path in [ours, *others]:
        path.write_bytes(b"half a letter")
        age(path)
    folder_named_like_ours = dist / f".{HTML}.petition-89abcdef.part"
    folder_named_like_ours.mkdir()
    assert build(run_cli, iap_project, "--format", "txt", "--output-dir", dist).exit_code == 0
    assert not ours.exists()
    assert all(path.read_bytes() == b"half a letter" for path in others)
    assert folder_named_like_ours.is_dir()


# Folders ---------------------------------------------------------------------------------------


def test_a_build_creates_the_output_folder_it_needs(run_cli, iap_project, dist):
    result = build(run_cli, iap_project, "--format", "txt", "--output-dir", dist / "new" / "letters")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (dist / "new" / "letters").iterdir()) == [TXT]


def test_a_failed_build_removes_the_folders_it_created_and_no_others(run_cli, iap_project, dist, monkeypatch):
    (dist / "kept").mkdir()
    monkeypatch.setattr(os, "fsync", failing_on_call(1, os.fsync, OSError(28, "No space left on device")))
    result = build(run_cli, iap_project, "--format", "txt", "--output-dir", dist / "kept" / "new" / "letters")
    assert result.exit_code == 2
    assert snapshot(dist) == {"kept": "d"}
    assert list((dist / "kept").iterdir()) == []
