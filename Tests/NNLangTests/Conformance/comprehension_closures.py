fs = [lambda: i for i in range(3)]
print([f() for f in fs])
gs = [lambda x, i=i: x + i for i in range(3)]
print([g(10) for g in gs])
print([[(lambda: j)() for j in range(2)] for _ in range(2)])
