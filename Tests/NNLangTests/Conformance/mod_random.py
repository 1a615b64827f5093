# random: CPython's Mersenne Twister, bit-exact for int seeds.
import random
random.seed(0)
print(random.random(), random.random())
random.seed(42)
print(random.randint(1, 6), random.randint(-100, 100), random.randrange(10), random.randrange(5, 50, 5))
print(random.choice("abcdefg"), random.choice([10, 20, 30]), random.uniform(2.0, 3.0))
xs = list(range(12))
random.shuffle(xs)
print(xs)
print(random.sample(range(100), 6), random.sample("abcdef", 3), sorted(random.sample(range(1000), 30))[:5])
print(random.gauss(0, 1), random.gauss(10, 2), random.gauss(0, 1))
random.seed(2 ** 40 + 123)
print(random.getrandbits(8), random.getrandbits(40), random.random())
random.seed(-7)
a = random.random()
random.seed(7)
print(a == random.random())
random.seed(123)
print([random.randint(0, 9) for _ in range(15)])
state = [random.random() for _ in range(3)]
random.seed(123)
[random.randint(0, 9) for _ in range(15)]
print(state == [random.random() for _ in range(3)])
try:
    random.choice([])
except IndexError as e:
    print("IndexError:", e)
try:
    random.randint(5, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    random.sample(range(3), 5)
except ValueError as e:
    print("ValueError:", e)
