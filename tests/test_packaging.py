"""The wheel must carry every subpackage, the templates and the data files."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "briefgen").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    assert found - listed == set(), "add these to [tool.setuptools] packages"
    assert "briefgen.templates" in listed and (ROOT / "templates" / "__init__.py").exists()


def test_the_built_in_templates_are_found_from_the_package():
    from briefgen.rendering.render import builtin_template_dir

    folder = builtin_template_dir()
    for name in ("base.html", "executive.html", "analyst.html", "press.html"):
        assert (folder / name).is_file()


def test_the_package_says_it_is_typed():
    # PEP 561: without the marker, type checkers ignore briefgen's annotations in users' code.
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    assert "py.typed" in package_data["briefgen"] and (ROOT / "briefgen" / "py.typed").is_file()
