"""dyad: event data from news and analysis articles.

>>> import dyad
>>> analysis = dyad.extract("Kazakhstan's foreign minister visited Beijing on Monday.", date="2025-03-14")

See :func:`dyad.extract`, :func:`dyad.process` and :class:`dyad.Options`.
"""

from dyad.api import analyze, extract, process
from dyad.errors import DyadError, InputError
from dyad.model import Actor, Analysis, Document, Event, Mention, Place, Quote, Span, TimeValue
from dyad.options import Options
from dyad.pipeline import Pipeline
from dyad.serialize import records

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Analysis",
    "Document",
    "DyadError",
    "Event",
    "InputError",
    "Mention",
    "Options",
    "Pipeline",
    "Place",
    "Quote",
    "Span",
    "TimeValue",
    "__version__",
    "analyze",
    "extract",
    "process",
    "records",
]
