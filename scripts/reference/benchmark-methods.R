# What the R benchmark scripts share: R forecast 8.x's methods on the public forecast
# benchmark (../shared/benchmarks/forecast) and their scores. Sourced by
# r-benchmark-coverage.R and r-rolling-origins.R.
suppressMessages({ library(forecast); library(jsonlite) })
benchmark_dir <- file.path("..", "shared", "benchmarks", "forecast")

# MASE scaled by the training split's seasonal naive at period m, interval coverage, and the
# 95 % interval's mean scaled interval score (the M4 competition's MSIS, same scale).
score <- function(f, train, test, m) {
  scale <- mean(abs(diff(train, lag = m)))
  inside <- function(i) mean(test >= f$lower[, i] & test <= f$upper[, i])
  lo <- as.numeric(f$lower[, 2])
  hi <- as.numeric(f$upper[, 2])
  msis <- mean(hi - lo + 40 * pmax(lo - test, 0) + 40 * pmax(test - hi, 0)) / scale
  list(mase = mean(abs(test - as.numeric(f$mean))) / scale, cov80 = inside(1), cov95 = inside(2), msis = msis)
}

# The methods of r_reference.json for a series y (msts when `multi`), h steps ahead; TBATS
# only where the longest period is at most 168 (over 700 s per half-hourly fit).
methods <- function(y, h, multi, periods) {
  common <- list(
    snaive = function() snaive(y, h = h, level = c(80, 95)),
    stlf = function() stlf(y, h = h, level = c(80, 95)),
    mstl_ets = function() forecast(mstl(y), h = h, method = "ets", level = c(80, 95))
  )
  ms <- if (multi) common else c(common, list(
    ets = function() forecast(ets(y), h = h, level = c(80, 95)),
    ets_boxcox = function() forecast(ets(y, lambda = "auto", biasadj = TRUE), h = h, level = c(80, 95)),
    auto_arima = function() forecast(auto.arima(y), h = h, level = c(80, 95)),
    auto_arima_boxcox = function() forecast(auto.arima(y, lambda = "auto", biasadj = TRUE), h = h, level = c(80, 95)),
    thetaf = function() thetaf(y, h = h, level = c(80, 95))
  ))
  if (max(periods) <= 168) ms$tbats <- function() forecast(tbats(y), h = h, level = c(80, 95))
  ms
}

# The series as R sees it: ts with one period, msts with several.
as_series <- function(values, periods) {
  if (length(periods) > 1) msts(values, seasonal.periods = periods) else ts(values, frequency = periods)
}
