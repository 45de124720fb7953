"""One YAML file per behaviour under tests/cases/<kind>/ -> pytest parameters.

Shared by the quote and participant tests: a case with ``xfail: reason`` is a
known miss, marked strict so that fixing it is noticed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CASES_DIR = Path(__file__).resolve().parent / "cases"


def case_params(kind: str) -> list:
    """Every tests/cases/<kind>/*.yaml as a pytest.param(case dict), id = file stem."""
    out = []
    for path in sorted((CASES_DIR / kind).glob("*.yaml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        out.append(pytest.param(case, id=path.stem, marks=marks))
    return out
