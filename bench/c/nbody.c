/* nbody: C twin of bench/nbody.lua (five-body gravitational simulation). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct Body {
	double x, y, z, vx, vy, vz, m;
} Body;

enum { NBODIES = 5 };

static Body bodies[NBODIES] = {
	{0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 30.0},
	{5.0, 0.5, -0.1, -0.2, 2.4, 0.05, 0.03},
	{-9.0, 1.5, 0.3, -0.35, -1.8, 0.02, 0.009},
	{0.8, 19.0, -0.4, -1.25, 0.05, 0.01, 0.0013},
	{-3.5, -29.0, 0.6, 1.0, -0.12, -0.02, 0.0015},
};

static void offset_momentum(Body *bs, int n)
{
	double px = 0.0, py = 0.0, pz = 0.0;

	for (int i = 0; i < n; i++) {
		px = px + bs[i].vx * bs[i].m;
		py = py + bs[i].vy * bs[i].m;
		pz = pz + bs[i].vz * bs[i].m;
	}
	bs[0].vx = -px / bs[0].m;
	bs[0].vy = -py / bs[0].m;
	bs[0].vz = -pz / bs[0].m;
}

static double energy(const Body *bs, int n)
{
	double e = 0.0;

	for (int i = 0; i < n; i++) {
		const Body *bi = &bs[i];
		e = e + 0.5 * bi->m * (bi->vx * bi->vx + bi->vy * bi->vy + bi->vz * bi->vz);
		for (int j = i + 1; j < n; j++) {
			const Body *bj = &bs[j];
			double dx = bi->x - bj->x, dy = bi->y - bj->y, dz = bi->z - bj->z;
			e = e - bi->m * bj->m / sqrt(dx * dx + dy * dy + dz * dz);
		}
	}
	return e;
}

static void advance(Body *bs, int n, double dt)
{
	for (int i = 0; i < n; i++) {
		Body *bi = &bs[i];
		for (int j = i + 1; j < n; j++) {
			Body *bj = &bs[j];
			double dx = bi->x - bj->x, dy = bi->y - bj->y, dz = bi->z - bj->z;
			double d2 = dx * dx + dy * dy + dz * dz;
			double mag = dt / (d2 * sqrt(d2));
			double mi = bi->m * mag, mj = bj->m * mag;
			bi->vx = bi->vx - dx * mj;
			bi->vy = bi->vy - dy * mj;
			bi->vz = bi->vz - dz * mj;
			bj->vx = bj->vx + dx * mi;
			bj->vy = bj->vy + dy * mi;
			bj->vz = bj->vz + dz * mi;
		}
	}
	for (int i = 0; i < n; i++) {
		bs[i].x = bs[i].x + dt * bs[i].vx;
		bs[i].y = bs[i].y + dt * bs[i].vy;
		bs[i].z = bs[i].z + dt * bs[i].vz;
	}
}

int main(int argc, char **argv)
{
	long steps = argc > 1 ? atol(argv[1]) : 1000000;

	offset_momentum(bodies, NBODIES);
	printf("%.9f\n", energy(bodies, NBODIES));
	for (long s = 0; s < steps; s++)
		advance(bodies, NBODIES, 0.001);
	printf("%.9f\n", energy(bodies, NBODIES));
	return 0;
}
