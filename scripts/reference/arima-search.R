# Reference values for tests/unit/forecasting/arima-differences.core.test.ts and
# tests/unit/forecasting/arima-search.test.ts, from R's forecast package (8.x):
# the KPSS statistic and ndiffs(), the seasonal strength and nsdiffs(), and the model
# auto.arima() chooses with exact likelihoods (approximation = FALSE), drift included.
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
out <- lapply(series, function(x) {
  m <- frequency(x)
  n <- length(x)
  kpss <- ur.kpss(as.numeric(x), type = "mu", use.lag = trunc(3 * sqrt(n) / 13))@teststat[1]
  strength <- if (m > 1) forecast:::seas.heuristic(x) else NA
  D <- if (m > 1) nsdiffs(x) else 0
  dx <- if (D > 0) diff(x, lag = m, differences = D) else x
  fit <- auto.arima(x, approximation = FALSE)
  o <- arimaorder(fit)
  list(
    values = as.numeric(x), period = m, kpss = kpss, ndiffs = ndiffs(as.numeric(x)),
    seasonalStrength = strength, nsdiffs = D, ndiffsAfterSeasonal = ndiffs(as.numeric(dx)),
    order = unname(o[1:3]), seasonalOrder = if (length(o) > 3) unname(o[4:6]) else c(0, 0, 0),
    drift = "drift" %in% names(coef(fit)), aicc = fit$aicc,
    forecast = as.numeric(forecast(fit, h = 2 * max(m, 6))$mean)
  )
})
cat(toJSON(out, digits = 10, auto_unbox = TRUE, pretty = FALSE, na = "null"))
