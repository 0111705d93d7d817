#!/usr/bin/env python3
"""The reference reader (tools/read-archive.py) gets every message back.

Usage: read-archive-test.py SAMPLE_WRITER READER FIXTURE_DIR WORK_DIR

- writes a sample archive with archive-sample-writer (every compression kind,
  packed blobs of one and two frames, a 20 MB message) and reads it back with
  the reader, with python3-zstandard and with the zstd program: the SHA-256
  of every file written must be the manifest's, location for location;
- reads every fixture of a released format (tests/fixtures/archives) the same
  way: frames written before format 11 carry no checksum;
- runs the copy of the reader the archive carries in about_this_file, which
  must be the repository's;
- damages one blob: the reader must exit 1, name it, and still write the rest.
Exits 1 on the first failed check, saying which.
"""

import collections
import hashlib
import os
import pathlib
import shutil
import sqlite3
import subprocess
import sys

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL: " + what, file=sys.stderr)
    return condition


def manifest_of(path):
    """sha256 hex -> how many locations hold it."""
    counts = collections.Counter()
    kinds = set()
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) == 6:
            counts[fields[0]] += 1
            kinds.add(int(fields[2]))
    return counts, kinds


def written(out_dir):
    counts = collections.Counter()
    for path in pathlib.Path(out_dir).rglob("*.eml"):
        if path.name.endswith(".damaged.eml"):
            continue
        with open(path, "rb") as handle:
            counts[hashlib.sha256(handle.read()).hexdigest()] += 1
    return counts


def run_reader(reader, archive, out_dir, backend):
    if os.path.exists(out_dir):
        shutil.rmtree(out_dir)
    environment = dict(os.environ)
    environment.pop("READ_ARCHIVE_ZSTD", None)
    if backend == "program":
        environment["READ_ARCHIVE_ZSTD"] = "program"
    return subprocess.run([sys.executable, reader, archive, out_dir], env=environment,
                          capture_output=True, text=True)


def backends():
    found = []
    try:
        import zstandard  # noqa: F401
        found.append("module")
    except ImportError:
        print("python3-zstandard is not installed: only the zstd program is tried", file=sys.stderr)
    if shutil.which("zstd"):
        found.append("program")
    return found


def reads_back(reader, archive, manifest, out_dir, label):
    expected, _ = manifest_of(manifest)
    for backend in backends():
        result = run_reader(reader, archive, out_dir, backend)
        ok = check(result.returncode == 0,
                   f"{label} ({backend}): exit {result.returncode}: {result.stderr[-2000:]}")
        if ok:
            got = written(out_dir)
            check(got == expected,
                  f"{label} ({backend}): {sum(got.values())} files written, "
                  f"{sum(expected.values())} expected; missing {sorted((expected - got).keys())[:5]}, "
                  f"unexpected {sorted((got - expected).keys())[:5]}")
            print(f"{label} ({backend}): {sum(got.values())} messages read back exactly")


def main():
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    writer, reader, fixture_dir, work = sys.argv[1:]
    check(len(backends()) > 0, "neither python3-zstandard nor the zstd program is installed")
    if os.path.exists(work):
        shutil.rmtree(work)
    os.makedirs(work)

    # A sample archive of this version, with a 20 MB message.
    sample = os.path.join(work, "sample.sqlite")
    manifest = os.path.join(work, "sample.manifest")
    subprocess.run([writer, sample, manifest, "20"], check=True)
    _, kinds = manifest_of(manifest)
    check(kinds == {0, 1, 2, 3, 4}, f"the sample holds compression kinds {sorted(kinds)}, not 0 to 4")
    with sqlite3.connect(sample) as db:
        frames = db.execute("SELECT count(*) FROM blobs WHERE compression IN (3, 4) AND "
                            "instr(substr(data, 5), x'28b52ffd') > 0").fetchone()[0]
        check(frames > 0, "the sample has no packed blob of two frames")
        huge = db.execute("SELECT max(raw_size) FROM blobs").fetchone()[0]
        check(huge > 20 * 1024 * 1024, f"the sample's biggest message has {huge} bytes, not over 20 MiB")
    reads_back(reader, sample, manifest, os.path.join(work, "out"), "sample archive")

    # The archives of released formats.
    fixtures = sorted(pathlib.Path(fixture_dir).glob("format-*.sqlite"))
    check(len(fixtures) > 0, f"no fixtures in {fixture_dir}")
    for fixture in fixtures:
        copy = os.path.join(work, fixture.name)
        shutil.copyfile(fixture, copy)
        reads_back(reader, copy, str(fixture.with_suffix(".manifest")), os.path.join(work, "out-" + fixture.stem),
                   fixture.name)

    # The reader every archive carries is the repository's, and works.
    with sqlite3.connect(sample) as db:
        carried = db.execute("SELECT text FROM about_this_file WHERE name = 'read-archive.py'").fetchone()
    check(carried is not None and carried[0] == pathlib.Path(reader).read_text(encoding="utf-8"),
          "the reader in about_this_file is not tools/read-archive.py")
    if carried:
        carried_path = os.path.join(work, "carried-read-archive.py")
        pathlib.Path(carried_path).write_text(carried[0], encoding="utf-8")
        reads_back(carried_path, sample, manifest, os.path.join(work, "out-carried"), "the carried reader")

    # One damaged blob: named, exit 1, every other message still written.
    damaged = os.path.join(work, "damaged.sqlite")
    shutil.copyfile(sample, damaged)
    with sqlite3.connect(damaged) as db:
        blob_id, data, sha = db.execute("SELECT id, data, sha256 FROM blobs WHERE compression = 2 "
                                        "ORDER BY id LIMIT 1").fetchone()
        data = bytearray(data)
        data[len(data) // 2] ^= 0x20
        db.execute("UPDATE blobs SET data = ? WHERE id = ?", (bytes(data), blob_id))
        locations = db.execute("SELECT count(*) FROM locations l JOIN messages m ON m.id = l.message_id "
                               "WHERE m.blob_id = ?", (blob_id,)).fetchone()[0]
    expected, _ = manifest_of(manifest)
    for backend in backends():
        out = os.path.join(work, "out-damaged")
        result = run_reader(reader, damaged, out, backend)
        check(result.returncode == 1, f"damaged archive ({backend}): exit {result.returncode}, not 1")
        check(str(blob_id) in result.stderr, f"damaged archive ({backend}): blob {blob_id} not named: "
                                             f"{result.stderr[-500:]}")
        got = written(out)
        check(sha.hex() not in got, f"damaged archive ({backend}): the damaged message was written as if good")
        check(sum(got.values()) == sum(expected.values()) - locations,
              f"damaged archive ({backend}): {sum(got.values())} files, "
              f"{sum(expected.values()) - locations} expected")

    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        return 1
    print("every check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
