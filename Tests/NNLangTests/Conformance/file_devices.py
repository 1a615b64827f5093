# open() on a file that is not a regular one: /dev/null reads as empty and takes writes, and
# stays a device (it is opened where it lies, never replaced by a new file).
with open("/dev/null") as f:
    print(repr(f.read()), f.readlines())
with open("/dev/null", "w") as f:
    f.write("dropped\n")
with open("/dev/null", "a") as f:
    f.write("dropped too\n")
print(repr(open("/dev/null").read()), open("/dev/null").readlines())
for mode in ("r", "w", "a"):
    try:
        open("/nonexistent-nnbook-folder/x.txt", mode)
    except FileNotFoundError as e:
        print(mode, "FileNotFoundError:", e)
