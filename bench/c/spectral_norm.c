/* spectral_norm: C twin of bench/spectral_norm.lua (power method on an infinite matrix). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static double A(long i, long j)
{
	long ij = i + j;

	return 1.0 / (ij * (ij + 1) / 2 + i + 1);
}

static void mul_Av(long n, const double *v, double *out)
{
	for (long i = 0; i < n; i++) {
		double s = 0.0;
		for (long j = 0; j < n; j++)
			s = s + A(i, j) * v[j];
		out[i] = s;
	}
}

static void mul_Atv(long n, const double *v, double *out)
{
	for (long i = 0; i < n; i++) {
		double s = 0.0;
		for (long j = 0; j < n; j++)
			s = s + A(j, i) * v[j];
		out[i] = s;
	}
}

static void mul_AtAv(long n, const double *v, double *out, double *tmp)
{
	mul_Av(n, v, tmp);
	mul_Atv(n, tmp, out);
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1100;
	double *u = malloc(n * sizeof *u), *v = malloc(n * sizeof *v), *tmp = malloc(n * sizeof *tmp);
	double vBv = 0.0, vv = 0.0;

	for (long i = 0; i < n; i++) {
		u[i] = 1.0;
		v[i] = tmp[i] = 0.0;
	}
	for (int k = 0; k < 10; k++) {
		mul_AtAv(n, u, v, tmp);
		mul_AtAv(n, v, u, tmp);
	}
	for (long i = 0; i < n; i++) {
		vBv = vBv + u[i] * v[i];
		vv = vv + v[i] * v[i];
	}
	printf("%.9f\n", sqrt(vBv / vv));
	free(u);
	free(v);
	free(tmp);
	return 0;
}
