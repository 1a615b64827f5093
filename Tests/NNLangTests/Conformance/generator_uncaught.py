# an error inside a generator propagates to the consumer with the generator's frame
def bad(xs):
    for x in xs:
        yield 10 // x

total = 0
for v in bad([5, 2, 0, 1]):
    total += v
    print(total)
