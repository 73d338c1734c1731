"""The layout vocabulary of game/ui/layout.py: stack, row, flow, the spacing scale, and the one
paginator (`paginate`, `chunk`, `Pages`) the paged screens share."""

from __future__ import annotations

import pygame

from game.ui.input import Act, Input
from game.ui.layout import Metrics, Pages, chunk, flow, in_row, paginate, stack


def test_stack_gives_the_flexible_rows_what_is_left() -> None:
    a, b, c = stack(pygame.Rect(0, 0, 100, 100), [20, None, 30], 5)
    assert (a.y, a.h) == (0, 20) and (b.y, b.h) == (25, 40) and (c.y, c.h) == (70, 30)


def test_in_row_places_boxes_left_centre_or_right() -> None:
    rect = pygame.Rect(0, 0, 100, 10)
    assert [r.x for r in in_row(rect, [20, 20], 10)] == [0, 30]
    assert [r.x for r in in_row(rect, [20, 20], 10, "right")] == [50, 80]
    assert [r.x for r in in_row(rect, [20, 20], 10, "center")] == [25, 55]


def test_flow_wraps_items_onto_lines() -> None:
    assert flow([40, 40, 40, 200], 100, 10) == [[0, 1], [2], [3]]
    assert flow([], 100, 10) == []


def test_the_spacing_scale_grows() -> None:
    m = Metrics(1024, 768)
    steps = [m.space(k) for k in range(7)]
    assert steps == sorted(steps) and steps[3] == m.gap and steps[4] == m.pad


def test_paginate_keeps_groups_whole_and_leaves_nothing_out() -> None:
    groups = [["a", "b"], ["c"], ["d", "e", "f"], ["g" * 9]]
    boxes = paginate(groups, lambda _, items: sum(map(len, items)) <= 4)
    assert boxes == [["a", "b", "c"], ["d", "e", "f"], ["g" * 9]]
    assert [x for box in boxes for x in box] == [x for g in groups for x in g]
    assert chunk(boxes, 2) == [boxes[:2], boxes[2:]]


def test_an_empty_group_starts_a_new_box() -> None:
    """A column break: the facilitator intro's right panel starts in a column of its own."""
    boxes = paginate([["a"], [], ["b"], ["c"]], lambda _, items: len(items) <= 4)
    assert boxes == [["a"], ["b", "c"]]


def test_pages_turn_within_their_count() -> None:
    pages = Pages()
    pages.reset(3)
    assert pages.paged and pages.turn(1) and pages.index == 1
    assert pages.turn(5) and pages.last and not pages.turn(1)
    assert not pages.go(7) and pages.go(0) and not pages.turn(-1)
    pages.reset(1)
    assert pages.index == 0 and not pages.paged


def test_pages_turn_with_left_right_and_their_circles() -> None:
    pages = Pages()
    pages.reset(3)
    pages.place(pygame.Rect(0, 0, 300, 44), 44, 10)
    assert pages.key(Input(Act.RIGHT)) and pages.index == 1
    assert pages.key(Input(Act.CLICK, pos=pages.pips[2].center)) and pages.index == 2
    assert not pages.key(Input(Act.CLICK, pos=(1, 1))) and not pages.key(Input(Act.UP))
    pages.reset(1)
    assert not pages.key(Input(Act.LEFT)), "one page: Left/Right stay the scene's"
