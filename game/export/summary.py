"""A session summary a facilitator can save: what was played and how the group answered.

No personal data: the only names are the team names of the session (or "You" in solo play).
The counts come from `state.results`; cards that were not played are not counted.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import platformdirs

from game.content.glossary import glossary
from game.content.help import Region, load_region
from game.export import _text as words
from game.export._pdf import (
    ACCENT,
    ACCENT_DARK,
    BODY,
    HAIRLINE,
    HEAD,
    INK,
    MUTED,
    PANEL,
    PT,
    RATING_COLOUR,
    WHITE,
    FlowDoc,
    clean,
    file_path,
    fitting_size,
    flag_icon,
    language,
    rating_icon,
    reason_icon,
)
from game.export.guide_pdf import help_section
from game.i18n import N_, _, ngettext
from game.model.cards import Card, Rating, Tag
from game.model.plans import LessonPlan
from game.model.session import CardResult, SessionState, missed_tactics, step_counts
from game.savegame import data_dir
from game.settings import atomic_write_bytes, atomic_write_text, portable_dir

# The Markdown summary calls _() inside f-strings, where Babel's extraction (Python 3.11) cannot
# see it; these marks put those words in the catalogue (tests/i18n checks none is missing).
MARKDOWN_WORDS = (
    N_("Date"),
    N_("Cards played"),
    N_("Cards skipped"),
    N_("Team"),
    N_("Points"),
    N_("Option"),
    N_("Rating"),
    N_("Reason"),
    N_("Answered by"),
    N_("Lesson plan"),
)


class _PhoneStep(Protocol):
    @property
    def title(self) -> str: ...
    @property
    def answered(self) -> int: ...
    @property
    def rows(self) -> Sequence[tuple[str, int, str]]: ...


class _PhoneCard(Protocol):
    @property
    def heading(self) -> str: ...
    @property
    def steps(self) -> Sequence[_PhoneStep]: ...


class _Pulse(Protocol):
    @property
    def heading(self) -> str: ...
    @property
    def columns(self) -> Sequence[str]: ...
    @property
    def rows(self) -> Sequence[tuple[str, Sequence[str]]]: ...
    @property
    def answered(self) -> str: ...


class ClassAnswers(Protocol):
    """How the class answered on their phones, its sentences already translated: the same
    report the Markdown summary shows (game/phones/report.py `ClassReport`; the export layer
    does not import the phones, so it names only what it reads). Counts only, never an id."""

    @property
    def heading(self) -> str: ...
    @property
    def pulse(self) -> _Pulse | None: ...
    @property
    def cards(self) -> Sequence[_PhoneCard]: ...


@dataclass(frozen=True)
class PlayedCard:
    card: Card
    results: tuple[CardResult, ...]

    @property
    def option_counts(self) -> list[int]:
        picked = Counter(r.response for r in self.results)
        return [picked[i] for i in range(len(self.card.responses))]

    @property
    def reason_counts(self) -> list[int]:
        picked = Counter(r.reason for r in self.results if r.reason is not None)
        return [picked[i] for i in range(len(self.card.reasons))]

    @property
    def wrong_reasons(self) -> int:
        return sum(1 for r in self.results if r.reason is not None and not r.reason_right)

    @property
    def missed(self) -> bool:
        """A non-safe option or a wrong reason was picked."""
        return self.wrong_reasons > 0 or any(r.rating is not Rating.SAFE for r in self.results)

    @property
    def teams(self) -> list[int]:
        return sorted({r.team for r in self.results})


def played_cards(state: SessionState) -> list[PlayedCard]:
    """The cards that have results, in the order they were first answered."""
    by_id = {c.id: c for c in state.cards}
    order: list[str] = []
    for result in state.results:
        if result.card_id not in order and result.card_id in by_id:
            order.append(result.card_id)
    return [
        PlayedCard(by_id[cid], tuple(r for r in state.results if r.card_id == cid)) for cid in order
    ]


def _tags_covered(played: list[PlayedCard]) -> list[Tag]:
    seen: list[Tag] = []
    for p in played:
        for tag in p.card.tags:
            if tag not in seen:
                seen.append(tag)
    return seen


def team_game(state: SessionState) -> bool:
    """Teams are named (and scored) only when more than one team plays."""
    return len(state.teams) > 1


def _skipped(state: SessionState) -> int:
    return len(getattr(state, "skipped", ()) or ())


def _team_names(state: SessionState, indexes: list[int]) -> str:
    return ", ".join(clean(_(state.teams[i].name)) for i in indexes if 0 <= i < len(state.teams))


def step_summary(state: SessionState, language_code: str) -> list[tuple[str, list[str]]]:
    """Per team (one entry without a name in solo play): the count of each step played, then the
    tricks it missed most (glossary words). A class game adds the class's tricks missed most."""
    words_ = glossary(language_code)
    out: list[tuple[str, list[str]]] = []
    teams = range(len(state.teams))
    for team in teams:
        if not any(r.team == team for r in state.results):
            continue
        lines = words_.step_lines(step_counts(state, team))
        missed = words_.missed_lines(missed_tactics(state, team))
        if missed:
            lines.append(f"{words_.word('missed_most')}: " + ", ".join(missed))
        name = clean(_(state.teams[team].name)) if team_game(state) else ""
        out.append((name, lines))
    if team_game(state) and state.results:
        missed = words_.missed_lines(missed_tactics(state))
        line = ", ".join(missed) if missed else words_.word("nothing_missed")
        out.append((words_.word("missed_most"), [line]))
    return out


def _follow_up(played: list[PlayedCard]) -> list[str]:
    """The discussion prompts, the missed cards' first."""
    ordered = [p for p in played if p.missed] + [p for p in played if not p.missed]
    prompts: list[str] = []
    for p in ordered:
        for prompt in p.card.discuss:
            text = clean(prompt)
            if text not in prompts:
                prompts.append(text)
    return prompts


# --- Markdown -------------------------------------------------------------------------------


def _md(text: str) -> str:
    """Text safe inside a Markdown table cell or list item."""
    return clean(text).replace("|", "\\|").replace("\n", " ")


@dataclass(frozen=True)
class _Summary:
    """What every section of the summary reads (Markdown and PDF have the same sections)."""

    state: SessionState
    lang: str
    region: Region
    day: dt.date
    played: list[PlayedCard]
    plan: LessonPlan | None = None
    phones: ClassAnswers | None = None


def summary_markdown(
    state: SessionState,
    language_code: str,
    region: Region,
    *,
    today: dt.date | None = None,
    plan: LessonPlan | None = None,
    phones: ClassAnswers | None = None,
) -> str:
    """The session summary as Markdown (for saving as a .md file or pasting into notes); with
    the lesson `plan` that was played, its name and learning objectives come first; with
    Students' phones, how the class answered comes last."""
    day = today or dt.date.today()
    with language(language_code):
        s = _Summary(state, language_code, region, day, played_cards(state), plan, phones)
        return "\n".join(line for section in _MD_SECTIONS for line in section(s))


def _md_facts(s: _Summary) -> list[str]:
    state, plan = s.state, s.plan
    out = [f"# Red Flags: {_('Session summary')}", ""]
    out.append(f"- **{_('Date')}:** {words.long_date(s.day, s.lang)}")
    out.append(
        f"- **{_('Cards played')}:** "
        + _("{played} of {total}").format(played=len(s.played), total=len(state.cards))
    )
    if _skipped(state):
        out.append(f"- **{_('Cards skipped')}:** {_skipped(state)}")
    if plan is not None:
        out.append(f"- **{_('Lesson plan')}:** {_md(plan.title)} (`{plan.id}`)")
    if team_game(state):
        out.append(f"- **{_('Teams')}:** {_team_names(state, list(range(len(state.teams))))}")
    return [*out, ""]


def _md_objectives(s: _Summary) -> list[str]:
    if s.plan is None:
        return []
    return [f"## {_('Learning objectives')}", "", *(f"- {_md(x)}" for x in s.plan.objectives), ""]


def _md_scores(s: _Summary) -> list[str]:
    if not (team_game(s.state) and s.state.results):
        return []
    out = [f"## {_('Scores')}", "", f"| {_('Team')} | {_('Points')} |", "| --- | ---: |"]
    out += [
        f"| {_md(_(team.name))} | {score} |" for team, score in zip(s.state.teams, s.state.scores)
    ]
    return [*out, ""]


def _md_answers(s: _Summary) -> list[str]:
    out = [f"## {_('How the group answered')}", ""]
    if not s.played:
        out += [_("No cards were answered in this session."), ""]
    for n, p in enumerate(s.played, start=1):
        out += _md_card(s, n, p)
    return out


def _md_card(s: _Summary, n: int, p: PlayedCard) -> list[str]:
    card, state, rating_word = p.card, s.state, glossary(s.lang).rating_word
    out = [f"### {n}. {_md(card.red_flag)} (`{card.id}`)", ""]
    if team_game(state):
        out += [f"{_('Answered by')}: {_team_names(state, p.teams)}", ""]
    out += [
        f"| # | {_('Option')} | {_('Rating')} | {_('Picked')} |",
        "| ---: | --- | --- | ---: |",
    ]
    for i, (response, count) in enumerate(zip(card.responses, p.option_counts), start=1):
        out.append(f"| {i} | {_md(response.text)} | {rating_word(response.rating)} | {count} |")
    out += ["", f"| | {_('Reason')} | | {_('Picked')} |", "| ---: | --- | --- | ---: |"]
    for i, (reason, count) in enumerate(zip(card.reasons, p.reason_counts)):
        mark = _("Right reason") if reason.right else ""
        out.append(f"| {'ABC'[i] if i < 3 else i + 1} | {_md(reason.text)} | {mark} | {count} |")
    return [*out, "", f"**{_('Remember')}:** {_md(card.takeaway)}", ""]


def _md_covered(s: _Summary) -> list[str]:
    tags = _tags_covered(s.played)
    if not tags:
        return []
    name = glossary(s.lang).tactic_name
    return [f"## {_('Red flags covered')}", "", *(f"- {_md(name(t))}" for t in tags), ""]


def _md_missed(s: _Summary) -> list[str]:
    missed = [p for p in s.played if p.missed]
    out = [f"## {_('Most missed')}", ""]
    for p in missed:
        out.append(f"- **{_md(p.card.red_flag)}** (`{p.card.id}`): {_md(_miss_detail(p, s.lang))}")
        out.append(f"  {_('Remember')}: {_md(p.card.takeaway)}")
    if not missed:
        out.append(_("Every card was answered with a safe option and the right reason."))
    return [*out, ""]


def _md_steps(s: _Summary) -> list[str]:
    steps = step_summary(s.state, s.lang)
    if not steps:
        return []
    out = [f"## {glossary(s.lang).word('steps')}", ""]
    for name, lines in steps:
        if name:
            out += [f"**{_md(name)}**", ""]
        out += [*(f"- {_md(line)}" for line in lines), ""]
    return out


def _md_follow_up(s: _Summary) -> list[str]:
    prompts = _follow_up(s.played)
    if not prompts:
        return []
    return [f"## {_('Questions to follow up')}", "", *(f"- {_md(q)}" for q in prompts), ""]


def _md_help(s: _Summary) -> list[str]:
    region, lang = s.region, s.lang
    out = [
        f"## {_('Where to get help: {region}').format(region=_md(region.name_in(lang)))}",
        "",
        glossary(lang).word("never_your_fault"),
        "",
    ]
    for service in region.services:
        contact = f": {_md(service.shown_contact)}" if service.shown_contact else ""
        out.append(f"- **{_md(service.name)}**{contact} - {_md(service.about_in(lang))}")
    return [
        *out,
        "",
        f"**{_md(words.emergency_line(region))}**",
        "",
        f"_{words.checked_line(region, lang)}_",
        "",
    ]


def _md_phones(s: _Summary) -> list[str]:
    return phones_markdown(s.phones) if s.phones is not None else []


def phones_markdown(report: ClassAnswers) -> list[str]:
    """The pulse before and after, then each card's class steps: a count and share per choice."""
    out = [f"## {report.heading}", ""]
    if report.pulse is not None:
        pulse, n = report.pulse, len(report.pulse.columns)
        out += [f"### {pulse.heading}", "", "| " + " | ".join(pulse.columns) + " |"]
        out += ["|---|" + "---|" * (n - 1)]
        out += [f"| {statement} | " + " | ".join(cells) + " |" for statement, cells in pulse.rows]
        out += ["", pulse.answered, ""]
    for card in report.cards:
        out += [f"### {card.heading}", ""]
        for step in card.steps:
            out.append(f"**{step.title}** ({step.answered})")
            out += [f"- {count} ({pct}): {text}" for text, count, pct in step.rows]
            out.append("")
    return out


_MD_SECTIONS = (
    _md_facts,
    _md_objectives,
    _md_scores,
    _md_answers,
    _md_covered,
    _md_missed,
    _md_steps,
    _md_follow_up,
    _md_help,
    _md_phones,
)


def _miss_detail(p: PlayedCard, lang: str) -> str:
    parts: list[str] = []
    rating_word = glossary(lang).rating_word
    ratings = Counter(r.rating for r in p.results if r.rating is not Rating.SAFE)
    for rating in (Rating.HARMFUL, Rating.RISKY):
        if ratings[rating]:
            picked = ngettext(
                "{rating} option picked", "{rating} option picked {n} times", ratings[rating]
            )
            parts.append(picked.format(rating=rating_word(rating), n=ratings[rating]))
    wrong = p.wrong_reasons
    if wrong:
        picked = ngettext("wrong reason picked", "wrong reason picked {n} times", wrong)
        parts.append(picked.format(n=wrong))
    return "; ".join(parts)


# --- PDF ------------------------------------------------------------------------------------


def render_summary_pdf(
    state: SessionState,
    language_code: str,
    region: Region,
    path: Path | str,
    *,
    today: dt.date | None = None,
    plan: LessonPlan | None = None,
    phones: ClassAnswers | None = None,
) -> Path:
    """The session summary as a PDF; returns the path. With the lesson `plan` played, its name
    and learning objectives come under the title; with Students' phones, how the class answered
    (the pulse and each card's bars) comes before the help list."""
    out = file_path(path)
    day = today or dt.date.today()
    with language(language_code):
        s = _Summary(state, language_code, region, day, played_cards(state), plan, phones)
        title = _("Session summary")
        doc = FlowDoc(
            title=f"Red Flags - {title}", lang=language_code, running=f"Red Flags  ·  {title}"
        )
        doc.page_label = _("Page {page}")
        doc.new_page()
        _title(doc, title, day, language_code, state, s.played, plan)
        for section in _PDF_SECTIONS:
            section(doc, s)
        atomic_write_bytes(out, bytes(doc.output()))  # whole or nothing: never half a PDF
    return out


def _pdf_objectives(doc: FlowDoc, s: _Summary) -> None:
    if s.plan is not None:
        doc.heading(_("Learning objectives"), keep=20)
        doc.bullets([clean(line) for line in s.plan.objectives])


def _pdf_scores(doc: FlowDoc, s: _Summary) -> None:
    if team_game(s.state) and s.state.results:
        _scores(doc, s.state)


def _pdf_answers(doc: FlowDoc, s: _Summary) -> None:
    doc.heading(_("How the group answered"), keep=40)
    if not s.played:
        doc.text(_("No cards were answered in this session."))
    for n, p in enumerate(s.played, start=1):
        _played_card(doc, n, p, s)


def _pdf_covered(doc: FlowDoc, s: _Summary) -> None:
    tags = _tags_covered(s.played)
    if tags:
        doc.heading(_("Red flags covered"))
    for tag in tags:
        doc.ensure(7)
        flag_icon(doc, doc.MARGIN + 0.5, doc.cy + 0.6, 3.6)
        doc.text(glossary(s.lang).tactic_name(tag), indent=6, after=1.2)


def _pdf_missed(doc: FlowDoc, s: _Summary) -> None:
    doc.heading(_("Most missed"))
    missed = [p for p in s.played if p.missed]
    if not missed:
        doc.text(_("Every card was answered with a safe option and the right reason."))
    for p in missed:
        doc.use(BODY, "B", 10.5, INK)
        doc.text(clean(p.card.red_flag), style="B", after=0.3)
        doc.text(_miss_detail(p, s.lang) + f"  ({p.card.id})", size=9, colour=MUTED, after=0.5)
        doc.text(_("Remember") + ": " + clean(p.card.takeaway), size=10, after=2.5)


def _pdf_steps(doc: FlowDoc, s: _Summary) -> None:
    steps = step_summary(s.state, s.lang)
    if steps:
        doc.heading(glossary(s.lang).word("steps"))
    for name, lines in steps:
        if name:
            doc.ensure(10.5 * PT * 1.3 * (len(lines) + 1) + 1)  # a team's name with its lines
            doc.text(name, style="B", after=0.3)
        doc.bullets(lines)


def _pdf_follow_up(doc: FlowDoc, s: _Summary) -> None:
    prompts = _follow_up(s.played)
    if prompts:
        doc.heading(_("Questions to follow up"))
        doc.bullets(prompts)


def _pdf_phones(doc: FlowDoc, s: _Summary) -> None:
    if s.phones is not None:
        _phones_section(doc, s.phones)


def _pdf_help(doc: FlowDoc, s: _Summary) -> None:
    help_section(doc, s.region, s.lang, own_page=False)


_PDF_SECTIONS = (
    _pdf_objectives,
    _pdf_scores,
    _pdf_answers,
    _pdf_covered,
    _pdf_missed,
    _pdf_steps,
    _pdf_follow_up,
    _pdf_phones,
    _pdf_help,
)


def _title(
    doc: FlowDoc,
    title: str,
    day: dt.date,
    lang: str,
    state: SessionState,
    played: list[PlayedCard],
    plan: LessonPlan | None = None,
) -> None:
    x, w = doc.MARGIN, doc.width
    doc.fill_rgb(ACCENT)
    doc.rect(x, doc.cy, w, 30, style="F", round_corners=True, corner_radius=5)
    flag_icon(doc, x + 9, doc.cy + 7, 8, WHITE)
    doc.use(HEAD, "B", 9.5, WHITE)
    doc.text_at(x + 18, doc.cy + 7.4, 80, "RED FLAGS")
    doc.use(HEAD, "B", 21, WHITE)
    doc.text_at(x + 9, doc.cy + 15.5, w - 18, title)
    doc.cy += 35
    facts = [
        _("Date: {date}").format(date=words.long_date(day, lang)),
        _("Cards played: {played} of {total}").format(played=len(played), total=len(state.cards)),
    ]
    if team_game(state):
        facts.append(
            _("Teams: {names}").format(names=_team_names(state, list(range(len(state.teams)))))
        )
    if plan is not None:
        doc.text(_("Lesson plan: {title}").format(title=clean(plan.title)), style="B", after=0.8)
    doc.text("   ·   ".join(facts), size=10, colour=MUTED, after=2)


def _scores(doc: FlowDoc, state: SessionState) -> None:
    doc.heading(_("Scores"), keep=12)
    best = max(state.scores) if state.scores else 0
    bar_w = doc.width - 60
    for team, score in zip(state.teams, state.scores):
        doc.ensure(8)
        doc.use(BODY, "B", 10.5, INK)
        doc.text_at(doc.MARGIN, doc.cy, 40, clean(_(team.name)))
        doc.fill_rgb(PANEL)
        doc.rect(
            doc.MARGIN + 42, doc.cy + 0.8, bar_w, 4, style="F", round_corners=True, corner_radius=2
        )
        if best:
            doc.fill_rgb(ACCENT)
            doc.rect(
                doc.MARGIN + 42,
                doc.cy + 0.8,
                max(4.0, bar_w * score / best),
                4,
                style="F",
                round_corners=True,
                corner_radius=2,
            )
        doc.use(HEAD, "", 10.5, ACCENT_DARK)
        doc.text_at(doc.MARGIN + 44 + bar_w, doc.cy, 14, str(score), align="R")
        doc.cy += 7.5


def _played_card(doc: FlowDoc, n: int, p: PlayedCard, s: _Summary) -> None:
    card, state, rating_word = p.card, s.state, glossary(s.lang).rating_word
    w = doc.width
    count_w = 14.0
    text_x = doc.MARGIN + 34
    text_w = w - 34 - count_w - 2
    size = 9.5
    line_h = size * PT * 1.25
    # measure the whole block so that a card never splits over two pages
    doc.use(BODY, "", size, INK)
    rows_h = sum(
        max(len(doc.lines_of(clean(r.text), text_w)), 1) * line_h + 1.6 for r in card.responses
    ) + sum(max(len(doc.lines_of(clean(r.text), text_w)), 1) * line_h + 1.6 for r in card.reasons)
    h = 10.5 + 4.5 + rows_h + 6 + 10
    doc.ensure(h)
    doc.label_in_disc(doc.MARGIN + 3.2, doc.cy + 3.3, 3.2, str(n), ACCENT)
    doc.use(HEAD, "", 11.5, INK)
    doc.text_at(doc.MARGIN + 9, doc.cy + 0.3, w - 9, clean(card.red_flag))
    doc.use(BODY, "", 8.5, MUTED)
    meta = card.id
    if team_game(state):
        meta += "   ·   " + _("Answered by {teams}").format(teams=_team_names(state, p.teams))
    doc.text_at(doc.MARGIN + 9, doc.cy + 5.6, w - 9, meta)
    doc.cy += 10.5
    doc.use(BODY, "B", 8, MUTED)
    doc.text_at(doc.MARGIN + w - count_w - 10, doc.cy, count_w + 10, _("Picked"), align="R")
    doc.cy += 4.5
    for i, (response, count) in enumerate(zip(card.responses, p.option_counts)):
        y = doc.cy
        doc.use(BODY, "", size, INK)
        lines = max(len(doc.lines_of(clean(response.text), text_w)), 1)
        doc.label_in_disc(doc.MARGIN + 2.3, y + line_h / 2, 2.2, str(i + 1), ACCENT)
        rating_icon(doc, response.rating, doc.MARGIN + 9.5, y + line_h / 2, 2.0)
        word = rating_word(response.rating)  # a longer word in another language shrinks
        doc.use(
            BODY, "B", fitting_size(doc, BODY, "B", 9, word, 20), RATING_COLOUR[response.rating]
        )
        doc.text_at(doc.MARGIN + 13, y, 21, word)
        _row_text(doc, text_x, y, text_w, clean(response.text), count, size, count_w)
        doc.cy += lines * line_h + 1.6
    doc.cy += 1.5
    for i, (reason, count) in enumerate(zip(card.reasons, p.reason_counts)):
        y = doc.cy
        doc.use(BODY, "", size, INK)
        lines = max(len(doc.lines_of(clean(reason.text), text_w)), 1)
        reason_icon(doc, reason.right, doc.MARGIN + 2.3, y + line_h / 2, 2.0)
        label = (
            ("ABC"[i] if i < 3 else str(i + 1)) + "  " + (_("Right reason") if reason.right else "")
        )  # "Rätt förklaring" touched the reason at 9 pt: a label too long for its column shrinks
        size_label = fitting_size(doc, BODY, "B", 9, label, 26)
        doc.use(BODY, "B", size_label, RATING_COLOUR[Rating.SAFE] if reason.right else MUTED)
        doc.text_at(doc.MARGIN + 6.5, y, 27, label)
        _row_text(doc, text_x, y, text_w, clean(reason.text), count, size, count_w)
        doc.cy += lines * line_h + 1.6
    doc.cy += 1
    doc.use(BODY, "B", 9.5, ACCENT_DARK)
    doc.text(
        _("Remember") + ": " + clean(card.takeaway),
        size=9.5,
        style="B",
        colour=ACCENT_DARK,
        after=1.5,
    )
    doc.line_rgb(HAIRLINE, 0.25)
    doc.line(doc.MARGIN, doc.cy, doc.MARGIN + w, doc.cy)
    doc.cy += 4


def _row_text(
    doc: FlowDoc, x: float, y: float, w: float, text: str, count: int, size: float, count_w: float
) -> None:
    doc.use(BODY, "", size, INK if count else MUTED)
    doc.para(x, y, w, text, leading=1.25)
    doc.use(HEAD, "B" if count else "", 10, ACCENT_DARK if count else HAIRLINE)
    doc.text_at(x + w + 2, y - 0.3, count_w, str(count), align="R")


# --- Students' phones: how the class answered (counts only) ----------------------------------


def _phones_section(doc: FlowDoc, report: ClassAnswers) -> None:
    doc.heading(clean(report.heading), keep=30)
    if report.pulse is not None:
        _pulse_table(doc, report.pulse)
    for card in report.cards:
        doc.subheading(clean(card.heading))
        for step in card.steps:
            _phone_step(doc, step)


def _pulse_table(doc: FlowDoc, pulse: _Pulse) -> None:
    doc.subheading(clean(pulse.heading))
    columns = list(pulse.columns)
    first_w = doc.width * 0.46
    cell_w = (doc.width - first_w) / max(1, len(columns) - 1)
    size, line_h = 9.5, 9.5 * PT * 1.3
    doc.ensure(8)
    doc.use(BODY, "B", 8.5, MUTED)
    doc.text_at(doc.MARGIN, doc.cy, first_w, clean(columns[0]))
    for i, word in enumerate(columns[1:]):
        doc.text_at(doc.MARGIN + first_w + i * cell_w, doc.cy, cell_w, clean(word), align="C")
    doc.cy += 5.5
    for statement, cells in pulse.rows:
        doc.use(BODY, "", size, INK)
        lines = max(1, len(doc.lines_of(clean(statement), first_w - 3)))
        h = lines * line_h + 2.5
        doc.ensure(h)
        doc.para(doc.MARGIN, doc.cy, first_w - 3, clean(statement), leading=1.3)
        doc.use(HEAD, "B", 10, ACCENT_DARK)
        for i, cell in enumerate(cells):
            x = doc.MARGIN + first_w + i * cell_w
            doc.text_at(x, doc.cy, cell_w, clean(cell), align="C")
        doc.cy += h
        doc.line_rgb(HAIRLINE, 0.25)
        doc.line(doc.MARGIN, doc.cy - 1.2, doc.MARGIN + doc.width, doc.cy - 1.2)
    doc.text(clean(pulse.answered), size=9, colour=MUTED, after=2.5)


def _phone_step(doc: FlowDoc, step: _PhoneStep) -> None:
    """The step's question and, per choice, a bar with its count and share, then its text."""
    size, line_h = 9.5, 9.5 * PT * 1.25
    bar_w, figure_w = 34.0, 22.0
    text_x = doc.MARGIN + bar_w + figure_w + 3
    text_w = doc.width - bar_w - figure_w - 3
    doc.use(BODY, "", size, INK)
    heights = [
        max(1, len(doc.lines_of(clean(text), text_w))) * line_h + 1.4 for text, _, _ in step.rows
    ]
    doc.ensure(7 + sum(heights))  # a step is never split over two pages
    doc.use(BODY, "B", 10, INK)
    doc.text_at(doc.MARGIN, doc.cy, doc.width, f"{clean(step.title)} ({step.answered})")
    doc.cy += 6
    total = sum(count for _, count, _ in step.rows) or 1
    for (text, count, share), h in zip(step.rows, heights):
        y = doc.cy
        doc.fill_rgb(PANEL)
        doc.rect(doc.MARGIN, y + 0.8, bar_w, 3.4, style="F", round_corners=True, corner_radius=1.5)
        if count:
            doc.fill_rgb(ACCENT)
            doc.rect(
                doc.MARGIN,
                y + 0.8,
                max(3.0, bar_w * count / total),
                3.4,
                style="F",
                round_corners=True,
                corner_radius=1.5,
            )
        doc.use(HEAD, "B" if count else "", 9.5, ACCENT_DARK if count else MUTED)
        doc.text_at(doc.MARGIN + bar_w + 1.5, y, figure_w, f"{count} ({share})")
        doc.use(BODY, "", size, INK if count else MUTED)
        doc.para(text_x, y, text_w, clean(text), leading=1.25)
        doc.cy += h
    doc.cy += 2


# --- Saving both -----------------------------------------------------------------------------


def summary_folder() -> Path:
    """Documents/Red Flags, where a facilitator looks for files (REDFLAGS_DOCUMENTS_DIR in
    tests); the game's data folder when there is no documents folder."""
    override = os.environ.get("REDFLAGS_DOCUMENTS_DIR")
    if override:
        return Path(override) / "Red Flags"
    portable = portable_dir()  # portable.txt beside the app: beside it, not in Documents
    if portable is not None:
        return portable / "Summaries"
    try:
        docs = platformdirs.user_documents_dir()
    except Exception:
        docs = ""
    return Path(docs) / "Red Flags" if docs else data_dir() / "summaries"


def write_summary(
    state: SessionState,
    language_code: str,
    region_id: str,
    folder: Path,
    *,
    plan: LessonPlan | None = None,
    phones: ClassAnswers | None = None,
) -> tuple[Path, Path]:
    """The session summary as Markdown and PDF in `folder`, named by date and time; raises
    OSError when the folder cannot be written."""
    region = load_region(region_id)
    stem = "red-flags-summary-" + dt.datetime.now().strftime("%Y-%m-%d-%H%M")
    folder.mkdir(parents=True, exist_ok=True)
    md = folder / f"{stem}.md"
    text = summary_markdown(state, language_code, region, plan=plan, phones=phones)
    atomic_write_text(md, text)  # whole or nothing: a full disk leaves no half summary
    pdf = render_summary_pdf(
        state, language_code, region, folder / f"{stem}.pdf", plan=plan, phones=phones
    )
    return md, pdf
