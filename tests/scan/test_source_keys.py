"""Keys the scan reads (``retention``) are accepted by every connector's strict key check."""

from fouille.scanner.core.config import validate_source
from fouille.scanner.engine.sources import build_connector


def test_chatlogs_and_s3_sources_accept_a_retention_rule(tmp_path):
    rule = {"field": "ts", "keep": "chats"}
    chat = validate_source({"type": "chatlogs", "name": "chat", "paths": [str(tmp_path)], "retention": rule})
    s3 = validate_source({"type": "s3", "name": "bucket", "bucket": "exports", "retention": rule,
                          "endpoint_url": "http://127.0.0.1:9"})
    assert build_connector(chat, str(tmp_path)).name == "chat"
    assert build_connector(s3, str(tmp_path)).name == "bucket"
