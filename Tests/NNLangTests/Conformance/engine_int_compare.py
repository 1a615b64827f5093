# Int comparisons in conditions: each of the six ordering operators, against a literal, between
# two locals and on a global, for values below, equal to and above (the VM decides these
# without the generic comparison).

def against_literal(x):
    out = []
    if x == 2: out.append("==")
    if x != 2: out.append("!=")
    if x < 2: out.append("<")
    if x <= 2: out.append("<=")
    if x > 2: out.append(">")
    if x >= 2: out.append(">=")
    return " ".join(out)

def between_locals(x, y):
    out = []
    if x == y: out.append("==")
    if x != y: out.append("!=")
    if x < y: out.append("<")
    if x <= y: out.append("<=")
    if x > y: out.append(">")
    if x >= y: out.append(">=")
    return " ".join(out)

for x in (-5, 1, 2, 3, 2**62, -2**62 - 5):
    print(x, "|", against_literal(x), "|", between_locals(x, 2), "|", between_locals(2, x))

g = 0
hits = 0
while g < 10:
    if g >= 7:
        hits += 1
    g += 1
print(g, hits)
nan = float("nan")
print(between_locals(nan, nan), "|", between_locals(1.5, nan), "|", between_locals(True, 1))
