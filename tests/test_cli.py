from kg.cli import main


def test_help_lists_commands(capsys):
    assert main([]) == 2
    out = capsys.readouterr().out
    for name in ("extract", "build", "query", "serve", "viz", "export"):
        assert name in out
