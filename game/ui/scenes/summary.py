"""The end of a game: scores (teams ranked, with letter and shape; none in Together mode), the
red flags met with their takeaways, "It is never your fault", and where to get help.

In group games "Save summary" (S) writes the session summary as Markdown and PDF (cards played,
how the group answered, the red flags covered, the most-missed ones, follow-up questions and the
help resources; no names beyond team names) into a folder the facilitator can find, and shows
the path — or says plainly that the folder could not be written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.model.session import Mode, missed_tactics, practice_cards, step_counts
from game.ui import services
from game.ui.input import Act, Input
from game.ui.layout import (
    Pages,
    in_row,
    inset,
    page_columns,
    split_cols,
    stack,
    take_bottom,
    take_top,
)
from game.ui.phones import phones_report
from game.ui.scene import column_texts
from game.ui.scenes.common import PlayScene
from game.ui.services import N_, emergency_line, ngettext, tr
from game.ui.text import Block, ColumnFit
from game.ui.widgets import (
    Button,
    FocusGroup,
    draw_pips,
    fit_button,
    fit_label,
    label_height,
    label_width,
    largest_size,
    panel,
    team_badge,
)

if TYPE_CHECKING:
    from game.model.cards import Card
    from game.ui.app import App
    from game.ui.play import PlayContext


class SummaryScene(PlayScene):
    group: FocusGroup  # made in __init__ (Scene.group is None for scenes without one)
    name = "summary"
    kind = "summary"

    def __init__(self, app: App, play: PlayContext) -> None:
        super().__init__(app, play)
        self.play_key = ("summary", -1)
        self.again_btn = Button("again", "Play again", kind="primary")
        self.title_btn = Button("title", "Title screen")
        self.save_btn = Button("save", N_("Save summary"), badge="S")
        self.pager = Pages()  # the red flags met, page by page
        self.team_scores = self.state.mode.is_group and self.state.mode.keeps_score
        words = app.glossary
        # solo: "Practise the ones you missed", other cards with the tricks that went wrong
        self.practice = (
            practice_cards(self.state, app.cards_for(play.setup))
            if self.state.mode is Mode.SOLO
            else []
        )
        self.practise_btn = Button("practise", words.word("practise"), badge="P")
        self.practise_btn.translate = False
        buttons = [self.again_btn, self.title_btn]
        if self.state.mode.is_group:
            buttons.append(self.save_btn)
        elif self.practice:  # after the other two, so 1 and 2 keep their meaning
            buttons.append(self.practise_btn)
        self.group = FocusGroup(buttons, index=0)

    def _played_cards(self) -> list[Card]:
        ids = [r.card_id for r in self.state.results]
        return [c for c in self.state.cards if c.id in ids]

    def layout(self, size: tuple[int, int]) -> None:
        super().layout(size)
        m = self.ui.m
        self.header, rest = take_top(self.content, m.heading * 1.3, m.pad * 0.5)
        # the help keeps the body floor before the left button's label does: when a row grown
        # for that label leaves the help too little room, the row keeps its height instead
        for grow in (True, False):
            self._layout_panels(self._place_buttons(rest, grow))
            if self.help_readable:
                break

    def _place_buttons(self, rest: pygame.Rect, grow: bool) -> pygame.Rect:
        """Play again and Title screen at the right, no wider than their labels need with room
        to breathe; at the left Save summary (groups) or Practise (solo) in the room left, its
        label wrapped at `m.least` when it does not fit a line there, in a row grown for it
        (`grow`), else as large as it wraps in a row of the usual height. Returns the room above."""
        ui, m = self.ui, self.ui.m
        row = round(m.body * 2.3)
        need = max(label_width(ui, b, row, m.body) for b in (self.again_btn, self.title_btn))
        bw = round(min(rest.w * 0.28, m.body * 9, need + 2 * m.pad))
        side = self.save_btn if self.state.mode.is_group else self.practise_btn
        room = rest.w - 2 * (bw + m.pad)
        wraps = grow and label_width(ui, side, row, m.least) > room
        tall = label_height(ui, side, room, m.least) if wraps else 0
        bottom, rest = take_bottom(rest, min(max(row, tall), row * 2), m.pad * 0.7)
        self.again_btn.rect, self.title_btn.rect = in_row(bottom, [bw, bw], m.pad, "right")
        for b in (self.again_btn, self.title_btn):  # the largest text: labels clear of edges
            fit_label(ui, b, bw, bottom.h, m.body)
        width = min(room, label_width(ui, side, row, m.body))
        side.rect = pygame.Rect(bottom.x, bottom.y, width, bottom.h)

        def wrapped_fits(size: int) -> bool:
            return label_height(ui, side, width, size) <= bottom.h

        floor = m.least if grow else largest_size(m.least, m.min_font, wrapped_fits)
        fit_button(ui, side, m.body, floor)
        return rest

    def _layout_panels(self, rest: pygame.Rect) -> None:
        """The scores and the help at the left, the red flags met at the right."""
        ui, m = self.ui, self.ui.m
        self.left, self.right = split_cols(rest, (0.46, 0.54), m.pad)
        ip = round(m.unit * 2.2)
        inner = inset(self.left, ip)
        teams = len(self.state.teams)
        row_h = m.body * 1.6
        if self.team_scores:
            score_h = row_h * teams + m.small * 1.4
        elif self.state.mode is Mode.TOGETHER:  # no scores anywhere: a discussion
            said = ui.engine.layout(self.together_line(), "body", m.body, inner.w)
            score_h = max(row_h * 1.2, said.h + m.unit) + m.small * 1.4
        else:
            steps = len(self.app.glossary.step_lines(step_counts(self.state, 0)))
            score_h = row_h * 1.5 + m.small * 1.4 + steps * m.small * 1.5
        # team rows no taller than body text at the floor needs, to leave the help room
        tight = min(row_h, m.least * 1.7) * teams + m.small * 1.4 if self.team_scores else 0
        self.score_rect, below = take_top(inner, min(tight or score_h, inner.h), m.pad * 0.6)
        # the help under the scores where it fits at the body floor; else it is the first page
        # of the red flags' panel, made wider for it
        self.help_fit = self._fit_help(below, (True, False))
        self.help_rect = below
        if not self.help_fit.placed:
            self.left, self.right = split_cols(rest, (0.36, 0.64), m.pad)
            self.score_rect = take_top(inset(self.left, ip), score_h)[0]
        self._layout_flags()

    @property
    def played(self) -> int:
        return len({r.card_id for r in self.state.results})

    def together_line(self) -> str:
        return ngettext(
            "{n} card talked through together. No scores, just good talk.",
            "{n} cards talked through together. No scores, just good talk.",
            self.played,
        ).format(n=self.played)

    def score_line(self) -> str:
        st = self.state
        score = st.scores[0] if st.scores else 0
        line = ngettext("{score} of {best} point", "{score} of {best} points", st.best_score)
        return line.format(score=score, best=st.best_score)

    def ranked(self) -> list[int]:
        """The teams' indices, the highest score first."""
        return sorted(range(len(self.state.teams)), key=lambda i: -self.state.scores[i])

    def team_words(self, i: int) -> tuple[str, str]:
        """A team's name with its letter, and its points."""
        team, points = self.state.teams[i], self.state.scores[i]
        name = tr("Team {letter}: {name}").format(letter=team.letter, name=tr(team.name))
        return name, ngettext("{points} pt", "{points} pts", points).format(points=points)

    def _help_blocks(self, shown: int, label: bool = True) -> list[Block]:
        h = self.app.help
        blocks = [
            Block(
                self.app.glossary.word("never_your_fault"),
                role="bold",
                colour="accent",
                scale=1.05,
            )
        ]
        if label:
            blocks.append(_label(tr("Where to get help"), colour="text_muted", gap=0.9))
        for s in h.services[:shown]:  # the region's file lists the most useful first
            blocks.append(Block(s.line, role="body", scale=0.9, gap=0.25))
        blocks.append(Block(emergency_line(h), role="bold", scale=0.9, gap=0.5))
        return blocks

    def _fit_help(self, rect: pygame.Rect, labels: tuple[bool, ...]) -> ColumnFit:
        """The help in `rect` at the body size down to `m.least`, with fewer services (help
        lists them all) before smaller text; empty when even one service does not fit."""
        m = self.ui.m
        fits = (
            self.ui.column(self._help_blocks(n, label), rect, m.body, m.least)
            for label in labels
            for n in (3, 2, 1)
        )
        return next((f for f in fits if f.fits), ColumnFit(m.body, (), 0, True))

    def _layout_flags(self) -> None:
        """The red flags met with their takeaways (the tricks missed most first), in pages that
        fit the panel at the body size, rather than one list shrunk or running off the screen;
        the help is the first page when it did not fit under the scores. The pager's circles
        (Left/Right or a click turn the pages) sit beside the label, or in a row of their own
        at the bottom where the label would not fit beside them at the body floor."""
        ui, m = self.ui, self.ui.m
        words = self.app.glossary
        inner = inset(self.right, m.space(4) * 0.85)
        label = [_label(tr("Red flags you met"))]
        label_h = ui.page_column(label, inner, m.body).h
        groups = [
            [
                Block(card.red_flag, role="bold", gap=0.7),
                Block(card.takeaway, colour="text_muted", gap=0.2),
            ]
            for card in self._played_cards()
        ] or [[Block(tr("No cards were played this time."))]]
        if self.state.mode.keeps_score and self.state.results:
            missed = words.missed_lines(missed_tactics(self.state))
            missed_line = ", ".join(missed) if missed else words.word("nothing_missed")
            missed_label = _label(words.word("missed_most"))
            groups.insert(0, [missed_label, Block(missed_line, role="bold", gap=0.2)])
        help_page = not self.help_fit.placed
        self.help_readable = True

        def flags(box: pygame.Rect) -> list[ColumnFit]:
            pages = page_columns(ui, groups, lambda _: box, m.body, m.body)
            self.pager.reset(len(pages) + help_page)
            return [fit for fit, _ in pages]

        head, box = take_top(inner, max(m.pip, label_h), m.gap)
        help_box, pages = box, flags(box)
        left = self.pager.place(head, m.pip, m.gap)
        if not ui.column(label, left, m.body, m.least).fits:
            row, inner = take_bottom(inner, m.pip, m.gap)
            (head, box), help_box = take_top(inner, label_h, m.gap), inner
            pages, left = flags(box), head
            self.pager.place(row, m.pip, m.gap)
        if help_page and self.pager.index == 0:
            # "Where to get help" beside the circles, else in the help (or left out before the
            # help's text is made smaller: it opens with its own words)
            label = [_label(tr("Where to get help"))]
            beside = help_box is box and ui.column(label, left, m.body, m.least).fits
            label = label if beside else []
            fit = self._fit_help(help_box, (False,) if beside else (True, False))
            self.help_readable = bool(fit.placed)
            if not fit.placed:
                fit = ui.page_column(self._help_blocks(1, False), help_box, m.body)
            self.flags_inner, self.page_fit = help_box, fit
        else:
            self.flags_inner, self.page_fit = box, pages[self.pager.index - help_page]
        self.head_fit = ui.page_column(label, left, m.body)
        self.flags_head = left.inflate(0, self.head_fit.h - left.h)  # the label beside the pager

    def handle(self, inp: Input) -> bool:
        if inp.act is Act.HOVER:
            return self.hover(inp, self.group)
        if self.handle_bar(inp):
            return True
        if self.pager.key(inp):
            self._layout_flags()
            return True
        if inp.act is Act.CLICK:
            hit = self.group.at(inp.pos)
            if hit is not None:
                self.activate(hit)
            return True
        if inp.act is Act.CONFIRM and self.group.focused is not None:
            self.activate(self.group.focused)
            return True
        if inp.act in (Act.NEXT, Act.RIGHT, Act.DOWN, Act.PREV, Act.LEFT, Act.UP):
            self.group.move(1 if inp.act in (Act.NEXT, Act.RIGHT, Act.DOWN) else -1)
            return True
        if inp.act is Act.PICK and inp.index < 2:
            self.activate(self.group.buttons[inp.index])
            return True
        letters = {"s": self.save_btn, "p": self.practise_btn}  # when the screen has them
        if inp.act is Act.LETTER and letters.get(inp.text) in self.group.buttons:
            self.activate(letters[inp.text])
            return True
        if inp.act is Act.LETTER and inp.text == "v" and self.play.phones:
            self.app.open_phones_summary()  # the pulse before and after
            return True
        return False

    def activate(self, button: Button) -> None:
        if button is self.save_btn:
            self.app.open_note(N_("Save summary"), self.save_summary())
        elif button is self.again_btn:
            self.app.start_game(self.play.setup)
        elif button is self.practise_btn:
            self.app.start_game(self.play.setup, cards=self.practice)
        else:
            self.app.to_title()

    def save_summary(self) -> str:
        """Write the summary files; returns the sentence to show (the path, or the problem)."""
        from game.export.summary import summary_folder, write_summary  # fpdf2: heavy

        app, play, folder = self.app, self.play, summary_folder()
        region = services.resolve_region(app.options.region or app.settings.region)
        # a lesson plan played: its name and objectives head the summary; with Students'
        # phones, how the class answered (counts only) is in it too
        try:
            md, _ = write_summary(
                self.state,
                app.language,
                region,
                folder,
                plan=play.setup.plan,
                phones=phones_report(play),
            )
        except OSError as exc:
            return tr(
                "Could not save in {folder} ({error}). Try another computer or a USB stick."
            ).format(folder=folder, error=exc.strerror or exc)
        self.app.sound.play("choose")
        return (
            tr("Saved as Markdown and PDF ({name}) in the folder:").format(name=md.stem)
            + "\n"
            + str(md.parent)
        )

    def draw(self, surface: pygame.Surface) -> None:
        # composed once (game/ui/layers.py)
        key = (self.session.state, self.pager.index)
        self.static_layer.draw(
            self.ui, surface, self.draw_static, [self.bar_group, self.group], key
        )

    def texts(self) -> tuple[str, ...]:
        """The heading, the score (or each team's), the help under it, and the red flags met."""
        st = self.state
        parts = [tr("Well played!") if self.played else tr("Results")]
        if st.mode is Mode.TOGETHER:
            parts.append(self.together_line())
        elif st.mode is Mode.SOLO and st.scores:
            parts.append(self.score_line())
        else:
            parts += [", ".join(self.team_words(i)) for i in self.ranked()]
        if self.pager.paged:
            page, total = self.pager.index + 1, self.pager.count
            parts.append(tr("Page {page} of {total}").format(page=page, total=total))
        return (*parts, *column_texts(self.help_fit, self.head_fit, self.page_fit))

    def draw_static(self, surface: pygame.Surface) -> None:
        ui, t = self.ui, self.ui.theme
        self.draw_bar(surface, title=tr("Results"), buttons=False)
        title = tr("Well played!") if self.played else tr("Results")
        ui.text(surface, title, self.header, style="title")
        sub = ngettext("{n} card played", "{n} cards played", self.played).format(n=self.played)
        ui.text(surface, sub, self.header, style="note", align="right")
        panel(ui, surface, self.left, t.panel)
        panel(ui, surface, self.right, t.panel)
        self._draw_scores(surface)
        ui.draw_column(surface, self.help_fit, self.help_rect)
        ui.draw_column(surface, self.head_fit, self.flags_head)
        draw_pips(ui, surface, self.pager.pips, self.pager.index)
        ui.draw_column(surface, self.page_fit, self.flags_inner)

    def _draw_scores(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        st = self.state
        box = self.score_rect
        heading = tr("Scores") if self.team_scores else tr("Your score")
        label = ui.text(
            surface,
            tr("Together") if st.mode is Mode.TOGETHER else heading,  # no scores: a discussion
            pygame.Rect(box.x, box.y, box.w, m.small * 1.3),
            role="semi",
            size=m.small,
            colour=t.accent,
        )
        _, rows = take_top(box, label.bottom - box.y, round(m.unit))
        if st.mode is Mode.TOGETHER:
            ui.text(surface, self.together_line(), rows, style="line")
            return
        if st.mode is Mode.SOLO:
            lines = self.app.glossary.step_lines(step_counts(st, 0))
            big_h = max(rows.h * 0.3, rows.h - len(lines) * m.small * 1.5)
            big, below = take_top(rows, big_h)
            ui.text(surface, self.score_line(), big, style="title", colour=t.text)
            # each step counted on its own, a line each: spot, name, move, why
            blocks = [Block(line, colour="text_muted", gap=0.15) for line in lines]
            ui.draw_column(surface, ui.page_column(blocks, below, max(m.small, m.reading)), below)
            return
        order = self.ranked()
        # many teams and large text: two columns, so no row is lower than the text floor needs
        cols = 2 if rows.h / len(order) < m.least * 1.35 else 1
        per_col = -(-len(order) // cols)

        def width(text: str, size: int, role: str = "display") -> int:
            return ui.engine.layout(text, role, size, 10_000).w

        boxes = [
            b for c in split_cols(rows, [1] * cols, m.gap) for b in stack(c, [None] * per_col, 0)
        ]
        row_h, row_w = round(boxes[0].h * 0.92), boxes[0].w
        size = max(m.least, min(m.body, round(row_h * 0.72)))
        side = min(round(row_h * 0.8), round(size * 1.3))  # the badge, as large as its text
        num_w = min(round(row_h * 1.1), width(f"{len(order)}.", size) + m.gap)
        room = row_w - num_w - side - 2 * m.gap
        # "Team B: Owls" and "2 pts" where every team's fit a line, else the name and the points
        # (the badge carries the letter)
        words = [self.team_words(i) for i in order]
        if cols == 2 or any(width(n, size, "bold") + width(p, size) > room for n, p in words):
            words = [(tr(st.teams[i].name), str(st.scores[i])) for i in order]
        pts_w = max(width(p, size) for _, p in words) + m.gap  # the points as wide as they need
        for i, box, (shown, pts) in zip(order, boxes, words, strict=False):
            team, r = st.teams[i], pygame.Rect(box.x, box.y, box.w, row_h)
            place = 1 + sum(1 for j in order if st.scores[j] > st.scores[i])  # ties share
            num = pygame.Rect(r.x, r.y, num_w, r.h)
            icon = pygame.Rect(num.right, r.centery - side // 2, side, side)
            team_badge(ui, surface, team, icon)
            name = pygame.Rect(icon.right + m.gap, r.y, r.right - icon.right - m.gap - pts_w, r.h)
            points = pygame.Rect(name.right, r.y, pts_w, r.h)
            for text, rect, role, colour, align in (
                (f"{place}.", num, "display", t.text_muted, "left"),
                (shown, name, "bold", t.text, "left"),
                (pts, points, "display", t.accent, "right"),
            ):
                ui.text(
                    surface,
                    text,
                    rect,
                    role=role,
                    size=size,
                    colour=colour,
                    align=align,
                    valign="middle",
                )


def _label(text: str, colour: str = "accent", gap: float = 0.45) -> Block:
    """A label over a part of the screen ("Red flags you met")."""
    return Block(text, role="semi", colour=colour, scale=0.8, gap=gap)
