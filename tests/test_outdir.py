import pytest

from framing.errors import OutputError
from framing.outdir import MARKER, staged_output


def test_failed_run_leaves_previous_output(tmp_path):
    out = tmp_path / "reports"
    with staged_output(out) as folder:
        (folder / "index.md").write_text("first")
    with pytest.raises(RuntimeError):
        with staged_output(out) as folder:
            (folder / "index.md").write_text("half")
            raise RuntimeError("disk full")
    assert (out / "index.md").read_text() == "first" and (out / MARKER).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]


def test_foreign_folder_needs_force(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_text("precious")
    with pytest.raises(OutputError, match="not made by framing"):
        with staged_output(out):
            pass
    assert (out / "thesis.docx").read_text() == "precious"
    with staged_output(out, force=True) as folder:
        (folder / "index.md").write_text("x")
    assert not (out / "thesis.docx").exists()
