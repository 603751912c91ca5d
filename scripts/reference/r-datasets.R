# A second forecast benchmark from the seasonal series that ship with R: base R's `datasets`
# and the forecast package's own. Each is cut into a training split and a test split of its
# last h steps (two years of a monthly series, two of a quarterly one, a week of the
# half-hourly one), and R forecast 8.x's methods are scored on the test split as in
# benchmark-methods.R. The values travel with the scores, so the benchmark needs no download:
#   Rscript scripts/reference/r-datasets.R > bench/r-datasets.json
# Needs R with the forecast and jsonlite packages (Debian: r-cran-forecast r-cran-jsonlite).
source(file.path("scripts", "reference", "benchmark-methods.R"))

sets <- list(
  AirPassengers = list(y = AirPassengers, h = 24, what = "international airline passengers, monthly (datasets)"),
  UKDriverDeaths = list(y = UKDriverDeaths, h = 24, what = "UK car drivers killed or seriously injured, monthly (datasets)"),
  nottem = list(y = nottem, h = 24, what = "air temperature at Nottingham Castle, monthly (datasets)"),
  co2 = list(y = co2, h = 24, what = "Mauna Loa CO2 concentration, monthly (datasets)"),
  USAccDeaths = list(y = USAccDeaths, h = 12, what = "US accidental deaths, monthly (datasets)"),
  ldeaths = list(y = ldeaths, h = 12, what = "UK deaths from lung diseases, monthly (datasets)"),
  gas = list(y = gas, h = 24, what = "Australian gas production, monthly (forecast)"),
  wineind = list(y = wineind, h = 24, what = "Australian wine sales, monthly (forecast)"),
  UKgas = list(y = UKgas, h = 8, what = "UK gas consumption, quarterly (datasets)"),
  JohnsonJohnson = list(y = JohnsonJohnson, h = 8, what = "Johnson & Johnson earnings per share, quarterly (datasets)"),
  austres = list(y = austres, h = 8, what = "Australian residents, quarterly (datasets)"),
  woolyrnq = list(y = woolyrnq, h = 8, what = "Australian woollen yarn production, quarterly (forecast)"),
  taylor = list(y = taylor, h = 336, periods = c(48, 336), what = "electricity demand in England and Wales per 30 min, 12 weeks from 2000-06-05 (forecast)")
)

out <- list(source = paste("R", getRversion(), "forecast", packageVersion("forecast"), "on Debian, scripts/reference/r-datasets.R"))
for (name in names(sets)) {
  s <- sets[[name]]
  values <- as.numeric(s$y)
  periods <- if (is.null(s$periods)) frequency(s$y) else s$periods
  n <- length(values) - s$h
  train <- values[1:n]
  test <- values[(n + 1):length(values)]
  ms <- methods(as_series(train, periods), s$h, length(periods) > 1, periods)
  scores <- lapply(ms, function(run) {
    t0 <- proc.time()[["elapsed"]]
    sc <- score(run(), train, test, max(periods))
    sc$seconds <- proc.time()[["elapsed"]] - t0
    sc
  })
  out$series[[name]] <- list(
    description = s$what, periods = periods, h = s$h,
    start = if (is.null(s$periods)) paste(start(s$y), collapse = "-") else "2000-06-05",
    train = train, test = test, methods = scores
  )
}
cat(toJSON(out, digits = 6, auto_unbox = TRUE, pretty = FALSE))
