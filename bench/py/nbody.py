# nbody: Python twin of bench/nbody.lua (five-body gravitational simulation).
import math
import sys


class Body:
    def __init__(self, x, y, z, vx, vy, vz, m):
        self.x, self.y, self.z = x, y, z
        self.vx, self.vy, self.vz = vx, vy, vz
        self.m = m


bodies = [
    Body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 30.0),
    Body(5.0, 0.5, -0.1, -0.2, 2.4, 0.05, 0.03),
    Body(-9.0, 1.5, 0.3, -0.35, -1.8, 0.02, 0.009),
    Body(0.8, 19.0, -0.4, -1.25, 0.05, 0.01, 0.0013),
    Body(-3.5, -29.0, 0.6, 1.0, -0.12, -0.02, 0.0015),
]


def offset_momentum(bs):
    px, py, pz = 0.0, 0.0, 0.0
    for b in bs:
        px = px + b.vx * b.m
        py = py + b.vy * b.m
        pz = pz + b.vz * b.m
    sun = bs[0]
    sun.vx = -px / sun.m
    sun.vy = -py / sun.m
    sun.vz = -pz / sun.m


def energy(bs):
    e = 0.0
    n = len(bs)
    for i in range(n):
        bi = bs[i]
        e = e + 0.5 * bi.m * (bi.vx * bi.vx + bi.vy * bi.vy + bi.vz * bi.vz)
        for j in range(i + 1, n):
            bj = bs[j]
            dx, dy, dz = bi.x - bj.x, bi.y - bj.y, bi.z - bj.z
            e = e - bi.m * bj.m / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


def advance(bs, dt):
    n = len(bs)
    sqrt = math.sqrt
    for i in range(n):
        bi = bs[i]
        for j in range(i + 1, n):
            bj = bs[j]
            dx, dy, dz = bi.x - bj.x, bi.y - bj.y, bi.z - bj.z
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * sqrt(d2))
            mi, mj = bi.m * mag, bj.m * mag
            bi.vx = bi.vx - dx * mj
            bi.vy = bi.vy - dy * mj
            bi.vz = bi.vz - dz * mj
            bj.vx = bj.vx + dx * mi
            bj.vy = bj.vy + dy * mi
            bj.vz = bj.vz + dz * mi
    for b in bs:
        b.x = b.x + dt * b.vx
        b.y = b.y + dt * b.vy
        b.z = b.z + dt * b.vz


steps = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
offset_momentum(bodies)
print("%.9f" % energy(bodies))
for _ in range(steps):
    advance(bodies, 0.001)
print("%.9f" % energy(bodies))
