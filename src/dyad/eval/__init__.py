"""Evaluation: dyad's output scored against gold annotations by the code that users run (``dyad eval``).

- :mod:`dyad.eval.timeml` reads TimeML ``.tml`` files: text, document creation time and gold TIMEX3s.
- :mod:`dyad.eval.scoring` scores predicted time expressions against gold ones, TempEval-3 Task A style.
- :mod:`dyad.eval.time` runs the time stage on gold documents and pools the scores.
"""

from dyad.eval.floors import FloorFailure
from dyad.eval.scoring import TimeScores, below_floors, read_floors, score_document
from dyad.eval.time import evaluate_time
from dyad.eval.timeml import GoldTimex, TimeMLDocument, iter_timeml, parse_timeml, read_timeml

__all__ = [
    "FloorFailure",
    "GoldTimex",
    "TimeMLDocument",
    "TimeScores",
    "below_floors",
    "evaluate_time",
    "iter_timeml",
    "parse_timeml",
    "read_floors",
    "read_timeml",
    "score_document",
]
