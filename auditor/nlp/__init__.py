"""spaCy components that find quotations, attributions, speakers and source types.

Each component stores only plain, msgpack-safe values (lists of dicts) on ``Doc._`` so
``nlp.pipe(n_process=N)`` works; :func:`auditor.analysis.analysis_from_doc` turns them into
the dataclasses of :mod:`auditor.model`.
"""
