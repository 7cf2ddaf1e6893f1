"""Ingestion: read articles from files, folders, standard input and JSON Lines into documents."""

from dyad.ingest.readers import (
    Item,
    count_articles,
    doc_id,
    iter_documents,
    make_document,
    read_path,
    read_stream,
)

__all__ = ["Item", "count_articles", "doc_id", "iter_documents", "make_document", "read_path", "read_stream"]
