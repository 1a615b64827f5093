# indexing: ints, slices, None, ..., masks, int tensors and lists
x = arange(24).reshape(2, 3, 4)
print(x[0], x[1, 2], x[1, 2, 3], x[-1, -1, -1])
print(x[:, 1], x[..., 0], x[0, ..., 1], x[:, :, ::2], x[:, 1:, 1:3])
print(x[None].shape, x[:, None].shape, x[..., None].shape, x[0, None, :, None].shape)
print(x[0][x[0] > 5], x[x % 5 == 0])
print(x[0, [0, 2]], x[0, :, [1, 3]], x[tensor([1, 0])].shape, x[0, tensor([0, 0, 2])])
print(x[[0, 1], [1, 2]], x[1, [True, False, True]])
m = arange(9.).reshape(3, 3)
print(m[1:3, 1:3], m[:, -1], m[-2:], m[::2, ::2], m[1][2], m[1:, 0])
print(m[5:], m[:, 5:].shape)
try:
    m[3]
except IndexError as e:
    print("IndexError:", e)
try:
    m[0, 0, 0]
except IndexError as e:
    print("IndexError:", e)
