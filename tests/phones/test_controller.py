"""Phones mode as the UI drives it: follow the session, reveal, pulse before and after, finish."""

from __future__ import annotations

import asyncio
import queue
from pathlib import Path

from game.content.decks import load_decks
from game.model.kinds import Mode, Phase
from game.model.session import Session
from game.phones.controller import PULSE_AFTER, PULSE_BEFORE, Phones
from game.phones.sim import SimPhone
from game.phones.steps import most_chosen, team_choices

ROOT = Path(__file__).resolve().parents[2]


def cards():
    return load_decks(sorted((ROOT / "assets" / "decks" / "en").glob("*.yaml"))).cards


def test_a_together_session_with_pulse_and_the_class_choice() -> None:
    events: queue.Queue[None] = queue.Queue()
    phones = Phones("127.0.0.1", notify=lambda: events.put(None), port=0).start()
    session = Session.start(cards(), mode=Mode.TOGETHER, count=2, seed=4)
    try:
        assert phones.sync(session.state).key == PULSE_BEFORE
        assert phones.qr() and phones.join_url.endswith("?r=" + phones.code)

        async def answer(step_key: str, choice: int) -> None:
            p = SimPhone(phones.url, phones.code, phone_id="p" * 20)
            await p.join()
            await p.until(lambda s: (s["step"] or {}).get("key") == step_key)
            await p.answer(0, choice)
            await p.close()

        asyncio.run(answer(PULSE_BEFORE, 2))
        session.show_options()
        step = phones.sync(session.state)
        assert step.kind == "option"
        assert phones.sync(session.state) is step  # nothing new: nothing sent
        asyncio.run(answer(step.key, 1))
        result = phones.reveal()
        assert result.counts[0][1] == 1 and phones.reveal() is result
        assert phones.counts() is result
        session.choose(most_chosen(result, result.order))
        assert phones.sync(session.state).kind == "reason"
        session.explain(0)
        assert phones.sync(session.state) is None  # feedback: the phones wait
        session.end_early()
        assert session.phase is Phase.SUMMARY
        assert phones.sync(session.state).key == PULSE_AFTER
        asyncio.run(answer(PULSE_AFTER, 0))
        before, after = phones.pulse_results()
        assert before.counts[0] == (0, 0, 1) and after.counts[0] == (1, 0, 0)
        results = phones.finish()
        assert [r.key for r in results] == [PULSE_BEFORE, step.key, "1:reason", PULSE_AFTER]
        assert "p" * 20 not in repr([r.to_json() for r in results])
        assert not phones.running
    finally:
        phones.stop()


def test_all_teams_the_phones_fill_in_each_teams_choice() -> None:
    phones = Phones("127.0.0.1", teams=("A Foxes", "B Owls"), pulse=False, port=0).start()
    session = Session.start(cards(), mode=Mode.ALL_TEAMS, teams=2, count=1, seed=4)
    try:
        assert phones.sync(session.state) is None
        session.show_options()
        step = phones.sync(session.state)

        async def go() -> None:
            for i, (team, choice) in enumerate(((0, 2), (0, 2), (1, 0))):
                p = SimPhone(phones.url, phones.code, phone_id=str(i) * 20)
                await p.join()
                await p.send({"t": "team", "team": team})
                await p.until(lambda s, team=team: s["team"] == team)
                await p.until(lambda s: s["step"] is not None)
                await p.answer(0, choice)
                await p.close()

        asyncio.run(go())
        result = phones.reveal()
        for team, choice in enumerate(team_choices(result, step.order)):
            if choice is not None:
                session.enter(team, choice)
        session.reveal()
        assert session.state.team_choices == (step.order[2], step.order[0])
    finally:
        phones.finish()
