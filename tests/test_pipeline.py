from __future__ import annotations

from dataclasses import replace

import pytest

from dyad import actors, events, parse, time
from dyad.errors import PipelineError
from dyad.ingest import make_document
from dyad.model import Analysis
from dyad.options import Options
from dyad.pipeline import DEFAULT_STAGES, Pipeline
from dyad.stage import Stage
from tests.conftest import ARTICLE


def test_default_stages_run_in_dependency_order() -> None:
    assert Pipeline().names == ("nlp", "time", "actors", "places", "quotes", "events")


def test_stage_missing_its_inputs_is_refused() -> None:
    with pytest.raises(PipelineError, match="'events' requires actors, locatings, places"):
        Pipeline([parse.STAGE, time.STAGE, events.STAGE])
    with pytest.raises(PipelineError, match="'actors' requires datings, parse, sentences, timexes"):
        Pipeline([actors.STAGE, parse.STAGE])


def test_every_stage_adds_its_layers() -> None:
    analysis = Pipeline()(make_document(ARTICLE, "<text>", Options()), Options())
    expected = {"document"} | {layer for stage in DEFAULT_STAGES for layer in stage.assigns}
    assert analysis.layers == expected


def test_a_custom_stage_can_be_added_after_the_ones_it_needs() -> None:
    @Stage.define("count", requires={"actors"}, assigns={"actor_count"})
    def count(analysis: Analysis, options: Options) -> Analysis:
        return replace(analysis, actors=analysis.actors[:1])

    analysis = Pipeline([*DEFAULT_STAGES, count])(make_document(ARTICLE, "<text>", Options()), Options())
    assert len(analysis.actors) == 1 and "actor_count" in analysis.layers


def test_full_pipeline_codes_the_signing_and_the_officials_report_without_inventing_a_speaker() -> None:
    analysis = Pipeline()(make_document(ARTICLE, "<text>", Options()), Options())
    assert "SUPPORT" in [e.event for e in analysis.events]  # the signing of the accord
    said, called = analysis.quotes
    assert (said.quote_type, said.speaker) == ("indirect", None)  # "..., officials said": no one named
    assert called.speaker is not None and called.speaker.name == "Murat Nurtleu"  # "called the accord ..."
