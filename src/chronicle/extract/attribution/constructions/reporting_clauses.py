"""Reporting clauses set inside what they report: '"...," he said' parsed with the quotation as
the head, "As the experts have pointed out, X is ...", "The two nations, Xi said, now have ..."."""

from __future__ import annotations

from spacy.tokens import Token

from chronicle.extract.attribution.quotes import is_quote_mark


def as_clause(verb: Token) -> bool:
    """'..., as police have said' / 'As X pointed out, ...': a reporting clause marked by "as"."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def reports_main_clause(verb: Token) -> bool:
    """Whether the verb's clause hangs on the clause it reports."""
    return (verb.dep_ in ("parataxis", "ccomp") or as_clause(verb)) and verb.head is not verb


def main_clause_tokens(verb: Token) -> list[Token]:
    """What was said, when the reporting clause hangs on it: the main clause without it."""
    clause = {t.i for t in verb.subtree}
    return [t for t in verb.head.subtree if t.i not in clause]


def parenthetical_prefix(verb: Token, subj: Token) -> list[Token]:
    """Words before a reporting clause set off by commas: 'The two nations, Xi said, now have'.

    PolNeAR's content then runs around the clause, so the opening part of the sentence is
    returned to be added to the content (empty when the clause starts its sentence)."""
    doc = verb.doc
    left = min(subj.left_edge.i, verb.i)
    sent_start = verb.sent.start
    if left <= sent_start + 1 or doc[left - 1].text != ",":
        return []
    after = verb.i + 1
    while after < len(doc) and doc[after].dep_ in ("advmod", "npadvmod") and doc[after].head.i == verb.i:
        after += 1
    if after >= len(doc) or doc[after].text != ",":
        return []
    prefix = list(doc[sent_start : left - 1])
    if any(is_quote_mark(t) for t in prefix) or any(t.dep_ == "mark" and t.head.i == verb.i for t in prefix):
        return []
    return prefix
