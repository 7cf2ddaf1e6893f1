"""Scoring quotes against brat attribution gold."""

from __future__ import annotations

from dyad.eval.quotes import GoldArticle, GoldQuote, Predicted, QuoteScores, score
from dyad.model import Span


def test_each_kind_is_scored_on_dyads_quotes_of_that_kind_and_the_golds_of_that_kind() -> None:
    text = "“We will stay,” she said. “The talks go on,” she added."
    first = GoldQuote((Span(0, 15),), None, Span(16, 19))
    second = GoldQuote((Span(26, 44),), None, Span(45, 48))
    gold = GoldArticle("a.ann", text, None, (first, second))
    predicted = [
        Predicted((Span(0, 15),), (Span(16, 19),), direct=True),
        Predicted((Span(26, 44),), (Span(45, 48),), direct=False),  # read as reported speech
    ]
    scores = QuoteScores()
    score(gold, text, predicted, scores)
    metrics = scores.metrics()
    assert all(0.0 <= value <= 1.0 for value in metrics.values())
    # direct: 1 of dyad's 1 direct quote right, 2 of 2 direct gold quotes found -> F1 1.0
    assert metrics["direct_f1"] == 1.0
    # indirect: dyad's one indirect quote matched a direct gold quote; there is no indirect gold
    assert metrics["indirect_f1"] == 0.0
