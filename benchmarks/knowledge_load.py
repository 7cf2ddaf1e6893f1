"""Loading dyad's shipped actor knowledge: time and memory, against loading the spaCy pipeline in the same run.

    .venv/bin/python -m benchmarks.knowledge_load

Targets: under 1 s and under 200 MB for the actor knowledge (actors issue); under 2 s and under 300 MB for the
place gazetteer (places issue). Each part runs in a fresh process so that
nothing is cached; memory is the growth of the process's peak resident size.
"""

from __future__ import annotations

import json
import subprocess
import sys

_PROBE = """
import json, resource, time
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
{body}
seconds = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"seconds": seconds, "mb": (after - before) / 1024}}))
"""
_PARTS = {
    "spaCy pipeline": "from dyad.nlp import load_pipeline\nfrom dyad.options import Options\n"
    "load_pipeline(Options().model_candidates())",
    "actor knowledge": "from dyad.knowledge.actors import shipped, validate\nkb = shipped()\nassert not validate(kb)",
    "actor recogniser, with the place gazetteer (after the pipeline)": "from dyad.actors import recognizer\nfrom dyad.knowledge.actors import shipped\n"
    "from dyad.nlp import load_pipeline\nfrom dyad.options import Options\n"
    "nlp = load_pipeline(Options().model_candidates())\n"
    "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\nstart = time.perf_counter()\n"
    "recognizer(shipped(), nlp)",
    "place gazetteer (after the actor knowledge)": "from dyad.knowledge.actors import shipped\n"
    "from dyad.knowledge.places import gazetteer\nkb = shipped()\n"
    "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\nstart = time.perf_counter()\n"
    "gazetteer(kb)",
}


def main() -> int:
    results = {}
    for name, body in _PARTS.items():
        out = subprocess.run(
            [sys.executable, "-c", _PROBE.format(body=body)], capture_output=True, text=True, check=True
        )
        results[name] = json.loads(out.stdout.strip().splitlines()[-1])
    base = results["spaCy pipeline"]["seconds"]
    sys.stdout.write(f"{'part':64} {'seconds':>8} {'vs spaCy load':>14} {'MB':>7}\n")
    for name, r in results.items():
        sys.stdout.write(f"{name:64} {r['seconds']:8.3f} {r['seconds'] / base:14.1%} {r['mb']:7.1f}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
