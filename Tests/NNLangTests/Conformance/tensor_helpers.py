# test_eq / test_near / test_near_zero
test_eq(tensor([1, 2]), tensor([1, 2]))
test_eq(3, 3)
test_eq(zeros(2, 3).shape, (2, 3))
test_near(tensor([1., 2.]), tensor([1.0001, 2.0002]))
test_near(1.0, tensor(1.0000001))
test_near_zero(tensor([1e-4, -1e-5]))
test_near_zero(tensor(0.05), tol=0.1)
print("passed")
try:
    test_eq(tensor([1, 2]), tensor([1, 3]))
except AssertionError as e:
    print("AssertionError:", e)
try:
    test_eq([1, 2], [1, 2, 3])
except AssertionError as e:
    print("AssertionError:", e)
try:
    test_near(tensor([1., 2.]), tensor([1.1, 2.]))
except AssertionError as e:
    print("AssertionError:", e)
try:
    test_near_zero(tensor([0.5, 0.]))
except AssertionError as e:
    print("AssertionError:", e)
try:
    test_eq(tensor([1, 2]), tensor([[1, 2]]))
except AssertionError as e:
    print("AssertionError:", e)
