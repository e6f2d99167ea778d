"""The GitHub Action (action.yml) and the Docker image (Dockerfile): their steps run here.

Docker is not available on the test machine, so the image's install step is a script
(docker/install.sh) that the Dockerfile runs and this test runs too, into a fresh virtual
environment; the action's two steps run as GitHub would run them, inputs as variables.
"""

from __future__ import annotations

import os
import subprocess
import venv
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

pytestmark = pytest.mark.slow
STORY = "Talks between Moscow and Kiev resumed on Monday.\n"


@pytest.fixture(scope="module")
def fresh_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment with translint installed by the image's own install step."""
    folder = tmp_path_factory.mktemp("image") / "venv"
    venv.create(folder, with_pip=True)
    python = folder / "bin" / "python"
    result = subprocess.run(["sh", str(ROOT / "docker" / "install.sh"), str(ROOT), str(python)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().startswith("translint "), result.stdout
    return python


def test_the_dockerfile_installs_with_the_script_and_runs_as_a_user() -> None:
    lines = [line.strip() for line in (ROOT / "Dockerfile").read_text().splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    assert any("docker/install.sh" in line for line in lines if line.startswith("RUN"))
    user = [line.split()[1] for line in lines if line.startswith("USER ")]
    assert user and user[-1] not in ("root", "0")
    assert "--no-cache-dir" in (ROOT / "docker" / "install.sh").read_text()
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv"} <= set(ignored)


def test_the_image_install_step_gives_a_working_translint(fresh_python: Path,
                                                          tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    result = subprocess.run([str(fresh_python), "-m", "translint", "check", "story.txt",
                             "--no-config", "--lang", "en"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert "story.txt:1:26: TL101" in result.stdout


def test_the_action_steps_install_check_and_annotate(fresh_python: Path,
                                                     tmp_path: Path) -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    for step in steps:  # inputs reach the shell as variables, never inside the script
        assert "${{" not in step["run"], step["name"]
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "story.md").write_text(STORY, encoding="utf-8")
    summary = tmp_path / "summary.md"
    env = {**os.environ, "PATH": f"{fresh_python.parent}{os.pathsep}{os.environ['PATH']}",
           "GITHUB_ACTION_PATH": str(ROOT), "GITHUB_STEP_SUMMARY": str(summary)}
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    inputs |= {"paths": "copy/", "args": "--lang en --no-config"}
    for step in steps:
        step_env = {**env, **{key: _expand(value, inputs)
                              for key, value in step.get("env", {}).items()}}
        result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=step_env,
                                capture_output=True, text=True, timeout=600)
        if step is steps[-1]:
            assert result.returncode == 1, result.stderr  # an error-level finding
            assert result.stdout.startswith("::error file=copy/story.md,line=1,col=26")
        else:
            assert result.returncode == 0, result.stderr[-3000:]
    assert "Kiev" in summary.read_text(encoding="utf-8")


def _expand(value: str, inputs: dict[str, str]) -> str:
    """``${{ inputs.name }}`` as GitHub expands it in an ``env`` value."""
    for name, given in inputs.items():
        value = value.replace(f"${{{{ inputs.{name} }}}}", given)
    assert "${{" not in value, value
    return value
