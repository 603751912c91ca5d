# Reference values for tests/unit/forecasting/arima-differences.core.test.ts and
# tests/unit/forecasting/arima-search.test.ts, from R's forecast package (8.x):
# the KPSS statistic and ndiffs(), the seasonal strength and nsdiffs(), and the model
# auto.arima() chooses with exact likelihoods (approximation = FALSE) and by default (CSS
# during the search on long series), drift included, and CSS fits of the exact choice.
#   Rscript scripts/reference/arima-search.R > tests/fixtures/reference/arima-search.json
# Needs R with the forecast and jsonlite packages (Debian: r-cran-forecast r-cran-jsonlite).
suppressMessages({ library(forecast); library(jsonlite); library(urca) })
dir <- file.path("..", "shared", "benchmarks", "forecast")
bench <- function(name, f) {
  d <- read.csv(file.path(dir, paste0(name, ".csv")))
  ts(d$value[d$split == "train"], frequency = f)
}
series <- list(
  AirPassengersLog = log(AirPassengers),
  a10 = bench("a10", 12),
  a10BoxCox = BoxCox(bench("a10", 12), 0.1685501),
  usmelec = bench("usmelec", 12),
  hyndsight = bench("hyndsight", 7),
  ldeaths = ldeaths,
  austres = austres,
  sunspots = window(sunspot.month, start = 1950, end = c(1979, 12)),
  WWWusage = WWWusage
)
# The approximation phase of R's trace, "ARIMA(2,0,2)(1,1,1)[12] with drift : -341.3707"
# or "ARIMA(0,0,0) with non-zero mean : 3925.804", as orders, drift and criterion
trace_of <- function(x) {
  out <- capture.output(auto.arima(x, trace = TRUE))
  out <- out[seq_len(grep("re-fitting", out)[1] - 1)]
  lines <- grep("^ ARIMA", out, value = TRUE)
  pattern <- "ARIMA\\(([0-9]+),([0-9]+),([0-9]+)\\)(\\(([0-9]+),([0-9]+),([0-9]+)\\)\\[[0-9]+\\])?"
  lapply(lines, function(line) {
    g <- regmatches(line, regexec(pattern, line))[[1]]
    seasonal <- if (nzchar(g[5])) as.integer(g[6:8]) else c(0L, 0L, 0L)
    list(order = as.integer(g[2:4]), seasonalOrder = seasonal,
      drift = grepl("with drift", line), zeroMean = grepl("with zero mean", line),
      ic = as.numeric(sub(".*: *", "", line)))
  })
}
out <- lapply(series, function(x) {
  m <- frequency(x)
  n <- length(x)
  kpss <- ur.kpss(as.numeric(x), type = "mu", use.lag = trunc(3 * sqrt(n) / 13))@teststat[1]
  strength <- if (m > 1) forecast:::seas.heuristic(x) else NA
  D <- if (m > 1) nsdiffs(x) else 0
  dx <- if (D > 0) diff(x, lag = m, differences = D) else x
  fit <- auto.arima(x, approximation = FALSE)
  o <- arimaorder(fit)
  approx <- auto.arima(x)
  oa <- arimaorder(approx)
  css <- stats::arima(x, order = o[1:3], seasonal = list(order = if (length(o) > 3) o[4:6] else c(0, 0, 0), period = m),
    xreg = if ("drift" %in% names(coef(fit))) 1:n else NULL, method = "CSS")
  list(
    values = as.numeric(x), period = m, kpss = kpss, ndiffs = ndiffs(as.numeric(x)),
    seasonalStrength = strength, nsdiffs = D, ndiffsAfterSeasonal = ndiffs(as.numeric(dx)),
    order = unname(o[1:3]), seasonalOrder = if (length(o) > 3) unname(o[4:6]) else c(0, 0, 0),
    drift = "drift" %in% names(coef(fit)), aicc = fit$aicc,
    forecast = as.numeric(forecast(fit, h = 2 * max(m, 6))$mean),
    # R's default: CSS during the search when n > 150 or m > 12
    approximation = length(x) > 150 || m > 12,
    defaultOrder = unname(oa[1:3]), defaultSeasonalOrder = if (length(oa) > 3) unname(oa[4:6]) else c(0, 0, 0),
    defaultDrift = "drift" %in% names(coef(approx)),
    defaultForecast = as.numeric(forecast(approx, h = 2 * max(m, 6))$mean),
    # the exact model's orders fitted by conditional sum of squares
    css = list(coef = unname(coef(css)), names = names(coef(css)), sigma2 = css$sigma2),
    # the approximate criteria R's search printed (trace = TRUE), on the approximated series
    trace = if (length(x) > 150 || m > 12) trace_of(x) else NULL
  )
})
cat(toJSON(out, digits = 10, auto_unbox = TRUE, pretty = FALSE, na = "null"))
