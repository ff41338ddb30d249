"""Tests of sync_generated.py on real files in a temporary directory: what regeneration may and may not touch."""
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import unittest
import zipfile

SYNC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sync_generated.py")


def project(path, files):
    with zipfile.ZipFile(path, "w") as z:
        for name, text in files.items():
            z.writestr(name, text)


def run(*args):
    return subprocess.run([sys.executable, SYNC, *args], capture_output=True, text=True)


def read(d, p):
    with open(os.path.join(d, p), encoding="utf-8") as f:
        return f.read()


class SyncTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.app = os.path.join(self.tmp.name, "app")
        os.makedirs(self.app)
        self.zip = os.path.join(self.tmp.name, "project.zip")
        with open(os.path.join(self.app, ".luna-sync.json"), "w") as f:
            json.dump({"rename": {"README.md": "GENERATED.md"}}, f)

    def tearDown(self):
        self.tmp.cleanup()

    def test_first_run_writes_everything_and_records_hashes(self):
        project(self.zip, {"app/index.tsx": "v1", "README.md": "generated readme"})
        r = run(self.zip, self.app)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(read(self.app, "app/index.tsx"), "v1")
        self.assertEqual(read(self.app, "GENERATED.md"), "generated readme")
        files = json.loads(read(self.app, ".luna-generated.json"))["files"]
        self.assertEqual(files["app/index.tsx"], hashlib.sha256(b"v1").hexdigest())
        self.assertNotIn("README.md", files)

    def test_unchanged_files_are_updated_and_dropped_ones_removed(self):
        project(self.zip, {"app/index.tsx": "v1", "app/old.tsx": "old"})
        run(self.zip, self.app)
        project(self.zip, {"app/index.tsx": "v2"})
        r = run(self.zip, self.app)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(read(self.app, "app/index.tsx"), "v2")
        self.assertFalse(os.path.exists(os.path.join(self.app, "app/old.tsx")))

    def test_hand_edits_and_hand_written_files_are_never_overwritten(self):
        project(self.zip, {"app/index.tsx": "v1"})
        run(self.zip, self.app)
        with open(os.path.join(self.app, "app/index.tsx"), "w") as f:
            f.write("edited by hand")
        os.makedirs(os.path.join(self.app, "custom"))
        with open(os.path.join(self.app, "custom/luna.ts"), "w") as f:
            f.write("hand-written")
        with open(os.path.join(self.app, "README.md"), "w") as f:
            f.write("our readme")
        project(self.zip, {"app/index.tsx": "v2", "custom/luna.ts": "generated now", "README.md": "generated readme"})
        check = run("--check", self.zip, self.app)
        self.assertEqual(check.returncode, 1)
        self.assertFalse(os.path.exists(os.path.join(self.app, "app/index.tsx.generated")))
        r = run(self.zip, self.app)
        self.assertEqual(r.returncode, 1)
        self.assertIn("BLOCKED app/index.tsx", r.stderr)
        self.assertIn("BLOCKED custom/luna.ts", r.stderr)
        self.assertEqual(read(self.app, "app/index.tsx"), "edited by hand")
        self.assertEqual(read(self.app, "app/index.tsx.generated"), "v2")
        self.assertEqual(read(self.app, "custom/luna.ts"), "hand-written")
        self.assertEqual(read(self.app, "README.md"), "our readme")
        # the edit is still seen on the next run
        self.assertEqual(run(self.zip, self.app).returncode, 1)


if __name__ == "__main__":
    unittest.main()
