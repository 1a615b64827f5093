# errors carry PyTorch's exception types and messages
a = zeros(2, 3)
for f in [lambda: a + zeros(2, 2), lambda: a @ zeros(2, 3), lambda: a.view(4), lambda: a[2],
          lambda: a.sum(2), lambda: a.unsqueeze(3), lambda: a.transpose(0, 2), lambda: a.expand(3, 3),
          lambda: cat([a, zeros(2)]), lambda: tensor([1., 2.]).item(), lambda: zeros(2, -1),
          lambda: a[0, 0, 0], lambda: tensor([1, 2]).float().requires_grad_().long().requires_grad_(),
          lambda: a.max(dim=5), lambda: a + zeros(3, 2), lambda: zeros(4, 2, 3) * zeros(3, 3),
          lambda: zeros(2, 3, 4) - zeros(3, 2, 4), lambda: zeros(7, 1, 2) / zeros(7, 5, 3),
          lambda: zeros(1, 2**62, 0, 3), lambda: zeros(2**62, 2**62, 0), lambda: zeros(0).view(1, 2**62, 0, 3),
          lambda: zeros(1).expand(2**62, 2**62), lambda: zeros(2**62, 0, 2**62).sum(1)]:
    try:
        f()
        print("no error")
    except (RuntimeError, IndexError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
