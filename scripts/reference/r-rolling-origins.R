# R forecast 8.x on earlier test windows of the public forecast benchmark
# (../shared/benchmarks/forecast): the official split and the four windows of h steps
# before it, each forecast from everything before it. One test split of 24 points says
# little; five non-overlapping windows per series say more.
#   Rscript scripts/reference/r-rolling-origins.R > bench/r-rolling.json
# Needs R with the forecast and jsonlite packages (Debian: r-cran-forecast r-cran-jsonlite).
# TBATS is left out on the half-hourly series (over 700 s per fit).
suppressMessages({ library(forecast); library(jsonlite) })
dir <- file.path("..", "shared", "benchmarks", "forecast")
ref <- fromJSON(file.path(dir, "r_reference.json"))
windows <- 5

score <- function(f, train, test, m) {
  scale <- mean(abs(diff(train, lag = m)))
  inside <- function(i) mean(test >= f$lower[, i] & test <= f$upper[, i])
  list(mase = mean(abs(test - as.numeric(f$mean))) / scale, cov80 = inside(1), cov95 = inside(2))
}

methods <- function(y, h, multi) {
  common <- list(
    snaive = function() snaive(y, h = h, level = c(80, 95)),
    stlf = function() stlf(y, h = h, level = c(80, 95))
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

out <- list(source = "R forecast 8.x on Debian 12, scripts/reference/r-rolling-origins.R", windows = windows)
for (name in names(ref)) {
  r <- ref[[name]]
  d <- read.csv(file.path(dir, paste0(name, ".csv")))
  full <- d$value
  nTrain <- sum(d$split == "train")
  h <- r$h
  periods <- r$periods
  multi <- length(periods) > 1
  out[[name]] <- lapply(seq_len(windows) - 1, function(k) {
    end <- nTrain - k * h
    train <- full[1:end]
    test <- full[(end + 1):(end + h)]
    y <- if (multi) msts(train, seasonal.periods = periods) else ts(train, frequency = periods)
    ms <- methods(y, h, multi)
    if (max(periods) <= 168) ms$tbats <- function() forecast(tbats(y), h = h, level = c(80, 95))
    seconds <- list()
    scores <- lapply(names(ms), function(m) {
      t0 <- proc.time()[["elapsed"]]
      s <- score(ms[[m]](), train, test, max(periods))
      s$seconds <- proc.time()[["elapsed"]] - t0
      s
    })
    names(scores) <- names(ms)
    list(trainEnd = end, methods = scores)
  })
}
cat(toJSON(out, digits = 4, auto_unbox = TRUE, pretty = TRUE))
