#!/usr/bin/env python3
"""Writes a generated Expo project (project.zip of mobile-generation-expo) into clients/mobile without touching what
was written by hand.

Paths named in clients/mobile/.luna-sync.json's "rename" are written under their new name (the generated README.md
goes to GENERATED.md, so the companion keeps its own README.md). The manifest clients/mobile/.luna-generated.json lists every generated path with the SHA-256 it had when it was
written. For each file of the new project:
  - not on disk: written;
  - on disk and listed with an unchanged SHA-256: overwritten with the new content;
  - on disk and listed, but edited since (SHA-256 differs): left as it is; the new content goes beside it as
    <path>.generated and the run fails, so the edit is moved into custom/ (or dropped) by a person;
  - on disk but not listed (a hand-written file the generator now also emits): left as it is, the new content beside
    it as <path>.generated, and the run fails.
A path listed before but no longer generated is deleted when unchanged (else kept, with a warning).
With --check nothing is written: it reports what a run would do and fails when a hand-edit would block it.
"""
import hashlib
import json
import os
import sys
import zipfile

MANIFEST = ".luna-generated.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def main(argv):
    check = "--check" in argv
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 2:
        print("usage: sync_generated.py [--check] project.zip clients/mobile", file=sys.stderr)
        return 2
    archive, target = args
    manifest_path = os.path.join(target, MANIFEST)
    old = {}
    if os.path.exists(manifest_path):
        old = json.load(open(manifest_path, encoding="utf-8"))["files"]
    with zipfile.ZipFile(archive) as z:
        names = [n for n in z.namelist() if not n.endswith("/")]
        # the archive holds the app's files at its root (app/…, src/…, package.json)
        new = {n: z.read(n) for n in names}
    # .luna-sync.json {"rename": {"README.md": "GENERATED.md"}}: generated paths written elsewhere, so a hand-written
    # file may keep the name (the companion's own README.md)
    sync_path = os.path.join(target, ".luna-sync.json")
    renames = json.load(open(sync_path, encoding="utf-8")).get("rename", {}) if os.path.exists(sync_path) else {}
    new = {renames.get(p, p): d for p, d in new.items()}
    blocked, written, removed = [], [], []
    for path in sorted(new):
        data = new[path]
        dest = os.path.join(target, path)
        if os.path.exists(dest):
            current = sha256(open(dest, "rb").read())
            if path not in old and current == sha256(data):
                continue  # identical to what the generator emits: adopted as generated
            if path not in old:
                blocked.append(f"{path}: written by hand (not in {MANIFEST}), and the generator emits it too")
            elif current != old[path]:
                if current == sha256(data):
                    continue
                blocked.append(f"{path}: generated, then edited by hand (move the edit to custom/)")
            elif current == sha256(data):
                continue
            else:
                written.append(path)
                if not check:
                    open(dest, "wb").write(data)
                continue
            if not check:
                open(dest + ".generated", "wb").write(data)
            continue
        written.append(path)
        if not check:
            os.makedirs(os.path.dirname(dest) or ".", exist_ok=True)
            open(dest, "wb").write(data)
    for path in sorted(set(old) - set(new)):
        dest = os.path.join(target, path)
        if not os.path.exists(dest):
            continue
        if sha256(open(dest, "rb").read()) == old[path]:
            removed.append(path)
            if not check:
                os.remove(dest)
        else:
            print(f"sync: {path} is no longer generated but was edited; kept", file=sys.stderr)
    if not check:
        files = {p: sha256(d) for p, d in new.items()}
        for b in blocked:  # a blocked path keeps its previous record, so the next run still sees the edit
            p = b.split(":", 1)[0]
            if p in old:
                files[p] = old[p]
            else:
                files.pop(p, None)
        with open(manifest_path, "w", encoding="utf-8") as f:
            json.dump({"generator": "mobile-generation-expo",
                       "note": "Generated files and their SHA-256; do not edit these files, put hand-written code under custom/ (see README.md)",
                       "files": dict(sorted(files.items()))}, f, indent=2)
            f.write("\n")
    verb = "would write" if check else "wrote"
    print(f"sync: {verb} {len(written)} file(s), removed {len(removed)}, {len(new) - len(written)} unchanged", file=sys.stderr)
    for b in blocked:
        print(f"sync: BLOCKED {b}" + ("" if check else "; the new version is beside it as .generated"), file=sys.stderr)
    return 1 if blocked else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
