"""Coverage an analyst can act on: what the text shows beside what was extracted from it.

A loader that misses a layout fails silently: the document loads, with no lead and no
people. So every extraction carries counts of the evidence its text holds (role words such
as 牵头 and 配合, names written beside a post or in a people field, numbers with a unit)
beside the facts found, and a ``review`` list naming each mismatch an analyst should look
at. The load line prints them; ``extract --format json`` carries them.
"""

from __future__ import annotations

from policykg.loaders import lexicon
from policykg.loaders.document import Document
from policykg.loaders.numbers import find_quantities
from policykg.loaders.people import names_beside_posts
from policykg.loaders.types import Coverage, Extraction

#: A text saying a role word this many times with no such role extracted is flagged for review.
ROLE_WORDS_FOR_REVIEW = 3
#: Names seen beside posts with none extracted as people: flagged from this many on.
NAMES_FOR_REVIEW = 3
#: Figures kept below this share of the numbers with a unit in the text: flagged (from 10 numbers on).
FIGURE_SHARE_FOR_REVIEW = 0.3


def coverage(doc: Document, extraction: Extraction) -> Coverage:
    """Counts of evidence and facts for one document, and what to review."""
    text = doc.text
    lead_words = sum(text.count(w) for w in lexicon.words("roles.lead_words_seen"))
    support_words = sum(text.count(w) for w in lexicon.words("roles.support_words_seen"))
    leads = sum(len(t.lead) for t in extraction.tasks)
    supports = sum(len(t.support) for t in extraction.tasks)
    names = {name for name, _ in names_beside_posts(text)}
    people = {p for t in extraction.tasks for p in t.people}
    figures_seen = sum(1 for q in find_quantities(text) if q.unit)
    cov = Coverage(lead_words=lead_words, support_words=support_words, leads=leads, supports=supports,
                   names_seen=len(names | people), people=len(people), figures_seen=figures_seen,
                   figures=len(extraction.targets))
    if lead_words >= ROLE_WORDS_FOR_REVIEW and leads == 0:
        cov.review.append(f"the text says a lead word {lead_words} times and no lead was found")
    if support_words >= ROLE_WORDS_FOR_REVIEW and supports == 0 and leads:
        cov.review.append(f"the text says a support word {support_words} times and no supporting unit was found")
    if len(names) >= NAMES_FOR_REVIEW and not people:
        cov.review.append(f"{len(names)} names stand beside a post and no person was found")
    if figures_seen >= 10 and len(extraction.targets) < FIGURE_SHARE_FOR_REVIEW * figures_seen:
        cov.review.append(f"{len(extraction.targets)} figures kept of {figures_seen} numbers with a unit")
    return cov
