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


def test_speakers_are_also_scored_on_quotes_matched_by_any_overlap() -> None:
    text = "Ruiz said the bridge will close in May and the ferry will run all summer."
    gold = GoldArticle("a.ann", text, None, (GoldQuote((Span(10, 73),), None, Span(0, 4)),))
    # dyad finds only the first clause: too little for a Jaccard of 0.5, but it overlaps, with the right speaker
    predicted = [Predicted((Span(10, 38),), (Span(0, 4),), direct=False)]
    scores = QuoteScores()
    score(gold, text, predicted, scores)
    metrics = scores.metrics()
    assert metrics["content_f1"] == 0.0 and metrics["end_to_end_f1"] == 0.0
    assert metrics["speaker_accuracy_any"] == 1.0 and metrics["end_to_end_f1_any"] == 1.0
