"""The progress line names a container once and says when the French model is loading (issue 23)."""

import os
import pty
import subprocess
import sys

from scan_cli import REPO


def test_progress_on_a_terminal(tmp_path):
    data = tmp_path / "notes.csv"
    data.write_text("id,notes\n" + "".join(
        f"{i},Le client a rappelé pour sa commande numéro {i} et attend une réponse rapide\n"
        for i in range(50)), encoding="utf-8")
    leader, follower = pty.openpty()  # rich shows progress only on a terminal
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "CI")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "fouille.scanner.cli", "scan", "--out", str(tmp_path / "r"), str(data)],
        stdin=subprocess.DEVNULL, stdout=follower, stderr=follower, cwd=REPO,
        env={**env, "COLUMNS": "200", "TERM": "xterm"},
    )
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
    assert proc.wait(timeout=600) == 0
    os.close(leader)
    text = output.decode("utf-8", "replace")
    assert "notes.csv" in text
    assert "notes.csv:notes.csv" not in text  # the source is named after the file: shown once
    assert "loading the French model" in text
