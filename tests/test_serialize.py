"""`--format json` of a brief: plain JSON, ISO dates, the analysis keys per story."""

import json

from briefgen.rendering.serialize import brief_to_dict
from builders import sample_brief


def test_brief_json_round_trips_with_iso_dates_and_failures():
    data = brief_to_dict(sample_brief(2, failures=1))
    assert json.loads(json.dumps(data)) == data
    assert data["date"] == "2025-03-11"
    assert data["stories"][0]["quotes"][0]["speaker"] == "Ada Okafor"
    assert {"title", "url", "source", "published", "summary", "participants"} <= data["stories"][0].keys()
    assert data["failures"] == [{"path": "inbox/bad-0.txt", "reason": "not valid text (binary file)"}]


def test_every_line_of_a_one_article_item_names_that_article():
    data = brief_to_dict(sample_brief(2))
    story = data["stories"][0]
    for line in story["summary"] + story["quotes"] + story["participants"]:
        assert {k: line[k] for k in ("path", "url", "outlet", "published")} == {
            "path": story["path"], "url": story["url"], "outlet": story["source"], "published": story["published"]}
