# Reference values for tests/unit/forecasting/ets.core.test.ts, from R's forecast package (8.x):
# ets() on published series (AirPassengers, ldeaths, austres, WWWusage, and the first 24 and
# 30 months of AirPassengers and ldeaths) and the training
# splits of the benchmark's monthly and daily series: the model it picks, and for every model
# it compares the fitted parameters, initial states, log-likelihood, AICc and sigma², plus
# the chosen model's forecasts with 80 % and 95 % intervals (analytic, and from 20,000
# simulated sample paths).
#   Rscript scripts/reference/ets.R > tests/fixtures/reference/ets.json
# Needs R with the forecast and jsonlite packages (Debian: r-cran-forecast r-cran-jsonlite).
suppressMessages({ library(forecast); library(jsonlite) })
dir <- file.path("..", "shared", "benchmarks", "forecast")
bench <- function(name, f) {
  d <- read.csv(file.path(dir, paste0(name, ".csv")))
  ts(d$value[d$split == "train"], frequency = f)
}
series <- list(
  AirPassengers = list(y = AirPassengers, h = 24),
  ldeaths = list(y = ldeaths, h = 12),
  austres = list(y = austres, h = 8),
  WWWusage = list(y = WWWusage, h = 10),
  a10 = list(y = bench("a10", 12), h = 24),
  usmelec = list(y = bench("usmelec", 12), h = 24),
  hyndsight = list(y = bench("hyndsight", 7), h = 28),
  # under three cycles R starts the season from a line and one Fourier pair
  AirPassengers2y = list(y = window(AirPassengers, end = c(1950, 12)), h = 12),
  ldeaths30 = list(y = window(ldeaths, end = c(1976, 6)), h = 12)
)
codes <- function(y) {
  m <- frequency(y)
  positive <- min(y) > 0
  out <- character(0)
  for (e in if (positive) c("A", "M") else "A")
    for (t in c("N", "A", "Ad"))
      for (s in if (m > 1) c("N", "A", "M") else "N") {
        if (s == "M" && (!positive || e == "A")) next
        out <- c(out, paste0(e, t, s))
      }
  out
}
one <- function(fit) list(
  method = fit$method, par = as.list(fit$par), loglik = fit$loglik, aicc = fit$aicc,
  sigma2 = fit$sigma2, initstate = unname(fit$initstate)
)
out <- lapply(series, function(s) {
  y <- s$y
  models <- lapply(codes(y), function(code) {
    damped <- grepl("Ad", code)
    fit <- ets(y, model = sub("d", "", code), damped = damped)
    c(list(code = code), one(fit))
  })
  auto <- ets(y)
  fc <- forecast(auto, h = s$h, level = c(80, 95))
  set.seed(1)
  sim <- forecast(auto, h = s$h, level = c(80, 95), simulate = TRUE, npaths = 20000)
  list(
    frequency = frequency(y), values = as.numeric(y), models = models, auto = one(auto),
    forecast = list(mean = as.numeric(fc$mean), lo80 = as.numeric(fc$lower[, 1]),
      hi80 = as.numeric(fc$upper[, 1]), lo95 = as.numeric(fc$lower[, 2]),
      hi95 = as.numeric(fc$upper[, 2])),
    simulated = list(lo80 = as.numeric(sim$lower[, 1]), hi80 = as.numeric(sim$upper[, 1]),
      lo95 = as.numeric(sim$lower[, 2]), hi95 = as.numeric(sim$upper[, 2]))
  )
})
cat(toJSON(out, digits = 10, auto_unbox = TRUE))
