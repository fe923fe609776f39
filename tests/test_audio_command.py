"""`main.py audio`: every card as a WAV file named after the card, with an index; one line without speech."""

from __future__ import annotations

import csv
import wave

import pytest

from game import speech
from game.cli import main


def test_without_the_speech_package_one_line_says_what_to_install(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(speech, "available", lambda: False)
    assert main(["audio", "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "pip install" in err[0] and "[speech]" in err[0]
    assert not (tmp_path / "out").exists()


def test_refuses_an_out_folder_inside_the_data_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(speech, "available", lambda: True)
    data = tmp_path / "data"
    data.mkdir()
    (tmp_path / "link").symlink_to(data)
    for out in (data / "audio", tmp_path / "link" / "x", data):
        assert main(["audio", "--data-dir", str(data), "--out", str(out)]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "data folder" in err[0]
    assert list(data.iterdir()) == []


@pytest.mark.skipif(not speech.available(), reason="the optional [speech] extra is not installed")
def test_every_card_becomes_a_wav_named_after_it_with_an_index(deck, tmp_path, capsys):
    out = tmp_path / "audio"
    assert main(["audio", "--lang", "en", "--data-dir", str(tmp_path / "data"), "--out", str(out)]) == 0
    names = [c.id for c in deck.cards] + [s.id for s in deck.starters] + [c.id for c in deck.cases]
    assert sorted(p.stem for p in out.glob("*.wav")) == sorted(names)
    with wave.open(str(out / f"{deck.cards[0].id}.wav")) as w:
        assert w.getnframes() / w.getframerate() > 1.0
    rows = list(csv.DictReader((out / "index.csv").open(encoding="utf-8")))
    assert sorted(r["file"] for r in rows) == sorted(f"{n}.wav" for n in names)
    assert deck.cards[0].client["en"] in next(r["text"] for r in rows if r["file"] == f"{deck.cards[0].id}.wav")
    page = (out / "index.html").read_text(encoding="utf-8")
    assert page.count("<audio") == len(names) and f'src="{deck.cases[0].id}.wav"' in page
    assert "cards" in capsys.readouterr().out
