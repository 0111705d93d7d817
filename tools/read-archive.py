#!/usr/bin/env python3
"""read-archive.py - reference reader for OpenArchiver Desktop archives.

Writes every message of an archive (a SQLite file, formats 6 to 12 as
described in archive-format.md; older ones are read with the same rules)
back out as .eml files, byte for byte, after checking each stored message
against its size and SHA-256.

Usage:
    python3 read-archive.py [--zstd-program] ARCHIVE OUT_DIR

Output:
    OUT_DIR/<source>/<folder levels...>/<uid>.eml   one file per location
    A retired folder (renumbered by the server) goes to a sibling directory
    "<last level> (retired, uidvalidity N)". Messages without a location go
    to OUT_DIR/_no-location/message-<id>.eml (a blob without a message row:
    blob-<id>.eml). A message that fails its check but still decodes to
    something is written as <name>.damaged.eml, so that what is left of it
    can be salvaged; it still counts as a failure. Files get the message's
    IMAP INTERNALDATE as their time. OUT_DIR should be new or empty.
    Names from the archive are made safe: "/", NUL and control characters
    become %XX escapes, "." and ".." and empty names are replaced, and two
    folders that would land in the same directory (ignoring case) are kept
    apart by a " #<folder id>" suffix.

Requirements:
    Python 3 (written for 3.11), standard library only, plus a zstd
    decoder: the python-zstandard module ("import zstandard", Debian:
    python3-zstandard) if it can be imported, else the "zstd" program
    (Debian: zstd). The option --zstd-program (or READ_ARCHIVE_ZSTD=program
    in the environment) forces the program even when the module is there.

Exit status: 0 when every blob verified and every file was written,
1 when a blob failed or could not be read or written, 2 for bad usage.
"""

import argparse, base64, hashlib, os, re, shutil, sqlite3, subprocess
import sys, tempfile, unicodedata, urllib.parse

KNOWN_VERSIONS = range(6, 13)     # formats this reader was written for
CHUNK = 1 << 20                   # read decoded output 1 MiB at a time


class Damage(Exception):
    """A blob that cannot be turned back into its message."""


# ---------------------------------------------------------------- zstd --

class Zstd:
    """Decodes a sequence of zstd frames, joining their outputs, either
    with python-zstandard or with the zstd program."""

    def __init__(self, con, force_program, tmpdir):
        self.con, self.tmpdir, self.dicts = con, tmpdir, {}
        self.module = None
        if not force_program:
            try:
                import zstandard
                self.module = zstandard
            except ImportError:
                pass
        self.program = None if self.module else shutil.which("zstd")
        self.name = ("python-zstandard" if self.module else
                     "zstd program" if self.program else None)

    def dictionary(self, dict_id):
        """The dictionary row dict_id, loaded once, in the form the
        decoder wants (a dictionary object, or a file for the program)."""
        if dict_id not in self.dicts:
            row = self.con.execute("SELECT data FROM compression_dictionaries"
                                   " WHERE id = ?", (dict_id,)).fetchone()
            if row is None or row[0] is None:
                raise Damage("dictionary %s is missing" % dict_id)
            if self.module:
                self.dicts[dict_id] = self.module.ZstdCompressionDict(row[0])
            else:
                path = os.path.join(self.tmpdir, "dict-%d" % dict_id)
                with open(path, "wb") as f:
                    f.write(row[0])
                self.dicts[dict_id] = path
        return self.dicts[dict_id]

    def decode(self, data, dict_id, limit):
        """Returns (output, error): the joined output of all frames and
        None, or what came out before an error and its text. At most
        limit + 1 bytes are read, so a lying blob cannot fill the memory."""
        if self.name is None:
            raise Damage("no zstd decoder (install python3-zstandard or zstd)")
        dic = None if dict_id is None else self.dictionary(dict_id)
        if self.module:
            dctx = self.module.ZstdDecompressor(dict_data=dic)
            # read_across_frames: decompress() would stop after one frame.
            reader = dctx.stream_reader(data, read_across_frames=True)
            out = bytearray()
            try:
                read_at_most(reader, limit + 1, out)
            except self.module.ZstdError as e:
                return out, "zstd: %s" % e
            return out, None
        # The program: input from a temporary file, output from a pipe.
        with open(os.path.join(self.tmpdir, "blob"), "wb") as f:
            f.write(data)
        cmd = [self.program, "-d", "-c", "-q", "--format=zstd"]
        cmd += (["-D", dic] if dic else []) + ["--", "blob"]
        with open(os.path.join(self.tmpdir, "stderr"), "w+b") as err:
            proc = subprocess.Popen(cmd, cwd=self.tmpdir,
                                    stdout=subprocess.PIPE, stderr=err)
            out = read_at_most(proc.stdout, limit + 1, bytearray())
            if len(out) > limit:
                proc.kill()             # too much already: stop it
            proc.stdout.close()
            status = proc.wait()
            err.seek(0)
            message = err.read().decode("utf-8", "replace").strip()
        if status != 0 and len(out) <= limit:
            return out, "zstd: %s" % (message or "exit status %d" % status)
        return out, None


def read_at_most(stream, most, out):
    """Appends what stream gives, up to most bytes, to out."""
    while len(out) < most:
        chunk = stream.read(min(CHUNK, most - len(out)))
        if not chunk:
            break
        out += chunk
    return out


# --------------------------------------------------------- packed form --

def varint(buf, pos):
    """Unsigned LEB128 at buf[pos]: returns (value, next position)."""
    value = 0
    for i in range(10):
        if pos >= len(buf):
            raise Damage("packed form: header ends inside a number")
        byte = buf[pos]
        pos += 1
        value |= (byte & 0x7F) << (7 * i)
        if not byte & 0x80:
            return value, pos
    raise Damage("packed form: number longer than 10 bytes")


def base64_lines(raw, line_length, brk, out):
    """Appends raw to out as standard base64 with padding, cut into lines
    of line_length characters, every line (the last one included) ending
    in brk. Encodes 1000 lines at a time to save memory."""
    step = line_length // 4 * 3 * 1000          # bytes in 1000 full lines
    for start in range(0, len(raw), step):
        text = base64.b64encode(raw[start:start + step])
        for i in range(0, len(text), line_length):
            out += text[i:i + line_length]
            out += brk


def unpack(p):
    """Rebuilds the message from its packed form P = D + L + H + len(H)."""
    if len(p) < 4:
        raise Damage("packed form: shorter than 4 bytes")
    hlen = int.from_bytes(p[-4:], "little")
    if hlen + 4 > len(p):
        raise Damage("packed form: header length %d too big" % hlen)
    h = p[len(p) - 4 - hlen:len(p) - 4]
    if h[:1] != b"\x01":
        raise Damage("packed form: unknown version %s" % (h[0] if h else "-"))
    count, pos = varint(h, 1)
    if count < 1:
        raise Damage("packed form: no blocks")
    blocks = []
    for _ in range(count):
        before, pos = varint(h, pos)
        size, pos = varint(h, pos)
        line_length, pos = varint(h, pos)
        if pos >= len(h):
            raise Damage("packed form: header ends inside a block")
        brk = {0: b"\r\n", 1: b"\n"}.get(h[pos])
        pos += 1
        if size < 1 or brk is None or line_length % 4 or \
                not 4 <= line_length <= 996:
            raise Damage("packed form: invalid block %d" % len(blocks))
        blocks.append((before, size, line_length, brk))
    after, pos = varint(h, pos)
    if pos != len(h):
        raise Damage("packed form: %d unused header bytes" % (len(h) - pos))
    d_len = sum(b[1] for b in blocks)
    l_len = sum(b[0] for b in blocks) + after
    if d_len + l_len + hlen + 4 != len(p):
        raise Damage("packed form: parts do not add up to its length")
    p = memoryview(p)                   # slices without copies
    out, d, lit = bytearray(), 0, d_len  # D starts at 0, L right after it
    for before, size, line_length, brk in blocks:
        out += p[lit:lit + before]
        lit += before
        base64_lines(p[d:d + size], line_length, brk, out)
        d += size
    out += p[lit:lit + after]
    return out


def decode_blob(zstd, sha256, raw_size, kind, dict_id, data):
    """Returns (message bytes or None, error or None) for one blob row."""
    if data is None or not isinstance(raw_size, int) or raw_size < 0:
        return None, "data or raw_size missing"
    if kind not in (0, 1, 2, 3, 4):
        return None, "unknown compression kind %r" % (kind,)
    error = None
    try:
        if kind == 0:
            message = bytes(data)
        else:
            if kind in (2, 4) and dict_id is None:
                raise Damage("kind %d without dictionary_id" % kind)
            # The frames' outputs add up to at most raw_size (section 4).
            out, error = zstd.decode(bytes(data),
                                     dict_id if kind in (2, 4) else None,
                                     raw_size)
            if len(out) > raw_size:
                return None, "decodes to more than raw_size %d" % raw_size
            if kind in (1, 2):
                message = out
            elif error:
                return None, error
            else:
                message = unpack(out)
    except Damage as e:
        return None, str(e)
    if error is None and len(message) != raw_size:
        error = "size %d, expected %d%s" % (
            len(message), raw_size,
            " (truncated)" if len(message) < raw_size else "")
    if error is None and hashlib.sha256(message).digest() != sha256:
        error = "SHA-256 mismatch"
    return message, error


# --------------------------------------------------------- file names --

def safe_name(name):
    """One directory level from an untrusted name: readable, never empty,
    never "." or "..", without "/", NUL or control characters (escaped as
    %XX), never looking like a message file, at most ~200 bytes."""
    name = "".join("%%%02X" % ord(c) if c == "/" or
                   unicodedata.category(c) in ("Cc", "Cs") else c
                   for c in name)
    if name in ("", ".", ".."):
        name = {"": "(empty)", ".": "%2E", "..": "%2E%2E"}[name]
    while len(name.encode("utf-8")) > 200:
        name = name[:-1]
    if re.fullmatch(r"(message-)?\d+(\.damaged)?\.eml", name):
        name += "_"                     # keep clear of our own file names
    return name


def claim(claimed, levels, tag):
    """Reserves a directory (a tuple of levels) for one folder; if another
    folder already has it (compared case-insensitively, for file systems
    that ignore case), its last level gets the suffix tag."""
    key = tuple(x.casefold() for x in levels)
    if key in claimed:
        return claim(claimed, levels[:-1] + (levels[-1] + tag,), tag)
    claimed.add(key)
    return levels


def plan_directories(con, cols):
    """Maps every folder id to its directory (a tuple of levels), and
    returns the directory for messages without a location."""
    claimed, dirs, sources = set(), {}, {}
    for sid, name in con.execute("SELECT id, name FROM sources ORDER BY id"):
        sources[sid] = claim(claimed, (safe_name(name or "source %d" % sid),),
                             " #%d" % sid)
    nowhere = claim(claimed, ("_no-location",), "_")
    def col(name):                      # columns older formats lack
        return name if name in cols else "NULL"
    query = ("SELECT id, source_id, path, %s, %s, %s AS retired FROM folders"
             " ORDER BY source_id, retired IS NOT NULL, id"
             % (col("delimiter"), col("uidvalidity"), col("retired_at")))
    for fid, sid, path, delim, uidvalidity, retired_at in con.execute(query):
        if sid not in sources:          # a folder of a missing source
            sources[sid] = claim(claimed, ("source %s" % sid,), "_")
        src = sources[sid]
        parts = (path or "").split(delim) if delim else [path or ""]
        levels = src + tuple(safe_name(p) for p in parts)
        if retired_at is not None:      # keep a renumbered folder apart
            levels = levels[:-1] + (levels[-1] + " (retired, uidvalidity %s)"
                                    % uidvalidity,)
        dirs[fid] = claim(claimed, levels, " #%d" % fid)
    return dirs, nowhere


# ---------------------------------------------------------------- main --

def write(out_dir, levels, filename, message, mtime):
    """Writes one file; returns False (and says why) if that failed."""
    folder = os.path.join(out_dir, *levels)
    path = os.path.join(folder, filename)
    try:
        os.makedirs(folder, exist_ok=True)
        with open(path, "wb") as f:
            f.write(message)
    except OSError as e:
        print("cannot write %s: %s" % (path, e), file=sys.stderr)
        return False
    try:                                # file time: the IMAP INTERNALDATE
        if isinstance(mtime, int):
            os.utime(path, (mtime, mtime))
    except (OSError, ValueError, OverflowError):
        pass
    return True


def open_archive(path):
    """Opens read-only. A WAL-mode file on a medium we cannot write to
    needs immutable=1, which is only safe when no -wal file is left."""
    uri = "file:%s?mode=ro" % urllib.parse.quote(os.path.abspath(path))
    con = sqlite3.connect(uri, uri=True)
    try:
        return con, con.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.OperationalError:
        if os.path.exists(path + "-wal") and os.path.getsize(path + "-wal"):
            raise
        print("note: archive opened as immutable (read-only medium)",
              file=sys.stderr)
        con = sqlite3.connect(uri + "&immutable=1", uri=True)
        return con, con.execute("PRAGMA user_version").fetchone()[0]


def main():
    try:
        return read_archive()
    except sqlite3.Error as e:          # not an archive, or a damaged file
        sys.exit("cannot read the archive: %s" % e)


def read_archive():
    ap = argparse.ArgumentParser(description="Write every message of an "
                                 "OpenArchiver archive out as .eml files.")
    ap.add_argument("archive")
    ap.add_argument("out_dir")
    ap.add_argument("--zstd-program", action="store_true",
                    help="use the zstd program even if python-zstandard "
                    "can be imported")
    args = ap.parse_args()              # exits with 2 on bad usage
    if not os.path.isfile(args.archive):
        ap.error("no such file: %s" % args.archive)
    force = (args.zstd_program or
             os.environ.get("READ_ARCHIVE_ZSTD") == "program")
    try:
        con, version = open_archive(args.archive)
    except sqlite3.Error as e:
        sys.exit("cannot open %s: %s" % (args.archive, e))
    # Undecodable text (it should all be UTF-8) must not stop the reader.
    con.text_factory = lambda b: b.decode("utf-8", "replace")
    if version < 1:
        sys.exit("not an OpenArchiver archive (user_version %d)" % version)
    if version not in KNOWN_VERSIONS:
        print("warning: format %d; this reader knows formats 6 to 12, "
              "reading with their rules" % version, file=sys.stderr)
    # Older formats lack some columns: those are read as NULL.
    cols = {r[1] for t in ("folders", "blobs", "locations")
            for r in con.execute("PRAGMA table_info(%s)" % t)}
    dirs, nowhere = plan_directories(con, cols)
    dict_col = "dictionary_id" if "dictionary_id" in cols else "NULL"
    date_col = "l.internal_date" if "internal_date" in cols else "NULL"

    written = verified = failed = blobs = 0
    with tempfile.TemporaryDirectory() as tmp:
        zstd = Zstd(con, force, tmp)
        print("zstd decoder: %s" % (zstd.name or "none found"),
              file=sys.stderr)
        # One blob at a time: the cursor fetches one row per step.
        # (CAST: a tool might have stored bytes as TEXT; we want them all.)
        rows = con.execute("SELECT id, CAST(sha256 AS BLOB), raw_size,"
                           " compression, %s, CAST(data AS BLOB) FROM blobs"
                           " ORDER BY id" % dict_col)
        for blob_id, sha256, raw_size, kind, dict_id, data in rows:
            blobs += 1
            message, error = decode_blob(zstd, sha256, raw_size, kind,
                                         dict_id, data)
            del data                    # keep one message in memory
            # Every place the message was found; a message without a
            # location, or a blob without a message, still gets a file.
            places = []
            for mid, fid, uid, mtime in con.execute(
                    "SELECT m.id, l.folder_id, l.uid, %s"
                    " FROM blobs b LEFT JOIN messages m ON m.blob_id = b.id"
                    " LEFT JOIN locations l ON l.message_id = m.id"
                    " WHERE b.id = ? ORDER BY l.folder_id, l.uid" % date_col,
                    (blob_id,)):
                if fid in dirs:
                    stem = str(uid) if isinstance(uid, int) else \
                        safe_name(str(uid))
                    place = (dirs[fid], stem, mtime)
                else:
                    stem = ("message-%d" % mid if mid is not None
                            else "blob-%d" % blob_id)
                    place = (nowhere, stem, None)
                if place not in places:
                    places.append(place)
            if error:
                print("blob %d (%s): FAILED: %s" % (blob_id, ", ".join(
                    "/".join(lv + (st,)) for lv, st, _ in places), error),
                      file=sys.stderr)
            if message is not None and not (error and not message):
                for levels, stem, mtime in places:
                    name = stem + (".damaged.eml" if error else ".eml")
                    if not write(args.out_dir, levels, name, message, mtime):
                        error = error or "could not be written"
                    elif not error:
                        written += 1
            if error:
                failed += 1
            else:
                verified += 1
    print("%d message files written, %d of %d blobs verified, %d failures"
          % (written, verified, blobs, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
