data = {"users": [{"name": "ann", "tags": ["a", "b"], "score": 9.5}, {"name": "bo", "tags": [], "score": 7.25}]}
print(data)
for u in data["users"]:
    print(u["name"], len(u["tags"]), f"{u['score']:.1f}")
data["users"][1]["tags"].append("new")
print(data["users"][1])
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid, [row[1] for row in grid], [grid[i][i] for i in range(3)], list(zip(*grid)))
flat = [v for row in grid for v in row]
print(flat, sum(flat), max(flat))
groups = {}
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(w[0], []).append(w)
print(groups)
pairs = [(k, v) for k, v in sorted(groups.items())]
print(pairs[0], len(pairs))
t = ((1, 2), (3, (4, 5)))
print(t[1][1][0], t)
