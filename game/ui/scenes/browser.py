"""The card browser: look through the decks' cards (by age group, deck and red flag), preview a
card with its facilitator notes, and build a lesson plan of 4 to 12 cards to save and play.

Keyboard: Up/Down (Tab) move through the filters, the list and the buttons; Enter on a filter
changes it (Left/Right too), on a card puts it in the plan or takes it out; Left/Right on the
list turn its pages. The preview follows the focused (or hovered) card. Mouse: click anything.
A preview too long for its panel goes on pages, the notes first and the chat after them: P, a
click on the panel or on its numbered circles turns them; nothing is left out.
Saved plans go to the teacher's own folder (`game.settings.own_plans_dir()`), where setup and
`redflags print guide --plan` find them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import pygame

from game.content.plans import CardFilter, Listed, PlanDraft, PlanFull, PlanMismatch, browse
from game.content.plans import save_plan as write_plan
from game.model.kinds import AgeBand, Tag
from game.settings import own_plans_dir
from game.ui.input import Act, Input
from game.ui.layout import (
    Pages,
    inset,
    page_columns,
    split_cols,
    split_rows,
    take_bottom,
    take_top,
)
from game.ui.scene import Scene
from game.ui.services import N_, ngettext, tr
from game.ui.text import Block, ColumnFit, block_groups
from game.ui.widgets import (
    Button,
    FocusGroup,
    draw_group,
    draw_pips,
    fit_label,
    paint_background,
    panel,
)

if TYPE_CHECKING:
    from game.model.plans import LessonPlan
    from game.ui.app import App

BAND_WORDS = {
    None: N_("All ages"),
    AgeBand.KIDS: N_("Ages 10–12"),
    AgeBand.YOUNG_TEENS: N_("Ages 13–15"),
    AgeBand.OLDER_TEENS: N_("Ages 16–18"),
    AgeBand.ADULTS: N_("Adults"),
}
OPENING = N_(
    "Say what the lesson is about and that nobody has to share anything personal. Agree the "
    "ground rules and show where the help numbers are."
)
CLOSING = N_(
    "Go through the safe moves once more, ask each group for one red flag they will remember "
    "and hand out the help list."
)


class BrowserScene(Scene):
    group: FocusGroup  # made in __init__ (Scene.group is None for scenes without one)
    name = "browser"

    def __init__(self, app: App, draft: PlanDraft | None = None) -> None:
        super().__init__(app)
        self.where = CardFilter(band=app.setup.band)
        self.draft = draft or PlanDraft()
        self.pager = Pages()  # the list's pages
        self.message = ""
        self.preview: Listed | None = None
        blank = ""  # the filters name their choice on layout
        self.band_btn = Button("band", blank, kind="chip", translate=False)
        self.deck_btn = Button("deck", blank, kind="chip", translate=False)
        self.tag_btn = Button("tag", blank, kind="chip", translate=False)
        self.prev_btn = Button("prev", N_("Previous"), kind="quiet")
        self.next_btn = Button("next", N_("Next"), kind="quiet")
        self.save_btn = Button("save", N_("Save plan"), kind="primary", badge="S")
        self.back_btn = Button("back", N_("Back"), kind="quiet", badge="Esc")
        self.rows: list[Button] = []
        self.listed: list[Listed] = []
        self.per_page = 6
        self.preview_pager = Pages()  # the preview's pages, when it has more than one
        self._previewed = ""  # the card whose preview shows (a new one opens on its first page)
        self.group = FocusGroup([], index=0)
        self._refilter()

    # -- data ------------------------------------------------------------------------------

    def _words(self) -> None:
        g = self.app.glossary
        self.band_btn.label = tr("Age group") + ": " + tr(BAND_WORDS[self.where.band])
        deck = next((d for d in self.app.decks if d.id == self.where.deck), None)
        self.deck_btn.label = tr("Deck") + ": " + (deck.info.title if deck else tr("All decks"))
        tag = g.tactic_name(self.where.tag) if self.where.tag else tr("All tactics")
        self.tag_btn.label = tr("Tactic") + ": " + tag

    def _refilter(self) -> None:
        self.listed = browse(self.app.decks, self.where)
        self.pager.index = 0
        self._words()
        if hasattr(self, "list_rect"):
            self.layout(self.app.size)

    def _cycle(self, what: str, step: int) -> None:
        """The next (or previous) band, deck or tactic to show; None (all) comes first."""
        decks = self.app.decks
        found = {t for d in decks for c in d.cards for t in c.tags}
        choices: list[Any] = {
            "band": [None, *AgeBand],
            "deck": [None, *(d.id for d in decks)],
            "tag": [None, *(t for t in Tag if t in found)],
        }[what]
        now = getattr(self.where, what)
        at = choices.index(now) + step if now in choices else 0  # gone: the first (all)
        self.where = replace(self.where, **{what: choices[at % len(choices)]})
        self.message = ""
        self._refilter()

    def _shown(self) -> list[Listed]:
        start = self.pager.index * self.per_page
        return self.listed[start : start + self.per_page]

    def _toggle(self, item: Listed) -> None:
        try:
            self.draft = self.draft.toggle(item.card, prefer=self.where.band)
            self.message = ""
        except PlanFull:
            self.message = N_("A plan has at most 12 cards.")
        except PlanMismatch:
            self.message = N_("This plan is for {band}: choose cards for that age group.")
        self._mark()

    def _mark(self) -> None:
        for row, item in zip(self.rows, self._shown(), strict=False):
            row.selected = self.draft.has(item.card.id)
            n = self.draft.cards.index(item.card.id) + 1 if row.selected else 0
            row.badge = str(n) if n else "+"
        self.save_btn.enabled = self.draft.ready

    # -- geometry --------------------------------------------------------------------------

    def layout(self, size: tuple[int, int]) -> None:
        ui, m = self.ui, self.ui.m
        w, h = size
        area = pygame.Rect(m.pad, m.pad, w - 2 * m.pad, h - 2 * m.pad)
        self.heading, rest = take_top(area, m.heading * 1.3, m.pad * 0.3)
        filters, rest = take_top(rest, max(44, m.body * 2.0), m.pad * 0.6)
        chips = (self.band_btn, self.deck_btn, self.tag_btn)
        for b, r in zip(chips, split_cols(filters, (1, 1.3, 1.3), m.gap), strict=True):
            b.rect = r
        self._one_size(chips)
        bottom, rest = take_bottom(rest, max(44, m.body * 2.2), m.pad * 0.6)
        bw = round(min(w * 0.24, m.body * 8))  # Back, the plan's line, Save
        widths = (bw * 0.7, bottom.w - bw * 1.7 - 2 * m.pad, bw)
        self.back_btn.rect, self.plan_rect, self.save_btn.rect = split_cols(bottom, widths, m.pad)
        self.back_btn.size = self.save_btn.size = m.small
        self.list_rect, self.preview_rect = split_cols(rest, (0.44, 0.56), m.pad)
        pager, rows = take_bottom(self.list_rect, max(40, m.small * 2.0), m.gap)
        turns = [self.prev_btn, self.next_btn]  # a 1.0 : 0.8 : 1.0 share, or what they need
        share = round((pager.w - 2 * m.gap) / 2.8)
        tw = max(fit_label(ui, b, share, pager.h, m.small) for b in turns)
        self.prev_btn.rect, self.page_rect, self.next_btn.rect = split_cols(
            pager, (tw, pager.w - 2 * (tw + m.gap), tw), m.gap
        )
        self._one_size(turns)
        row_h = max(44, m.body * 2.1)
        self.per_page = max(1, int((rows.h + m.gap) // (row_h + m.gap)))
        self.pager.reset(-(-len(self.listed) // self.per_page))
        shown = self._shown()
        self.rows = [
            Button(f"card:{i}", item.card.red_flag, kind="option", translate=False, align="left")
            for i, item in enumerate(shown)
        ]
        for b, r in zip(self.rows, split_rows(rows, [1] * self.per_page, m.gap), strict=False):
            b.rect = r
        # one size for the page's rows (a short title is not larger)
        sizes = [
            ui.fit(b.label, inset(b.rect, b.rect.h * 0.7, 3), size=m.small).size for b in self.rows
        ]
        for b in self.rows:
            b.size = min(sizes)
        self.prev_btn.enabled = self.pager.index > 0
        self.next_btn.enabled = not self.pager.last
        focus = self.group.focused.id if self.group.focused else "band"
        turns = [self.prev_btn, self.next_btn]
        self.group = FocusGroup([*chips, *self.rows, *turns, self.save_btn, self.back_btn])
        self.group.focus_id(focus)
        self._mark()
        if self.preview not in shown:
            self.preview = shown[0] if shown else None

    def _one_size(self, buttons: Sequence[Button]) -> None:
        """One label size for `buttons`: the largest at which each fits on one line."""
        for b in buttons:
            fit_label(self.ui, b, b.rect.w, b.rect.h, self.ui.m.small)
        least = min(b.size or self.ui.m.small for b in buttons)
        for b in buttons:
            b.size = least

    # -- input -----------------------------------------------------------------------------

    def handle(self, inp: Input) -> bool:
        if inp.act is Act.BACK:
            self.app.pop()
            return True
        if inp.act is Act.HOVER:
            hit = self.group.at(inp.pos)
            if hit in self.rows:
                self.preview = self._shown()[self.rows.index(hit)]
            return self.group.set_hover(inp.pos) or hit in self.rows
        focused = self.group.focused
        if inp.act in (Act.LEFT, Act.RIGHT) and focused is not None:
            step = 1 if inp.act is Act.RIGHT else -1
            if focused.id in ("band", "deck", "tag"):
                self._cycle(focused.id, step)
                return True
            if focused in self.rows or focused in (self.prev_btn, self.next_btn):
                self._turn(step)
                return True
        if inp.act is Act.LETTER and inp.text in ("s", "p"):
            return self._letter(inp.text)
        if inp.act is Act.CLICK and self.preview_rect.collidepoint(inp.pos):
            return self._turn_preview(inp.pos)
        routed = self.group.route(inp, self.activate)
        if routed and inp.act in (Act.NEXT, Act.PREV, Act.UP, Act.DOWN):
            if self.group.focused in self.rows:
                self.preview = self._shown()[self.rows.index(self.group.focused)]
        if routed is not None:
            return routed
        return inp.act is Act.PICK

    def _letter(self, letter: str) -> bool:
        """S saves the plan; P turns the preview's page (when it has pages)."""
        if letter == "p":
            return self._turn_preview()
        self.save()
        return True

    def _turn(self, step: int) -> None:
        if self.pager.turn(step):
            self.layout(self.app.size)

    def activate(self, button: Button) -> None:
        if button.id in ("band", "deck", "tag"):
            self._cycle(button.id, 1)
        elif button in self.rows:
            item = self._shown()[self.rows.index(button)]
            self.preview = item
            self._toggle(item)
        elif button is self.prev_btn:
            self._turn(-1)
        elif button is self.next_btn:
            self._turn(1)
        elif button is self.save_btn:
            self.save()
        else:
            self.app.pop()

    def save(self) -> LessonPlan | None:
        """Save the plan in the teacher's folder, choose it for the next game, go back."""
        if not self.draft.ready:
            self.message = N_("A plan needs 4 to 12 cards.")
            return None
        by_id = {c.id: c for d in self.app.decks for c in d.cards}
        cards = [by_id[c] for c in self.draft.cards]
        band = tr(BAND_WORDS[self.draft.band])
        title = tr("My lesson, {band}, {date}").format(band=band, date=dt.date.today().isoformat())
        folder = own_plans_dir()
        taken = [p.stem for p in folder.glob("*.yaml")] if folder.is_dir() else []
        plan = self.draft.to_plan(
            title,
            objectives=[c.takeaway for c in cards[:4]],
            opening=tr(OPENING),
            closing=tr(CLOSING),
            taken=taken,
        )
        try:
            path = write_plan(plan, folder)
        except OSError as exc:
            self.message = tr("Could not save in {folder} ({error}).").format(
                folder=folder, error=exc.strerror or exc
            )
            return None
        self.app.forget_plans()
        self.app.choose_plan(plan)
        self.app.show_toast(tr("Saved as {name}. It is chosen in setup.").format(name=path.name))
        self.app.pop()
        return plan

    # -- drawing ---------------------------------------------------------------------------

    def texts(self) -> tuple[str, ...]:
        """Read aloud: the heading, how many cards are listed and the page; the focused card
        or button is spoken as the focus moves."""
        return (
            tr("Choose cards for a lesson"),
            ngettext("{n} card", "{n} cards", len(self.listed)).format(n=len(self.listed)),
            tr("Page {page} of {pages}").format(page=self.pager.index + 1, pages=self.pager.count),
        )

    def draw(self, surface: pygame.Surface) -> None:
        ui, m, t = self.ui, self.ui.m, self.ui.theme
        paint_background(ui, surface)
        count = ngettext("{n} card", "{n} cards", len(self.listed)).format(n=len(self.listed))
        count_w = ui.engine.layout(count, "body", m.small, 10_000).w
        title = self.heading.copy()
        title.w -= count_w + m.pad  # the heading never runs into the count beside it
        ui.text(surface, tr("Choose cards for a lesson"), title, style="title")
        ui.text(surface, count, self.heading, style="note", align="right")
        draw_group(ui, surface, self.group)
        ui.text(surface, self._page_label(), self.page_rect, style="note", align="center")
        panel(ui, surface, self.preview_rect, t.panel)
        pages = self._preview_pages()
        if pages:
            ui.draw_column(surface, *pages[self.preview_pager.index])
            draw_pips(ui, surface, self.preview_pager.pips, self.preview_pager.index)
        if self.message:
            line, colour = tr(self.message).format(band=tr(BAND_WORDS[self.draft.band])), t.accent
        elif self.draft.cards:
            n = len(self.draft.cards)
            line = ngettext("Your plan: {n} card ({band}).", "Your plan: {n} cards ({band}).", n)
            line = line.format(n=n, band=tr(BAND_WORDS[self.draft.band]))
            if self.draft.missing:
                line += " " + tr("Add {n} more to save it.").format(n=self.draft.missing)
            colour = t.text
        else:
            line = tr("Click a card (or Enter) to put it in your plan: 4 to 12 cards.")
            colour = t.text_muted
        ui.text(surface, line, self.plan_rect, style="note", colour=colour)

    def _page_label(self) -> str:
        """ "Page 1 of 9", or "1/9" when that does not fit on one line beside the buttons."""
        m, r = self.ui.m, self.page_rect
        page, pages = self.pager.index + 1, self.pager.count
        text = tr("Page {page} of {pages}").format(page=page, pages=pages)
        return (
            text
            if self.ui.engine.layout(text, "body", m.small, 10_000).w <= r.w
            else f"{page}/{pages}"
        )

    def _preview_pages(self) -> list[tuple[ColumnFit, pygame.Rect]]:
        """The preview's pages: everything on one page when it fits, else on as many pages as it
        needs, the notes first and the chat after them (it is on the class screen anyway), a
        label kept with what follows it, over a pager. The teacher's screen: the small size
        down to the floor, not the play screens' reading size."""
        item, ui, m, pager = self.preview, self.ui, self.ui.m, self.preview_pager
        if item is None:
            self._previewed = ""
            return []
        if item.card.id != self._previewed:  # a new card opens on its first page
            self._previewed, pager.index = item.card.id, 0
        inner = inset(self.preview_rect, m.pad)
        row, body = take_bottom(inner, m.pip, m.gap)
        pages = [(ui.column(self._preview_blocks(item), inner, m.small), inner)]
        if not pages[0][0].fits:
            chat = [Block(tr("Chat"), role="semi", colour="accent", scale=0.85, gap=0.7)]
            blocks = self._preview_blocks(item, chat=False) + chat + self._chat_blocks(item)
            groups = block_groups(blocks, lambda _: True)
            pages = page_columns(ui, groups, lambda _: body, m.small, m.min_font)
        pager.reset(len(pages))
        pager.place(row, m.pip, m.gap)
        return pages

    def _turn_preview(self, pos: tuple[int, int] | None = None) -> bool:
        """P or a click on the preview: its next page (round to the first), or the one clicked."""
        pager = self.preview_pager
        self._preview_pages()
        hit = pager.at(pos) if pos else -1
        pager.go(hit if hit >= 0 else (pager.index + 1) % pager.count)
        return pager.paged

    def _chat_blocks(self, item: Listed) -> list[Block]:
        blocks = []
        for msg in item.card.chat:
            who = f"{msg.name}: " if msg.name else ("— " if msg.sender.value == "you" else "")
            blocks.append(Block(f"{who}{msg.text}", role="italic", scale=0.9, gap=0.25))
        return blocks

    def _preview_blocks(self, item: Listed, chat: bool = True) -> list[Block]:
        """The card and its notes, the chat after the setup line (`chat`) or left out."""
        card, g = item.card, self.app.glossary
        label = Block("", role="semi", colour="accent", scale=0.85, gap=0.7)
        bands = ", ".join(tr(BAND_WORDS[b]) for b in card.age_bands)
        tags = ", ".join(g.tactic_name(tag) for tag in card.tags)
        blocks = [
            Block(card.red_flag, role="bold", scale=1.15),
            Block(f"{item.deck.info.title}  ·  {bands}", colour="text_muted", scale=0.85, gap=0.2),
            Block(tr("Tactic") + ": " + tags, colour="text_muted", scale=0.85, gap=0.1),
            Block(card.setup, gap=0.7),
        ]
        if chat:
            blocks += self._chat_blocks(item)
        blocks.append(label._replace(text=tr("Safe move")))
        blocks.append(Block(g.move(card.safe_move).name, role="bold", gap=0.2))
        blocks.append(label._replace(text=tr("Ask the group")))
        blocks += [Block(f"•  {q}", gap=0.25) for q in card.discuss]
        if card.facilitator_tip:
            blocks.append(label._replace(text=tr("Tip")))
            blocks.append(Block(card.facilitator_tip, role="italic", gap=0.2))
        return blocks
