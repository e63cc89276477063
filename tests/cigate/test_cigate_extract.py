"""Pieces per file type: string literals of code, lines and hinted values of data files."""

from fouille.scanner.cigate.extract import pieces, split_lines
from fouille.scanner.cigate.literals import python_literals, regex_literals


def texts(rel_path, text):
    return [(p.line, p.col, p.text, p.hint) for p in pieces(rel_path, text, split_lines(text))]


def test_python_literals_only_with_exact_positions():
    source = 'x = 1  # mail@example.com\nname = "abc"\nlong = """one\n  two"""\n'
    found = texts("a.py", source)
    assert (2, 7, '"abc"', None) in found
    assert (3, 7, '"""one', None) in found
    assert (4, 0, '  two"""', None) in found
    assert not any("mail@" in t for _, _, t, _ in found)  # comments are not literals


def test_python_that_does_not_tokenize_falls_back_to_quotes():
    assert [lit for _, lit in python_literals('x = "ok"\ny = (\n')] == ['"ok"']


def test_c_like_literals_skip_comments():
    source = '// "not me"\nconst a = "yes"; /* \'no\' */ let b = `tpl\nline`;\n'
    literals = [lit for _, lit in regex_literals(source, ".js")]
    assert literals == ['"yes"', "`tpl\nline`"]
    found = texts("a.js", source)
    assert (2, 10, '"yes"', None) in found and (3, 0, "line`", None) in found


def test_hash_comment_languages():
    assert [lit for _, lit in regex_literals("# 'no'\nx = 'yes'\n", ".rb")] == ["'yes'"]
    assert [lit for _, lit in regex_literals("// \"no\"\n# 'no'\n$x = 'yes';\n", ".php")] == [
        "'yes'"
    ]


def test_csv_cells_carry_their_header_hint():
    found = texts("data/c.csv", "id;nom;email\n1;Dupont;d@example.com\n")
    assert (2, 2, "Dupont", "PERSON") in found
    assert (2, 9, "d@example.com", "EMAIL_ADDRESS") in found
    assert (2, 0, "1;Dupont;d@example.com", None) in found  # the whole line too


def test_json_and_yaml_values_carry_their_key_hint():
    found = texts("c.jsonl", '{"id": 1, "prenom": "Léa", "comment": "x"}\n')
    assert (1, 21, "Léa", "PERSON") in found
    assert not any(hint is None and text == "x" for _, _, text, hint in found)
    found = texts("s.yaml", "contact:\n  telephone: '01 99 00 12 34'\n")
    assert (2, 14, "01 99 00 12 34", "PHONE_NUMBER") in found


def test_crlf_lines_lose_their_carriage_return():
    assert texts("n.txt", "a\r\nb\r\n") == [(1, 0, "a", None), (2, 0, "b", None)]
