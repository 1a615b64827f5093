# zeros/ones/full/*_like/arange/linspace/eye with sizes as varargs or a tuple
print(zeros(2, 3))
print(zeros((2, 3)).shape, ones([4]).shape, zeros(2, 3, dtype=int64))
print(ones(2, 2, dtype=long), ones(3, dtype=bool))
print(full((2, 2), 7.), full((2,), 3), full((1,), True))
x = tensor([[1., 2.], [3., 4.]])
print(zeros_like(x), ones_like(x, dtype=int64), full_like(x, 9))
print(arange(5), arange(2, 8), arange(0, 10, 3), arange(0, 1, 0.2))
print(arange(5.), arange(1, 2.5, 0.5))
print(linspace(0, 1, 5), linspace(-1, 1, 4))
print(eye(3), eye(2, 3))
print(zeros(0).shape, zeros(2, 0))
s = x.shape
print(zeros(s).shape, ones(*s).shape)
