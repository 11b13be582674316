# spectral_norm: Python twin of bench/spectral_norm.lua (power method on an infinite matrix).
import math
import sys


def A(i, j):
    ij = i + j
    return 1.0 / (ij * (ij + 1) / 2 + i + 1)


def mul_Av(n, v, out):
    for i in range(n):
        s = 0.0
        for j in range(n):
            s = s + A(i, j) * v[j]
        out[i] = s


def mul_Atv(n, v, out):
    for i in range(n):
        s = 0.0
        for j in range(n):
            s = s + A(j, i) * v[j]
        out[i] = s


def mul_AtAv(n, v, out, tmp):
    mul_Av(n, v, tmp)
    mul_Atv(n, tmp, out)


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1100
u, v, tmp = [1.0] * n, [0.0] * n, [0.0] * n
for _ in range(10):
    mul_AtAv(n, u, v, tmp)
    mul_AtAv(n, v, u, tmp)
vBv, vv = 0.0, 0.0
for i in range(n):
    vBv = vBv + u[i] * v[i]
    vv = vv + v[i] * v[i]
print("%.9f" % math.sqrt(vBv / vv))
