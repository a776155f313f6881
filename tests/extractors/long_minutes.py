"""Long minutes written by the team for the tests, as long as asked: a meeting of an invented
committee with an attendance list, an agenda, and under every item speakers, a decision and an
action. Everything (people, committee, places, topics) is invented; country names are only the
members of the invented committee."""

from __future__ import annotations

import itertools

_SYLLABLES = ("ka", "vel", "dro", "mi", "sen", "tu", "lor", "bana", "quim", "zet", "ori", "pal")
_STATES = ("Norway", "Kenya", "Chile", "Ghana", "Peru", "Samoa", "Austria", "Japan", "Mexico",
           "Senegal", "Canada", "Fiji", "Jordan", "Nepal", "Portugal", "Uruguay")
_TOPICS = ("shoreline survey", "hatchery budget", "net mesh standard", "reed bed restoration",
           "data sharing protocol", "patrol boat schedule", "spawning ground map",
           "licence fee review", "water sampling plan", "outreach campaign")
_VERBS = ("said that", "stated that", "noted that", "explained that", "stressed that")
_CLAIMS = ("the draft needed a clearer timetable", "the figures for the last season were "
           "encouraging", "more volunteers would be needed in the spring",
           "the costs should be shared among all members", "the survey method had worked well")
_MEMBERS = 16
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "September",
           "October", "November")


def _surname(i: int) -> str:
    n = len(_SYLLABLES)
    parts = (_SYLLABLES[i % n], _SYLLABLES[(i // n + 3) % n], _SYLLABLES[(i * 7 + 1) % n])
    return "".join(parts).capitalize()


def _delegate(i: int) -> tuple[str, str]:
    honorific = "Mr." if i % 2 else "Ms."
    return f"{honorific} {_surname(i).upper()}", _STATES[i % len(_STATES)]


def _item(n: int) -> list[str]:
    topic = _TOPICS[n % len(_TOPICS)]
    lines = [f"{n}. The {topic} ({n})", ""]
    for k in range(3):
        who, state = _delegate((n * 3 + k) % _MEMBERS)
        lines += [f"{who} ({state}) {_VERBS[(n + k) % len(_VERBS)]} "
                  f"{_CLAIMS[(n + 2 * k) % len(_CLAIMS)]}. "
                  f"The delegation asked the secretariat to report on the {topic} "
                  f"at the next meeting.", ""]
    day = 1 + n % 27
    month = _MONTHS[n % len(_MONTHS)]
    lines += [f"The Committee agreed to approve the {topic} as presented, subject to the "
              "comments made.", "",
              f"Action: the secretariat to circulate the revised {topic} by {day} {month} "
              "2026.", ""]
    return lines


def long_minutes(items: int) -> str:
    """Minutes with ``items`` agenda items (about 1,200 characters each, half a page)."""
    members = [_delegate(i) for i in range(_MEMBERS)]
    lines = ["Minutes of the 12th Meeting of the Standing Committee on Lake Fisheries", "",
             "Held on Tuesday, 3 June 2025, in the Harbour Room, Port Aldwin", "",
             "Present:", ""]
    lines += [f"- {who} ({state})" for who, state in members]
    lines += ["", "Agenda", ""]
    lines += [f"{n}. The {_TOPICS[n % len(_TOPICS)]} ({n})" for n in range(1, items + 1)]
    lines.append("")
    lines += itertools.chain.from_iterable(_item(n) for n in range(1, items + 1))
    lines += ["The meeting closed at 5.30 p.m."]
    return "\n".join(lines) + "\n"
