import tempfile
from pathlib import Path
# A folder of this run's own, so two test runs at once never share one.
root = Path(tempfile.mkdtemp(prefix="nnbook_conformance_pathlib_"))
R = str(root)
print(R.startswith(tempfile.gettempdir() + "/nnbook_conformance_pathlib_"), root.is_absolute(), list(root.iterdir()))
(root / "sub" / "deep").mkdir(parents=True, exist_ok=True)
(root / "w.txt").unlink(missing_ok=True)
(root / "a.txt").write_text("hello\nworld\n")
(root / "b.csv").write_text("1,2\n")
(root / "sub" / "c.txt").write_text("inner")
(root / "sub" / "deep" / "d.txt").write_text("deepest")
q = root / "a.txt"
print(str(q).replace(R, "ROOT"), repr(q).replace(R, "ROOT"), q.name, q.stem, q.suffix, q.parent == root, q.exists(), q.is_file(), q.is_dir(), root.is_dir())
print(q.read_text().splitlines(), Path("a/b.tar.gz").suffixes, Path("a/b.tar.gz").stem, Path("noext").suffix)
print(sorted(p.name for p in root.iterdir()), sorted(p.name for p in root.glob("*.txt")))
print(sorted(str(p.relative_to(root)) for p in root.glob("**/*.txt")), sorted(p.name for p in root.rglob("*.txt")))
print(Path("x") / "y" / "z.png", "pre" / Path("x"), Path("a/b").parts, Path("/a/b").parts, Path(), Path("a//b/./c/"))
print(Path("/a/b/c").parent.parent, Path("a.txt").with_suffix(".md"), Path("d/a.txt").with_name("b.py"), Path("/x").is_absolute())
print(type(q).__name__, isinstance(q, Path), str(q) == R + "/a.txt", Path("a") == Path("a/"), sorted([Path("b"), Path("a")]))
with open(q) as f:
    print(f.read().split())
with open(root / "w.txt", "w") as f:
    f.write("line1\n")
    f.write("line2\n")
with open(root / "w.txt", "a") as f:
    f.write("line3\n")
print(open(root / "w.txt").readlines(), [line.strip() for line in open(str(root / "w.txt"))])
print((root / "missing").exists(), Path(R + "/sub/deep/d.txt").read_text())
try:
    (root / "missing.txt").read_text()
except FileNotFoundError as e:
    print("FileNotFoundError:", str(e).replace(R, "ROOT"))
try:
    open(root / "nope.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", str(e).replace(R, "ROOT"))
try:
    (root / "sub").mkdir()
except FileExistsError as e:
    print("FileExistsError:", str(e).replace(R, "ROOT"))
try:
    (root / "sub").rmdir()
except OSError as e:
    print(type(e).__name__, str(e).replace(R, "ROOT"))
# Leave nothing behind: files first, then the folders, deepest first.
for p in sorted(root.rglob("*"), key=lambda p: -len(p.parts)):
    if p.is_file():
        p.unlink()
    else:
        p.rmdir()
root.rmdir()
print(root.exists())
