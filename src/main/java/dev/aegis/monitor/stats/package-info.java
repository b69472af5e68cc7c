/**
 * The exact statistics of the monitor: numeric and categorical drift (PSI, Jensen–Shannon, Kolmogorov–Smirnov,
 * Wasserstein, chi-square), fairness and performance figures, defined as in issue 6 and checked against SciPy and numpy.
 * Plain Java without Spring, so the same code runs embedded in Aegis or in a stand-alone monitor.
 */
package dev.aegis.monitor.stats;
