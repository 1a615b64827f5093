# the lesson's manual backward equals autograd on a deterministic 2-layer MLP
manual_seed(0)
x = randn(20, 8)
y = randn(20)
w1 = randn(8, 5) / 8 ** 0.5
b1 = zeros(5)
w2 = randn(5, 1) / 5 ** 0.5
b2 = zeros(1)

def lin(x, w, b):
    return x @ w + b

def mse(output, targ):
    return (output.squeeze(-1) - targ).pow(2).mean()

def mse_grad(inp, targ):
    inp.g = 2. * (inp.squeeze() - targ).unsqueeze(-1) / inp.shape[0]

def relu_grad(inp, out):
    inp.g = (inp > 0).float() * out.g

def lin_grad(inp, out, w, b):
    inp.g = out.g @ w.t()
    w.g = (inp.unsqueeze(-1) * out.g.unsqueeze(1)).sum(0)
    b.g = out.g.sum(0)

def forward_and_backward(inp, targ):
    l1 = lin(inp, w1, b1)
    l2 = l1.clamp_min(0.)
    out = lin(l2, w2, b2)
    loss = mse(out, targ)
    mse_grad(out, targ)
    lin_grad(l2, out, w2, b2)
    relu_grad(l1, l2)
    lin_grad(inp, l1, w1, b1)
    return loss

loss = forward_and_backward(x, y)
print(f"{loss.item():.4f}")
grads = [w1.g, b1.g, w2.g, b2.g, x.g]
xt = x.clone().requires_grad_(True)
ps = [w1, b1, w2, b2]
ps2 = [p.clone().requires_grad_(True) for p in ps]
w1a, b1a, w2a, b2a = ps2
out = lin(lin(xt, w1a, b1a).relu(), w2a, b2a)
loss2 = mse(out, y)
loss2.backward()
print(loss2)
for g, p in zip(grads, ps2 + [xt]):
    test_near(g, p.grad)
print("grads match")
print(w2.g.squeeze())
print(w2a.grad.squeeze())
