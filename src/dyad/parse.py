"""Stage ``nlp``: the one spaCy parse of a document, and its body sentences."""

from __future__ import annotations

from dataclasses import replace

from dyad.model import Analysis
from dyad.nlp import body_sentences, load_pipeline, parse
from dyad.options import Options
from dyad.stage import Stage


@Stage.define("nlp", requires={"document"}, assigns={"parse", "sentences"})
def STAGE(analysis: Analysis, options: Options) -> Analysis:
    nlp = load_pipeline(options.model_candidates())
    doc = parse(nlp, analysis.document)
    return replace(analysis, parse=doc, sentences=body_sentences(doc, analysis.document))
