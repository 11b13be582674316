# mandelbrot: Python twin of bench/mandelbrot.lua (escape-time iteration over an n-by-n grid).
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1800
LIMIT = 50
inside, iters = 0, 0
for y in range(n):
    ci = 2.0 * y / n - 1.0
    for x in range(n):
        cr = 2.0 * x / n - 1.5
        zr, zi = 0.0, 0.0
        k = 0
        while k < LIMIT:
            zr2, zi2 = zr * zr, zi * zi
            if zr2 + zi2 > 4.0:
                break
            zi = 2.0 * zr * zi + ci
            zr = zr2 - zi2 + cr
            k += 1
        if k == LIMIT:
            inside += 1
        iters += k
print(inside, iters, sep="\t")
