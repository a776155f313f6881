"""The scorer follows FORMAT.md: checked on hand-built gold/prediction pairs."""

from __future__ import annotations

from pipeline.evaluation.evaluate import (
    Score,
    fold,
    greedy_match,
    score_agenda,
    score_attendees,
    score_dates,
    score_decisions,
    score_interventions,
    score_meeting,
)


def test_greedy_match_is_one_to_one_in_order() -> None:
    pairs = greedy_match([1, 1, 2], [1, 2, 3], lambda g, p: g == p)
    assert pairs == [(1, 1), (2, 2)]


def test_score_figures() -> None:
    s = Score(gold=4, pred=2, matched=2)
    assert (s.precision, s.recall) == (1.0, 0.5)
    assert round(s.f1, 3) == 0.667


def test_attendees_match_person_case_and_accent_insensitively() -> None:
    gold = [{"code": "FRA", "status": "present", "person": "Amélie Durand", "role": None,
             "honorific": "Ms."}]
    pred = [{"delegation_code": "FRA", "status": "present", "person": "amelie durand",
             "role": None, "honorific": "Mr."}]
    score = score_attendees(gold, pred)
    assert score.matched == 1
    assert score.extra["honorific"] == [0, 1]
    pred[0]["status"] = "apologies"
    assert score_attendees(gold, pred).matched == 0


def test_agenda_title_similarity_threshold() -> None:
    gold = [{"number": "4.1", "title": "Update from the Presidency"}]
    assert score_agenda(gold, [{"number": "4.1", "title": "update from the  presidency"}]).matched
    assert not score_agenda(gold, [{"number": "4.2", "title": "Update from the Presidency"}]
                            ).matched
    assert not score_agenda(gold, [{"number": "4.1", "title": "Budget"}]).matched


def test_interventions_need_speaker_and_anchor() -> None:
    gold = [{"code": "NOR", "role": None, "agenda_item": "2",
             "anchors": ["will circulate guidance to facilitate reporting"]}]
    good = {"speaker_code": "NOR", "speaker_role": None, "agenda_item": "2",
            "text": "Norway will circulate guid-\nance to facilitate reporting on it."}
    assert score_interventions(gold, [good]).matched == 1
    assert score_interventions(gold, [dict(good, speaker_code="SWE")]).matched == 0
    office = [{"code": None, "role": "Chair", "agenda_item": None, "anchors": ["opened"]}]
    pred = [{"speaker_code": None, "speaker_role": "Chair", "agenda_item": None,
             "text": "The Chair opened the floor."}]
    assert score_interventions(office, pred).matched == 1


def test_decisions_need_kind_and_anchor() -> None:
    gold = [{"kind": "decision", "anchors": ["the Agenda was adopted"]}]
    assert score_decisions(gold, [{"kind": "decision", "text": "Then the agenda was adopted."}]
                           ).matched
    assert not score_decisions(gold, [{"kind": "action", "text": "The agenda was adopted."}]
                               ).matched


def test_dates_match_on_start_and_end() -> None:
    import datetime as dt
    gold = [{"start": "2017-03-16", "end": "2017-03-17", "year_inferred": False}]
    pred = [{"date_start": dt.date(2017, 3, 16), "date_end": dt.date(2017, 3, 17),
             "year_inferred": True}]
    score = score_dates(gold, pred)
    assert score.matched == 1 and score.extra["year_inferred"] == [0, 1]


def test_meeting_fields_scored_one_by_one() -> None:
    import datetime as dt
    gold = {"title": "T", "meeting_type": "other", "sequence": 5, "date": "2012-02-28",
            "year_inferred": True, "start_time": None, "end_time": None, "venue": None,
            "presidency": "LBN"}
    pred = {"title": "T ", "meeting_type": "other", "sequence": 5,
            "meeting_date": dt.date(2012, 2, 28), "year_inferred": False, "start_time": None,
            "end_time": None, "venue": None, "presidency_code": "LBN"}
    score = score_meeting(gold, pred)
    assert (score.matched, score.gold) == (8, 9)


def test_fold_joins_line_end_hyphens() -> None:
    assert fold("imple-\n  mentation  Plan") == "implementation plan"


def test_agenda_numbers_compare_case_insensitively() -> None:
    gold = [{"number": "III.A", "title": "Budget"}]
    assert score_agenda(gold, [{"number": "iii.a", "title": "Budget"}]).matched == 1


MINUTES = """Minutes of the Third Meeting of the Lakeside Water Board

Present: Ms. Ada Ferris (Chair), Mr. Tom Okafor

1. Opening
The Chair opened the meeting.
"""


def _gold(title: str) -> dict:
    meeting = {"title": title, "meeting_type": "other", "sequence": 3, "date": None,
               "year_inferred": False, "start_time": None, "end_time": None, "venue": None,
               "presidency": None}
    return {"meeting": meeting, "attendees": [], "interventions": [], "decisions": [],
            "dates": [], "agenda_items": [{"number": "1", "title": "Opening"},
                                          {"number": "9", "title": "Never held"}]}


def test_eval_scores_each_corpus_against_its_own_gold(tmp_path, capsys) -> None:
    import json

    from pipeline.evaluation.evaluate import main

    own = tmp_path / "board"  # gold in its own gold/ folder
    (own / "gold").mkdir(parents=True)
    (own / "b1.txt").write_text(MINUTES, "utf-8")
    (own / "gold" / "b1.json").write_text(json.dumps(_gold("Board")), "utf-8")
    beside = tmp_path / "set" / "corpus"  # gold in the gold/ folder beside it
    beside.mkdir(parents=True)
    (tmp_path / "set" / "gold").mkdir()
    (beside / "c1.txt").write_text(MINUTES, "utf-8")
    (tmp_path / "set" / "gold" / "c1.json").write_text(json.dumps(_gold("Other")), "utf-8")

    assert main(["--corpus", str(own), "--corpus", str(beside), "--formats", "txt",
                 "--per-doc", "--misses", "agenda_items,meetings"]) == 0
    out = capsys.readouterr().out
    assert "## board" in out and "## corpus" in out
    assert "| b1.txt |" in out and "| c1.txt |" in out
    # the item the minutes never hold is listed as missed gold, in each corpus
    assert 'b1.txt agenda_items - {"number": "9", "title": "Never held"}' in out
    assert 'c1.txt agenda_items - {"number": "9"' in out
    assert "b1.txt meetings.title: gold 'Board'" in out


def test_eval_refuses_a_corpus_without_gold(tmp_path, capsys) -> None:
    from pipeline.evaluation.evaluate import main

    (tmp_path / "lonely").mkdir()
    assert main(["--corpus", str(tmp_path / "lonely")]) == 2
    assert "gold folder not found" in capsys.readouterr().out
