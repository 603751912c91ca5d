# Prediction-interval coverage of R forecast 8.x on the public forecast benchmark
# (../shared/benchmarks/forecast), next to its MASE, which reproduces r_reference.json.
#   Rscript scripts/reference/r-benchmark-coverage.R > bench/r-coverage.json
# Needs R with the forecast and jsonlite packages (Debian: r-cran-forecast r-cran-jsonlite).
# TBATS is left out on the half-hourly series (over 700 s each).
suppressMessages({ library(forecast); library(jsonlite) })
dir <- file.path("..", "shared", "benchmarks", "forecast")
ref <- fromJSON(file.path(dir, "r_reference.json"))

score <- function(f, train, test, m) {
  scale <- mean(abs(diff(train, lag = m)))
  inside <- function(i) mean(test >= f$lower[, i] & test <= f$upper[, i])
  list(mase = mean(abs(test - as.numeric(f$mean))) / scale, cov80 = inside(1), cov95 = inside(2))
}

methods <- function(y, h, multi) {
  common <- list(
    snaive = function() snaive(y, h = h, level = c(80, 95)),
    stlf = function() stlf(y, h = h, level = c(80, 95)),
    mstl_ets = function() forecast(mstl(y), h = h, method = "ets", level = c(80, 95))
  )
  if (multi) return(common)
  c(common, list(
    ets = function() forecast(ets(y), h = h, level = c(80, 95)),
    ets_boxcox = function() forecast(ets(y, lambda = "auto", biasadj = TRUE), h = h, level = c(80, 95)),
    auto_arima = function() forecast(auto.arima(y), h = h, level = c(80, 95)),
    auto_arima_boxcox = function() forecast(auto.arima(y, lambda = "auto", biasadj = TRUE), h = h, level = c(80, 95)),
    thetaf = function() thetaf(y, h = h, level = c(80, 95))
  ))
}

out <- list(source = "R forecast 8.x on Debian 12, scripts/reference/r-benchmark-coverage.R")
for (name in names(ref)) {
  r <- ref[[name]]
  d <- read.csv(file.path(dir, paste0(name, ".csv")))
  train <- d$value[d$split == "train"]
  test <- d$value[d$split == "test"]
  periods <- r$periods
  multi <- length(periods) > 1
  y <- if (multi) msts(train, seasonal.periods = periods) else ts(train, frequency = periods)
  ms <- methods(y, length(test), multi)
  if (max(periods) <= 168) ms$tbats <- function() forecast(tbats(y), h = length(test), level = c(80, 95))
  out[[name]] <- lapply(ms, function(run) score(run(), train, test, max(periods)))
}
cat(toJSON(out, digits = 4, auto_unbox = TRUE, pretty = TRUE))
