# tensor(): nested lists, dtype inference, dtype=, requires_grad=
print(tensor([1, 2, 3]))
print(tensor([1., 2, 3]))
print(tensor([True, False]))
print(tensor([[1, 2], [3, 4]], dtype=float32))
print(tensor(3.5), tensor(7), tensor(True))
print(tensor([]))
print(tensor([[1.5, 2.25], [3.0, -4.125]]))
print(tensor((1, 2, 3)).dtype, tensor([1.5]).dtype, tensor([False]).dtype)
print(tensor([tensor(1.), tensor(2.)]))
print(tensor([1., 2.], requires_grad=True))
try:
    tensor([[1, 2], [3]])
except ValueError as e:
    print("ValueError:", e)
try:
    tensor([1, 2], requires_grad=True)
except RuntimeError as e:
    print("RuntimeError:", e)
