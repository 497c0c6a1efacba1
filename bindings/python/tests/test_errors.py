"""Errors: every one a DiabanError with a code; load errors name file, line and field."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import diaban


def test_malformed_csv_names_file_and_line() -> None:
    files = {"units.csv": "code,name,type\n06,Tỉnh Bắc Kạn,Tỉnh\n058,\"Thành phố,Thành phố,06\n"}
    with pytest.raises(ValueError) as info:
        diaban.Dataset.from_csv_texts(files)
    e = info.value
    assert isinstance(e, diaban.LoadError) and isinstance(e, diaban.DiabanError)
    assert e.code == "csv_syntax" and e.path == "units.csv" and isinstance(e.line, int)
    # Vietnamese by default, both languages carried.
    assert "units.csv" in str(e) and f"dòng {e.line}" in str(e)
    assert str(e) == e.message_vi and f"line {e.line}" in e.message_en


def test_malformed_csv_folder_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "units.csv").write_text("code,name,type\n06,Tỉnh Bắc Kạn,Tỉnh\n", encoding="utf-8")
    (tmp_path / "assignments.csv").write_text(
        "id,scheme,subject_id,target,valid_from\na1,commune-monitoring,p1,06,2024-13-45\n", encoding="utf-8"
    )
    with pytest.raises(diaban.LoadError) as info:
        diaban.load(tmp_path)
    e = info.value
    assert e.code == "invalid_date" and e.path is not None and e.path.endswith("assignments.csv")
    assert e.line == 2 and e.field == "valid_from"
    assert "assignments.csv" in str(e) and "dòng 2" in str(e) and "không phải là một ngày" in str(e)
    assert "line 2" in e.message_en and "invalid date" in e.message_en


def test_unknown_csv_column() -> None:
    with pytest.raises(diaban.LoadError) as info:
        diaban.Dataset.from_csv_texts({"units.csv": "code,name,type,colour\n06,Tỉnh Bắc Kạn,Tỉnh,red\n"})
    assert info.value.code == "unknown_field" and info.value.field == "colour"


def test_json_errors() -> None:
    with pytest.raises(diaban.LoadError) as info:
        diaban.loads("{")
    assert info.value.code == "json_syntax" and info.value.line == 1
    with pytest.raises(diaban.LoadError) as info:
        diaban.loads('{"units": [], "colour": 1}')
    assert info.value.code == "unknown_field"
    with pytest.raises(diaban.LoadError) as info:
        diaban.Dataset.from_dict({"units": [{"code": "06", "name": "X", "type": "Tỉnh", "valid_from": "2024-02-30"}]})
    assert info.value.code == "invalid_date" and info.value.json_path is not None
    assert "units[0]" in info.value.json_path


def test_missing_file_is_a_file_error(tmp_path: Path) -> None:
    with pytest.raises(OSError) as info:
        diaban.load(tmp_path / "nope.json")
    e = info.value
    assert isinstance(e, diaban.FileError) and isinstance(e, diaban.LoadError) and isinstance(e, ValueError)
    assert e.code == "io" and e.path is not None and e.path.endswith("nope.json")
    with pytest.raises(diaban.FileError):
        diaban.Profile.load(tmp_path / "nope.json")


def test_unknown_profile_and_scheme(demo: diaban.Dataset) -> None:
    with pytest.raises(diaban.UnknownProfileError) as info:
        demo.check(profile="ha-giang-2020")
    assert info.value.code == "unknown_profile" and info.value.profile == "ha-giang-2020"
    assert isinstance(info.value, ValueError)
    with pytest.raises(diaban.UnknownSchemeError) as info2:
        demo.coverage("2024-10-01", "no-such-scheme")
    assert info2.value.code == "unknown_scheme" and info2.value.scheme == "no-such-scheme"


def test_invalid_arguments(demo: diaban.Dataset) -> None:
    with pytest.raises(diaban.InvalidArgumentError) as info:
        demo.check(today="2025-02-30")
    assert info.value.code == "invalid_argument" and info.value.argument == "today"
    assert isinstance(info.value, ValueError)
    with pytest.raises(diaban.InvalidArgumentError) as info:
        demo.check(lang="fr")
    assert info.value.argument == "lang"
    with pytest.raises(diaban.InvalidArgumentError):
        demo.who_monitors("01954", "yesterday")
    with pytest.raises(diaban.InvalidArgumentError):
        diaban.parse_date("31/02/2024")
    with pytest.raises(TypeError):
        demo.check(today=20250301)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        demo.coverage(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        diaban.Dataset.from_records(units=[{"code": object()}])
    with pytest.raises(TypeError):
        diaban.Dataset.from_dict({"units": [{1: "x"}]})


def test_deeply_nested_input_is_refused() -> None:
    value: object = "x"
    for _ in range(200):
        value = [value]
    with pytest.raises(diaban.InvalidArgumentError):
        diaban.Dataset.from_dict({"units": value})


def test_a_panic_never_reaches_the_user() -> None:
    with pytest.raises(diaban.InternalError) as info:
        diaban._diaban._panic_for_tests()
    assert info.value.code == "internal" and "deliberate panic" in str(info.value)
    assert not isinstance(info.value, ValueError)


def test_every_exception_has_a_code() -> None:
    for cls in (diaban.DiabanError, diaban.LoadError, diaban.FileError, diaban.UnknownProfileError,
                diaban.UnknownSchemeError, diaban.InvalidArgumentError, diaban.InternalError):
        e = cls("boom")
        assert isinstance(e, diaban.DiabanError) and isinstance(e.code, str) and str(e) == "boom"
        assert cls.__name__ in repr(e)
    assert issubclass(diaban.LoadError, ValueError)
    assert datetime  # imported for symmetry with other tests
