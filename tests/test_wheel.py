"""The built wheel carries the data and runs from another directory, as a user's install would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_ships_the_data_and_runs_elsewhere(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(dist), str(ROOT)], check=True, capture_output=True, timeout=300)
    wheel = next(dist.glob("mhstod-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for data_file in ("actors.yaml", "regions.yaml", "process.yaml", "sources.yaml", "law.yaml", "scenarios.yaml",
                      "snapshot.json"):
        assert f"mhstod/data/{data_file}" in names

    # A fresh environment that sees the test environment's libraries (no registry needed), not its mhstod.
    env_dir = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True, timeout=120)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    Path(purelib, "test-env.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q",
                    str(wheel)], check=True, capture_output=True, timeout=300)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    result = subprocess.run([env_dir / "bin" / "mhstod", "region", "--county", "Skåne", "--json"],
                            capture_output=True, text=True, cwd=elsewhere, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["region"]["id"] == "syd"
    where = subprocess.run([python, "-c", "import mhstod; print(mhstod.__file__)"], capture_output=True,
                           text=True, cwd=elsewhere, env=env, check=True).stdout
    assert where.startswith(str(env_dir)), where
    data_folder = subprocess.run([python, "-c", "from mhstod.load import data_folder; print(data_folder())"],
                                 capture_output=True, text=True, cwd=elsewhere, env=env, check=True).stdout
    assert data_folder.startswith(str(env_dir)), "the installed package reads its own copy of the data"
    # The wheel's snapshot matches its YAML: a look-up reads JSON and never imports PyYAML, nor OpenSSL to hash.
    probe = ("import contextlib, io, sys\nfrom mhstod.commands.main import main\n"
             "with contextlib.redirect_stdout(io.StringIO()) as out:\n    main(['region', 'Skåne', '--json'])\n"
             "print('yaml' in sys.modules, '_hashlib' in sys.modules, '\"syd\"' in out.getvalue())")
    assert subprocess.run([python, "-c", probe], capture_output=True, text=True, cwd=elsewhere, env=env,
                          check=True).stdout.split() == ["False", "False", "True"]
