"""``Linter``: a document's checks share one context, which a caller may read after."""

from __future__ import annotations

import pytest

from translint import Linter


def test_a_context_given_to_check_document_holds_what_the_checks_found() -> None:
    linter = Linter.from_paths(None, lang="en")
    document = linter.make_document("Talks in Kiev. Later, in Kyiv, Mr Blorvik spoke.\n")
    context = linter.context(document)
    findings = linter.check_document(document, context)
    assert findings == linter.check_document(document)  # the same as without one
    assert "form_matches" in vars(context)  # the name checks filled it: read, not redone
    assert sorted(match.form for match in context.form_matches) == ["Kiev", "Kyiv"]
    assert context.names["Mr Blorvik"] == 1


def test_a_context_of_another_document_is_refused() -> None:
    linter = Linter.from_paths(None, lang="en")
    context = linter.context(linter.make_document("Kiev.\n"))
    with pytest.raises(ValueError, match="another document"):
        linter.check_document(linter.make_document("Kyiv.\n"), context)
