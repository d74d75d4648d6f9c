"""Traditional script and mirrors' pinyin, read through a folded copy with spans kept on the text shown."""

from __future__ import annotations

from policykg.loaders import extract_text
from policykg.ontology.script import fold, is_traditional

# A line of a Guangzhou notice as a mirror site serves it (realgold 15): traditional characters with the
# pinyin of some inserted after them.
MIRRORED = "(一)加快建設(shè)東部、花都、南沙三大汽車產(chǎn)業(yè)基地。(牽頭單位:市經(jīng)貿(mào)委;配合單位:市發(fā)改委、規(guī)劃局)"


def test_the_folded_copy_is_simplified_without_pinyin_and_maps_back() -> None:
    folded = fold(MIRRORED)
    assert "(shè)" not in folded.text and "牵头单位:市经贸委" in folded.text
    at = folded.text.index("市经贸委")
    a, b = folded.to_display(at, at + len("市经贸委"))
    assert MIRRORED[a:b] == "市經(jīng)貿(mào)委"  # the document's own spelling, pinyin and all


def test_a_simplified_text_is_left_alone() -> None:
    text = "加快建设东部汽车产业基地,推动乾隆年间古建筑保护。(牵头单位:市经贸委)"
    assert not is_traditional(text)
    folded = fold(text)
    assert folded.text == text and folded.identity


def test_roles_of_a_traditional_text_are_found_and_written_as_the_document_writes_them() -> None:
    task = extract_text(MIRRORED).tasks[0]
    assert task.lead == ["市經(jīng)貿(mào)委"]
    assert task.support == ["市發(fā)改委", "規(guī)劃局"]
    assert task.text.startswith("加快建設(shè)東部")  # the task's text is the document's, not the folded copy


def test_traditional_scale_words_are_read() -> None:
    figures = extract_text("二〇一六年工作要點\n1.技術合同成交額達到150億元。").targets
    assert [(t.value, t.unit) for t in figures] == [(15_000_000_000, "元")]
