"""Read-aloud: what each screen says, in reading order, through the App's one `Speaker`.

Scenes stay thin: they do not call the voice. Each frame the `Narrator` looks at the top scene
and asks `reading(scene)` for the utterances it shows so far, plus the focused item:

- the card: the setup, each chat message as it appears ("Noah says: …"), then the question and
  the options ("1: …") once they show;
- explain: the question "why" and the reasons ("1: …");
- feedback: the rating word, the feedback texts, the verdict on the reason, the takeaway;
- the summary: the heading and the score;
- any screen: the focused button (or setting and its value) when the focus moves.

New utterances are queued behind what is being said; a focus move interrupts (as a screen
reader does). R repeats the last full reading. The Narrator remembers per scene how far it has
read, so closing Help or Pause does not start the card over.
"""

from __future__ import annotations

import sys
import weakref
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from game.model.kinds import Mode, Phase, Rating, Sender
from game.speech import Speaker
from game.ui.services import N_, tr

RATING_WORDS = {Rating.SAFE: N_("Safe"), Rating.RISKY: N_("Risky"), Rating.HARMFUL: N_("Harmful")}


class Reading(NamedTuple):
    """What a screen offers to read aloud: its texts in order, and the focused item."""

    parts: tuple[str, ...]  # what the screen shows so far, in reading order
    focus: str | None = None  # the focused item, spoken when the focus moves


def speakable(text: str) -> str:
    """Drop emoji and symbols a voice would spell out, and squeeze whitespace."""
    kept = [ch for ch in text if ord(ch) < 0x2190 or 0x3000 <= ord(ch) < 0x1F000]
    return " ".join("".join(kept).split())


def option_line(number: int, text: str) -> str:
    return f"{number}: {text}"


def chat_line(msg: Any) -> str:
    if msg.sender is Sender.THEM:
        name = msg.name or tr("They")
        return tr("{name} says: {text}").format(name=name, text=msg.text)
    if msg.sender is Sender.YOU:
        return tr("You say: {text}").format(text=msg.text)
    return str(msg.text)


# --- one function per screen ------------------------------------------------------------------


def _focused_text(scene: Any) -> str | None:
    spoken = getattr(scene, "spoken_focus", None)  # a scene may say what its focus is
    if callable(spoken):
        return spoken()  # type: ignore[no-any-return]
    group = getattr(scene, "group", None)
    button = getattr(group, "focused", None)
    if button is None:
        return None
    text = str(button.text)
    if button.kind == "option" and button.badge.isdigit():
        return option_line(int(button.badge), text)
    return text


def _card(scene: Any) -> tuple[str, ...]:
    st = scene.session.state
    card = st.card
    parts = [card.setup]
    progress = getattr(scene, "_progress", None)
    scenario = scene.session.phase is Phase.SCENARIO
    for i, msg in enumerate(card.chat):
        if scenario and callable(progress) and progress(i) <= 0:
            break
        parts.append(chat_line(msg))
    if not scenario:  # what the screen shows: the step's question and its buttons, in order
        question = getattr(scene, "question_text", None)
        parts.append(question() if callable(question) else card.question)
        result = getattr(scene, "step_result", None)
        if callable(result) and result():
            parts.append(result())
        options = getattr(scene, "options", None)
        if options:
            parts += [option_line(i + 1, b.text) for i, b in enumerate(options)]
        else:
            parts += [option_line(i + 1, card.responses[i].text) for i in st.response_order]
    return tuple(parts)


def _explain(scene: Any) -> tuple[str, ...]:
    card = scene.session.state.card
    parts = [tr("Why is the safe choice right?")]
    order = scene.session.state.reason_order
    parts += [option_line(k + 1, card.reasons[i].text) for k, i in enumerate(order)]
    return tuple(parts)


def _feedback(scene: Any) -> tuple[str, ...]:
    st = scene.session.state
    card = st.card
    result = st.last_result
    rating = result.rating if result else Rating.SAFE
    chosen = card.responses[st.choice or 0]
    parts = [tr(RATING_WORDS[rating]), chosen.feedback]
    if chosen.rating is not Rating.SAFE:
        best = card.responses[card.best_response_index]
        parts += [f"{tr('The safest choice')}: {best.text}", best.feedback]
    if st.reason is not None:
        reason = card.reasons[st.reason]
        parts += [tr("Right!") if reason.right else tr("Not quite"), reason.feedback]
        if not reason.right:
            good = card.reasons[card.right_reason_index]
            parts.append(f"{tr('The right reason')}: {good.text}")
    parts.append(card.takeaway)
    return tuple(parts)


def _summary(scene: Any) -> tuple[str, ...]:
    st = scene.session.state
    parts = [tr("Well played!")]
    if st.mode is Mode.SOLO and st.scores:
        best = st.best_score
        parts.append(tr("{score} of {best} points").format(score=st.scores[0], best=best))
    return tuple(parts)


_READERS = {"card": _card, "explain": _explain, "feedback": _feedback, "summary": _summary}


def reading(scene: Any) -> Reading:
    """What `scene` shows, as utterances in reading order, and its focused item."""
    reader = _READERS.get(getattr(scene, "name", ""))
    parts: tuple[str, ...] = ()
    if reader is not None and getattr(scene, "session", None) is not None:
        parts = reader(scene)
    return Reading(tuple(speakable(p) for p in parts if p), _focused_text(scene))


# --- the narrator -------------------------------------------------------------------------------


@dataclass
class _Seen:
    """How much of the current screen's reading has been spoken, and what had focus."""

    spoken: int = 0
    focus: str | None = None


@dataclass
class Narrator:
    """Turns what the top scene shows into speech: queued readings, spoken focus, R repeats."""

    speaker: Speaker
    enabled: bool = False
    language: str = "en"
    last_full: tuple[str, ...] = ()
    _queue: list[str] = field(default_factory=list)
    _seen: weakref.WeakKeyDictionary[Any, _Seen] = field(default_factory=weakref.WeakKeyDictionary)
    _failed: bool = False

    @property
    def available(self) -> bool:
        return bool(getattr(self.speaker, "available", False))

    @property
    def pending(self) -> bool:
        """True while utterances wait for the voice to finish (the App polls more often)."""
        return bool(self._queue)

    def set_enabled(self, enabled: bool) -> None:
        if enabled == self.enabled:
            return
        self.enabled = enabled
        self._seen = weakref.WeakKeyDictionary()  # turned on: read the current screen afresh
        if not enabled:
            self.stop()

    def stop(self) -> None:
        self._queue.clear()
        self._call("stop")

    def say_now(self, text: str) -> None:
        """Interrupt whatever is being said (and what was queued) and say `text`."""
        self._queue.clear()
        self._call("say", text)

    def repeat(self) -> None:
        """R: say the last full reading again from the start."""
        if not self.last_full:
            return
        self.stop()
        self._queue = list(self.last_full)
        self.pump()

    def observe(self, scene: Any) -> None:
        """Called every update with the top scene: queue what is new, speak a moved focus."""
        if not self.enabled or scene is None:
            return
        try:
            now = reading(scene)
        except Exception as exc:  # read-aloud must never stop a lesson
            if not self._failed:
                print(f"redflags: read-aloud skipped a screen ({exc!r})", file=sys.stderr)
                self._failed = True
            return
        seen = self._seen.get(scene)
        if seen is None:
            seen = self._seen[scene] = _Seen(focus=now.focus)
            self._queue.clear()
            self._call("stop")
            if not now.parts and now.focus:
                self._queue.append(now.focus)
        if now.parts:
            self.last_full = now.parts
        if len(now.parts) > seen.spoken:
            self._queue += now.parts[seen.spoken :]
            seen.spoken = len(now.parts)
        if now.focus != seen.focus:
            seen.focus = now.focus
            if now.focus:
                self.say_now(now.focus)
        self.pump()

    def pump(self) -> None:
        """Hand the next queued utterance to the voice once it has finished the last one."""
        while self._queue and not self._busy():
            self._call("say", self._queue.pop(0))

    def _busy(self) -> bool:
        busy = getattr(self.speaker, "speaking", None)
        if isinstance(busy, bool):
            return busy
        return False

    def _call(self, what: str, text: str = "") -> None:
        try:
            if what == "say":
                self.speaker.say(text, self.language)
            else:
                self.speaker.stop()
        except Exception as exc:
            if not self._failed:
                print(f"redflags: the voice failed ({exc!r}); going on silently", file=sys.stderr)
                self._failed = True
